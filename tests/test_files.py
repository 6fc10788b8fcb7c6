"""Files only from where they belong, within limits (generator.files and the load stage)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.files import MAX_RECORD_BYTES
from generator.load import load_project, load_record
from generator.pipeline import check_project
from tests.helpers import TODAY

LEAKED = "[http]\n\textraheader = AUTHORIZATION: basic geheim-token-123\n"


def _plant_secret(root: Path) -> Path:
    secret = root / ".git" / "config"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text(LEAKED, encoding="utf-8")
    return secret


def _report(root: Path) -> str:
    run = check_project(root, TODAY)
    return "".join(i.format_text() + "\n" + i.format_github() + "\n" for i in run.report.sorted())


def test_a_linked_content_page_is_refused_and_never_read(mini: Path) -> None:
    secret = _plant_secret(mini)
    (mini / "content" / "zz.md").symlink_to(Path("..") / ".git" / "config")
    loaded = load_project(mini)
    assert [(i.path, i.code) for i in loaded.issues] == [("content/zz.md", "geen-gewoon-bestand")]
    assert all(page.path != "zz.md" for page in loaded.content)
    report = _report(mini)
    assert "geheim-token-123" not in report
    assert str(secret) not in report
    assert ".git" not in report


def test_a_linked_record_is_refused_and_its_target_not_echoed(mini: Path) -> None:
    _plant_secret(mini)
    (mini / "partners" / "organisaties" / "lek.yaml").symlink_to(mini / ".git" / "config")
    loaded = load_project(mini)
    assert [(i.path, i.code) for i in loaded.issues] == [("partners/organisaties/lek.yaml", "geen-gewoon-bestand")]
    assert "geheim-token-123" not in _report(mini)


def test_a_linked_folder_is_refused(mini: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (elsewhere / "stiekem.md").write_text("# Van buiten het project\n", encoding="utf-8")
    (mini / "content" / "extra").symlink_to(elsewhere)
    loaded = load_project(mini)
    assert [(i.path, i.code) for i in loaded.issues] == [("content/extra", "geen-gewoon-bestand")]
    assert all("stiekem" not in page.path for page in loaded.content)


def test_a_linked_kind_folder_is_refused(mini: Path, tmp_path: Path) -> None:
    moved = tmp_path / "begrippen-elders"
    (mini / "partners" / "begrippen").rename(moved)
    (mini / "partners" / "begrippen").symlink_to(moved)
    loaded = load_project(mini)
    assert [(i.path, i.code) for i in loaded.issues] == [("partners/begrippen", "geen-gewoon-bestand")]
    assert not [r for r in loaded.records if r.kind == "begrippen"]


def test_a_fifo_is_refused_without_blocking(mini: Path) -> None:
    os.mkfifo(mini / "partners" / "organisaties" / "pijp.yaml")
    loaded = load_project(mini)
    assert [(i.path, i.code) for i in loaded.issues] == [("partners/organisaties/pijp.yaml", "geen-gewoon-bestand")]


def test_a_record_over_the_size_limit_is_refused_before_it_is_read(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = mini / "partners" / "organisaties" / "groot.yaml"
    big.write_text("id: groot\nbeschrijving: |\n" + "  regel tekst\n" * (MAX_RECORD_BYTES // 12 + 10), encoding="utf-8")
    read = Path.read_bytes

    def guarded(path: Path) -> bytes:
        assert path != big, "the loader read a file it should refuse"
        return read(path)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    loaded = load_project(mini)
    [issue] = loaded.issues
    assert (issue.path, issue.line, issue.code) == ("partners/organisaties/groot.yaml", 1, "bestand-te-groot")
    assert "hoogstens 1 MB" in issue.message


@pytest.mark.parametrize("depth", [25, 400, 1500])
def test_deep_nesting_is_refused_with_a_dutch_message(depth: int) -> None:
    issues: list = []
    text = "id: diep\nzoektermen: " + "[" * depth + "x" + "]" * depth + "\n"
    assert load_record("organisaties", "partners/organisaties/diep.yaml", text.encode(), issues) is None
    [issue] = issues
    assert issue.code == "te-diep-genest"
    assert issue.line == 2
    assert "te diep" in issue.message


def test_block_nesting_is_refused_too() -> None:
    issues: list = []
    text = "id: diep\nzoektermen:\n" + "".join("  " * i + "-\n" for i in range(1, 60)) + "  " * 60 + "- x\n"
    assert load_record("organisaties", "partners/organisaties/diep.yaml", text.encode(), issues) is None
    assert [i.code for i in issues] == ["te-diep-genest"]


def test_a_record_just_under_the_limit_loads(mini: Path) -> None:
    terms = "".join(f"  - zoekterm {n}\n" for n in range(20_000))
    assert len(terms) < MAX_RECORD_BYTES
    record = load_record("organisaties", "partners/organisaties/veel.yaml", f"id: veel\nzoektermen:\n{terms}".encode(), [])
    assert record is not None
    assert len(record.data["zoektermen"]) == 20_000
