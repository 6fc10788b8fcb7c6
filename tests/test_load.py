"""Stage 1 (load): positions, safe YAML, dates kept as text."""

from __future__ import annotations

import json

import pytest
import yaml

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


# Syntax errors as libyaml (CSafeLoader, what load.py parses with) reports them: its texts differ from
# PyYAML's pure-Python parser, and it stops where parsing gave up, not where the editor must type.
RECORD = [
    "id: x",  # 1
    "naam: Voorbeeld",  # 2
    "soort: welzijn",  # 3
    "beschrijving: Een organisatie.",  # 4
    "werkgebied: [noord]",  # 5
    "contact:",  # 6
    "  telefoon:",  # 7
    "    - doel: algemeen",  # 8
    '      nummer: "+31433509200"',  # 9
    "      weergave: 043 350 9200",  # 10
    "      beschikbaarheid: {altijd: true}",  # 11
    "    - doel: spoed",  # 12
    '      nummer: "+31433509201"',  # 13
    "      weergave: 043 350 9201",  # 14
    "bronnen:",  # 15
    '  - {document: voorbeeldvisie, regels: "2"}',  # 16
]


def with_line(number: int, text: str) -> str:
    lines = list(RECORD)
    lines[number - 1] = text
    return "\n".join(lines) + "\n"


def libyaml_error(text: str) -> yaml.MarkedYAMLError:
    assert yaml.__with_libyaml__, "PyYAML without libyaml: load.py would not use CSafeLoader"
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.compose(text, Loader=yaml.CSafeLoader)
    return caught.value


def test_tab_starting_a_line_is_called_a_tab() -> None:
    text = with_line(7, "\ttelefoon:")
    assert libyaml_error(text).problem == "found character that cannot start any token"  # no mention of a tab
    _, issues = load(text)
    assert [(i.code, i.line, i.column) for i in issues] == [("yaml-syntax", 7, 1)]
    assert issues[0].message.startswith("Hier staat een tab.")
    assert "niet aan het begin staan" not in issues[0].message


def test_tab_inside_the_indentation_is_called_a_tab() -> None:
    text = with_line(9, "    \t  nummer: x")
    assert libyaml_error(text).problem == "found a tab character that violates indentation"
    _, issues = load(text)
    assert [(i.line, i.column) for i in issues] == [(9, 5)]
    assert issues[0].message.startswith("Hier staat een tab.")


def test_unclosed_double_quote_is_reported_where_it_opens() -> None:
    text = with_line(9, '      nummer: "+31433509200')
    error = libyaml_error(text)
    # libyaml reads on to the next quote (line 13) and gives up there, as an indentation problem.
    assert (error.problem, error.problem_mark.line + 1) == ("did not find expected key", 13)
    _, issues = load(text)
    assert [(i.code, i.line, i.column) for i in issues] == [("yaml-syntax", 9, 15)]
    assert "dubbel aanhalingsteken" in issues[0].message
    assert "regel 13" in issues[0].message
    assert "inspringing" not in issues[0].message


def test_unclosed_single_quote_to_the_end_is_reported_where_it_opens() -> None:
    text = with_line(2, "naam: 'Voorbeeld")
    error = libyaml_error(text)
    assert (error.problem, error.context) == ("found unexpected end of stream", "while scanning a quoted scalar")
    _, issues = load(text)
    assert [(i.line, i.column) for i in issues] == [(2, 7)]
    assert "enkel aanhalingsteken" in issues[0].message


def test_missing_space_after_colon_is_reported_on_its_own_line() -> None:
    lines = [*RECORD[:7], "naam:Test", "", *RECORD[7:]]
    lines[1] = "# naam staat verderop"
    text = "\n".join(lines) + "\n"
    error = libyaml_error(text)
    assert (error.problem, error.problem_mark.line + 1) == ("could not find expected ':'", 10)
    _, issues = load(text)
    assert [(i.code, i.line, i.column) for i in issues] == [("yaml-syntax", 8, 6)]
    assert issues[0].message == "Na de dubbele punt achter 'naam' hoort een spatie. Schrijf 'naam: Test'."


def test_missing_space_after_colon_in_a_block_is_found_above_the_error() -> None:
    text = with_line(10, "      weergave:043 350 9200")
    error = libyaml_error(text)
    assert error.problem_mark.line + 1 == 11
    _, issues = load(text)
    assert [(i.line, i.column) for i in issues] == [(10, 16)]
    assert "'weergave: 043 350 9200'" in issues[0].message
