"""The gemeente page as the hub for who works there (issue 18): grouping, centrumgemeente, local practice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.catalog import Catalog
from generator.load import load_project
from generator.pipeline import check_project
from generator.relations import build_relations
from generator.render import render_site
from generator.render.hub import Hub, build_hub
from generator.render.knowledge import abbreviations
from tests.helpers import ROOT, TODAY, catalog_of


@pytest.fixture(scope="module")
def real() -> Catalog:
    return catalog_of(ROOT)


@pytest.fixture(scope="module")
def pages(real: Catalog) -> dict[str, str]:
    return render_site(real, load_project(ROOT).content, None, TODAY).pages


def hub(real: Catalog, gid: str) -> Hub:
    return build_hub(gid, real, build_relations(real), lambda s: s)


def ids(items: list[object]) -> set[str]:
    return {getattr(i, "id", "") for i in items}


def test_centrumgemeente_per_subregio_as_the_sources_state_it(real: Catalog) -> None:
    # Regiovisie Zuid-Limburg 2024-2031: Heerlen for Parkstad, Maastricht for the other two subregio's.
    assert (hub(real, "kerkrade").centrum, hub(real, "kerkrade").centrum_voor) == ("heerlen", "Parkstad")
    assert (hub(real, "heerlen").centrum, hub(real, "heerlen").centrum_voor) == ("heerlen", "Parkstad")
    assert hub(real, "sittard-geleen").centrum == "maastricht"
    assert hub(real, "vaals").centrum == "maastricht"
    assert (hub(real, "katwijk").centrum, hub(real, "katwijk").centrum_voor) == ("leiden", "Holland Rijnland")
    assert hub(real, "zuidplas").centrum == "gouda"
    for gid in ("heerlen", "leiden"):
        assert hub(real, gid).centrumtaken, gid
        assert all(t.bronnen for t in hub(real, gid).centrumtaken)


def test_heerlen_page_says_heerlen_is_centrumgemeente_for_parkstad_not_for_the_whole_regio(pages: dict[str, str]) -> None:
    page = pages["gemeenten/heerlen.md"]
    assert "Heerlen is zelf [centrumgemeente]" in page
    assert ", voor Parkstad." in page
    assert "voor de hele regio" not in page


def test_groups_by_what_you_do(real: Catalog) -> None:
    heerlen, kerkrade = hub(real, "heerlen"), hub(real, "kerkrade")
    melding = {anchor: ids(items) for anchor, _, items in heerlen.overleggen}
    assert "routeertafel-heerlen" in melding["van-melding-naar-hulp"]
    assert "routeertafel-heerlen" not in {i for _, _, items in kerkrade.overleggen for i in ids(items)}
    assert {"mda-plus-plus-zuid-limburg", "casusoverleg-veiligheidshuis-zuid-limburg"} <= melding["zware-zaken"]
    assert "veilig-thuis-zuid-limburg" in ids(heerlen.meldpunten)
    assert "lokale-teams-zuid-limburg" in ids(heerlen.teams)
    assert "veiligheidshuis-heerlen" in ids(heerlen.veiligheidshuizen)
    # Governance folds under "Wie stuurt", not among the organisations you call.
    assert {"stuurgroep-gia", "commissie-zorg-en-veiligheid-zuid-limburg"} <= ids(heerlen.sturing)
    others = {i for _, items in heerlen.overig for i in ids(items)}
    assert not others & ids(heerlen.sturing)
    assert "fontys" in others


def test_a_measure_is_never_listed_as_help(real: Catalog) -> None:
    h = hub(real, "heerlen")
    helped = {i for _, items in h.hulp for i in ids(items)} | ids(h.landelijk)
    assert "tijdelijk-huisverbod" not in helped
    assert "tijdelijk-huisverbod" in ids(h.maatregelen)


def test_local_practice_comes_from_the_gemeentes_own_records(real: Catalog) -> None:
    heerlen = hub(real, "heerlen")
    assert ids(heerlen.eigen) == {"gemeente-heerlen"}
    lokaal = {a.id for a in heerlen.lokaal}
    assert {"bijlage-heerlen-caseloadbesprekingen", "bijlage-heerlen-analyseverslag-en-training-risicoprofiel"} <= lokaal
    assert not any("landgraaf" in a for a in lokaal)
    assert any(a.id == "bijlage-brunssum-civil-care" for a in hub(real, "brunssum").lokaal)  # via Team Jeugd Brunssum
    assert hub(real, "kerkrade").lokaal == []
    assert hub(real, "leiden").lokaal == []
    assert ids(hub(real, "leiden").eigen) == {"gemeente-leiden"}
    assert ids(hub(real, "katwijk").centrum_orgs) == {"gemeente-leiden"}


def test_one_page_one_title(pages: dict[str, str]) -> None:
    titles: dict[str, list[str]] = {}
    for path, text in pages.items():
        m = re.search(r'^title: "(.*)"$', text, re.MULTILINE)
        if m and (path.startswith(("gemeenten/", "organisaties/")) and not path.endswith("index.md")):
            titles.setdefault(m.group(1), []).append(path)
    assert {t: p for t, p in titles.items() if len(p) > 1} == {}
    assert 'title: "Werken in Heerlen"' in pages["gemeenten/heerlen.md"]
    assert "[Werken in Heerlen](../gemeenten/heerlen.md)" in pages["organisaties/gemeente-heerlen.md"]


def test_no_cbs_codes_on_reader_pages(pages: dict[str, str]) -> None:
    # The editors' handleiding explains the field with an example code; readers' pages show none.
    found = [p for p, text in pages.items() if p.endswith(".md") and re.search(r"\bGM\d{4}\b", text)]
    assert [p for p in found if not p.startswith("handleiding/")] == []


def test_every_overleg_on_the_hub_links_to_its_intake_section(pages: dict[str, str]) -> None:
    page = pages["gemeenten/leiden.md"]
    assert "[Zo breng je een zaak in](../routeertafels/mda-plus-plus-hollands-midden.md#zo-breng-je-een-zaak-in)" in page


def test_onboarding_picker_lists_every_gemeente_once_per_section(real: Catalog) -> None:
    from generator.render.areas import HUB_SECTIONS, gemeentekeuze

    files = gemeentekeuze(real)
    assert set(files) == {f"kies-je-gemeente/{s}.md" for s in HUB_SECTIONS}
    for section in HUB_SECTIONS:
        text = files[f"kies-je-gemeente/{section}.md"]
        for gid in real.gemeenten:
            assert text.count(f"(../gemeenten/{gid}.md#{section})") == 1


def test_mda_plus_plus_tooltip_explains_mda_plus_plus(real: Catalog) -> None:
    # The abbr extension cannot match "MDA++" (no word boundary after '+'), so "MDA" is what gets the tooltip.
    line = next(line for line in abbreviations(real).splitlines() if line.startswith("*[MDA]:"))
    assert "MDA++: Specialistische en integrale Multi Disciplinaire Aanpak" in line
    assert line.count("MDA++") == 1


def test_centrumtaak_sources_are_checked(mini: Path) -> None:
    regio = mini / "partners" / "gebieden" / "voorbeeldregio.yaml"
    regio.write_text(
        regio.read_text().replace(
            "      - {document: voorbeeldvisie, regels: 1}\n", "      - {document: voorbeeldvisie, regels: 999}\n", 1
        )
    )
    found = [(i.code, i.field) for i in check_project(mini, TODAY).report.issues]
    assert any(field.startswith("centrumtaken[0].bronnen[0]") for _, field in found), found


def test_uitleg_bij_must_name_a_record(mini: Path) -> None:
    page = mini / "content" / "onboarding" / "uitleg.md"
    page.write_text(
        "---\ntitle: Uitleg\neigenaar: testredactie\nlaatst_beoordeeld: 2026-12-07\nuitleg_bij: [meldcode, bestaat-niet]\n---\n# Uitleg\n"
    )
    found = [i for i in check_project(mini, TODAY).report.issues if i.path == "content/onboarding/uitleg.md"]
    assert [(i.code, i.field) for i in found] == [("onbekend-id", "uitleg_bij")]
    assert "bestaat-niet" in found[0].message


def test_a_centrumgemeente_page_says_its_centrum_tasks_once(pages: dict[str, str], real: Catalog) -> None:
    gouda = pages["gemeenten/gouda.md"]
    own = gouda.split("{ #lokale-aanpak }", 1)[1].split("{ #centrumgemeente }", 1)[0]
    rol = real.of("organisaties")["gemeente-gouda"].rol
    assert rol is not None
    assert rol.startswith("Naast de taken die elke gemeente heeft")
    assert "Naast de taken die elke gemeente heeft" not in own  # the rol repeats the centrum tasks: not here …
    assert "Wat Gouda als centrumgemeente doet, staat hieronder bij [Centrumgemeente](#centrumgemeente)." in own
    assert "Wat doet de centrumgemeente?" in gouda.split("{ #centrumgemeente }", 1)[1]  # … but there, once
