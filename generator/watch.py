"""``make serve``: build a preview, serve it, and build again on every save (an editor aid around the pipeline).

load → validate → model/catalog → check → render → write → mkdocs build → pagefind, on every change

The editor saves a record and looks at its page. A full build takes most of a minute (every page
through MkDocs, then the search index), so the preview is built apart from ``site/``, in
``.build/voorbeeld``, and kept. After a save the records are checked as always; then the saved
record's own page (or the saved hand-written page) is rendered, written and built on its own, so the
editor sees it within seconds however large the kaart (rendering all pages takes over a minute at
5,000 records). Then the whole site is rendered, the write stage rewrites only Markdown that
changed, and MkDocs builds only those pages (its *dirty* build): the other pages that show the
record (a phone number of the politie is on hundreds of them). A file whose pages are made together
with other records' (a ketenroute, a begrip, a gebied) waits for the full render; its own pages are
then built before the rest. The history read from git
is kept until the next commit; the search index is made once, at the start; a change to the theme
(``overrides/``) or ``mkdocs.yml`` rebuilds every page. A save with errors builds nothing: the
messages are printed in Dutch and the preview keeps its last good pages. ``site/`` (what `make
build` publishes) is never touched. Files are watched by polling their size and modification time
twice a second: no extra package, and it works on every file system, shared folders included.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from generator.catalog import Catalog
from generator.issues import Issue
from generator.load import ContentPage
from generator.pipeline import Run, check_project
from generator.serve import make_server
from generator.siteaddress import SiteAddress

WATCHED = ("partners", "content", "schema", "overrides", "mkdocs.yml")
# A change here changes every page (the theme, the site's settings): MkDocs builds them all again.
EVERY_PAGE = ("overrides", "mkdocs.yml")
PREVIEW = Path(".build") / "voorbeeld"
POLL_SECONDS = 0.5

Snapshot = dict[str, tuple[int, int]]
Ready = Callable[[str], None]


def snapshot(root: Path) -> Snapshot:
    """Size and modification time of every watched file, by path relative to ``root`` (links not followed)."""
    found: Snapshot = {}
    for name in WATCHED:
        top = root / name
        if top.is_file() and not top.is_symlink():
            info = top.stat()
            found[name] = (info.st_mtime_ns, info.st_size)
        for folder, dirs, files in os.walk(top, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for file in files:
                path = Path(folder) / file
                try:
                    info = path.stat(follow_symlinks=False)
                except OSError:
                    continue  # removed between listing and looking
                found[path.relative_to(root).as_posix()] = (info.st_mtime_ns, info.st_size)
    return found


def changed(before: Snapshot, after: Snapshot) -> list[str]:
    """Paths added, removed or changed between two snapshots, sorted."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


