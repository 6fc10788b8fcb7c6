"""Renaming or removing a record: old ids lead on, every place that names a lost id is listed once."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.issues import Issue
from generator.pipeline import build_project, check_project
from generator.render import render_site
from generator.render.findability import split
from tests.helpers import TODAY

OLD, NEW = "meldpunt-voorbeeld", "meldpunt-nieuw"
# Every place in the mini fixture that names the meldpunt: four records, one route step, one content link.
PLACES = [
    "content/onboarding/index.md:8",
    "partners/begrippen/meldcode.yaml:6 (verwijst_naar)",
    "partners/beslissingen/acuut-ook-meldpunt.yaml:6 (actoren[0])",
    "partners/ketenroutes/melding-voorbeeld.yaml:12 (stappen[1].actor)",
    "partners/routeertafels/casusoverleg-voorbeeld.yaml:6 (deelnemers[0])",
    "partners/routeertafels/casusoverleg-voorbeeld.yaml:7 (organisator)",
]


def rename(root: Path, *, keep_old_id: bool) -> None:
    folder = root / "partners" / "organisaties"
    text = (folder / f"{OLD}.yaml").read_text(encoding="utf-8").replace(f"id: {OLD}\n", f"id: {NEW}\n")
    if keep_old_id:
        text += f"eerdere_ids: [{OLD}]\n"
    (folder / f"{OLD}.yaml").unlink()
    (folder / f"{NEW}.yaml").write_text(text, encoding="utf-8")


def issues(root: Path) -> list[Issue]:
    return [i for i in check_project(root, TODAY).report.issues if i.code != "regels-niet-gecontroleerd"]


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def test_a_rename_with_eerdere_ids_keeps_every_reference_working(mini: Path) -> None:
    rename(mini, keep_old_id=True)
    run = check_project(mini, TODAY)
    found = [i for i in run.report.issues if i.code != "regels-niet-gecontroleerd"]
    assert [(i.code, i.is_error) for i in found] == [("id-hernoemd", False)]  # a warning: the site can be built
    message = found[0].message
    assert message.startswith(f"'{OLD}' heet nu '{NEW}' (partners/organisaties/{NEW}.yaml, bij eerdere_ids).")
    assert message.endswith("op 6 plekken: " + "; ".join(PLACES) + ".")
    assert (found[0].path, found[0].line) == ("content/onboarding/index.md", 8)
    catalog = run.catalog
    assert catalog is not None
    tafel = catalog.of("routeertafels")["casusoverleg-voorbeeld"]
    assert (tafel.deelnemers[0], tafel.organisator) == (NEW, NEW)
    assert catalog.of("ketenroutes")["melding-voorbeeld"].stappen[1].actor == NEW


def test_a_rename_in_git_without_eerdere_ids_is_named_with_its_successor(mini: Path) -> None:
    git(mini, "init", "-q")
    git(mini, "add", "-A")
    git(mini, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "start")
    rename(mini, keep_old_id=False)
    found = issues(mini)
    assert [i.code for i in found] == ["id-verdwenen"]  # one message, no unknown id per place
    message = found[0].message
    assert f"Er is geen organisatie met id '{OLD}' meer, maar 6 plekken noemen het nog: " + "; ".join(PLACES) in message
    assert f"In HEAD stond het record nog in partners/organisaties/{OLD}.yaml" in message
    assert f"Het lijkt hernoemd naar '{NEW}'. Zet in dat record 'eerdere_ids: [{OLD}]'" in message


def test_a_removal_without_git_still_lists_every_place(mini: Path) -> None:
    (mini / "partners" / "organisaties" / f"{OLD}.yaml").unlink()
    found = issues(mini)
    assert [i.code for i in found] == ["id-verdwenen"]
    assert "6 plekken" in found[0].message
    assert "Hernoemd? Zet 'eerdere_ids: [meldpunt-voorbeeld]' in het record met het nieuwe id" in found[0].message
    assert "status: opgeheven" in found[0].message


def test_a_single_typo_stays_an_unknown_id_with_a_suggestion(mini: Path) -> None:
    path = mini / "partners" / "routeertafels" / "casusoverleg-voorbeeld.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("organisator: meldpunt-voorbeeld", "organisator: meldpunt-voorbeld"))
    found = issues(mini)
    assert [(i.code, i.field, i.line) for i in found] == [("onbekend-id", "organisator", 7)]
    assert "Bedoelde je 'meldpunt-voorbeeld'?" in found[0].message


def test_a_content_link_to_a_missing_record_page_is_found_by_check(mini: Path) -> None:
    page = mini / "content" / "onboarding" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nZie ook [het team](../organisaties/lokaal-team-noordstd.md).\n")
    found = issues(mini)
    assert [(i.path, i.code) for i in found] == [("content/onboarding/index.md", "onbekend-id")]
    line = page.read_text(encoding="utf-8").split("\n")[found[0].line - 1]
    assert line[found[0].column - 1 :].startswith("../organisaties/lokaal-team-noordstd.md")
    assert "Bedoelde je 'lokaal-team-noordstad'?" in found[0].message


@pytest.mark.parametrize(
    ("extra", "code", "field"),
    [
        ("eerdere_ids: [politie]\n", "dubbel-id", "eerdere_ids[0]"),
        ("status: bestaand\nopgegaan_in: politie\n", "opgegaan-in", "opgegaan_in"),
        ("status: opgeheven\nopgegaan_in: politie-limburg\n", "onbekend-id", "opgegaan_in"),
    ],
)
def test_eerdere_ids_and_opgegaan_in_are_checked(mini: Path, extra: str, code: str, field: str) -> None:
    path = mini / "partners" / "organisaties" / "lokaal-team-noordstad.yaml"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    found = issues(mini)
    assert [(i.path, i.code, i.field) for i in found] == [("partners/organisaties/lokaal-team-noordstad.yaml", code, field)]


def test_the_old_address_gets_a_page_that_sends_the_reader_on(mini: Path) -> None:
    rename(mini, keep_old_id=True)
    run = check_project(mini, TODAY)
    assert run.catalog is not None
    assert run.loaded is not None
    site = render_site(run.catalog, run.loaded.content, None, TODAY)
    meta, body = split(site.pages[f"organisaties/{OLD}.md"])
    assert meta["verhuisd_naar"] == f"organisaties/{NEW}/"
    assert meta["robots"] == "noindex"
    assert f"]({NEW}.md)" in body  # in words too, for a browser that does not follow the redirect
    assert f"organisaties/{NEW}.md" in site.pages


@pytest.mark.slow
def test_a_built_site_redirects_the_old_address_and_keeps_it_out_of_search(mini: Path) -> None:
    rename(mini, keep_old_id=True)
    run = build_project(mini, TODAY)
    assert run.published, [i.format_text() for i in run.report.errors]
    site = mini / "site"
    old = BeautifulSoup((site / "organisaties" / OLD / "index.html").read_text(encoding="utf-8"), "html.parser")
    refresh = old.select_one('meta[http-equiv="refresh"]')
    assert refresh is not None
    assert refresh["content"] == f"0; url=../{NEW}/"
    assert old.select_one('meta[name="robots"]')["content"] == "noindex"
    assert old.select_one("[data-pagefind-body]") is None
    # The Content-Security-Policy stays the first thing in <head>.
    assert old.head.find("meta")["http-equiv"] == "Content-Security-Policy"
    assert (site / "organisaties" / NEW / "index.html").exists()
    assert f"organisaties/{OLD}/" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_an_ended_record_says_where_the_work_went(mini: Path) -> None:
    path = mini / "partners" / "organisaties" / "lokaal-team-noordstad.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "status: opgeheven\nopgegaan_in: politie\n", encoding="utf-8")
    run = check_project(mini, TODAY)
    assert not run.report.errors
    assert run.catalog is not None
    assert run.loaded is not None
    page = render_site(run.catalog, run.loaded.content, None, TODAY).pages["organisaties/lokaal-team-noordstad.md"]
    notice = next(line for line in page.splitlines() if "is opgeheven" in line)
    assert "**Deze organisatie is opgeheven.** Het werk gaat verder bij [Politie](politie.md)." in notice


def merge_noorddorp_into_noordstad(root: Path, *, eerdere_ids: str = "[noorddorp]") -> None:
    """A herindeling: Noorddorp goes into Noordstad; one record still names the old gemeente."""
    gebied = root / "partners" / "gebieden" / "voorbeeldregio.yaml"
    lines = [line for line in gebied.read_text(encoding="utf-8").splitlines() if "id: noorddorp" not in line]
    text = "\n".join(lines) + "\n"
    text = text.replace("centrumgemeente: noordstad}\n", f"centrumgemeente: noordstad, eerdere_ids: {eerdere_ids}}}\n", 1)
    gebied.write_text(text, encoding="utf-8")
    team = root / "partners" / "organisaties" / "lokaal-team-noordstad.yaml"
    team.write_text(team.read_text(encoding="utf-8").replace("werkgebied: [noordstad]", "werkgebied: [noorddorp]"))


def test_a_merged_gemeente_still_named_somewhere_reads_as_the_new_one(mini: Path) -> None:
    merge_noorddorp_into_noordstad(mini)
    run = check_project(mini, TODAY)
    found = [i for i in run.report.issues if i.code != "regels-niet-gecontroleerd"]
    assert [(i.code, i.is_error, i.path, i.field) for i in found] == [
        ("id-hernoemd", False, "partners/organisaties/lokaal-team-noordstad.yaml", "werkgebied[0]")
    ]
    assert found[0].message.startswith(
        "'noorddorp' heet nu 'noordstad' (partners/gebieden/voorbeeldregio.yaml, bij eerdere_ids)."
    )
    assert run.catalog is not None
    assert run.catalog.of("organisaties")["lokaal-team-noordstad"].werkgebied == ("noordstad",)


def test_without_eerdere_ids_the_lost_gemeente_is_an_error(mini: Path) -> None:
    merge_noorddorp_into_noordstad(mini, eerdere_ids="[]")
    found = [i for i in issues(mini) if i.is_error]
    assert [(i.code, i.path, i.field) for i in found] == [
        ("onbekend-gebied", "partners/organisaties/lokaal-team-noordstad.yaml", "werkgebied[0]")
    ]


def test_an_old_gemeente_id_may_not_be_a_current_one(mini: Path) -> None:
    gebied = mini / "partners" / "gebieden" / "voorbeeldregio.yaml"
    text = gebied.read_text(encoding="utf-8").replace("cbs_code: GM9903}", "cbs_code: GM9903, eerdere_ids: [noorddorp]}")
    gebied.write_text(text, encoding="utf-8")
    found = issues(mini)
    assert [(i.path, i.code, i.field) for i in found] == [
        ("partners/gebieden/voorbeeldregio.yaml", "dubbel-id", "subregios[1].gemeenten[0].eerdere_ids[0]")
    ]
    assert text.splitlines()[found[0].line - 1].strip().startswith("- {id: zuidveen")


def test_the_old_gemeente_pages_and_answers_send_the_reader_on(mini: Path) -> None:
    merge_noorddorp_into_noordstad(mini)
    run = check_project(mini, TODAY)
    assert run.catalog is not None
    assert run.loaded is not None
    site = render_site(run.catalog, run.loaded.content, None, TODAY)
    meta, body = split(site.pages["gemeenten/noorddorp.md"])
    assert (meta["verhuisd_naar"], meta["robots"]) == ("gemeenten/noordstad/", "noindex")
    assert "[de pagina van Noordstad](noordstad.md)" in body
    vormen = sorted(run.catalog.vormen(), key=lambda v: v.id)
    answers = sorted(p for p in site.pages if p.startswith("wie-bel-ik/") and p.endswith("/noorddorp.md"))
    assert answers == sorted(f"wie-bel-ik/{v.id}/{u}/noorddorp.md" for v in vormen for u in ("acuut", "advies", "zorgen"))
    meta, body = split(site.pages[f"wie-bel-ik/{vormen[0].id}/acuut/noorddorp.md"])
    assert meta["verhuisd_naar"] == f"wie-bel-ik/{vormen[0].id}/acuut/noordstad/"
    assert "[het antwoord voor Noordstad](noordstad.md)" in body
    assert f"wie-bel-ik/{vormen[0].id}/acuut/noordstad.md" in site.pages


def test_a_renamed_vorm_keeps_its_wie_bel_ik_addresses(mini: Path) -> None:
    folder = mini / "partners" / "expertise"
    text = (folder / "partnergeweld.yaml").read_text(encoding="utf-8")
    (folder / "partnergeweld.yaml").unlink()
    new = text.replace("id: partnergeweld\n", "id: geweld-door-een-partner\n") + "eerdere_ids: [partnergeweld]\n"
    (folder / "geweld-door-een-partner.yaml").write_text(new, encoding="utf-8")
    run = check_project(mini, TODAY)
    assert not run.report.errors, [i.format_text() for i in run.report.errors]
    assert run.catalog is not None
    assert run.loaded is not None
    site = render_site(run.catalog, run.loaded.content, None, TODAY)
    moved = {p: split(text)[0] for p, text in site.pages.items() if p.startswith("wie-bel-ik/partnergeweld/")}
    gemeenten = sorted(run.catalog.gemeenten)
    expected = {"index.md"} | {f"{u}/index.md" for u in ("acuut", "advies", "zorgen")}
    expected |= {f"{u}/{g}.md" for u in ("acuut", "advies", "zorgen") for g in gemeenten}
    assert {p.removeprefix("wie-bel-ik/partnergeweld/") for p in moved} == expected
    for path in moved:
        assert path.replace("/partnergeweld/", "/geweld-door-een-partner/") in site.pages
    new = "wie-bel-ik/geweld-door-een-partner/"
    assert moved["wie-bel-ik/partnergeweld/index.md"]["verhuisd_naar"] == new
    assert moved["wie-bel-ik/partnergeweld/acuut/index.md"]["verhuisd_naar"] == f"{new}acuut/"
    assert moved[f"wie-bel-ik/partnergeweld/acuut/{gemeenten[0]}.md"]["verhuisd_naar"] == f"{new}acuut/{gemeenten[0]}/"
    assert moved["wie-bel-ik/partnergeweld/zorgen/index.md"]["title"] == "Wie bel ik bij partnergeweld?"
    assert moved[f"wie-bel-ik/partnergeweld/zorgen/{gemeenten[0]}.md"]["title"].startswith("Wie bel ik bij partnergeweld in ")
