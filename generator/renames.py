"""Stage 3 of the pipeline (model/catalog, before the catalogue is built): old ids lead to the new record.

load → validate → **model/catalog** → check → render → write → mkdocs build → pagefind

A renamed record lists the ids it had in ``eerdere_ids``. Other records may still name an old id:
renaming Veilig Thuis touches about a hundred places, too many to change in one pull request from
the web editor. So every reference to an old id is read as the new id before the catalogue is made
(links, route drawings and counts all follow), and `generator.check_renames` lists each place as a
warning to tidy up later. The render stage writes a page at every old address that sends the reader
on (`generator.render.redirects`). Nothing happens when no record has ``eerdere_ids``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from generator.kinds import KINDS
from generator.load import FieldPath, RawRecord
from generator.schemawalk import Plan, reference_plan, references


@dataclass(frozen=True, slots=True)
class Renamed:
    """One place that named an old id and now reads the new one."""

    record: RawRecord
    path: FieldPath
    old: str
    new: str


def rename_map(records: list[RawRecord]) -> dict[str, tuple[str, str]]:
    """Old id → (kind folder, current id), for old ids that no current record of that kind has (first claim wins)."""
    current = {(r.kind, r.data.get("id")) for r in records}
    out: dict[str, tuple[str, str]] = {}
    for record in sorted(records, key=lambda r: r.path):
        for old in record.data.get("eerdere_ids") or ():
            if isinstance(old, str) and (record.kind, old) not in current:
                out.setdefault(old, (record.kind, str(record.data.get("id"))))
    return out


def plans(documents: dict[str, dict[str, Any]]) -> dict[str, Plan | tuple[str, ...] | None]:
    """The reference plan of every kind (`generator.schemawalk.reference_plan`)."""
    definitions = documents["definitions.schema.json"]["definitions"]
    return {folder: reference_plan(documents[kind.schema], definitions) for folder, kind in KINDS.items()}


def _set(data: Any, path: FieldPath, value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def apply_renames(records: list[RawRecord], documents: dict[str, dict[str, Any]]) -> dict[str, list[Renamed]]:
    """Replace references to old ids by the current id, in place; returns the places changed, by old id."""
    olds = rename_map(records)
    if not olds:
        return {}
    changed: dict[str, list[Renamed]] = defaultdict(list)
    by_kind = plans(documents)
    current = {(r.kind, r.data.get("id")) for r in records}
    for record in records:
        for path, rid, kinds in list(references(record.data, by_kind[record.kind])):
            kind, new = olds.get(rid, ("", ""))
            # Only where the old id names a record of the renamed one's kind, and no current record of those kinds.
            if kind in kinds and not any((k, rid) in current for k in kinds):
                _set(record.data, path, new)
                changed[rid].append(Renamed(record, path, rid, new))
    return dict(changed)
