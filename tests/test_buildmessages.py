"""MkDocs' English build warnings become Dutch issues at the file and line an editor can change."""

from __future__ import annotations

from pathlib import Path

from generator.buildmessages import translate


def test_a_broken_link_in_a_generated_page_points_at_the_record(tmp_path: Path) -> None:
    record = tmp_path / "partners" / "routeertafels" / "mdo.yaml"
    record.parent.mkdir(parents=True)
    record.write_text("id: mdo\nnaam: MDO\ndeelnemers:\n  - politie\n  - oud-team\n", encoding="utf-8")
    message = (
        "Doc file 'routeertafels/mdo.md' contains a link '../organisaties/oud-team.md', "
        "but the target 'organisaties/oud-team.md' is not found among documentation files."
    )
    issue = translate(message, tmp_path, {"routeertafels/mdo.md": "partners/routeertafels/mdo.yaml"})
    assert (issue.path, issue.line, issue.code) == ("partners/routeertafels/mdo.yaml", 5, "link-kapot")
    assert issue.message.startswith("De link naar ‘../organisaties/oud-team.md’ wijst naar een pagina die niet bestaat.")
    assert "hernoemd of verwijderd" in issue.message


def test_a_missing_anchor_and_an_unknown_message(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "over.md").write_text("# Over\n\nZie [de lijst](begrippen/index.md#xyz).\n", encoding="utf-8")
    anchor = translate(
        "Doc file 'over.md' contains a link 'begrippen/index.md#xyz', but the doc 'begrippen/index.md' does not contain an anchor '#xyz'.",
        tmp_path,
        {"over.md": "content/over.md"},
    )
    assert (anchor.path, anchor.line) == ("content/over.md", 3)
    assert anchor.message == "De link naar ‘begrippen/index.md#xyz’ wijst naar een plek op die pagina die er niet is."
    other = translate("Config value 'theme': something odd.", tmp_path, {})
    assert (other.path, other.code) == ("mkdocs.yml", "mkdocs")
    assert "something odd" in other.message
    assert "1 probleem" in translate("Aborted with 1 warnings in strict mode!", tmp_path, {}).message
