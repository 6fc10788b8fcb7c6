"""Part of stage 1 (load): earlier versions of the records, read from git.

load (+ history) → validate → model/catalog → check → render → write → mkdocs build → pagefind

Two uses, both ending in `generator.describe` sentences:

* ``python -m generator verschil <ref>`` compares the records at a commit with the working tree,
  for pull-request descriptions (`describe_since`);
* the build reads the last commits that touched records (`load_changes`) for the wijzigingen page
  and its feed, and the date of the last commit to each record file (`load_file_dates`) for the
  "laatst bijgewerkt" line on its page.

Blobs come from ``git ls-tree`` / ``git log --raw`` and one ``git cat-file --batch``, and go through
the same `load_record` → `validate_records` → `build_catalog` as the working tree. Commit dates are
only used to date a change; they never count as a verification date.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from generator.catalog import Catalog, build_catalog
from generator.describe import Labels, describe_changes, field_labels
from generator.issues import Issue
from generator.kinds import KINDS
from generator.load import RawRecord, load_project, load_record
from generator.validate import Schemas, load_schemas, validate_records

_RECORD_PATH = re.compile(r"^partners/([a-z]+)/([^/]+)\.yaml$")
# Variables that would point git at another repository than the project's own.
_GIT_REDIRECTS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_PREFIX")
_NO_CHANGE = "Alleen opmaak of uitleg (commentaar) gewijzigd; de gegevens zijn gelijk gebleven."

Entry = tuple[str, str, str]  # (kind folder, path, blob id)


class GitError(Exception):
    """Git is missing or refused; the message is Dutch and meant for editors."""


@dataclass(frozen=True, slots=True)
class Change:
    """One commit that touched records.

    Attributes:
        commit: Full commit id.
        date: Author date (with the author's UTC offset), only used to date the change on the site.
        subject: First line of the commit message.
        sentences: What changed in the records, in Dutch.
    """

    commit: str
    date: datetime
    subject: str
    sentences: tuple[str, ...]

    @property
    def short(self) -> str:
        """Abbreviated commit id, as git shows it."""
        return self.commit[:7]


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    env = {k: v for k, v in os.environ.items() if k not in _GIT_REDIRECTS}
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args], cwd=root, input=stdin, capture_output=True, env=env, check=False
        )
    except FileNotFoundError as exc:
        raise GitError("Git is niet geïnstalleerd; zonder git is de geschiedenis van de records niet te lezen.") from exc
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"Git gaf een fout: {detail[-1] if detail else 'onbekende fout'}")
    return result.stdout


def head(root: Path) -> str | None:
    """The commit the work tree stands on (None without git): the history read from it changes only with it."""
    try:
        return _git(root, "rev-parse", "HEAD").decode("utf-8").strip()
    except GitError:
        return None


def is_repository(root: Path) -> bool:
    """True when ``root`` is the top folder of a git work tree (not a folder inside another repository)."""
    try:
        top = _git(root, "rev-parse", "--show-toplevel").decode("utf-8").strip()
    except GitError:
        return False
    return Path(top).resolve() == root.resolve()


def _record_entry(path: str, blob: str) -> Entry | None:
    match = _RECORD_PATH.match(path)
    return (match.group(1), path, blob) if match and match.group(1) in KINDS else None


def _read_blobs(root: Path, ids: set[str]) -> dict[str, bytes]:
    """Contents of many blobs with one ``git cat-file --batch``."""
    if not ids:
        return {}
    ordered = sorted(ids)
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{i}\n" for i in ordered).encode())
    blobs: dict[str, bytes] = {}
    pos = 0
    for blob_id in ordered:
        end = out.index(b"\n", pos)
        header = out[pos:end].decode().split()
        if len(header) < 3:  # "<id> missing": a shallow clone without this object
            pos = end + 1
            continue
        size = int(header[2])
        blobs[blob_id] = out[end + 1 : end + 1 + size]
        pos = end + 1 + size + 1
    return blobs


def _side(entries: list[Entry], blobs: dict[str, bytes], schemas: Schemas) -> tuple[list[RawRecord], set[str]]:
    """Load and validate one side; return the valid records and the paths that have errors."""
    issues: list[Issue] = []
    records = [r for kind, path, blob in entries if (r := load_record(kind, path, blobs.get(blob, b""), issues))]
    valid, more = validate_records(records, schemas)
    return valid, {i.path for i in (*issues, *more) if i.is_error}


def _compare(
    old: tuple[list[RawRecord], set[str]], new: tuple[list[RawRecord], set[str]], areas: Catalog | None, labels: Labels
) -> list[str]:
    """Sentences from old to new; files with errors on either side are named, not compared."""
    broken = old[1] | new[1]
    before = build_catalog([r for r in old[0] if r.path not in broken])
    after = build_catalog([r for r in new[0] if r.path not in broken])
    sentences = describe_changes(before, after, areas, labels)
    for path in sorted(broken):
        if path in new[1]:
            sentences.append(f"⚠ {path} bevat fouten; draai make check. Wat er in dit bestand veranderde, staat hier niet.")
        else:
            sentences.append(f"{path} is hersteld (het bevatte fouten); wat er inhoudelijk veranderde, staat hier niet.")
    return sentences


def describe_since(root: Path, ref: str) -> list[str]:
    """Sentences for everything that changed in the records from commit ``ref`` to the working tree.

    Raises:
        GitError: When ``root`` is no git repository or ``ref`` is unknown.
    """
    if not is_repository(root):
        raise GitError(
            f"{root} is geen git-repository (of niet de hoofdmap ervan); 'verschil' vergelijkt met een versie uit git."
        )
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except GitError as exc:
        raise GitError(f"'{ref}' is geen bekende commit, branch of tag in deze repository.") from exc
    listing = _git(root, "ls-tree", "-r", "-z", commit, "--", "partners/").decode("utf-8")
    entries = []
    for line in filter(None, listing.split("\0")):
        meta, path = line.split("\t", 1)
        entry = _record_entry(path, meta.split()[2])
        if entry:
            entries.append(entry)
    schemas = load_schemas(root / "schema")
    old = _side(entries, _read_blobs(root, {e[2] for e in entries}), schemas)
    loaded = load_project(root)
    valid, issues = validate_records(loaded.records, schemas)
    broken = {i.path for i in (*loaded.issues, *issues) if i.is_error}
    new = ([r for r in valid if r.path not in broken], broken)
    return _compare(old, new, build_catalog(new[0]), field_labels(schemas.documents))


def _shallow_commits(root: Path) -> set[str]:
    """Commits at the edge of a shallow clone: their parent is missing, so their diff is unknown."""
    path = Path(_git(root, "rev-parse", "--git-path", "shallow").decode().strip())
    path = path if path.is_absolute() else root / path
    return set(path.read_text(encoding="ascii").split()) if path.exists() else set()


def load_changes(root: Path, limit: int = 50, *, areas: Catalog | None = None) -> list[Change] | None:
    """The last ``limit`` commits that touched records, newest first; None when ``root`` is no git repository.

    Args:
        areas: Catalogue used to name werkgebied ids (the current one, so names are today's).
    """
    if not is_repository(root):
        return None
    try:
        _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    except GitError:
        return []  # a fresh repository without commits
    specs = [f":(glob)partners/{kind}/*.yaml" for kind in KINDS]
    fmt = "--format=%x1e%H%x1f%aI%x1f%s"
    log = _git(root, "log", f"-n{limit}", "--no-merges", "--no-renames", "--raw", "--no-abbrev", fmt, "--", *specs)
    commits: list[tuple[str, str, str, list[Entry], list[Entry]]] = []
    for chunk in log.decode("utf-8", "replace").split("\x1e")[1:]:
        header, *lines = chunk.split("\n")
        sha, when, subject = header.split("\x1f", 2)
        old: list[Entry] = []
        new: list[Entry] = []
        for line in lines:
            if not line.startswith(":"):
                continue
            meta, path = line.split("\t", 1)
            _, _, old_blob, new_blob, _ = meta[1:].split(" ", 4)
            for blob, side in ((old_blob, old), (new_blob, new)):
                entry = _record_entry(path, blob) if blob.strip("0") else None
                if entry:
                    side.append(entry)
        commits.append((sha, when, subject, old, new))
    shallow = _shallow_commits(root)
    commits = [c for c in commits if c[0] not in shallow]
    if not commits:
        return []
    blobs = _read_blobs(root, {e[2] for c in commits for e in (*c[3], *c[4])})
    schemas = load_schemas(root / "schema")
    changes = []
    labels = field_labels(schemas.documents)
    for sha, when, subject, old, new in commits:
        sentences = _compare(_side(old, blobs, schemas), _side(new, blobs, schemas), areas, labels)
        changes.append(Change(sha, datetime.fromisoformat(when), subject.strip(), tuple(sentences or [_NO_CHANGE])))
    return changes


def last_changed(root: Path, folders: tuple[str, ...] = ("partners", "content")) -> dict[str, date] | None:
    """Per file below ``folders``, the day of the last commit that changed it; None when ``root`` is no git repository.

    Used for "laatst bijgewerkt" on pages and the sitemap's lastmod. A file changed but not yet committed
    keeps the date of its last commit: the build never dates anything by its own clock.
    """
    if not is_repository(root):
        return None
    try:
        log = _git(root, "log", "--no-renames", "--format=%x1e%cs", "--name-only", "--", *folders)
    except GitError:
        return {}  # a fresh repository without commits
    dates: dict[str, date] = {}
    for chunk in log.decode("utf-8", "replace").split("\x1e")[1:]:
        day, *paths = chunk.strip("\n").split("\n")
        for path in paths:
            if path:
                dates.setdefault(path, date.fromisoformat(day))  # newest first: the first date seen is the last change
    return dates
