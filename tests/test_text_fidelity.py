"""Editor text reaches the built pages literally: HTML, Markdown and table characters stay text.

The edge-case catalogue (tests/fixtures/rand) puts the same nasty text in every free-text field,
each time behind the field's name ("rol: <b>vet</b> | *ster* …"). The site is built with MkDocs and
each page is read back with BeautifulSoup: the visible text of the page must hold the text exactly
as typed, and none of it may have turned into markup (bold, links, code, marks, classes).

The same check runs fast on the rendered Markdown, converted with Python-Markdown and the Markdown
extensions of mkdocs.yml (all but snippets, which needs the build folder): quick feedback, and the
judge of `make mutate MODULES=sjablonen`. The build is the final word.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from generator.load import load_project
from generator.pipeline import build_project
from generator.render import render_site
from tests.helpers import ROOT, TODAY, catalog_of, make_rand_project

TEXT = " <b>vet</b> | *ster* _laag_ [haak](https://example.org) `code` \\ &amp; ==m== { .x }"
# Names (and their synonyms) have a stricter grammar: no <, >, backslash, braces, backticks or link syntax.
NAME_TEXT = " vet | *ster* _laag_ [haak] (example.org) &amp; ==m== «x»"
NAME_FIELDS = {"ook_bekend_als", "voorziening.ook_bekend_als", "synoniemen", "begrip.synoniemen"}


def typed(field: str) -> str:
    """What the fixture holds in this field, behind the field's name."""
    return squash(f"{field}:{NAME_TEXT if field in NAME_FIELDS else TEXT}")


# Field → the page (in the built site) that must show it. Written by hand from the templates' purpose.
SHOWN_ON = {
    "ook_bekend_als": "organisaties/crisisdienst-rand",
    "beschrijving": "organisaties/crisisdienst-rand",
    "rol": "organisaties/crisisdienst-rand",
    "telefoon.toelichting": "organisaties/crisisdienst-rand",
    "beschikbaarheid.toelichting": "organisaties/crisisdienst-rand",
    "bron.toelichting": "organisaties/crisisdienst-rand",
    "bronverschil.toelichting": "organisaties/crisisdienst-rand",
    "voorziening.ook_bekend_als": "voorzieningen/nieuwe-opvang-rand",
    "voorziening.beschrijving": "voorzieningen/nieuwe-opvang-rand",
    "voor_wie": "voorzieningen/nieuwe-opvang-rand",
    "toegang": "voorzieningen/nieuwe-opvang-rand",
    "adres.straat": "voorzieningen/nieuwe-opvang-rand",
    "adres.plaats": "voorzieningen/nieuwe-opvang-rand",
    "doel": "routeertafels/overleg-rand",
    "instroomcriteria": "routeertafels/overleg-rand",
    "wie_mag_aanmelden": "routeertafels/overleg-rand",
    "hoe_aanmelden": "routeertafels/overleg-rand",
    "casusregie": "routeertafels/overleg-rand",
    "frequentie": "routeertafels/overleg-rand",
    "synoniemen": "expertise/rand-vorm",
    "uitleg": "expertise/rand-vorm",
    "signalen": "expertise/rand-vorm",
    "expertise.let_op": "expertise/rand-vorm",
    "aanpak": "expertise/rand-vorm",
    "begrip.synoniemen": "begrippen/rand-begrip",
    "definitie": "begrippen/rand-begrip",
    "ketenroute.beschrijving": "ketenroutes/route-rand",
    "voorwaarde": "ketenroutes/route-rand",
    "termijn": "ketenroutes/route-rand",
    # A route's let_op and a stap's omschrijving are read where a professional acts on them: the answer pages.
    "ketenroute.let_op": "wie-bel-ik/rand-vorm/acuut/noordstad",
    "omschrijving": "wie-bel-ik/rand-vorm/acuut/noordstad",
    # An activity in the uitvoeringsagenda is listed on the page of each organisation that takes part.
    "agenda.activiteit": "organisaties/crisisdienst-rand",
}

# Names, titles, labels, e-mail addresses and websites have stricter grammars (no < > \ { } `), but those
# allow * _ [ ] |, so the edge-case records put them there. Page → the title (h1) as the editor typed it.
TITLES = {
    "organisaties/crisisdienst-rand": "Crisisdienst (Rand) | *nacht*",
    "voorzieningen/nieuwe-opvang-rand": "Nieuwe opvang Rand | *nacht* _dag_",
    "routeertafels/overleg-rand": "Overleg Rand | *nacht* _dag_",
    "expertise/rand-vorm": "Randgeval | *nacht* _dag_",
    "ketenroutes/route-rand": "Route Rand | *nacht* _dag_",
    "begrippen/rand-begrip": "Randbegrip | *nacht* _dag_",
}
# Page → sentences a reader must see with those characters as typed (written by hand from the fixture).
SENTENCES = {
    "organisaties/crisisdienst-rand": [
        "E-mail: _crisis_@example.org",
        "Website: https://example.org/*nacht*/_dag_",
        "( agenda.thema | *ster* _laag_ [haak] )",  # the activity's theme, linked to the agenda
    ],
    "organisaties/gemeente-randstad": [
        "Werk je in Randstad | *aan* _zee_? Alles voor je werk daar staat op Werken in Randstad | *aan* _zee_ .",
    ],
    "expertise/rand-vorm": ["Wie bel ik bij randgeval | *nacht* _dag_?"],
    # A stap's label (instead of its action), and the same label where the previous stap points at it.
    "ketenroutes/route-rand": [
        "— Overleg | *nacht* _dag_",
        "Daarna stap 3 ( overleg | *nacht* _dag_ )",
        "Lees ook: Uitleg | *nacht* _dag_ [haak] .",  # the title of the hand-written page that explains it
    ],
    "begrippen/rand-begrip": ["Lees ook: Uitleg | *nacht* _dag_ [haak] ."],
}


