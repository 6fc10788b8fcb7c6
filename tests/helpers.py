"""Shared helpers for tests: make throw-away projects from fixtures and run the pipeline on them."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import resource
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from generator.catalog import Catalog, build_catalog
from generator.load import load_project
from generator.model import Adres, Contact
from generator.validate import load_schemas, validate_records

ROOT = Path(__file__).resolve().parent.parent
# Material that is not ours (source documents, HSDS schemas) lives next to the checkout, never in it.
SHARED = Path(os.environ.get("GIA_SHARED", ROOT.parent / "shared"))
MINI = ROOT / "tests" / "fixtures" / "mini"
RAND = ROOT / "tests" / "fixtures" / "rand"
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


def make_rand_project(target: Path) -> Path:
    """The mini project with the edge-case records of ``tests/fixtures/rand`` added (see its README.md)."""
    make_project(target)
    for name in ("partners", "content"):
        shutil.copytree(RAND / name, target / name, dirs_exist_ok=True)
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


def run_bounded(code: str, *, memory_mib: int = 1024, seconds: int = 60) -> subprocess.CompletedProcess[str]:
    """Run Python ``code`` in a fresh interpreter with at most ``memory_mib`` of memory and ``seconds`` of time.

    For tests where a regression would not fail but explode (an alias bomb that gets expanded grew past
    18 GB once): the child gets a MemoryError or is killed, and the test fails instead of the machine.
    """

    def cap() -> None:
        limit = memory_mib * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=seconds,
        preexec_fn=cap,
        check=False,
    )


@contextmanager
def memory_cap(mib: int) -> Iterator[None]:
    """Let this process grow by at most ``mib`` more address space until the block ends (then MemoryError).

    Only for code that starts no other program (a child would inherit the limit).
    """
    status = Path("/proc/self/status").read_text(encoding="ascii")
    found = re.search(r"^VmSize:\s+(\d+) kB", status, re.MULTILINE)
    assert found is not None
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = int(found.group(1)) * 1024 + mib * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def catalog_with_planted_addresses(root: Path) -> Catalog:
    """The catalogue of a mini project with an address planted past the schema on its confidential opvang.

    The schema refuses that address; templates and exports are the second lock, so tests put one there
    anyway, plus a public one on the lokaal team to show the scan can see addresses at all.
    """
    catalog = catalog_of(root)
    opvang = catalog.of("voorzieningen")["opvang-voorbeeld"]
    assert opvang.vertrouwelijk_adres
    secret = Adres(straat="Schuilplaatsweg 13", postcode="9999 ZZ", plaats="Verborgenhoven")
    catalog.of("voorzieningen")[opvang.id] = dataclasses.replace(opvang, contact=Contact(adres=secret))
    team = catalog.of("organisaties")["lokaal-team-noordstad"]
    public = Adres(straat="Openbaarplein 1", postcode="1234 AB", plaats="Noordstad")
    catalog.of("organisaties")[team.id] = dataclasses.replace(team, contact=Contact(adres=public))
    return catalog


class CallRules:
    """What every Wie-bel-ik answer must respect, read from the records (not from the answer code).

    Attributes:
        region_vt: Per gemeente, the advies- en meldpunten (Veilig Thuis) whose werkgebied covers it.
        generic: Parties any answer may name: the advies- en meldpunten and the politie.
        covered: Per vorm, who may be called for it: a party with that expertise, an actor of a route for
            it, or a party a bellen-beslissing names.
    """

    def __init__(self, catalog: Catalog) -> None:
        orgs = catalog.of("organisaties").values()
        self.region_vt = {
            g: {o.id for o in orgs if o.soort == "advies-en-meldpunt" and g in catalog.gemeenten_in(o.werkgebied)}
            for g in catalog.gemeenten
        }
        self.generic = {o.id for o in orgs if o.soort in ("advies-en-meldpunt", "politie")}
        self.covered: dict[str, set[str]] = {}
        for kind in ("organisaties", "voorzieningen"):
            for rec in catalog.of(kind).values():
                for vorm in rec.expertise:
                    self.covered.setdefault(vorm, set()).add(rec.id)
        for route in catalog.of("ketenroutes").values():
            for vorm in route.expertise:
                self.covered.setdefault(vorm, set()).update(s.actor for s in route.stappen)
        for decision in catalog.of("beslissingen").values():
            if decision.besluit == "bellen":
                for vorm in decision.vormen:
                    self.covered.setdefault(vorm, set()).update(decision.actoren)

    def may_call(self, vorm: str, party: str) -> bool:
        """True for a party an answer for ``vorm`` may name."""
        return party in self.generic or party in self.covered.get(vorm, set())
