"""Golden files: expected Markdown for the mini fixture, expected open data, expected messages for schema examples.

Run ``python -m tests.golden --update`` (or ``make update-golden``) after a deliberate change to a
template or a message, then review the diff in git: that diff is the change readers and editors see.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from generator.export import export_open_data
from generator.pipeline import check_project
from generator.render import render_site
from tests.helpers import MINI, ROOT, TODAY, catalog_of, make_project, make_rand_project

GOLDEN = ROOT / "tests" / "golden" / "mini"
# The open data (HSDS, CSV, vCard) of mini plus the edge-case records in tests/fixtures/rand.
GOLDEN_OPEN_DATA = ROOT / "tests" / "golden" / "open-data"
EXPORT_DATE = date(2026, 12, 1)
EXAMPLES = ROOT / "tests" / "schema_examples"


def rendered_mini(workdir: Path) -> dict[str, str]:
    """Render the mini fixture (pages only) the way the build does."""
    root = make_project(workdir / "mini")
    from generator.load import load_project

    # No git history (changes=None) and the fixed test date, so the wijzigingen and beheer pages are stable.
    return render_site(catalog_of(root), load_project(root).content, changes=None, today=TODAY).pages


def open_data_rand(workdir: Path) -> dict[str, bytes]:
    """The open-data files of the edge-case catalogue, by path below ``open-data/``."""
    catalog = catalog_of(make_rand_project(workdir / "rand"))
    return {path.removeprefix("open-data/"): content for path, content in export_open_data(catalog, EXPORT_DATE).items()}


def example_output(kind: str, example: Path, workdir: Path) -> str:
    """All messages `check` gives for one example file dropped into the mini project."""
    root = make_project(workdir / f"ex-{kind}-{example.stem}")
    target = root / "partners" / kind / example.name
    target.parent.mkdir(exist_ok=True)  # a kind the mini fixture has no record of
    shutil.copy(example, target)
    run = check_project(root, TODAY)
    rel = target.relative_to(root).as_posix()
    return "".join(i.format_text() + "\n" for i in run.report.sorted() if i.path == rel)


def negative_examples() -> list[tuple[str, Path]]:
    """(kind folder, file) for every negative example."""
    return [(p.parent.name, p) for p in sorted((EXAMPLES / "fout").glob("*/*.yaml"))]


def positive_examples() -> list[tuple[str, Path]]:
    """(kind folder, file) for every positive example."""
    return [(p.parent.name, p) for p in sorted((EXAMPLES / "goed").glob("*/*.yaml"))]


def update() -> None:
    """Rewrite every golden file from the current code."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if GOLDEN.exists():
            shutil.rmtree(GOLDEN)
        for rel, text in rendered_mini(work).items():
            if rel in {p.relative_to(MINI / "content").as_posix() for p in (MINI / "content").rglob("*.md")}:
                continue  # hand-written pages are copied, not generated
            target = GOLDEN / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        if GOLDEN_OPEN_DATA.exists():
            shutil.rmtree(GOLDEN_OPEN_DATA)
        for rel, content in open_data_rand(work).items():
            target = GOLDEN_OPEN_DATA / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        for kind, example in negative_examples():
            example.with_suffix(".verwacht.txt").write_text(example_output(kind, example, work), encoding="utf-8")
    folders = ", ".join(p.relative_to(ROOT).as_posix() for p in (GOLDEN, GOLDEN_OPEN_DATA, EXAMPLES))
    print(f"Golden-bestanden bijgewerkt in {folders}.", file=sys.stderr)


if __name__ == "__main__":
    if "--update" not in sys.argv:
        sys.exit("Gebruik: python -m tests.golden --update")
    update()
