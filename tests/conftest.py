"""Pytest fixtures: the mini fixture catalogue and built copies of it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator import callpath
from generator.catalog import Catalog
from generator.pipeline import build_project
from tests.helpers import TODAY, catalog_of, make_project
from tests.mutation import catching_tests_first, note_catch

# Browser tests share a session fixture that builds the whole real site, and pytest-timeout counts that
# build in the first browser test: 45 s alone, over ten minutes on the shared two-core machine under load.
BROWSER_TIMEOUT = 1800


def _mutant() -> str:
    # Set by mutmut in the process that runs the tests of one mutant (empty or "fail" in its other runs).
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    return mutant if "__mutmut_" in mutant else ""


# Last, so pytest has already grouped the tests by their shared fixtures.
@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Give browser tests the longer timeout (unless a test names its own).

    Under `make mutate` the tests that caught earlier mutants of the same function run first (tests/mutation.py).
    """
    for item in items:
        if item.get_closest_marker("browser") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(BROWSER_TIMEOUT))
    if mutant := _mutant():
        items[:] = [items[i] for i in catching_tests_first([item.nodeid for item in items], mutant)]


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.failed and (mutant := _mutant()):
        note_catch(report.nodeid, mutant)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of the mini fixture project (not built)."""
    return make_project(tmp_path / "mini")


@pytest.fixture(scope="session")
def mini_catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The catalogue of the mini fixture."""
    return catalog_of(make_project(tmp_path_factory.mktemp("cat") / "mini"))


@pytest.fixture(scope="session")
def built_mini_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini fixture, built once (site/ present). Copy it before changing anything."""
    root = make_project(tmp_path_factory.mktemp("built") / "mini")
    run = build_project(root, TODAY)
    assert run.published, [i.format_text() for i in run.report.issues]
    return root


@pytest.fixture
def built_mini(built_mini_template: Path, tmp_path: Path) -> Path:
    """A private copy of the built mini project."""
    target = tmp_path / "built"
    shutil.copytree(built_mini_template, target, symlinks=True)
    return target


@pytest.fixture(autouse=True)
def fresh_route_reading() -> None:
    """Each test reads the routes itself instead of inheriting another test's cached reading.

    The caches of generator.callpath hold a reading per route object. Without
    this a test could pass on a reading made before it changed something, and `make mutate` (which
    picks the tests that call a function) would not see which tests reach the reading at all.
    """
    callpath.clear_caches()
