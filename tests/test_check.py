"""Stage 4 (check): cross-record checks on the mini fixture."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.check_contact import national_digits
from generator.pipeline import check_project
from tests.helpers import ROOT, TODAY


def codes(root: Path, today: date = TODAY) -> list[tuple[str, str]]:
    return [(i.code, i.severity.value) for i in check_project(root, today).report.sorted()]


def test_mini_fixture_is_clean(mini: Path) -> None:
    assert codes(mini) == []


def test_expired_verification_is_a_warning_not_an_error(mini: Path) -> None:
    # The fixture numbers were checked on 2026-11-01; a year and a half later they are overdue.
    found = codes(mini, date(2028, 5, 1))
    assert ("controle-verlopen", "waarschuwing") in found
    assert all(sev == "waarschuwing" for _, sev in found)


def test_crisis_lines_expire_after_90_days(mini: Path) -> None:
    found = check_project(mini, date(2027, 3, 1)).report.issues
    expired = {i.field for i in found if i.code == "controle-verlopen"}
    # The 112 line (spoed) is overdue after 90 days, the 0900 line (geen-spoed) not yet.
    assert "contact.telefoon[0].geverifieerd.op" in expired
    assert not any("politie" in i.path and "telefoon[1]" in i.field for i in found)


def test_verification_date_in_the_future_is_an_error(mini: Path) -> None:
    assert ("datum-in-toekomst", "fout") in codes(mini, date(2026, 10, 1))


def test_unknown_route_step_and_actor(mini: Path) -> None:
    route = mini / "partners" / "ketenroutes" / "melding-voorbeeld.yaml"
    route.write_text(
        route.read_text()
        .replace("actor: meldpunt-voorbeeld", "actor: meldpunt-onbekend")
        .replace("{van: signaal, naar: advies,", "{van: signaal, naar: adviess,")
    )
    found = dict(codes(mini))
    assert found["onbekende-actor"] == "fout"
    assert found["onbekende-stap"] == "fout"


def test_phone_digits() -> None:
    assert national_digits("+318002000") == "08002000"
    assert national_digits("112") == "112"
    assert national_digits("+3112") is None
    assert national_digits("999") is None


def test_a_schema_error_does_not_cascade_into_unknown_ids(mini: Path) -> None:
    meldpunt = mini / "partners" / "organisaties" / "meldpunt-voorbeeld.yaml"
    meldpunt.write_text(meldpunt.read_text().replace("soort: advies-en-meldpunt", "soort: meldpunt"))
    issues = check_project(mini, TODAY).report.issues
    # Routeertafel, begrip and ketenroute all point at the meldpunt; only the meldpunt's own error is reported.
    assert [(i.path, i.code) for i in issues] == [("partners/organisaties/meldpunt-voorbeeld.yaml", "ongeldige-waarde")]


def test_unknown_aanbieder_is_reported_at_its_line(mini: Path) -> None:
    opvang = mini / "partners" / "voorzieningen" / "opvang-voorbeeld.yaml"
    opvang.write_text(opvang.read_text().replace("toegang:", "aanbieder: meldpunt-voorbeelt\ntoegang:"))
    # The aanbieder goes on line 7, before toegang; its value starts in column 12.
    issues = [i for i in check_project(mini, TODAY).report.issues if i.code == "onbekend-id"]
    assert [(i.path, i.line, i.column, i.field) for i in issues] == [
        ("partners/voorzieningen/opvang-voorbeeld.yaml", 7, 12, "aanbieder")
    ]
    assert issues[0].message.startswith("Er is geen organisatie met id 'meldpunt-voorbeelt' (gezocht in partners/organisaties).")
    assert "meldpunt-voorbeeld" in issues[0].message.split(").", 1)[1]  # the suggestion


def test_a_known_aanbieder_passes(mini: Path) -> None:
    opvang = mini / "partners" / "voorzieningen" / "opvang-voorbeeld.yaml"
    opvang.write_text(opvang.read_text().replace("toegang:", "aanbieder: meldpunt-voorbeeld\ntoegang:"))
    assert codes(mini) == []


@pytest.mark.parametrize("folder", ["regiovisie", "onboarding"])
def test_knowledge_pages_need_an_owner_and_a_review_date(mini: Path, folder: str) -> None:
    (mini / "content" / folder / "nieuw.md").write_text("# Nieuw\n\nTekst zonder eigenaar.\n", encoding="utf-8")
    (mini / "content" / folder / "half.md").write_text("---\neigenaar: testredactie\n---\n# Half\n", encoding="utf-8")
    issues = [(i.path, i.line, i.column, i.code, i.field) for i in check_project(mini, TODAY).report.sorted()]
    assert issues == [
        (f"content/{folder}/half.md", 1, 1, "pagina-metadata", "laatst_beoordeeld"),
        (f"content/{folder}/nieuw.md", 1, 1, "pagina-metadata", "eigenaar"),
        (f"content/{folder}/nieuw.md", 1, 1, "pagina-metadata", "laatst_beoordeeld"),
    ]


def test_a_project_without_schemas_says_where_to_run_instead_of_failing(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from generator.cli import main

    for schema in (mini / "schema").iterdir():
        schema.unlink()
    (mini / "schema").rmdir()
    assert main(["--root", str(mini), "check"]) == 1
    captured = capsys.readouterr()
    err = captured.out + captured.err
    assert "schema:1:1: fout [schema-ontbreekt]" in err
    assert f"Er is geen map schema/ in {mini}." in err
    assert "onverwachts" not in err


@pytest.mark.parametrize(
    ("ending", "line", "words"),
    [
        ("", 5, "hier ontbreekt een komma"),  # taken away: it belongs at the end of this line, not before the next field
        (",,", 5, "veldnaam tussen dubbele aanhalingstekens"),  # the comma too many is on this line
    ],
)
def test_a_broken_schema_file_is_named_at_the_place_to_repair(mini: Path, ending: str, line: int, words: str) -> None:
    path = mini / "schema" / "organisatie.schema.json"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[4].endswith(",")
    assert lines[5].startswith("  ")
    lines[4] = lines[4][:-1] + ending
    path.write_text("\n".join(lines), encoding="utf-8")
    (mini / "schema" / "begrip.schema.json").unlink()
    found = {i.path: i for i in check_project(mini, TODAY).report.issues}
    assert set(found) == {"schema/organisatie.schema.json", "schema/begrip.schema.json"}
    broken = found["schema/organisatie.schema.json"]
    assert (broken.code, broken.line) == ("schema-json", line)
    assert words in broken.message
    if words == "hier ontbreekt een komma":
        assert broken.column == len(lines[4]) + 1  # right after the last character, where the comma goes
    assert found["schema/begrip.schema.json"].code == "schema-ontbreekt"


@pytest.fixture(scope="module")
def real_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real partners, pages, schema and derived files (ids lists, CODEOWNERS), outside git."""
    root = tmp_path_factory.mktemp("echt")
    for part in ("partners", "content", "schema", ".vscode", ".github", ".gitlab"):
        shutil.copytree(ROOT / part, root / part)
    return root


