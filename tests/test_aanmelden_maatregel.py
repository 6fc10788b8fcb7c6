"""The real kaart: every routeertafel says how a case gets there; every measure says who decides and for how long.

Issue 18 items 2 and 4. Asserted on the rendered pages, because that is what a newcomer reads: a section
"Zo breng je een zaak in" with a number to call, and measure facts each followed by the source they rest on.
"""

from __future__ import annotations

import re

import pytest

from generator.catalog import Catalog
from generator.render import render_site
from tests.helpers import ROOT, catalog_of

SECTION = re.compile(r"^## Zo breng je een zaak in\n(?P<body>.*?)(?=^## )", re.M | re.S)


@pytest.fixture(scope="module")
def real() -> Catalog:
    return catalog_of(ROOT)


@pytest.fixture(scope="module")
def pages(real: Catalog) -> dict[str, str]:
    return render_site(real, []).pages


def intake(pages: dict[str, str], tafel_id: str) -> str:
    found = SECTION.search(pages[f"routeertafels/{tafel_id}.md"])
    assert found, f"routeertafels/{tafel_id}.md heeft geen 'Zo breng je een zaak in'"
    return found.group("body")


def test_every_routeertafel_says_how_a_case_gets_there(real: Catalog, pages: dict[str, str]) -> None:
    tafels = real.of("routeertafels")
    assert len(tafels) >= 20
    for tafel in tafels.values():
        assert tafel.aanmelden is not None, f"{tafel.bestand}: geen aanmelden-blok"
        assert tafel.hoe_aanmelden, f"{tafel.bestand}: geen hoe_aanmelden"
        assert tafel.aanmelden.bronnen, tafel.bestand
        body = intake(pages, tafel.id)
        # A number to call, never only "unknown".
        assert "](tel:" in body, f"{tafel.id}: geen telefoonnummer in 'Zo breng je een zaak in'"
        assert "nog niet geverifieerd" not in body
        assert "Bron:" in body, f"{tafel.id}: de route noemt haar bron niet"


def test_routes_without_a_described_intake_say_so_and_give_a_way_that_works(real: Catalog, pages: dict[str, str]) -> None:
    routes = {t.aanmelden.route for t in real.of("routeertafels").values() if t.aanmelden}
    assert routes == {"beschreven", "algemene-route", "geen-inbreng"}
    for tafel in real.of("routeertafels").values():
        assert tafel.aanmelden is not None
        body = intake(pages, tafel.id)
        if tafel.aanmelden.route != "beschreven":
            assert tafel.aanmelden.via, f"{tafel.id}: zonder beschreven route hoort er een organisatie bij om te bellen"
        if tafel.aanmelden.route == "algemene-route" and tafel.status not in ("gepland", "onbekend", "opgeheven"):
            assert "De bronnen zeggen niet hoe je hier zelf een zaak aanmeldt" in body
        if tafel.aanmelden.route == "geen-inbreng":
            assert "Hier breng je zelf geen zaak in" in body


def test_a_route_from_a_public_page_names_the_page_and_the_day_it_was_read(real: Catalog) -> None:
    web = [b for t in real.of("routeertafels").values() if t.aanmelden for b in t.aanmelden.bronnen if b.url]
    assert len(web) >= 10
    assert all(b.bekeken_op is not None for b in web)


def test_every_measure_states_who_decides_and_how_long_with_a_public_source(real: Catalog) -> None:
    measures = [v for v in real.of("voorzieningen").values() if v.soort == "maatregel" or v.maatregel]
    assert {"tijdelijk-huisverbod", "kinderbeschermingsmaatregel", "jeugdreclassering"} <= {v.id for v in measures}
    for vz in measures:
        assert vz.maatregel is not None, f"{vz.bestand}: een maatregel zonder wie beslist en hoe lang"
        for feit in (vz.maatregel.wie_beslist, vz.maatregel.duur):
            assert any(b.url for b in feit.bronnen), f"{vz.bestand}: '{feit.tekst}' zonder wet of openbare webpagina"


def test_huisverbod_page_gives_decision_maker_and_duration_each_with_its_source(pages: dict[str, str]) -> None:
    page = pages["voorzieningen/tijdelijk-huisverbod.md"]
    facts = re.findall(r"^\*\*([^*]+\?)\*\* .*\n<small class=\"gia-bron\"", page, re.M)
    assert facts[:3] == ["Wie beslist?", "Wanneer?", "Hoe lang?"]
    assert "Wat doet Veilig Thuis?" in facts
    decides = re.search(r"^\*\*Wie beslist\?\*\* (.*)\n(<small class=\"gia-bron\".*)$", page, re.M)
    lasts = re.search(r"^\*\*Hoe lang\?\*\* (.*)\n(<small class=\"gia-bron\".*)$", page, re.M)
    assert decides
    assert lasts
    assert decides.group(1).startswith("De burgemeester.")
    assert "Tien dagen" in lasts.group(1)
    assert "vier weken" in lasts.group(1)
    for fact in (decides, lasts):
        assert 'href="https://' in fact.group(2)
        assert "bekeken op" in fact.group(2)
    # The regiovisie's wording "de gemeente legt het huisverbod op" is reported as a disagreement, not repeated.
    assert "de gemeente legt het huisverbod op" not in page.lower()
    assert "Bronnen spreken elkaar tegen" in page


def test_a_measure_is_never_something_to_call(real: Catalog, pages: dict[str, str]) -> None:
    for vz in real.of("voorzieningen").values():
        if vz.maatregel is None:
            continue
        assert vz.contact is None, f"{vz.bestand}: een maatregel heeft geen telefoonnummer"
        page = pages[f"voorzieningen/{vz.id}.md"]
        assert "## Wie bel je?" in page
        assert "Een maatregel vraag je niet zelf aan" in page
        assert "## Contact" not in page
