"""The pipeline in one place: the stages in order, with timings, and nothing else.

load → validate → model/catalog → check → render → write → mkdocs build → pagefind

`check_project` runs the first four stages (what ``python -m generator check`` does);
`build_project` runs them all and publishes ``site/`` only when every stage succeeded; before
rendering it also reads the record history from git ("geschiedenis", part of loading) for the
wijzigingen page.
Neither prints nor exits: they return what happened and the CLI decides.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.catalog import Catalog, build_catalog
from generator.check import check_catalog
from generator.check_pages import check_content
from generator.check_renames import check_renames
from generator.check_sources import check_headings, check_line_numbers_in_notes, check_unsourced
from generator.citecache import cached_citations
from generator.editorschema import stale_lists
from generator.gitids import Earlier
from generator.graph import check_routes
from generator.issues import Issue, Report, Severity
from generator.load import Loaded, load_project
from generator.owners import check_owners, page_owners
from generator.renames import apply_renames
from generator.schemacache import schema_problems
from generator.siteaddress import SiteAddress
from generator.validate import load_schemas, validate_records

Progress = Callable[[str], None]

SKIPPED_LINE_CHECKS = Issue(
    "partners/documenten",
    0,
    1,
    "regels-niet-gecontroleerd",
    "",
    "De teksten van de brondocumenten zijn hier niet beschikbaar (verwacht in ../shared/seeds, of zet GIA_BRONTEKSTEN), "
    "dus regelnummers in bronvermeldingen zijn niet gecontroleerd. De site kan wel gebouwd worden.",
    Severity.WAARSCHUWING,
)


@dataclass(slots=True)
class Run:
    """What one run did: issues, per-stage timings and record counts."""

    report: Report = field(default_factory=Report)
    timings: list[tuple[str, float, str]] = field(default_factory=list)
    catalog: Catalog | None = None
    loaded: Loaded | None = None
    published: bool = False

    @contextmanager
    def stage(self, name: str, progress: Progress | None = None) -> Iterator[list[str]]:
        """Time one stage; the body may append a short detail text to the yielded list."""
        if progress:
            progress(f"{name} …")
        detail: list[str] = []
        start = time.perf_counter()
        yield detail
        self.timings.append((name, time.perf_counter() - start, " ".join(detail)))


def check_project(root: Path, today: date, progress: Progress | None = None, *, base: str = "HEAD") -> Run:
    """Stages load → validate → model/catalog → check.

    Args:
        base: The git version the work started from; a record that was there and is gone is called removed or
            renamed when other files still name it (`generator.check_renames`).
    """
    run = Run()
    with run.stage("laden", progress) as detail:
        run.loaded = load_project(root)
        run.report.extend(run.loaded.issues)
        detail.append(f"{len(run.loaded.records)} bestanden")
    with run.stage("valideren", progress) as detail:
        broken = schema_problems(root / "schema")
        if broken:  # nothing can be validated; say why instead of failing inside the validator
            run.report.extend(broken)
            return run
        schemas = load_schemas(root / "schema")
        valid, issues = validate_records(run.loaded.records, schemas)
        run.report.extend(issues)
        detail.append(f"{len(valid)} geldig")
    with run.stage("catalogus", progress) as detail:
        renamed = apply_renames(valid, schemas.documents)
        run.catalog = build_catalog(valid)
        detail.append(f"{sum(len(run.catalog.of(k)) for k in run.catalog.records)} records")
    with run.stage("controleren", progress) as detail:
        # Records that exist but did not make it into the catalogue (unreadable, or refused by the schema) count
        # as present for the checks below: their own message is enough, the places naming them are fine.
        rejected = {(r.kind, str(r.data.get("id"))) for r in run.loaded.records} | run.loaded.unread
        rejected -= {(kind, rid) for kind, items in run.catalog.records.items() for rid in items}
        lines = run.loaded.documents if run.loaded.texts_dir is not None else None
        if lines is None:
            run.report.add(SKIPPED_LINE_CHECKS)
        found = check_catalog(run.catalog, lines, today, rejected)
        found += check_unsourced(run.catalog)
        found += check_headings(run.catalog, lines)
        found += check_line_numbers_in_notes(run.catalog)
        # A claim is read against all sources of its record; with one document missing (its file has its own
        # error) the rest would seem not to support it, so the reading waits until that file is right.
        if lines is not None and not any(kind == "documenten" for kind, _ in rejected):
            found += cached_citations(root, run.catalog, run.loaded.texts)
        found += check_routes(run.catalog, rejected)
        found += check_content(run.loaded.content, run.catalog, rejected)
        found += stale_lists(run.loaded.derived, run.catalog, rejected)
        found += check_owners(run.catalog, run.loaded.derived, page_owners(run.loaded.content), rejected)
        found = check_renames(
            run.catalog, run.loaded.content, schemas.documents, found, rejected, renamed=renamed, earlier=Earlier(root, base)
        )
        run.report.extend(found)
        errors, warnings = len(run.report.errors), len(run.report.warnings)
        detail.append(
            f"{errors} {'fout' if errors == 1 else 'fouten'}, {warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}"
        )
    return run


def build_project(
    root: Path,
    today: date,
    progress: Progress | None = None,
    *,
    pagefind: bool = True,
    address: SiteAddress | None = None,
    base: str = "HEAD",
) -> Run:
    """All stages; ``site/`` is replaced only when nothing failed.

    Args:
        address: Where the site and its repository live (`generator.siteaddress.resolve`); None: a local build.
        base: See `check_project`.
    """
    # The build-only stages are imported here, not at the top: `check` never loads mkdocs, the render
    # stage or the templates (about half a second on every check).
    from generator.history import last_changed, load_changes
    from generator.render import render_site
    from generator.render.layout import LayoutError
    from generator.searchindex import run_pagefind
    from generator.sitebuild import publish, run_mkdocs, staging_dir
    from generator.write import write_tree

    address = address or SiteAddress()
    run = check_project(root, today, progress, base=base)
    if run.report.has_errors() or run.catalog is None or run.loaded is None:
        return run
    with run.stage("geschiedenis", progress) as detail:
        # Part of loading (it reads earlier versions of the records), but only the build needs it.
        changes = load_changes(root, areas=run.catalog)
        dates = last_changed(root)
        detail.append("geen git-repository" if changes is None else f"{len(changes)} wijzigingen")
    with run.stage("renderen", progress) as detail:
        try:
            site = render_site(run.catalog, run.loaded.content, changes, today, address, dates)
        except LayoutError as exc:  # Graphviz missing or failing: say so, keep the last good site
            run.report.extend([Issue("site", 1, 1, "graphviz", "", str(exc))])
            return run
        detail.append(f"{len(site.pages)} pagina's")
    with run.stage("schrijven", progress) as detail:
        docs: dict[str, str | bytes] = {**site.pages, **site.files}
        result = write_tree(root / ".build" / "docs", docs)
        write_tree(root / ".build" / "includes", site.includes)
        detail.append(f"{result.written} nieuw of gewijzigd, {result.removed} verwijderd")
    staging = staging_dir(root)
    try:
        with run.stage("mkdocs build", progress):
            run.report.extend(run_mkdocs(root, staging, address, site.sources))
        if pagefind and not run.report.has_errors():
            with run.stage("pagefind", progress):
                run.report.extend(run_pagefind(staging))
        if not run.report.has_errors():
            publish(staging, root / "site")
            run.published = True
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return run