class Preview:
    """The preview of one project: its folder, and the history read from git (it changes only with a commit)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / PREVIEW
        self.history: tuple[str | None, Any, Any] | None = None
        self.summaries: dict[str, tuple[str, str]] | None = None  # of the last full render, for `own_first`

    def build(self, today: date, paths: list[str], *, first: bool = False, ready: Ready | None = None) -> Run:
        """One build: everything the first time; after a save the saved record's own pages first, then the rest.

        Args:
            paths: Repository files that changed (``partners/…``, ``content/…``).
            ready: Called with a Dutch sentence as soon as the saved record's own page can be looked at.
        """
        from generator.history import head, last_changed, load_changes
        from generator.render import render_site, renders_alone
        from generator.render.layout import LayoutError
        from generator.searchindex import run_pagefind
        from generator.sitebuild import run_mkdocs
        from generator.write import write_tree

        run = check_project(self.root, today)
        if run.report.has_errors() or run.catalog is None or run.loaded is None:
            return run
        with run.stage("geschiedenis"):
            commit = head(self.root)
            if self.history is None or commit is None or self.history[0] != commit:
                self.history = (commit, load_changes(self.root, areas=run.catalog), last_changed(self.root))
            _, changes, dates = self.history
        every = first or any(p == name or p.startswith(name + "/") for p in paths for name in EVERY_PAGE)
        # A record with a page of its own (or a hand-written page) is rendered and built on its own first:
        # rendering every page takes a minute on a large kaart, while its own page takes a moment.
        alone = not every and bool(paths) and all(renders_alone(p) for p in paths)
        ahead = alone and self.own_first(run, run.catalog, run.loaded.content, paths, today, dates)
        if run.report.has_errors():
            return run
        if ahead and ready is not None:
            ready("De pagina is bijgewerkt; de pagina's waarop dit ook staat, volgen nu.")
        with run.stage("renderen"):
            try:
                site = render_site(run.catalog, run.loaded.content, changes, today, SiteAddress(), dates)
            except LayoutError as exc:
                run.report.add(Issue("site", 1, 1, "graphviz", "", str(exc)))
                return run
            self.summaries = site.summaries
        with run.stage("schrijven"):
            written = write_tree(self.root / ".build" / "docs", {**site.pages, **site.files}).paths
            write_tree(self.root / ".build" / "includes", site.includes)
        own = {docs for docs, source in site.sources.items() if source in paths} if not ahead else set()
        later = [p for p in written if p.endswith(".md") and p not in own] if own and not every else []
        docs = self.root / ".build" / "docs"
        try:
            # MkDocs' dirty build takes a page whose Markdown is newer than its HTML. The other changed pages
            # are made to look older for a moment, so the saved record's own page is ready first.
            for rel in later:
                os.utime(docs / rel, ns=(0, 0))
            with run.stage("mkdocs build"):
                run.report.extend(run_mkdocs(self.root, self.folder, SiteAddress(), site.sources, dirty=not every))
        finally:
            for rel in later:
                (docs / rel).touch()
        if ready is not None and not run.report.has_errors() and later:
            ready(f"De pagina is bijgewerkt; {len(later)} andere pagina's waarop dit staat, volgen nu.")
        if later and not run.report.has_errors():
            with run.stage("mkdocs build (rest)"):
                run.report.extend(run_mkdocs(self.root, self.folder, SiteAddress(), site.sources, dirty=True))
        if first and not run.report.has_errors():
            with run.stage("pagefind"):
                run.report.extend(run_pagefind(self.folder))
        return run

    def own_first(
        self, run: Run, catalog: Catalog, content: list[ContentPage], paths: list[str], today: date, dates: Any
    ) -> bool:
        """Render, write and build only the pages of the saved files; whether there were any (and no problem).

        Only after a full render: the pages take their breadcrumb titles from it, and make their descriptions
        differ from the other pages' descriptions there.
        """
        from generator.render import render_own_pages
        from generator.sitebuild import run_mkdocs
        from generator.write import write_tree

        if self.summaries is None:
            return False
        with run.stage("renderen (eigen pagina's)"):
            own = render_own_pages(catalog, content, frozenset(paths), self.summaries, today, SiteAddress(), dates)
        if not own.pages:
            return False
        with run.stage("schrijven (eigen pagina's)"):
            write_tree(self.root / ".build" / "docs", own.pages, prune=False)
        with run.stage("mkdocs build (eigen pagina's)"):
            run.report.extend(run_mkdocs(self.root, self.folder, SiteAddress(), own.sources, dirty=True))
        return not run.report.has_errors()


def rebuild(root: Path, today: date, paths: list[str], *, first: bool = False) -> Run:
    """One build of a project's preview (a fresh `Preview`: no history kept between calls)."""
    return Preview(root).build(today, paths, first=first)


def report(run: Run, paths: list[str], seconds: float, say: Callable[[str], None]) -> None:
    """What the editor needs after a save: the problems, or that the page is ready."""
    what = ", ".join(paths[:3]) + (f" en nog {len(paths) - 3}" if len(paths) > 3 else "")
    for issue in run.report.sorted():
        say(issue.format_text())
    errors = len(run.report.errors)
    if errors:
        say(f"{what}: {errors} {'fout' if errors == 1 else 'fouten'}; het voorbeeld toont nog de vorige versie.")
    else:
        say(f"{what}: voorbeeld bijgewerkt in {seconds:.1f} s. Ververs de pagina in je browser.")


def watch(root: Path, port: int, today: Callable[[], date], *, stop: threading.Event | None = None) -> None:
    """Build the preview, serve it on ``port`` and rebuild on every change until Ctrl+C (or ``stop``)."""

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    stop = stop or threading.Event()
    before = snapshot(root)
    say("Voorbeeld bouwen (de eerste keer duurt het even) …")
    start = time.perf_counter()
    preview = Preview(root)
    report(preview.build(today(), [], first=True), ["alle pagina's"], time.perf_counter() - start, say)
    (root / PREVIEW).mkdir(parents=True, exist_ok=True)
    server = make_server(root / PREVIEW, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    say(f"Het voorbeeld draait op http://127.0.0.1:{server.server_address[1]}/ en wordt bijgewerkt zodra je")
    say("een bestand in partners/, content/, schema/ of overrides/ opslaat. Stoppen: Ctrl+C.")
    try:
        while not stop.wait(POLL_SECONDS):
            after = snapshot(root)
            paths = changed(before, after)
            if not paths:
                continue
            stop.wait(POLL_SECONDS)  # an editor that saves several files at once: take them together
            after = snapshot(root)
            paths = changed(before, after)
            before = after
            start = time.perf_counter()

            def ready(text: str, start: float = start) -> None:
                say(f"{text} ({time.perf_counter() - start:.1f} s)")

            report(preview.build(today(), paths, ready=ready), paths, time.perf_counter() - start, say)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
