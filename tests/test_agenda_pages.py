"""Issue 14: the uitvoeringsagenda browsed by programmalijn, thema and status in pages of readable length."""

from __future__ import annotations

import posixpath
import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup, Tag

from generator.catalog import Catalog
from generator.model import Uitvoeringsagenda
from generator.render import render_site
from generator.render.agenda import PAGE_SIZE, first_sentence, slug, thema_pages
from tests.helpers import ROOT, catalog_of

LINK = re.compile(r"\]\(([^)#\s]+\.md)#(activiteit-[^)\s]+)\)")


@pytest.fixture(scope="module")
def real() -> Catalog:
    return catalog_of(ROOT)


@pytest.fixture(scope="module")
def agenda(real: Catalog) -> Uitvoeringsagenda:
    return next(iter(real.of("uitvoeringsagenda").values()))


@pytest.fixture(scope="module")
def pages(real: Catalog) -> dict[str, str]:
    return render_site(real, []).pages


def test_every_activity_is_on_exactly_one_short_thema_page(agenda: Uitvoeringsagenda, pages: dict[str, str]) -> None:
    found = Counter[str]()
    for page in thema_pages(agenda):
        assert 0 < len(page.items) <= PAGE_SIZE
        assert {a.thema for a in page.items} == {page.thema}
        ids = re.findall(r'id="activiteit-([^"]+)"', pages[page.path])
        assert ids == [a.id for a in page.items]
        found.update(ids)
    assert found == Counter(a.id for a in agenda.activiteiten)
    assert not re.search(r'class="gia-activiteit"', pages["uitvoeringsagenda/index.md"])


def test_overview_counts_match_the_agenda(agenda: Uitvoeringsagenda, pages: dict[str, str]) -> None:
    soup = BeautifulSoup(pages["uitvoeringsagenda/index.md"], "html.parser")
    chart = soup.find(class_="gia-grafiek__vlak")
    assert isinstance(chart, Tag)
    assert chart["role"] == "img"
    names = [n.get_text() for n in chart.select(".gia-grafiek__naam")]
    totals = [int(n.get_text()) for n in chart.select(".gia-grafiek__totaal")]
    assert names == [p.naam for p in agenda.programmalijnen]  # whole names, not cut at a length
    assert totals == [sum(a.programmalijn == p.id for a in agenda.activiteiten) for p in agenda.programmalijnen]
    desc = soup.find(id="agenda-grafiek-desc")
    assert isinstance(desc, Tag)
    for lijn in agenda.programmalijnen:
        gepland = sum(a.programmalijn == lijn.id and a.status == "gepland" for a in agenda.activiteiten)
        assert f"{lijn.naam}: " in desc.get_text()
        assert f"{gepland} gepland" in desc.get_text()


def test_selection_pages_link_to_each_matching_activity(agenda: Uitvoeringsagenda, pages: dict[str, str]) -> None:
    for status in {a.status for a in agenda.activiteiten}:
        path = f"uitvoeringsagenda/status-{status}.md"
        links = LINK.findall(pages[path])
        assert sorted(anchor.removeprefix("activiteit-") for _, anchor in links) == sorted(
            a.id for a in agenda.activiteiten if a.status == status
        )
        for target, anchor in links:
            page = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert f'id="{anchor}"' in pages[page], (path, target, anchor)


def test_record_pages_link_to_the_activity_on_its_thema_page(real: Catalog, pages: dict[str, str]) -> None:
    checked = 0
    for rid in real.of("organisaties"):
        path = f"organisaties/{rid}.md"
        for target, anchor in LINK.findall(pages[path]):
            page = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert f'id="{anchor}"' in pages[page], (path, target)
            checked += 1
    assert checked > 0


def test_slugs_and_first_sentences() -> None:
    assert slug("Naslagdocument: 4b. Kwetsbare vrouwen") == "naslagdocument-4b-kwetsbare-vrouwen"
    assert slug("Één “thema” met é") == "een-thema-met-e"
    assert len(slug("woord " * 40)) <= 60
    text = "Een of meer meldcodetours organiseren. Daarbij krijgen professionals extra aandacht."
    assert first_sentence(text) == "Een of meer meldcodetours organiseren."
    assert first_sentence("Geen punt hier") == "Geen punt hier"
