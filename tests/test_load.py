"""Stage 1 (load): positions, safe YAML, dates kept as text."""

from __future__ import annotations

import json

from generator.issues import Issue
from generator.load import load_record
from tests.helpers import run_bounded


def load(text: str | bytes) -> tuple[object, list[Issue]]:
    issues: list[Issue] = []
    raw = text.encode() if isinstance(text, str) else text
    return load_record("organisaties", "partners/organisaties/x.yaml", raw, issues), issues


def test_positions_of_keys_and_values_are_one_based() -> None:
    record, issues = load("id: x\ncontact:\n  telefoon:\n    - nummer: '112'\n")
    assert not issues
    assert record.keys[("contact", "telefoon")] == (3, 3)
    assert record.values[("contact", "telefoon", 0, "nummer")] == (4, 15)
    assert record.locate(("contact", "telefoon", 0, "onbekend")) == (4, 7)


def test_dates_stay_strings_and_numbers_stay_numbers() -> None:
    record, _ = load("op: 2026-11-25\nregels: 12\ngratis: true\nleeg:\n")
    assert record.data == {"op": "2026-11-25", "regels": 12, "gratis": True, "leeg": None}


def test_duplicate_key_is_refused_with_both_lines() -> None:
    _, issues = load("id: x\nnaam: a\nnaam: b\n")
    assert [(i.code, i.line) for i in issues] == [("dubbele-sleutel", 3)]
    assert "regel 2" in issues[0].message


def test_alias_bomb_is_refused_without_expanding() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(9)
    )
    # Loaded in a child capped at 512 MiB and 60 s: expanding the bomb (10^10 items) fails there, not here.
    code = f"""
import json
from generator.load import load_record
issues = []
record = load_record("organisaties", "partners/organisaties/x.yaml", {bomb.encode()!r}, issues)
print(json.dumps({{"record": record is None, "issues": [[i.code, i.line] for i in issues]}}))
"""
    result = run_bounded(code, memory_mib=512, seconds=60)
    assert result.returncode == 0, result.stderr[-2000:]
    outcome = json.loads(result.stdout)
    assert outcome["record"] is True
    assert outcome["issues"][0] == ["alias-niet-toegestaan", 2]


def test_python_tags_are_refused() -> None:
    _, issues = load("naam: !!python/object/apply:os.system ['echo x']\n")
    assert issues[0].code == "onbekende-tag"
    assert "python/object" in issues[0].message


def test_non_utf8_points_at_the_bad_byte() -> None:
    _, issues = load(b"id: x\nnaam: Caf\xe9\n")
    assert (issues[0].code, issues[0].line, issues[0].column) == ("geen-utf8", 2, 10)


def test_syntax_error_is_explained_in_dutch() -> None:
    _, issues = load("naam: a: b\n")
    assert issues[0].code == "yaml-syntax"
    assert "dubbele punt" in issues[0].message


def test_top_level_list_is_not_a_record() -> None:
    _, issues = load("- a\n- b\n")
    assert issues[0].code == "geen-record"


def test_byte_order_mark_is_accepted() -> None:
    record, issues = load("\ufeffid: x\n".encode())
    assert not issues
    assert record.data == {"id": "x"}
