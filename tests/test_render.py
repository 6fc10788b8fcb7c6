"""Stage 5 (render): escaping, links, labels — pure functions, no disk."""

from __future__ import annotations

from pathlib import Path

from generator.catalog import Catalog
from generator.load import load_project
from generator.relations import build_relations
from generator.render import render_site
from generator.render.context import PageContext
from generator.render.environment import datum, md, relative
from tests.helpers import TODAY, catalog_of, catalog_with_planted_addresses


def test_markdown_and_html_in_editor_text_are_escaped() -> None:
    assert md("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert md("*vet* en [link](x)") == "\\*vet\\* en \\[link\\](x)"
    assert md("- geen lijst") == "\\- geen lijst"


def test_script_in_a_text_renders_as_text(mini: Path) -> None:
    record = mini / "partners" / "organisaties" / "lokaal-team-noordstad.yaml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("met [haken].", "met <script>alert(1)</script>."), encoding="utf-8"
    )
    pages = render_site(catalog_of(mini), load_project(mini).content).pages
    page = pages["organisaties/lokaal-team-noordstad.md"]
    assert "<script>" not in page.split("---", 2)[2]
    assert "&lt;script&gt;" in page


def test_links_are_relative_to_the_page(mini_catalog: Catalog) -> None:
    ctx = PageContext(mini_catalog, build_relations(mini_catalog), "gemeenten/noordstad.md")
    assert ctx.link("meldpunt-voorbeeld") == "[Meldpunt Voorbeeld](../organisaties/meldpunt-voorbeeld.md)"
    assert ctx.site_url("organisaties/meldpunt-voorbeeld.md") == "../../organisaties/meldpunt-voorbeeld/"
    assert ctx.link("bestaat-niet") == "bestaat-niet"
    assert relative("index.md", "a/b.md") == "../index.md"


def test_dutch_dates() -> None:
    assert datum("2026-11-25") == "25 november 2026"


def test_gemeente_page_is_computed_from_werkgebied(mini_catalog: Catalog) -> None:
    pages = render_site(mini_catalog, []).pages
    noordstad, zuidveen = pages["gemeenten/noordstad.md"], pages["gemeenten/zuidveen.md"]
    assert "Lokaal team Noordstad" in noordstad  # werkgebied [noordstad]
    assert "Lokaal team Noordstad" not in zuidveen
    assert "Casusoverleg Voorbeeld" in noordstad  # werkgebied [noord] covers noordstad
    assert "Casusoverleg Voorbeeld" not in zuidveen


def test_confidential_address_never_rendered(mini: Path) -> None:
    # The schema refuses an address on a confidential voorziening; the templates are the second lock.
    catalog = catalog_with_planted_addresses(mini)
    pages = render_site(catalog, load_project(mini).content, today=TODAY).pages
    assert "Geheim adres" in pages["voorzieningen/opvang-voorbeeld.md"]
    for rel, text in pages.items():
        for word in ("Schuilplaatsweg", "9999 ZZ", "Verborgenhoven"):
            assert word not in text, f"{word} staat op {rel}"
    assert "Adres: Openbaarplein 1, 1234 AB Noordstad" in pages["organisaties/lokaal-team-noordstad.md"]


def test_one_section_cited_twice_is_named_once(mini_catalog: Catalog) -> None:
    from generator.model import Bron
    from generator.render.sources import source_note

    ctx = PageContext(mini_catalog, build_relations(mini_catalog), "organisaties/politie.md")
    same = (Bron(document="voorbeeldvisie", regels="1"), Bron(document="voorbeeldvisie", regels="2"))
    other = Bron(document="oude-visie", regels="1")
    note = source_note((*same, other), ctx.bron)
    cited = note.removeprefix('<small class="gia-bron" data-pagefind-ignore>(bron: ').removesuffix(")</small>").split("; ")
    assert len(cited) == 2, note
    assert cited[0] == ctx.bron(same[0]) == ctx.bron(same[1])
    assert cited[1] == ctx.bron(other)


def test_names_that_differ_only_in_spelling_are_shown_once() -> None:
    from generator.render.environment import other_names

    names = ["AMHK", "AMHK Zuid-Limburg", "AMHK Zuid Limburg", "Advies- en Meldpunt", "advies en meldpunt", "Veilig thuis"]
    assert other_names(names, "Veilig Thuis") == ["AMHK", "AMHK Zuid-Limburg", "Advies- en Meldpunt"]
    assert other_names(["Zorg en Veiligheidshuis"], "") == ["Zorg en Veiligheidshuis"]


def test_vormen_with_a_volgorde_come_first_on_the_home_page(mini: Path) -> None:
    def tiles() -> list[str]:
        catalog = catalog_of(mini)
        home = render_site(catalog, load_project(mini).content, today=TODAY).pages["index.md"]
        block = home.split('<div class="gia-tegels" markdown>', 1)[1].split("</div>", 1)[0]
        return [line.split("](", 1)[0].removeprefix("- [") for line in block.strip().splitlines()]

    assert tiles() == ["Eergerelateerd geweld", "Partnergeweld"]  # by name
    path = mini / "partners" / "expertise" / "partnergeweld.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "volgorde: 1\n", encoding="utf-8")
    assert tiles() == ["Partnergeweld", "Eergerelateerd geweld"]
