"""Issue 13: every claim shows its source, every page how current it is (check and render, on the mini fixture)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from generator.catalog import Catalog
from generator.check_sources import UNSOURCED, check_unsourced
from generator.citations import check_citations
from generator.history import last_changed
from generator.issues import Severity
from generator.load import ContentPage, load_project
from generator.model import Beschikbaarheid, Geverifieerd, Telefoon
from generator.pipeline import check_project
from generator.relations import build_relations
from generator.render import render_site
from generator.render.context import PageContext
from generator.render.sources import content_with_currency, currency, verificatie
from generator.sourcewords import Reader, shares
from tests.helpers import MINI, TODAY

ROUTE = Path("partners") / "ketenroutes" / "melding-voorbeeld.yaml"
EXPERTISE = Path("partners") / "expertise" / "eergerelateerd-geweld.yaml"


def issues(root: Path, code: str) -> list:  # type: ignore[type-arg]
    return [i for i in check_project(root, TODAY).report.issues if i.code == code]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- check: a source of their own --------------------------------------------------------------------


def test_let_op_line_without_a_source_is_reported_at_that_line(mini: Path) -> None:
    edit(
        mini / EXPERTISE,
        "  - tekst: Schakel specialisten in.\n    bronnen: [{document: voorbeeldvisie, regels: 6}]\n",
        "  - Schakel specialisten in.\n",
    )
    found = issues(mini, "zonder-eigen-bron")
    assert [(i.field, i.line) for i in found] == [("let_op[1]", 10)]
    assert "aandachtspunt 2" in found[0].message
    assert found[0].severity == UNSOURCED


def test_a_gap_in_the_sources_needs_no_source_but_guidance_does(mini: Path) -> None:
    # The fixture's lacune line has no bron and is not reported; made into guidance, it is.
    assert issues(mini, "zonder-eigen-bron") == []
    edit(mini / EXPERTISE, "    soort: lacune\n", "")
    assert [i.field for i in issues(mini, "zonder-eigen-bron")] == ["let_op[3]"]


def test_route_step_without_source_must_be_marked_afgeleid(mini: Path) -> None:
    edit(mini / ROUTE, ", bronnen: [{document: voorbeeldvisie, regels: 9}]}\n  - {id: advies", "}\n  - {id: advies")
    edit(mini / ROUTE, "termijn: binnen een week, afgeleid: true}", "termijn: binnen een week}")
    found = issues(mini, "zonder-eigen-bron")
    assert len(found) == 1  # one message per record, naming every part
    assert "stap 'signaal' (stappen[0])" in found[0].message
    assert "overgang overleg → opvang (overgangen[2])" in found[0].message
    assert found[0].field == "stappen[0]"


def test_the_switch_makes_unsourced_lines_an_error(mini_catalog: Catalog) -> None:
    route = mini_catalog.of("ketenroutes")["melding-voorbeeld"]
    bare = replace(route, stappen=tuple(replace(s, bronnen=()) for s in route.stappen))
    mini_catalog.records["ketenroutes"]["melding-voorbeeld"] = bare
    try:
        found = check_unsourced(mini_catalog, Severity.FOUT)
    finally:
        mini_catalog.records["ketenroutes"]["melding-voorbeeld"] = route
    assert [(i.code, i.is_error) for i in found] == [("zonder-eigen-bron", True)]


# --- check: citations that read -----------------------------------------------------------------------


def test_stemming_matches_word_forms_and_compound_parts() -> None:
    reader = Reader({})
    assert shares(set(reader.words("meldingen bij gemeenten")), reader.words("de gemeente neemt een melding aan"))
    assert shares(set(reader.words("vrouwenopvang")), reader.words("de opvang is vol"))
    assert not shares(set(reader.words("de familie als tolk")), reader.words("het casusoverleg bespreekt complexe zaken"))


def test_a_citation_that_shares_no_word_with_its_claim_is_flagged(mini: Path) -> None:
    # Line 4 of the test document is about the casusoverleg, not about the family.
    edit(
        mini / EXPERTISE,
        "  - tekst: Ga niet in gesprek met de familie.\n    bronnen: [{document: voorbeeldvisie, regels: 7}]",
        "  - tekst: Ga niet in gesprek met de familie.\n    bronnen: [{document: voorbeeldvisie, regels: 4}]",
    )
    found = issues(mini, "bron-lijkt-niet-te-kloppen")
    assert [(i.path, i.field, i.severity) for i in found] == [
        ("partners/expertise/eergerelateerd-geweld.yaml", "let_op[0].bronnen[0].regels", Severity.WAARSCHUWING)
    ]
    assert "regel 4 van 'voorbeeldvisie'" in found[0].message


def test_route_step_and_description_sentences_are_read_too(mini: Path) -> None:
    edit(
        mini / ROUTE, "omschrijving: Het casusoverleg bespreekt de complexe zaak.", "omschrijving: Het team belt de huisarts op."
    )
    edit(
        mini / ROUTE,
        "beschrijving: Een professional maakt zich zorgen en vraagt het meldpunt om advies.",
        "beschrijving: Een huisarts belt de wijkagent op zondag.",
    )
    fields = {i.field for i in issues(mini, "bron-lijkt-niet-te-kloppen")}
    assert fields == {"stappen[2].bronnen[0].regels", "beschrijving"}


def test_a_sentence_may_rest_on_a_web_page_that_says_what_it_supports(mini: Path) -> None:
    tafel = mini / "partners" / "organisaties" / "lokaal-team-noordstad.yaml"
    edit(tafel, "Tweede alinea over het *lokale team* met [haken].", "Sinds mei 2018 zit het in Geleen.")
    assert [i.field for i in issues(mini, "bron-lijkt-niet-te-kloppen")] == ["beschrijving"]
    web = '  - {url: "https://example.org/team", bekeken_op: 2026-11-01, toelichting: "vestiging in Geleen sinds 2018"}\n'
    tafel.write_text(tafel.read_text(encoding="utf-8") + web, encoding="utf-8")
    assert issues(mini, "bron-lijkt-niet-te-kloppen") == []


def test_the_intake_block_backs_how_a_case_is_brought_in_and_nothing_else(mini: Path) -> None:
    tafel = mini / "partners" / "routeertafels" / "casusoverleg-voorbeeld.yaml"
    zin = "Wie zich zorgen maakt, vraagt eerst advies."  # line 9 of the test document says it, line 4 does not
    edit(tafel, "doel: Complexe zaken bespreken.", f"doel: Complexe zaken bespreken. {zin}\nhoe_aanmelden: {zin}")
    edit(tafel, "bronnen:\n  - {document: oude-visie, regels: 41-44}", "bronnen:\n  - {document: voorbeeldvisie, regels: 4}")
    block = (
        "aanmelden:\n  route: beschreven\n  via: [meldpunt-voorbeeld]\n  bronnen:\n    - {document: voorbeeldvisie, regels: 4}\n"
    )
    tafel.write_text(tafel.read_text(encoding="utf-8") + block, encoding="utf-8")
    assert sorted(i.field for i in issues(mini, "bron-lijkt-niet-te-kloppen")) == ["doel", "hoe_aanmelden"]
    edit(tafel, "    - {document: voorbeeldvisie, regels: 4}", "    - {document: voorbeeldvisie, regels: 9}")
    # The block's line backs hoe_aanmelden; the same sentence in doel still has only the record's own source.
    assert [i.field for i in issues(mini, "bron-lijkt-niet-te-kloppen")] == ["doel"]


def test_the_facts_of_a_measure_back_what_the_voorziening_says_about_access(mini: Path) -> None:
    opvang = mini / "partners" / "voorzieningen" / "opvang-voorbeeld.yaml"
    edit(opvang, "toegang: Via het Meldpunt Voorbeeld.", "toegang: De burgemeester beslist over een tijdelijk verbod.")
    assert [i.field for i in issues(mini, "bron-lijkt-niet-te-kloppen")] == ["toegang"]
    web = '{url: "https://example.org/wet", bekeken_op: 2026-11-01, toelichting: "%s"}'
    block = (
        "maatregel:\n"
        f"  wie_beslist: {{tekst: De burgemeester., bronnen: [{web % 'de burgemeester legt het verbod op'}]}}\n"
        f"  duur: {{tekst: Tien dagen., bronnen: [{web % 'tien dagen'}]}}\n"
    )
    opvang.write_text(opvang.read_text(encoding="utf-8") + block, encoding="utf-8")
    assert issues(mini, "bron-lijkt-niet-te-kloppen") == []
    # A fact's page without a word on what it supports leaves the sentence unjudged, as for the record's own pages.
    edit(opvang, ', toelichting: "de burgemeester legt het verbod op"', "")
    assert issues(mini, "bron-lijkt-niet-te-kloppen") == []


def test_without_the_texts_lines_are_not_read_and_check_says_so(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.rmtree(mini / "partners" / "documenten" / "teksten")
    monkeypatch.setenv("GIA_BRONTEKSTEN", str(mini / "nergens"))
    edit(mini / EXPERTISE, "regels: 7}]", "regels: 4}]")
    report = check_project(mini, TODAY).report
    assert [i.code for i in report.issues] == ["regels-niet-gecontroleerd"]


def test_the_real_headings_lie_where_their_words_are(mini_catalog: Catalog) -> None:
    texts = {"voorbeeld.txt": (MINI / "partners" / "documenten" / "teksten" / "voorbeeld.txt").read_text().split("\n")}
    assert check_citations(mini_catalog, texts) == []
    texts["voorbeeld.txt"][7] = "Iets heel anders"  # the line of the heading 'Samenwerking in de keten'
    assert [i.field for i in check_citations(mini_catalog, texts)] == ["hoofdstukken[3].regel"]


def test_headings_must_ascend(mini: Path) -> None:
    edit(
        mini / "partners" / "documenten" / "voorbeeldvisie.yaml",
        "{regel: 6, kop: Eergerelateerd geweld}",
        "{regel: 2, kop: Eergerelateerd geweld}",
    )
    found = [i for i in check_project(mini, TODAY).report.issues if i.field == "hoofdstukken[2].regel"]
    # Out of order is an error; the heading's words are not on line 2 either.
    assert sorted((i.code, i.is_error) for i in found) == [("bron-lijkt-niet-te-kloppen", False), ("ongeldige-regels", True)]


# --- render: sources on each line, never in the search index -------------------------------------------


@pytest.fixture(scope="module")
def pages(mini_catalog: Catalog) -> dict[str, str]:
    return render_site(mini_catalog, load_project(MINI).content, today=TODAY).pages


def test_every_let_op_line_carries_its_sources_outside_the_search_index(pages: dict[str, str]) -> None:
    page = pages["expertise/eergerelateerd-geweld.md"]
    lines = re.findall(r'<span class="gia-punt" data-soort="([a-z-]+)" data-bron="([^"]*)">(.*?)</span>\n', page)
    assert [(soort, bron) for soort, bron, _ in lines] == [
        ("richtlijn", "voorbeeldvisie"),
        ("richtlijn", "voorbeeldvisie"),
        ("algemene-richtlijn", "https://example.org/alarmnummer"),
        ("lacune", ""),
    ]
    for _, _, text in lines:
        assert '<small class="gia-bron" data-pagefind-ignore>(' in text
    assert "onder ‘Eergerelateerd geweld’" in lines[0][2]
    assert "algemene richtlijn: webpagina" in lines[2][2]
    assert "bekeken op 1 november 2026" in lines[2][2]
    assert "niet beschreven in de brondocumenten" in lines[3][2]
    assert not re.search(r"regels? \d", page.split("---\n", 2)[2])


def test_route_steps_show_afgeleid_and_gewenst(pages: dict[str, str]) -> None:
    page = pages["ketenroutes/melding-voorbeeld.md"]
    assert 'data-van="overleg" data-naar="opvang" data-bron="" data-herkomst="afgeleid"' in page
    assert '<li id="stap-opvang" data-stap="opvang" data-bron="voorbeeldvisie" data-herkomst="gewenst" markdown>' in page
    assert '<span class="gia-label gia-label--afgeleid">afgeleid</span></span>' in page
    # The drawing: the derived arrow and the desired step carry the mark for the dashed style and say so in their labels.
    assert '<g class="gia-route__pijl" data-van="overleg" data-naar="opvang" data-herkomst="afgeleid">' in page
    assert '<g class="gia-route__stap" data-stap="opvang" data-herkomst="gewenst">' in page
    assert "<title>afgeleid · binnen een week</title>" in page
    assert ">Bescherming · gewenst</tspan>" in page


def test_phone_numbers_say_how_they_were_checked(pages: dict[str, str]) -> None:
    politie = pages["organisaties/politie.md"]
    assert "| landelijk nummer (vastgelegd op 1 november 2026) |" in politie
    assert "| gecontroleerd op 1 november 2026 door testredactie |" in politie
    meldpunt = pages["organisaties/meldpunt-voorbeeld.md"]
    assert 'volgens de <a href="https://example.org/meldpunt">eigen website</a> (bekeken op 1 november 2026)' in meldpunt
    assert "gecontroleerd op" not in meldpunt.split("## Contact", 1)[1].split("## ", 1)[0]


def test_verification_words_claim_no_call_that_was_not_made() -> None:
    g = Geverifieerd(op=date(2026, 11, 25), door="redactie", bron="https://www.politie.nl")
    tel = Telefoon(doel="spoed", nummer="112", weergave="112", beschikbaarheid=Beschikbaarheid(altijd=True), geverifieerd=g)
    assert verificatie(tel) == "vastgelegd op 25 november 2026"
    assert verificatie(replace(tel, geverifieerd=replace(g, methode="landelijk-bekend-nummer"))) == (
        "landelijk nummer (vastgelegd op 25 november 2026)"
    )
    assert "gecontroleerd" not in verificatie(replace(tel, geverifieerd=replace(g, methode="brondocument")))
    assert (
        verificatie(replace(tel, geverifieerd=replace(g, methode="gebeld"))) == "gecontroleerd op 25 november 2026 door redactie"
    )


# --- render: how current each page is -------------------------------------------------------------------


def test_old_sources_get_a_visible_note_and_lead_the_beheer_page(pages: dict[str, str]) -> None:
    tafel = pages["routeertafels/casusoverleg-voorbeeld.md"]
    assert '<p class="gia-actueel" data-pagefind-ignore>Gebaseerd op bronnen uit 2019.</p>' in tafel
    assert "<strong>Gebaseerd op de regiovisie van 2019</strong> — controleer of dit nog zo is." in tafel
    assert "gia-verouderd" not in pages["organisaties/meldpunt-voorbeeld.md"]  # its source is from 2025
    beheer = pages["beheer.md"].split("## Oudste bronnen eerst", 1)[1]
    assert "| [Casusoverleg Voorbeeld](routeertafels/casusoverleg-voorbeeld.md) | routeertafel | 2019 |" in beheer


def test_the_note_comes_when_the_sources_are_more_than_three_years_old(mini_catalog: Catalog) -> None:
    tafel = mini_catalog.of("routeertafels")["casusoverleg-voorbeeld"]
    assert not currency(mini_catalog, tafel, None, date(2022, 12, 31)).old
    assert currency(mini_catalog, tafel, None, date(2023, 1, 1)).old


def test_git_date_is_the_last_update_and_checks_count_without_git(mini_catalog: Catalog) -> None:
    meldpunt = mini_catalog.of("organisaties")["meldpunt-voorbeeld"]
    with_git = currency(mini_catalog, meldpunt, date(2026, 12, 1), TODAY)
    assert (with_git.reviewed, with_git.checked, with_git.years) == (date(2026, 12, 1), False, (2025,))
    without = currency(mini_catalog, meldpunt, None, TODAY)
    assert (without.reviewed, without.checked) == (date(2026, 11, 1), True)  # the number checked on its website
    rel = build_relations(mini_catalog)
    rel.currency = {meldpunt.bestand: with_git}
    line = PageContext(mini_catalog, rel, "organisaties/meldpunt-voorbeeld.md").actueel(meldpunt)
    assert "Laatst bijgewerkt op 1 december 2026 · gebaseerd op bronnen uit 2025." in line


def test_content_pages_show_their_review_date_under_the_title(mini_catalog: Catalog) -> None:
    text = "---\ntitle: X\nlaatst_beoordeeld: 2026-11-01\nbron: [oude-visie]\n---\n# X { #x }\n\nTekst.\n"
    page = ContentPage("regiovisie/x.md", text, {"laatst_beoordeeld": date(2026, 11, 1), "bron": ["oude-visie"]})
    out = content_with_currency(page, mini_catalog, TODAY)
    assert out.startswith("---\ntitle: X\n")
    _head, after = out.split("# X { #x }\n", 1)
    assert after.startswith(
        '\n<p class="gia-actueel" data-pagefind-ignore>Laatst beoordeeld op 1 november 2026 · gebaseerd op bronnen uit 2019.</p>'
    )
    assert "Gebaseerd op de regiovisie van 2019" in after
    assert after.endswith("Tekst.\n")


def test_file_dates_come_from_the_last_commit(mini: Path) -> None:
    def git(*args: str) -> None:
        when = "2026-10-01T12:00:00+00:00"
        env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "HOME": str(mini)}
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=mini,
            check=True,
            env=env,
            capture_output=True,
        )

    assert last_changed(mini) is None
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "eerste")
    dates = last_changed(mini)
    assert dates is not None
    assert dates["partners/organisaties/politie.yaml"] == date(2026, 10, 1)
    assert dates["content/over.md"] == date(2026, 10, 1)  # content pages are dated the same way
