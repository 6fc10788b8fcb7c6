"""One security policy (generator.headers) for the meta tag, make serve and the hosts; the theme and snippets."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator import cli, headers
from generator.serve import SECURITY_HEADERS
from generator.sitebuild import run_mkdocs
from tests.helpers import ROOT

HEAD_START = re.compile(r"<head>\s*<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">")


def test_meta_policy_is_the_header_policy_without_what_a_meta_tag_cannot_carry() -> None:
    header = dict(d.split(" ", 1) for d in headers.csp().split("; "))
    meta = dict(d.split(" ", 1) for d in headers.csp(meta=True).split("; "))
    assert header.pop("frame-ancestors") == "'none'"
    assert header == meta
    assert meta["object-src"] == "'none'"
    assert meta["base-uri"] == meta["form-action"] == meta["default-src"] == "'self'"


def test_make_serve_sends_the_same_policy() -> None:
    assert SECURITY_HEADERS["Content-Security-Policy"] == headers.csp()
    assert {k: v for k, v in SECURITY_HEADERS.items() if k != "Cache-Control"} == headers.security_headers(https=False)


def test_the_policy_is_written_in_one_place_only() -> None:
    sources = [*ROOT.joinpath("generator").rglob("*.py"), *ROOT.joinpath("overrides").rglob("*.html"), ROOT / "mkdocs.yml"]
    holders = [p.relative_to(ROOT).as_posix() for p in sources if "script-src" in p.read_text(encoding="utf-8")]
    assert holders == ["generator/headers.py"]


@pytest.mark.slow
def test_every_page_starts_its_head_with_the_policy(built_mini_template: Path) -> None:
    site = built_mini_template / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        match = HEAD_START.search(page.read_text(encoding="utf-8"))
        assert match, page
        assert match.group(1).replace("&#39;", "'") == headers.csp(meta=True)


@pytest.mark.slow
def test_built_site_carries_a_headers_file_for_hosts(built_mini_template: Path) -> None:
    text = (built_mini_template / "site" / "_headers").read_text(encoding="utf-8")
    assert text == headers.netlify_headers()
    assert f"  Content-Security-Policy: {headers.csp()}\n" in text


@pytest.mark.parametrize("formaat", sorted(headers.FORMATS))
def test_headers_for_a_web_server(formaat: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["koppen", "--formaat", formaat]) == 0
    out = capsys.readouterr().out
    assert headers.csp() in out
    assert "Strict-Transport-Security" in out


def test_no_nav_title_comes_from_a_page() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))

    def untitled(items: list[object]) -> list[object]:
        found: list[object] = []
        for item in items:
            if not isinstance(item, dict):
                found.append(item)  # a bare path: MkDocs would use the page's own (record-derived) title
                continue
            for value in item.values():
                if isinstance(value, list):
                    found += untitled(value)
        return found

    assert config["nav"]
    assert untitled(config["nav"]) == []


@pytest.mark.slow
def test_snippets_come_only_from_the_includes_folder(built_mini: Path) -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    snippets = next(
        e["pymdownx.snippets"] for e in config["markdown_extensions"] if isinstance(e, dict) and "pymdownx.snippets" in e
    )
    assert snippets["base_path"] == [".build/includes"]
    assert snippets["restrict_base_path"] is True
    assert snippets["url_download"] is False
    # Even past the content check: a page that asks MkDocs for .git/config gets nothing of it.
    (built_mini / ".git").mkdir(exist_ok=True)
    (built_mini / ".git" / "config").write_text("[http]\n\textraheader = AUTHORIZATION: geheim-token-123\n", encoding="utf-8")
    (built_mini / ".build" / "docs" / "lek.md").write_text(
        '# Lek\n\n--8<-- ".git/config"\n\n--8<-- "../../.git/config"\n', encoding="utf-8"
    )
    target = built_mini / "site-lek"
    issues = run_mkdocs(built_mini, target)
    assert issues, "MkDocs should refuse the missing snippet"
    assert all("geheim-token-123" not in i.message for i in issues)
    if target.exists():
        assert not any("geheim-token-123" in p.read_text(errors="ignore") for p in target.rglob("*") if p.is_file())
        shutil.rmtree(target)


def test_serving_a_folder_without_a_site_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", "--map", str(tmp_path)]) == 1
    assert "geen gebouwde site" in capsys.readouterr().err
