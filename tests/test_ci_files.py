"""The CI files: valid against GitHub's and GitLab's own schemas, and doing what CONTRIBUTING promises.

Pull/merge requests: check and build with annotations at the line, a Dutch report, a preview.
Default branch: all tests, and publishing to Pages with the same build. The schemas are the ones
check-jsonschema ships (vendored, so validation runs offline).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.issues import Report
from generator.siteaddress import SiteAddress
from generator.verslag import preview_text, report_markdown
from tests.helpers import ROOT

BUILD = ".venv/bin/python -m generator build"


def _load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _triggers(workflow: dict[str, Any]) -> Any:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", [".github/workflows/controle.yml", ".github/workflows/publiceren.yml"]),
        ("vendor.gitlab-ci", [".gitlab-ci.yml"]),
        ("vendor.github-issue-forms", [".github/ISSUE_TEMPLATE/fout-melden.yml"]),
    ],
)
def test_ci_files_validate_against_the_forges_schemas(schema: str, files: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *files],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_workflow_fails_the_schema(tmp_path: Path) -> None:
    # The validation can fail: a job without runs-on is no GitHub workflow.
    broken = tmp_path / "kapot.yml"
    broken.write_text("on: push\njobs:\n  x:\n    steps:\n      - run: make\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1


def test_github_pull_request_builds_with_annotations_report_and_preview() -> None:
    workflow = _load(".github/workflows/controle.yml")
    assert "pull_request" in _triggers(workflow)
    job = workflow["jobs"]["controle"]
    assert "pull_request" in job["if"]
    assert job["container"] == "python:3.11-bookworm"  # Debian: the Makefile installs with apt-get
    steps = job["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    runs = [s.get("run", "") for s in steps]
    assert "make bouwklaar" in runs
    build = next(s for s in steps if s.get("run", "").startswith(BUILD))
    assert "--format github" in build["run"]
    assert '--verslag "$GITHUB_STEP_SUMMARY"' in build["run"]
    assert '--basis "$BASIS"' in build["run"]
    assert build["env"]["BASIS"] == "origin/${{ github.base_ref }}"
    assert build["env"]["GIA_VOORBEELD"] == "ja"
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"] == {"name": "voorbeeld-site", "path": "site/", "if-no-files-found": "ignore", "retention-days": 14}
    assert steps.index(upload) > steps.index(build)
    test = workflow["jobs"]["test"]
    assert "make test" in [s.get("run") for s in test["steps"]]


def test_github_publishes_the_same_build_on_the_default_branch() -> None:
    workflow = _load(".github/workflows/publiceren.yml")
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    bouwen = workflow["jobs"]["bouwen"]
    assert bouwen["if"] == "github.ref_name == github.event.repository.default_branch"
    uses = [s.get("uses", "") for s in bouwen["steps"]]
    assert any(u.startswith("actions/configure-pages@") for u in uses)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    build = next(s for s in bouwen["steps"] if s.get("run", "").startswith(BUILD))
    assert build["env"]["GIA_SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert "make bouwklaar" in [s.get("run") for s in bouwen["steps"]]
    publiceren = workflow["jobs"]["publiceren"]
    assert publiceren["needs"] == "bouwen"
    assert publiceren["environment"]["name"] == "github-pages"
    assert publiceren["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_gitlab_merge_request_report_preview_and_pages() -> None:
    pipeline = _load(".gitlab-ci.yml")
    job = pipeline["controle"]
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert job["script"][0] == "make bouwklaar"
    assert job["script"][1].startswith('git fetch --quiet origin "+refs/heads/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME:')
    build = job["script"][2]
    assert build.startswith(f"{BUILD} --format gitlab")
    assert build.endswith("> gl-code-quality-report.json")
    assert "--verslag controle.md" in build
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert job["artifacts"]["paths"] == ["controle.md", "site/"]
    assert job["artifacts"]["when"] == "always"
    preview = pipeline["voorbeeld"]
    assert preview["pages"]["path_prefix"] == "mr-$CI_MERGE_REQUEST_IID"
    assert preview["variables"]["GIA_VOORBEELD"] == "ja"
    assert preview["environment"]["url"] == "$CI_PAGES_URL"
    assert "$GIA_VOORBEELD_OP_PAGES" in preview["rules"][0]["if"]  # opt-in: without the feature it would replace the site
    pages = pipeline["pages"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert pages["script"] == ["make bouwklaar", BUILD, "mv site public"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pipeline["test"]["script"] == ["make test"]
    assert pipeline["variables"]["GIT_DEPTH"] == "0"


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


def test_the_report_for_the_pull_request_says_it_in_dutch(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (mini / "partners" / "organisaties" / "kapot.yaml").write_text("id: kapot\nnaam: x\nsoort: welzjin\n", encoding="utf-8")
    report = mini / "verslag.md"
    report.write_text("## eerdere stap\n", encoding="utf-8")
    assert main(["--root", str(mini), "build", "--format", "github", "--verslag", str(report)]) == 1
    out = capsys.readouterr().out
    assert "::error file=partners/organisaties/kapot.yaml,line=3" in out
    text = report.read_text(encoding="utf-8")
    assert text.startswith("## eerdere stap\n## GIA Wegwijzer: controle van deze wijziging")  # appended, as GitHub expects
    assert "❌ **Nog niet klaar**" in text
    assert "| ❌ fout | `partners/organisaties/kapot.yaml` | 3 | soort: 'welzjin' is geen toegestane waarde." in text
    assert "Bekijk het resultaat" not in text  # nothing was built, so there is nothing to look at


def test_the_report_after_a_good_build_says_what_changed_and_how_to_look() -> None:
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_REPOSITORY": "gemeente/gia",
        "GITHUB_RUN_ID": "42",
        "GITHUB_HEAD_REF": "nieuw-nummer",
    }
    changes = ["Politie: telefoonnummer gewijzigd.", "⚠ Politie gewijzigd, maar geverifieerd.op is niet bijgewerkt."]
    text = report_markdown(Report(), built=True, changes=changes, preview=preview_text(env, SiteAddress()))
    assert "✅ **In orde**: de site is gebouwd (0 fouten, 0 waarschuwingen)." in text
    assert "- ⚠ Politie gewijzigd, maar geverifieerd.op is niet bijgewerkt." in text
    assert "https://github.com/gemeente/gia/actions/runs/42" in text
    assert "(`git switch nieuw-nummer`), draai `make serve`" in text
    gitlab = {"GITLAB_CI": "true", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME": "b"}
    preview = SiteAddress("https://g.gitlab.io/gia/mr-7/", "https://gitlab.com/g/gia", "gitlab", preview=True)
    assert "Het voorbeeld staat op https://g.gitlab.io/gia/mr-7/" in preview_text(gitlab, preview)
