"""Every positive schema example passes `check`; every negative one gives exactly its expected Dutch message."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import build_project
from tests.golden import example_output, negative_examples, positive_examples
from tests.helpers import TODAY, memory_cap, tree_digest

NEGATIVE = negative_examples()
POSITIVE = positive_examples()


@pytest.mark.parametrize(("kind", "example"), POSITIVE, ids=[f"{k}/{p.stem}" for k, p in POSITIVE])
def test_positive_example_passes(kind: str, example: Path, tmp_path: Path) -> None:
    assert example_output(kind, example, tmp_path) == ""


@pytest.mark.parametrize(("kind", "example"), NEGATIVE, ids=[f"{k}/{p.stem}" for k, p in NEGATIVE])
def test_negative_example_gives_expected_message(kind: str, example: Path, tmp_path: Path) -> None:
    expected = example.with_suffix(".verwacht.txt").read_text(encoding="utf-8")
    with memory_cap(1024):  # an alias bomb or a huge file that got expanded fails here instead of eating the machine
        output = example_output(kind, example, tmp_path)
    assert output == expected
    first = output.splitlines()[0]
    # file:line:column, then "fout [code]": what editors and the GitHub annotations rely on
    location, rest = first.split(": ", 1)
    path, line, column = location.rsplit(":", 2)
    assert path == f"partners/{kind}/{example.name}"
    assert int(line) >= 1
    assert int(column) >= 1
    assert rest.startswith("fout [")
    assert "Traceback" not in output


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "example"), NEGATIVE, ids=[f"{k}/{p.stem}" for k, p in NEGATIVE])
def test_bad_input_leaves_last_good_site_untouched(kind: str, example: Path, built_mini: Path) -> None:
    before = tree_digest(built_mini / "site")
    (built_mini / "partners" / kind / example.name).write_bytes(example.read_bytes())
    run = build_project(built_mini, TODAY)
    assert run.report.has_errors()
    assert not run.published
    assert tree_digest(built_mini / "site") == before


def test_every_required_error_kind_has_an_example() -> None:
    codes = {
        line.split("[", 1)[1].split("]", 1)[0]
        for _, p in NEGATIVE
        for line in p.with_suffix(".verwacht.txt").read_text(encoding="utf-8").splitlines()
        if ": fout [" in line
    }
    required = {
        "yaml-syntax",
        "dubbele-sleutel",
        "onbekend-veld",
        "verkeerd-type",
        "ontbrekend-veld",
        "ongeldige-waarde",
        "ongeldige-datum",
        "ongeldig-telefoonnummer",
        "ongeldige-url",
        "onbekend-id",
        "dubbel-id",
        "id-bestandsnaam",
        "geen-utf8",
        "alias-niet-toegestaan",
        "onbekende-tag",
    }
    assert required <= codes
