"""Check output cannot be forged from a record: text, GitHub annotations and the GitLab report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import cli
from generator.issues import Issue, Report

HOSTILE = Issue(
    "partners/organisaties/a,b::c.yaml",
    3,
    4,
    "onbekend-veld",
    "x\n::warning file=y.yaml::nep",
    "Het veld 'a\r\n::error title=nep::100% nep' bestaat niet.\x1b[2J\u202e",
)


def test_github_annotation_escapes_data_and_properties() -> None:
    line = HOSTILE.format_github()
    assert "\n" not in line
    assert "\r" not in line
    head, _, message = line.partition("::")[2].partition("::")
    assert head.startswith(
        "error file=partners/organisaties/a%2Cb%3A%3Ac.yaml,line=3,col=4,title=onbekend-veld x%0A%3A%3Awarning"
    )
    assert head.count(",") == 3  # file, line, col, title: no comma from the record splits a property
    assert message == "Het veld 'a\ufffd%0A::error title=nep::100%25 nep' bestaat niet.\ufffd[2J\ufffd"


def test_text_output_stays_two_lines_whatever_the_record_holds() -> None:
    lines = HOSTILE.format_text().split("\n")
    assert len(lines) == 2
    assert not any(line.lstrip().startswith("::") for line in lines)
    assert "\x1b" not in HOSTILE.format_text()
    assert "\u202e" not in HOSTILE.format_text()


def test_gitlab_report_is_valid_json_with_clean_text(capsys: pytest.CaptureFixture[str]) -> None:
    report = Report([HOSTILE])
    cli.print_report(report, "gitlab")
    [item] = json.loads(capsys.readouterr().out)
    assert item["location"]["path"] == HOSTILE.path
    assert "\x1b" not in item["description"]
    assert "\u202e" not in item["description"]
    assert item["check_name"] == "onbekend-veld"


def test_a_hostile_yaml_key_reaches_ci_as_one_annotation(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = mini / "partners" / "organisaties" / "politie.yaml"
    record.write_text(
        record.read_text(encoding="utf-8") + '"x\\n::warning file=README.md,line=1::Alles in orde": 1\n', encoding="utf-8"
    )
    assert cli.main(["--root", str(mini), "check", "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line.startswith("::")] == [line for line in out.splitlines() if line]
    assert len([line for line in out.splitlines() if line]) == 1
    assert "::warning" not in out.split("::", 2)[1]  # the forged command is data inside the one annotation
