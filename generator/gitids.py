"""Part of stage 1 (load): which records existed at an earlier git version, for the rename check.

load (+ history) → validate → model/catalog → check → render → write → mkdocs build → pagefind

When `check` finds references to an id that no record has, it asks here whether that record's file
was there at the version the work started from (``HEAD`` locally, the target branch in a pull
request): then it was removed or renamed, and the message can say so. Only asked when such
references exist, so a clean `check` never starts git. Each answer is one ``git`` call; without git
or outside a repository the answers are empty and the check falls back to what the files say.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

from generator.files import MAX_RECORD_BYTES
from generator.load import load_record

# Variables that would point git at another repository than the project's own.
_GIT_REDIRECTS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_PREFIX")


def _git(root: Path, *args: str) -> bytes | None:
    env = {k: v for k, v in os.environ.items() if k not in _GIT_REDIRECTS}
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args], cwd=root, capture_output=True, env=env, check=False, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


class Earlier:
    """The record files at one git version (``ref``), read once and only when asked."""

    def __init__(self, root: Path, ref: str) -> None:
        self.root = root
        self.ref = ref
        self._paths: dict[tuple[str, str], str] | None = None

    def paths(self) -> dict[tuple[str, str], str]:
        """(kind folder, id) → file path of every record at ``ref``; empty without git or that version."""
        if self._paths is None:
            self._paths = {}
            top = _git(self.root, "rev-parse", "--show-toplevel")
            # Only the project's own repository counts (a test project inside another checkout has none).
            if top is not None and Path(top.decode("utf-8").strip()).resolve() == self.root.resolve():
                listing = _git(self.root, "ls-tree", "-r", "--name-only", self.ref, "--", "partners/") or b""
                for line in listing.decode("utf-8", "replace").splitlines():
                    parts = line.split("/")
                    if len(parts) == 3 and parts[2].endswith(".yaml"):
                        self._paths[(parts[1], parts[2].removesuffix(".yaml"))] = line
        return self._paths

    def path_of(self, kinds: tuple[str, ...], record_id: str) -> str | None:
        """The file that held ``record_id`` (of one of ``kinds``) at ``ref``, or None."""
        paths = self.paths()
        return next((paths[(k, record_id)] for k in kinds if (k, record_id) in paths), None)

    def data_of(self, kind: str, path: str) -> dict[str, Any]:
        """The fields of a record file at ``ref`` (empty when it cannot be read or is not a record)."""
        raw = _git(self.root, "show", f"{self.ref}:{path}") or b""
        # Through the load stage's own parser: the same limits (size, aliases, depth) as for files on disk.
        record = load_record(kind, path, raw[:MAX_RECORD_BYTES], []) if len(raw) <= MAX_RECORD_BYTES else None
        return record.data if record is not None else {}


def likely_successor(old: dict[str, Any], candidates: dict[str, dict[str, Any]]) -> str | None:
    """The id of the candidate record that shares most fields with ``old`` (at least half of them)."""
    best, best_share = None, 0.5
    keys_old = {k for k in old if k != "id"}
    for rid, data in sorted(candidates.items()):
        keys = keys_old | {k for k in data if k != "id"}
        share = sum(1 for k in keys if k in old and k in data and old[k] == data[k]) / max(len(keys), 1)
        if share > best_share or (best is None and share == best_share):
            best, best_share = rid, share
    return best
