"""The Markdown of the mini fixture and the open data of the edge-case catalogue equal the golden files.

Update with `make update-golden`, then read the diff: it is what readers and re-users will see change.
"""

from __future__ import annotations

from pathlib import Path

from tests.golden import GOLDEN, GOLDEN_OPEN_DATA, MINI, open_data_rand, rendered_mini


def test_rendered_markdown_matches_golden(tmp_path: Path) -> None:
    pages = rendered_mini(tmp_path)
    hand_written = {p.relative_to(MINI / "content").as_posix() for p in (MINI / "content").rglob("*.md")}
    generated = {rel: text for rel, text in pages.items() if rel not in hand_written}
    # Every generated file, not only Markdown: feed.xml and zoeken/hulp.json are pages too.
    golden = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(generated) == sorted(golden), "pagina's erbij of eraf: draai make update-golden en bekijk de diff"
    for rel, text in generated.items():
        assert text == golden[rel], f"{rel} wijkt af van de golden file"


def test_rendering_is_deterministic(tmp_path: Path) -> None:
    assert rendered_mini(tmp_path / "a") == rendered_mini(tmp_path / "b")


def test_open_data_matches_golden(tmp_path: Path) -> None:
    files = open_data_rand(tmp_path)
    golden = {p.relative_to(GOLDEN_OPEN_DATA).as_posix(): p.read_bytes() for p in GOLDEN_OPEN_DATA.rglob("*") if p.is_file()}
    assert sorted(files) == sorted(golden), "bestanden erbij of eraf: draai make update-golden en bekijk de diff"
    assert {"hsds/services.json", "csv/telefoonnummers.csv", "vcard/crisisdienst-rand.vcf"} <= set(files)
    # The manifest (with every file's hash) last, so a failure names the data file that changed.
    for rel in sorted(files, key=lambda rel: rel == "index.json"):
        assert files[rel] == golden[rel], f"open-data/{rel} wijkt af van de golden file"
