"""`verschil`, the wijzigingen page and its feed: record history read from git, told in sentences."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest

from generator.cli import main
from generator.describe import describe_changes, field_labels
from generator.history import Change, describe_since, load_changes
from generator.pipeline import build_project
from generator.render.changes import MAX_SENTENCES, render_changes
from generator.validate import load_schemas
from tests.helpers import MINI, ROOT, TODAY, catalog_of, make_project

ATOM = "{http://www.w3.org/2005/Atom}"
ORGANISATIES = Path("partners") / "organisaties"
NIEUWE_ORGANISATIE = """\
id: slachtofferhulp-voorbeeld
naam: Slachtofferhulp Voorbeeld
soort: slachtofferhulp
beschrijving: Hulp voor slachtoffers.
werkgebied: [landelijk]
bronnen:
  - {document: landelijke-nummers}
"""


def parse_feed(text: str) -> ET.Element:
    """Parse the feed this project generated itself (trusted input, so the stdlib parser is fine)."""
    return ET.fromstring(text)  # noqa: S314


def git(root: Path, *args: str, when: str = "2026-11-01T10:00:00+01:00") -> str:
    """Run git with a fixed identity and date, so commits are the same on every machine."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Testredactie",
        "GIT_AUTHOR_EMAIL": "redactie@example.org",
        "GIT_COMMITTER_NAME": "Testredactie",
        "GIT_COMMITTER_EMAIL": "redactie@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", *args], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def commit(root: Path, message: str, when: str) -> None:
    git(root, "add", "-A", when=when)
    git(root, "commit", "-q", "-m", message, when=when)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The mini fixture as a git repository with one commit."""
    root = make_project(tmp_path / "repo")
    git(root, "init", "-q", "-b", "main")
    commit(root, "Eerste versie van de kaart", "2026-11-01T10:00:00+01:00")
    return root


def pull_request_edits(root: Path) -> None:
    """A phone number changed without a new verification date, one organisatie added, one removed, criteria changed."""
    edit(
        root / ORGANISATIES / "meldpunt-voorbeeld.yaml",
        'nummer: "+318002000"\n      weergave: 0800-2000',
        'nummer: "+318001234"\n      weergave: 0800-1234',
    )
    (root / ORGANISATIES / "slachtofferhulp-voorbeeld.yaml").write_text(NIEUWE_ORGANISATIE, encoding="utf-8")
    (root / ORGANISATIES / "politie.yaml").unlink()
    edit(
        root / "partners" / "routeertafels" / "casusoverleg-voorbeeld.yaml",
        "[Structureel onveilig]",
        "[Structureel onveilig, Acuut gevaar]",
    )


def test_verschil_describes_a_pull_request_in_sentences(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pull_request_edits(repo)
    assert main(["--root", str(repo), "verschil", "HEAD"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "- Telefoonnummer van Meldpunt Voorbeeld (advies-en-melding) gewijzigd van 0800-2000 naar 0800-1234.",
        "- ⚠ Telefoonnummer van Meldpunt Voorbeeld (advies-en-melding) gewijzigd, maar de datum van de controle is niet bijgewerkt.",
        "- Organisatie Politie verwijderd.",
        "- Nieuwe organisatie: Slachtofferhulp Voorbeeld.",
        "- Routeertafel Casusoverleg Voorbeeld: instroomcriteria gewijzigd.",
    ]


def test_verschil_names_werkgebied_naam_verification_and_route_steps(repo: Path) -> None:
    meldpunt = repo / ORGANISATIES / "meldpunt-voorbeeld.yaml"
    edit(meldpunt, "naam: Meldpunt Voorbeeld", "naam: Meldpunt Noord")
    edit(meldpunt, "werkgebied: [voorbeeldregio]", "werkgebied: [noord, zuidveen]")
    edit(meldpunt, 'nummer: "+318002000"\n      weergave: 0800-2000', 'nummer: "+318001234"\n      weergave: 0800-1234')
    edit(meldpunt, "op: 2026-11-01, door: testredactie", "op: 2026-11-20, door: beleidsteam Noord")
    edit(repo / ORGANISATIES / "politie.yaml", "weergave: 0900-8844", "weergave: 0900 8844")
    route = repo / "partners" / "ketenroutes" / "melding-voorbeeld.yaml"
    edit(
        route,
        "  - {id: opvang, actor: opvang-voorbeeld, actie: beschermen, eindpunt: true, gewenst: true, "
        "bronnen: [{document: voorbeeldvisie, regels: 5}]}\n",
        "",
    )
    edit(
        route,
        "  - {van: overleg, naar: opvang, termijn: binnen een week, afgeleid: true}\n",
        "  - {van: overleg, naar: nazorg}\n",
    )
    edit(route, "overgangen:", "  - {id: nazorg, actor: politie, actie: herstel-nazorg, eindpunt: true}\novergangen:")
    assert describe_since(repo, "HEAD") == [
        "Organisatie Meldpunt Voorbeeld heet nu Meldpunt Noord.",
        "Telefoonnummer van Meldpunt Noord (advies-en-melding) gewijzigd van 0800-2000 naar 0800-1234.",
        "Telefoonnummer van Meldpunt Noord (advies-en-melding) gecontroleerd op 2026-11-20 door beleidsteam Noord.",
        "Werkgebied van Meldpunt Noord: Noord en Zuidveen toegevoegd; Voorbeeldregio verwijderd.",
        "Telefoonnummer van Politie (geen-spoed): schrijfwijze gewijzigd.",
        "Ketenroute Van zorg naar melding: nieuwe stap 'nazorg' (politie: herstel-nazorg).",
        "Ketenroute Van zorg naar melding: stap 'opvang' verwijderd.",
        "Ketenroute Van zorg naar melding: overgangen gewijzigd.",
    ]


def test_verschil_reports_broken_files_and_unknown_refs(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), "verschil", "HEAD"]) == 0
    assert capsys.readouterr().out == "Geen wijzigingen in de records.\n"
    (repo / ORGANISATIES / "politie.yaml").write_text("id: politie\nnaam: [\n", encoding="utf-8")
    assert describe_since(repo, "HEAD") == [
        "⚠ partners/organisaties/politie.yaml bevat fouten; draai make check. Wat er in dit bestand veranderde, staat hier niet."
    ]
    assert main(["--root", str(repo), "verschil", "bestaat-niet"]) == 1
    assert "'bestaat-niet' is geen bekende commit, branch of tag" in capsys.readouterr().err


def test_verschil_outside_a_git_repository_says_so(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(mini), "verschil", "HEAD"]) == 1
    assert "geen git-repository" in capsys.readouterr().err


def test_check_github_format_annotates_the_changed_line(repo: Path) -> None:
    edit(repo / ORGANISATIES / "meldpunt-voorbeeld.yaml", "soort: advies-en-meldpunt", "soort: meldpunt")
    edit(repo / ORGANISATIES / "politie.yaml", "      gratis: true\n", "      gratis: true\n      grratis: true\n")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(repo), "check", "--format", "github"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(
        line.startswith("::error file=partners/organisaties/meldpunt-voorbeeld.yaml,line=4,col=8,title=ongeldige-waarde soort::")
        for line in lines
    ), lines
    assert any(
        line.startswith(
            "::error file=partners/organisaties/politie.yaml,line=13,col=7,title=onbekend-veld contact.telefoon[0].grratis::"
        )
        for line in lines
    ), lines


def test_load_changes_tells_each_commit_newest_first(repo: Path) -> None:
    pull_request_edits(repo)
    edit(
        repo / "partners" / "routeertafels" / "casusoverleg-voorbeeld.yaml",
        "deelnemers: [meldpunt-voorbeeld, politie]",
        "deelnemers: [meldpunt-voorbeeld]",
    )
    commit(repo, "Nummer meldpunt & politie <weg>", "2026-11-20T09:30:00+01:00")
    (repo / "partners" / "documenten" / "teksten" / "voorbeeld.txt").write_text("andere tekst\n", encoding="utf-8")
    commit(repo, "Alleen een brontekst", "2026-11-21T09:30:00+01:00")
    edit(
        repo / ORGANISATIES / "meldpunt-voorbeeld.yaml", "beschrijving: Advies", "# uitleg voor de redactie\nbeschrijving: Advies"
    )
    commit(repo, "Commentaar", "2026-11-22T09:30:00+01:00")

    changes = load_changes(repo)
    assert changes is not None
    assert [c.subject for c in changes] == ["Commentaar", "Nummer meldpunt & politie <weg>", "Eerste versie van de kaart"]
    assert changes[0].sentences == ("Alleen opmaak of uitleg (commentaar) gewijzigd; de gegevens zijn gelijk gebleven.",)
    assert changes[1].date == datetime.fromisoformat("2026-11-20T09:30:00+01:00")
    assert changes[1].sentences == (
        "Telefoonnummer van Meldpunt Voorbeeld (advies-en-melding) gewijzigd van 0800-2000 naar 0800-1234.",
        "⚠ Telefoonnummer van Meldpunt Voorbeeld (advies-en-melding) gewijzigd, maar de datum van de controle is niet bijgewerkt.",
        "Organisatie Politie verwijderd.",
        "Nieuwe organisatie: Slachtofferhulp Voorbeeld.",
        "Routeertafel Casusoverleg Voorbeeld: deelnemers en instroomcriteria gewijzigd.",
    )
    assert "Nieuwe organisatie: Meldpunt Voorbeeld." in changes[2].sentences
    assert load_changes(repo, limit=1) == changes[:1]
    assert load_changes(repo) == changes  # deterministic


def test_wijzigingen_page_and_atom_feed(repo: Path) -> None:
    pull_request_edits(repo)
    commit(repo, "Nummer meldpunt & politie <weg>", "2026-11-20T09:30:00+01:00")
    changes = load_changes(repo)
    assert changes is not None
    page, feed = render_changes(changes)
    short = changes[0].short
    assert f"## 20 november 2026 {{: #wijziging-{short} }}" in page
    # Readers get the sentences about the records: not the commit message, not the reviewers' ⚠ remarks.
    assert "- Telefoonnummer van Meldpunt Voorbeeld (advies-en-melding) gewijzigd van 0800-2000 naar 0800-1234." in page
    assert "Nummer meldpunt" not in page
    assert "Eerste versie van de kaart" not in page
    assert "⚠" not in page
    assert "geverifieerd.op" not in page
    assert f"`{short}`" not in page
    assert "[Atom-feed](feed.xml)" in page
    root = parse_feed(feed)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "20 november 2026: Telefoonnummer van Meldpunt Voorbeeld (advies-en-melding) gewijzigd van 0800-2000 naar…",
        "1 november 2026: Nieuw brondocument: CBS gemeentecodes.",
    ]
    assert "⚠" not in feed
    assert root.findtext(f"{ATOM}updated") == "2026-11-20T09:30:00+01:00"
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == 2
    first_link = entries[0].find(f"{ATOM}link")
    assert first_link is not None
    assert first_link.get("href") == f"wijzigingen/#wijziging-{short}"
    assert "Organisatie Politie verwijderd." in (entries[0].findtext(f"{ATOM}content") or "")
    assert render_changes(changes) == (page, feed)


def test_long_commits_are_shortened_and_missing_history_is_explained() -> None:
    many = Change("a" * 40, datetime.fromisoformat("2026-11-01T10:00:00+01:00"), "Import", tuple(f"Zin {i}." for i in range(30)))
    page, feed = render_changes([many])
    assert "- Zin 24." in page
    assert "- Zin 25." not in page
    assert f"- … en nog {30 - MAX_SENTENCES} andere wijzigingen." in page
    page, feed = render_changes(None)
    assert "niet beschikbaar" in page
    assert parse_feed(feed).findall(f"{ATOM}entry") == []
    assert "nog geen wijzigingen" in render_changes([])[0]


def test_load_changes_is_none_outside_git(mini: Path) -> None:
    assert load_changes(mini) is None


@pytest.mark.slow
def test_build_of_a_git_project_publishes_wijzigingen_and_feed(repo: Path) -> None:
    edit(
        repo / "partners" / "routeertafels" / "casusoverleg-voorbeeld.yaml",
        "[Structureel onveilig]",
        "[Structureel onveilig, Acuut gevaar]",
    )
    commit(repo, "Instroomcriteria aangevuld", "2026-11-20T09:30:00+01:00")
    run = build_project(repo, TODAY, pagefind=False)
    assert run.published, [i.format_text() for i in run.report.issues]
    html = (repo / "site" / "wijzigingen" / "index.html").read_text(encoding="utf-8")
    assert "Routeertafel Casusoverleg Voorbeeld: instroomcriteria gewijzigd." in html
    assert 'href="../feed.xml"' in html
    entries = parse_feed((repo / "site" / "feed.xml").read_text(encoding="utf-8")).findall(f"{ATOM}entry")
    assert len(entries) == 2
    assert ("geschiedenis", "2 wijzigingen") in [(name, detail) for name, _, detail in run.timings]


def test_verschil_calls_a_rename_with_eerdere_ids_one_change(repo: Path) -> None:
    old = repo / ORGANISATIES / "politie.yaml"
    text = old.read_text(encoding="utf-8").replace("id: politie\n", "id: politie-nederland\n")
    old.unlink()
    (repo / ORGANISATIES / "politie-nederland.yaml").write_text(text + "eerdere_ids: [politie]\n", encoding="utf-8")
    assert describe_since(repo, "HEAD") == ["Organisatie Politie heeft een nieuw webadres; het oude stuurt door."]


def test_a_changed_field_is_named_in_readers_words() -> None:
    # The wijzigingen page is public: "wie mag aanmelden gewijzigd", never the YAML key "wie_mag_aanmelden".
    old, new = catalog_of(MINI), catalog_of(MINI)
    (rid, raw) = next((k, r) for k, r in new.raw.items() if k[0] == "routeertafels")
    new.raw[rid] = dataclasses.replace(raw, data={**raw.data, "wie_mag_aanmelden": ["Iedere professional"]})
    labels = field_labels(load_schemas(ROOT / "schema").documents)
    sentences = describe_changes(old, new, labels=labels)
    assert sentences == [f"Routeertafel {raw.data['naam']}: wie mag aanmelden gewijzigd."]
    assert describe_changes(old, new) == [f"Routeertafel {raw.data['naam']}: wie_mag_aanmelden gewijzigd."]
