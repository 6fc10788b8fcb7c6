"""The same input builds the same site, also across processes with different hash seeds.

Within one process set and dict order is stable, so an in-process rebuild cannot show output that
depends on Python's string hashing. Here each build runs in its own interpreter (the CLI, as `make
build` runs it) with another PYTHONHASHSEED, and the two sites and their Markdown are compared byte
for byte.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import ROOT, make_project, make_rand_project

pytestmark = pytest.mark.slow  # four whole-site builds

SEEDS = ("1", "4242")
EPOCH = "1795651200"  # 2026-11-25: fixes the date the checks, the beheer page and the export use


def build(root: Path, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": EPOCH}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "build"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def files(folder: Path) -> dict[str, str]:
    """Relative path → sha256 of every file below ``folder``."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.timeout(1200)
@pytest.mark.parametrize("make", [make_project, make_rand_project], ids=["mini", "rand"])
def test_builds_with_different_hash_seeds_are_byte_identical(tmp_path: Path, make: Callable[[Path], Path]) -> None:
    roots = [make(tmp_path / f"seed-{seed}") for seed in SEEDS]
    for root, seed in zip(roots, SEEDS, strict=True):
        build(root, seed)
    first, second = roots
    for folder in (".build/docs", "site"):
        a, b = files(first / folder), files(second / folder)
        assert a, folder
        assert sorted(a) == sorted(b), f"{folder}: andere bestanden"
        differ = sorted(rel for rel in a if a[rel] != b[rel])
        assert differ == [], f"{folder}: verschilt per hash seed"
    assert (first / "site" / "open-data" / "hsds" / "services.json").exists()
    assert list((first / "site" / "pagefind").rglob("*.pf_fragment"))
