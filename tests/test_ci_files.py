"""The CI files for pull and merge requests (check, build, preview) and the GitLab code-quality output they use."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from tests.helpers import ROOT

CHECK = ".venv/bin/python -m generator check"


def _load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_github_workflow_checks_builds_and_uploads_a_preview() -> None:
    workflow = _load(".github/workflows/controle.yml")
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    pr = workflow["jobs"]["controle"]
    assert "pull_request" in pr["if"]
    steps = pr["steps"]
    runs = [s.get("run", "") for s in steps]
    setup_python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert str(setup_python["with"]["python-version"]) == "3.11"
    assert runs.index("make setup") < runs.index(f"{CHECK} --format github") < runs.index("make build")
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == "voorbeeld-site"
    assert upload["with"]["path"] == "site/"
    assert steps.index(upload) > runs.index("make build")
    test = workflow["jobs"]["test"]
    assert "push" in test["if"]
    assert "make test" in [s.get("run") for s in test["steps"]]


def test_gitlab_pipeline_checks_builds_and_exposes_a_preview() -> None:
    pipeline = _load(".gitlab-ci.yml")
    job = pipeline["controle"]
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    script = job["script"]
    assert script[0] == "make setup"
    assert any(line.startswith(f"{CHECK} --format gitlab > gl-code-quality-report.json") for line in script)
    assert CHECK in script
    assert script.index(CHECK) < script.index("make build")
    assert job["artifacts"]["paths"] == ["site/"]
    assert job["artifacts"]["expose_as"] == "voorbeeld-site"
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert pipeline["test"]["script"] == ["make test"]


def test_gitlab_code_quality_report_points_at_the_line(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (mini / "partners" / "organisaties" / "kapot.yaml").write_text("id: kapot\nnaam: x\nsoort: welzjin\n", encoding="utf-8")
    assert main(["--root", str(mini), "check", "--format", "gitlab"]) == 1
    report = json.loads(capsys.readouterr().out)
    item = next(
        i for i in report if i["location"]["path"] == "partners/organisaties/kapot.yaml" and i["check_name"] == "ongeldige-waarde"
    )
    assert item["location"]["lines"]["begin"] == 3
    assert item["severity"] == "major"
    assert item["description"].startswith("[ongeldige-waarde] soort: 'welzjin' is geen toegestane waarde.")
    assert len({i["fingerprint"] for i in report}) == len(report)
