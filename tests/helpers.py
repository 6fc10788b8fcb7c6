"""Shared helpers for tests: make throw-away projects from fixtures and run the pipeline on them."""

from __future__ import annotations

import hashlib
import os
import shutil
from datetime import date
from pathlib import Path

from generator.catalog import Catalog, build_catalog
from generator.load import load_project
from generator.validate import load_schemas, validate_records

ROOT = Path(__file__).resolve().parent.parent
# Material that is not ours (source documents, HSDS schemas) lives next to the checkout, never in it.
SHARED = Path(os.environ.get("GIA_SHARED", ROOT.parent / "shared"))
MINI = ROOT / "tests" / "fixtures" / "mini"
TODAY = date(2026, 12, 7)


def make_project(target: Path, fixture: Path = MINI) -> Path:
    """Copy a fixture's partners/ and content/ plus the real schema, theme and mkdocs.yml into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("partners", "content"):
        shutil.copytree(fixture / name, target / name)
    shutil.copytree(ROOT / "schema", target / "schema")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def catalog_of(root: Path) -> Catalog:
    """Load, validate and build the catalogue of a project (schema-valid records only)."""
    loaded = load_project(root)
    valid, _ = validate_records(loaded.records, load_schemas(ROOT / "schema"))
    return build_catalog(valid)


def tree_digest(folder: Path) -> str:
    """One hash over every file path and content below ``folder``."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
