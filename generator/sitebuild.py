"""Stage 7 of the pipeline: ``mkdocs build --strict``, and publishing the finished site atomically.

load → validate → model/catalog → check → render → write → **mkdocs build** → pagefind

MkDocs runs in-process (no plugin of ours: it only reads the Markdown the write stage produced and
the theme overrides). The site is built into a temporary folder next to ``site/`` and swapped in
only when MkDocs and Pagefind both succeeded, so a failed build never damages the last good site.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Mapping
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from generator.buildmessages import translate
from generator.headers import csp
from generator.issues import Issue
from generator.siteaddress import SiteAddress

_DIRTY = "A 'dirty' build is being performed"


class _Collect(logging.Handler):
    """Keeps MkDocs warnings so they can be reported like every other problem."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def run_mkdocs(
    root: Path,
    site_dir: Path,
    address: SiteAddress | None = None,
    sources: Mapping[str, str] | None = None,
    *,
    dirty: bool = False,
) -> list[Issue]:
    """Build the site with MkDocs in strict mode into ``site_dir``; return problems as issues.

    The site's address overrides ``site_url`` and ``repo_url`` of mkdocs.yml (MkDocs makes canonical
    links and the sitemap from ``site_url``). ``edit_uri`` stays empty: MkDocs would point edit links
    at the generated Markdown; the pages carry their own links to the YAML instead. ``sources`` (docs
    path → repository file) lets a broken link be reported at the file an editor can change. ``dirty``
    rebuilds only pages whose Markdown is newer than their HTML (the preview of `generator.watch`).
    """
    address = address or SiteAddress()
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.WARNING)  # INFO lines about omitted nav pages are expected and noisy
    cwd = Path.cwd()
    try:
        # pymdownx.snippets resolves the auto-appended abbreviation file from the working directory.
        os.chdir(root)
        config = load_config(
            str(root / "mkdocs.yml"),
            site_dir=str(site_dir),
            # A dirty build warns that it is dirty; strict mode would stop on that. Every other warning is
            # still collected below and reported as a problem, so the preview says what a full build would.
            strict=not dirty,
            site_url=address.site_url,
            repo_url=address.repo_url,
            edit_uri="",
        )
        # The theme writes this policy as the first element of every page (one source: generator.headers).
        config.extra["csp"] = csp(meta=True)
        mkdocs_build(config, dirty=dirty)
    except (Abort, MkDocsException, SystemExit) as exc:
        handler.messages.append(str(exc))
    except Exception as exc:  # a Markdown extension failing on one page must not become a traceback
        handler.messages.append(f"{type(exc).__name__}: {exc}")
    finally:
        os.chdir(cwd)
        logger.removeHandler(handler)
        logger.setLevel(previous)
    messages = [m for m in handler.messages if not (dirty and m.startswith(_DIRTY))]
    return [translate(m, root, sources or {}) for m in messages]


def publish(staging: Path, site: Path) -> None:
    """Replace ``site`` by ``staging`` with two renames, so readers never see half a site."""
    old = site.with_name(site.name + ".oud")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.replace(old)
    staging.replace(site)
    if old.exists():
        shutil.rmtree(old)


def staging_dir(root: Path) -> Path:
    """A fresh temporary build folder on the same file system as ``site/``."""
    staging = root / ".build" / f"site-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    return staging
