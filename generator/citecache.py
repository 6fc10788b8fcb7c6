"""Part of stage 4 (check): results of the citation check kept between runs, per record file.

load → validate → model/catalog → **check** → render → write → mkdocs build → pagefind

`generator.citations` reads every claim against the lines it cites: the largest part of `check`
once the kaart grows (about one second of CPU at 5,000 records). What it says about a record depends
only on that record's file and on the documents (their records and texts), so its warnings are kept
per file in the user's cache folder (`generator.schemacache.cache_folder`), under the SHA-256 of the
file's bytes. A run reads again only the records whose file changed; any change to a document, a
source text or the citation code starts the cache afresh. Small projects (tests) have none.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from pathlib import Path
from typing import Any

from generator.catalog import Catalog
from generator.citations import check_citations
from generator.issues import Issue, Severity
from generator.loadcache import MIN_RECORDS
from generator.schemacache import cache_folder, store


def _documents_key(catalog: Catalog, texts: dict[str, list[str]]) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for module in ("citations.py", "sourcewords.py"):  # the reading rules: a change there reads every claim again
        digest.update((Path(__file__).resolve().parent / module).read_bytes())
    for rid, raw in sorted((rid, catalog.raw[("documenten", rid)]) for rid in catalog.of("documenten")):
        digest.update(rid.encode() + raw.digest + marshal.dumps(raw.data))
    for name in sorted(texts):
        digest.update(name.encode() + hashlib.sha256("\n".join(texts[name]).encode()).digest())
    return digest.hexdigest()[:24]


def _read(path: Path) -> dict[bytes, list[Any]]:
    try:
        # Plain tuples of text and numbers written below; marshal cannot run anything.
        found = marshal.loads(path.read_bytes())  # noqa: S302
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return found if isinstance(found, dict) else {}


def cached_citations(root: Path, catalog: Catalog, texts: dict[str, list[str]]) -> list[Issue]:
    """The warnings of `check_citations`, read again only for record files that changed since the last run."""
    records = {key: raw for key, raw in catalog.raw.items() if raw.digest}
    if len(records) < MIN_RECORDS:
        return check_citations(catalog, texts)
    project = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:12]
    path = cache_folder() / f"citations-{_documents_key(catalog, texts)}-{project}.marshal"
    old = _read(path)
    missing = {key for key, raw in records.items() if raw.digest not in old}
    fresh = check_citations(catalog, texts, only=missing | {k for k in catalog.raw if k not in records})
    kept: dict[bytes, list[Any]] = {raw.digest: old[raw.digest] for key, raw in records.items() if key not in missing}
    for key in missing:
        kept[records[key].digest] = []
    by_path = {raw.path: raw.digest for raw in records.values()}
    for issue in fresh:
        if issue.path in by_path:
            entry = (issue.line, issue.column, issue.code, issue.field, issue.message, issue.severity.value)
            kept[by_path[issue.path]].append(entry)
    issues = list(fresh)
    for key, raw in records.items():
        if key not in missing:
            for line, column, code, field, message, severity in old[raw.digest]:
                issues.append(Issue(raw.path, line, column, code, field, message, Severity(severity)))
    if missing or len(kept) != len(old):
        store(path, kept)
    return issues
