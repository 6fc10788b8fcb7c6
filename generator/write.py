"""Stage 6 of the pipeline: put the rendered pages on disk, touching only what changed.

load → validate → model/catalog → check → render → **write** → mkdocs build → pagefind

This is the only module that writes pages. It writes into the build folder (``.build/docs`` and
``.build/includes``), never into ``content/`` or ``partners/``. Unchanged files are left alone (so
their modification time stays, which keeps rebuilds and editors' file watchers quiet) and files
that are no longer generated are removed, so a deleted record leaves no stale page behind.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class WriteResult:
    """How many files the write stage touched."""

    written: int
    unchanged: int
    removed: int
    paths: tuple[str, ...] = ()  # the files written, relative to the folder


def write_tree(folder: Path, files: Mapping[str, str | bytes], *, prune: bool = True) -> WriteResult:
    """Make ``folder`` contain exactly ``files`` (relative path → text or bytes), writing only differences.

    Args:
        prune: Remove the files that are not in ``files``; False adds and updates only (a few pages ahead
            of the full set, in the preview).
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = unchanged = removed = 0
    paths: list[str] = []
    wanted = {folder / rel for rel in files}
    for rel, text in files.items():
        target = folder / rel
        data = text.encode("utf-8") if isinstance(text, str) else text
        try:
            if target.read_bytes() == data:
                unchanged += 1
                continue
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
        paths.append(rel)
    for existing in sorted(folder.rglob("*"), reverse=True) if prune else ():
        if existing.is_file() and existing not in wanted:
            existing.unlink()
            removed += 1
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return WriteResult(written, unchanged, removed, tuple(paths))
