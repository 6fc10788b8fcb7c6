"""`nieuw` writes a record that fails `check` at every placeholder until the editor fills it in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.issues import Issue
from generator.kinds import KINDS
from generator.pipeline import check_project
from generator.placeholders import PLACEHOLDER
from generator.scaffold import new_record
from tests.helpers import TODAY


def scaffold(root: Path, kind: str, record_id: str) -> tuple[Path, str]:
    assert new_record(root, kind, record_id) == 0
    path = root / "partners" / kind / f"{record_id}.yaml"
    return path, path.read_text(encoding="utf-8")


def issues_of(root: Path, path: Path) -> list[Issue]:
    rel = path.relative_to(root).as_posix()
    return [i for i in check_project(root, TODAY).report.issues if i.path == rel]


def leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [x for v in value.values() for x in leaves(v)]
    if isinstance(value, list):
        return [x for v in value for x in leaves(v)]
    return [value]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_placeholder_fails_check_at_its_own_line(mini: Path, kind: str) -> None:
    path, text = scaffold(mini, kind, "nieuw-record")
    placeholder_lines = {
        n for n, line in enumerate(text.splitlines(), start=1) if PLACEHOLDER in line and not line.lstrip().startswith("#")
    }
    issues = issues_of(mini, path)
    assert placeholder_lines
    assert {i.line for i in issues if i.code == "nog-invullen"} == placeholder_lines
    # Only the placeholders speak: no schema message about the same fields, no record on the site.
    assert {i.code for i in issues} == {"nog-invullen"}
    assert all(i.is_error for i in issues)
    assert "nieuw-record" not in check_project(mini, TODAY).catalog.of(kind)  # type: ignore[union-attr]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_nothing_is_filled_in_for_the_editor(mini: Path, kind: str) -> None:
    _, text = scaffold(mini, kind, "nieuw-record")
    data = yaml.safe_load(text)
    # The id is the one value the editor chose; every other value is a placeholder, no defaulted soort or regio.
    assert data.pop("id") == "nieuw-record"
    assert all(isinstance(v, str) and PLACEHOLDER in v for v in leaves(data))


def test_the_scaffold_lists_ids_next_to_the_fields_that_need_them(mini: Path) -> None:
    _, text = scaffold(mini, "organisaties", "nieuw-record")
    lines = text.splitlines()

    def hint_above(field: str) -> str:
        at = next(n for n, line in enumerate(lines) if line.lstrip("#- ").startswith(f"{field}:"))
        start = max(n for n in range(at) if not lines[n].strip() or lines[n].endswith(":")) + 1
        return "\n".join(lines[start:at])

    assert "Kies uit (gemeenten): noorddorp, noordstad, zuidveen" in hint_above("werkgebied")
    assert "Kies uit (regio's): voorbeeldregio, landelijk" in hint_above("werkgebied")
    assert "eergerelateerd-geweld, partnergeweld" in hint_above("expertise")
    assert "cbs-gemeenten, landelijke-nummers, oude-visie, voorbeeldvisie" in hint_above("document")


def test_a_new_brondocument_offers_regions_not_organisations(mini: Path) -> None:
    _, text = scaffold(mini, "documenten", "nieuw-document")
    block = text.split("# Regio (optioneel)", 1)[1].split("\n\n", 1)[0]
    assert "Kies uit (regio's): voorbeeldregio, landelijk" in block
    assert "meldpunt-voorbeeld" not in block
    assert "veilig-thuis" not in block


def test_a_filled_in_scaffold_passes(mini: Path) -> None:
    path, text = scaffold(mini, "organisaties", "nieuwe-partner")
    filled = (
        text.replace("naam: VUL-IN", "naam: Nieuwe partner")
        .replace("soort: VUL-IN", "soort: welzijn")
        .replace("beschrijving: VUL-IN", "beschrijving: Helpt bewoners van Noordstad.")
        .replace("werkgebied: [VUL-IN]", "werkgebied: [noordstad]")
        .replace("document: VUL-IN", "document: voorbeeldvisie")
        .replace("regels: VUL-IN", "regels: 2")
    )
    path.write_text(filled, encoding="utf-8")
    assert [i.format_text() for i in issues_of(mini, path) if i.is_error] == []
    assert "nieuwe-partner" in check_project(mini, TODAY).catalog.of("organisaties")  # type: ignore[union-attr]


def test_a_placeholder_inside_a_text_is_refused_and_other_errors_still_show(mini: Path) -> None:
    path = mini / "partners" / "organisaties" / "half-af.yaml"
    path.write_text(
        "id: half-af\n"
        "naam: Half af\n"
        "soort: welzijn\n"
        "beschrijving: Helpt bewoners met VUL-IN.\n"
        "werkgebied: [noordstad]\n"
        "website: http://example.org\n"
        "bronnen: [{document: voorbeeldvisie, regels: 2}]\n",
        encoding="utf-8",
    )
    found = [(i.line, i.code, i.field) for i in issues_of(mini, path)]
    assert (4, "nog-invullen", "beschrijving") in found
    assert any(line == 6 and field == "website" and code != "nog-invullen" for line, code, field in found)


def test_nieuw_refuses_an_unknown_kind_and_a_bad_id(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert new_record(mini, "bakkerij", "x") == 1
    assert "Onbekende soort 'bakkerij'" in capsys.readouterr().err
    assert new_record(mini, "organisatie", "Hoofd Letters") == 1
    assert "geen geldig id" in capsys.readouterr().err
    assert not (mini / "partners" / "organisaties" / "Hoofd Letters.yaml").exists()


def test_check_does_not_claim_to_have_kept_an_old_site(mini: Path) -> None:
    import subprocess
    import sys

    scaffold(mini, "organisaties", "nieuw-record")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(mini), "check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert "nieuw-record.yaml:9:7: fout [nog-invullen] naam" in done.stdout
    assert "NIET bijgewerkt" not in done.stderr  # check never builds, so it says nothing about the site
    assert "Los eerst de fouten op" in done.stderr
    assert "Traceback" not in done.stderr
