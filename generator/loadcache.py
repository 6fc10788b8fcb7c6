"""Part of stage 1 (load): records parsed before, kept between runs so `check` reads only what changed.

load → validate → model/catalog → check → render → write → mkdocs build → pagefind

Parsing a record with its position table (line and column of every key and value) costs about a
third of a millisecond; at 5,000 records that is most of a `check`. Between two runs an editor
changes a few files, so the parse of every other file is taken from a cache: one file per project in
the user's cache folder (`generator.schemacache.cache_folder`), mapping the SHA-256 of a file's bytes
to its fields. Positions are left out (they are most of the size): a record from the cache parses its
file again the first time a message needs a line and column (`RawRecord.locate`). Only the bytes
decide: a renamed or copied file with the same content is a hit, any edit is a miss. Projects of
fewer than `MIN_RECORDS` records parse faster than a cache file loads, so they have none. The cache is keyed as well by the source of the modules that parse (so a change
to the parser starts a new cache), PyYAML's version and Python's. It holds plain data, never code,
and a file that fails to parse is never cached: its message is made afresh on every run.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from pathlib import Path
from typing import Any

import yaml

from generator.schemacache import cache_folder, store

MIN_RECORDS = 200
# The modules whose code decides what a parse gives.
_PARSERS = ("load.py", "yamlnodes.py", "yamlerrors.py", "files.py", "loadcache.py")


def _version() -> str:
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{yaml.__version__} {sys.version}".encode())
    for name in _PARSERS:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:24]


class RecordCache:
    """Parsed records by content hash: read once at the start of a load, written once at its end."""

    def __init__(self, root: Path) -> None:
        project = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:12]
        self.path = cache_folder() / f"records-{_version()}-{project}.marshal"
        self.seen: dict[bytes, Any] = {}
        self.fresh = 0
        try:
            # Plain data (dicts, lists, strings, numbers) written by `save` below; marshal cannot run anything.
            found = marshal.loads(self.path.read_bytes())  # noqa: S302
        except (OSError, EOFError, ValueError, TypeError):
            found = {}
        self.old: dict[bytes, Any] = found if isinstance(found, dict) else {}

    @staticmethod
    def key(raw: bytes) -> bytes:
        """The cache key of a file's bytes."""
        return hashlib.sha256(raw).digest()

    def get(self, raw: bytes) -> Any:
        """The fields of a file parsed before, or None."""
        key = self.key(raw)
        hit = self.old.get(key)
        if hit is None:
            return None
        if key in self.seen:  # a second file with the same bytes gets its own copy: later stages may change data
            hit = marshal.loads(marshal.dumps(hit))  # noqa: S302
        self.seen[key] = hit
        return hit

    def put(self, raw: bytes, data: Any) -> None:
        """Remember a successful parse."""
        self.seen[self.key(raw)] = data
        self.fresh += 1

    def save(self) -> None:
        """Write the entries of this run (new ones added, files no longer there dropped), when anything changed."""
        if len(self.seen) < MIN_RECORDS or (not self.fresh and len(self.seen) == len(self.old)):
            return
        store(self.path, self.seen)