def squash(text: str) -> str:
    return " ".join(text.split())


def markdown_extensions() -> tuple[list[str], dict[str, dict[str, object]]]:
    """The Markdown extensions of mkdocs.yml with their settings, without snippets."""
    names: list[str] = []
    configs: dict[str, dict[str, object]] = {}
    for entry in yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        if name != "pymdownx.snippets":
            names.append(name)
            configs[name] = config
    return names, configs


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Tag]:
    """Page (as in SHOWN_ON) → its body, rendered to Markdown and converted to HTML without MkDocs."""
    root = make_rand_project(tmp_path_factory.mktemp("rand-md") / "project")
    pages = render_site(catalog_of(root), load_project(root).content, today=TODAY).pages
    names, configs = markdown_extensions()
    out: dict[str, Tag] = {}
    for page in {*SHOWN_ON.values(), *TITLES, *SENTENCES}:
        text = pages[f"{page}.md"].split("---\n", 2)[2]  # without the front matter
        html = markdown.markdown(text, extensions=names, extension_configs=configs)
        out[page] = BeautifulSoup(f"<article>{html}</article>", "html.parser").article
    return out


@pytest.mark.parametrize("field", sorted(SHOWN_ON))
def test_free_text_shows_literally_in_the_rendered_markdown(rendered: dict[str, Tag], field: str) -> None:
    assert typed(field) in squash(rendered[SHOWN_ON[field]].get_text(" "))


@pytest.mark.parametrize("page", sorted(set(SHOWN_ON.values())))
def test_rendered_markdown_makes_no_markup_of_editor_text(rendered: dict[str, Tag], page: str) -> None:
    body = rendered[page]
    assert body.find_all(["b", "mark", "blockquote"]) == []
    assert body.select('a[href="https://example.org"]') == []
    assert body.select(".x") == []


@pytest.mark.parametrize("page", sorted(TITLES))
def test_every_record_title_reads_as_typed(rendered: dict[str, Tag], page: str) -> None:
    heading = rendered[page].find("h1")
    assert heading is not None
    assert heading.get_text(strip=True) == TITLES[page]
    assert heading.find(["em", "strong", "a"]) is None


@pytest.mark.parametrize(("page", "sentence"), [(p, s) for p, sentences in sorted(SENTENCES.items()) for s in sentences])
def test_names_labels_and_addresses_read_as_typed(rendered: dict[str, Tag], page: str, sentence: str) -> None:
    assert sentence in squash(rendered[page].get_text(" "))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_rand_project(tmp_path_factory.mktemp("rand-site") / "project")
    run = build_project(root, TODAY)
    assert run.published, [i.format_text() for i in run.report.issues]
    return root / "site"


def article(site: Path, page: str) -> Tag:
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    found = soup.select_one("article")
    assert found is not None, page
    return found


@pytest.mark.slow  # builds the edge-case site (once per module)
@pytest.mark.parametrize("field", sorted(SHOWN_ON))
def test_free_text_shows_literally_on_the_built_page(site: Path, field: str) -> None:
    body = article(site, SHOWN_ON[field])
    assert typed(field) in squash(body.get_text(" "))


@pytest.mark.slow  # builds the edge-case site (once per module)
def test_paragraphs_that_look_like_markdown_blocks_stay_text(site: Path) -> None:
    text = squash(article(site, "organisaties/crisisdienst-rand").get_text(" "))
    assert '--8<-- "mkdocs.yml"' in text  # a snippet include, not the contents of mkdocs.yml
    assert "site_name" not in text
    assert '- geen lijst 1. geen lijst > geen citaat # geen kop !!! danger "geen blok"' in text


@pytest.mark.slow  # builds the edge-case site (once per module)
@pytest.mark.parametrize(
    "page",
    sorted({*SHOWN_ON.values(), "organisaties", "voorzieningen", "routeertafels", "gemeenten/noordstad", "begrippen"}),
)
def test_editor_text_never_becomes_markup(site: Path, page: str) -> None:
    body = article(site, page)
    assert body.find_all(["b", "mark", "blockquote"]) == []
    assert body.select('a[href="https://example.org"]') == []
    assert body.select(".x") == []
    assert [c.get_text() for c in body.find_all("code")] == [c.get_text() for c in body.select(".gia-bewerk code")]
    # Every paragraph, list item and cell is closed where the template closed it: no table was split by a '|'.
    for table in body.find_all("table"):
        widths = {len(row.find_all(["td", "th"])) for row in table.find_all("tr")}
        assert len(widths) == 1, (page, widths)


@pytest.mark.slow  # builds the edge-case site (once per module)
def test_names_with_markup_are_the_title_as_typed(site: Path) -> None:
    html = (site / "organisaties/crisisdienst-rand/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("article h1").get_text(strip=True) == "Crisisdienst (Rand) | *nacht*"
    assert soup.title.get_text().startswith("Crisisdienst (Rand) | *nacht*")
    # Linked from other pages under the same name.
    voorziening = article(site, "voorzieningen/nieuwe-opvang-rand")
    link = voorziening.select_one('a[href$="organisaties/crisisdienst-rand/"]')
    assert link is not None
    assert link.get_text() == "Crisisdienst (Rand) | *nacht*"


@pytest.mark.slow  # builds the edge-case site (once per module)
def test_hours_are_shown_as_entered(site: Path) -> None:
    text = squash(article(site, "organisaties/crisisdienst-rand").get_text(" "))
    assert "ma, wo, vr 09:00–17:00; za, zo 22:00–06:00" in text
    assert "di, do 08:00–24:00" in text
    assert "ma–vr" not in text