# Records many places name (pages, routes, beslissingen, bronnen, werkgebieden, owners), one per kind.
NAMED_OFTEN = [
    "organisaties/politie",
    "gebieden/zuid-limburg",
    "documenten/uitvoeringsagenda-zl-2019",
    "eigenaars/redactie-gia-wegwijzer",
    "expertise/kindermishandeling",
    "routeertafels/mda-plus-plus-zuid-limburg",
    "voorzieningen/jeugdreclassering",
    "begrippen/regiovisie",
]
BREAKS = {"yaml-syntax": "naam: a: b: [", "onbekend-veld": "onbekend_veld: 1"}


@pytest.mark.slow  # 16 checks of the real kaart: part of `make test`, too slow to judge every mutant with
@pytest.mark.parametrize("code", BREAKS)
@pytest.mark.parametrize("record", NAMED_OFTEN)
def test_one_broken_record_gives_one_message(real_copy: Path, record: str, code: str) -> None:
    # A typo in a record many places name once gave hundreds of messages (every werkgebied naming a broken
    # gebieden file, every route starting at a broken politie record, stale-list warnings), burying the one
    # line the editor has to fix. The record exists; only its own message is reported.
    path = real_copy / "partners" / f"{record}.yaml"
    original = path.read_text(encoding="utf-8")
    assert not [i for i in check_project(real_copy, TODAY).report.issues if i.code != "regels-niet-gecontroleerd"]
    path.write_text(original.replace("\n", f"\n{BREAKS[code]}\n", 1), encoding="utf-8")
    try:
        found = [(i.path, i.code) for i in check_project(real_copy, TODAY).report.issues if i.code != "regels-niet-gecontroleerd"]
    finally:
        path.write_text(original, encoding="utf-8")
    assert found == [(f"partners/{record}.yaml", code)]


def test_a_second_agenda_is_refused_instead_of_left_off_the_site(mini: Path) -> None:
    folder = mini / "partners" / "uitvoeringsagenda"
    (first,) = folder.glob("*.yaml")
    text = first.read_text(encoding="utf-8")
    (folder / "zz-tweede.yaml").write_text(text.replace(f"id: {first.stem}\n", "id: zz-tweede\n"), encoding="utf-8")
    issues = check_project(mini, TODAY).report.issues
    line = text.split("\n").index(f"id: {first.stem}") + 1  # at the id of the second agenda
    assert [(i.path, i.line, i.code) for i in issues] == [("partners/uitvoeringsagenda/zz-tweede.yaml", line, "tweede-agenda")]
    assert f"'{first.stem}'" in issues[0].message
