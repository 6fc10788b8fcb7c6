"""Stage 3 of the pipeline (model/catalog, before the catalogue is built): old ids lead to the new record.

load → validate → **model/catalog** → check → render → write → mkdocs build → pagefind

A renamed record lists the ids it had in ``eerdere_ids``. Other records may still name an old id:
renaming Veilig Thuis touches about a hundred places, too many to change in one pull request from
the web editor. So every reference to an old id is read as the new id before the catalogue is made
(links, route drawings and counts all follow), and `generator.check_renames` lists each place as a
warning to tidy up later. The render stage writes a page at every old address that sends the reader
on (`generator.render.redirects`). Nothing happens when no record has ``eerdere_ids``.

Gemeenten are not records but entries inside a gebied; they merge (herindeling) more often than
organisations rename. A gemeente lists the ids of the gemeenten that went into it in its own
``eerdere_ids``, and every area field that names one of them (werkgebied, centrumgemeente …) reads
the new gemeente. Their kind here is the area list ``@gemeente`` (`generator.schemawalk`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
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


GEMEENTE = "@gemeente"
_AREA_LISTS = {"regio": ("@regio",), "subregio": ("@subregio",), "gemeente": (GEMEENTE,)}


def gemeente_entries(data: Any) -> Iterator[tuple[FieldPath, dict[str, Any]]]:
    """(path, entry) of each gemeente inside a gebied record, also one that failed the schema halfway."""
    subregios = data.get("subregios") if isinstance(data, dict) else None
    for i, sub in enumerate(subregios if isinstance(subregios, list) else ()):
        gemeenten = sub.get("gemeenten") if isinstance(sub, dict) else None
        for j, entry in enumerate(gemeenten if isinstance(gemeenten, list) else ()):
            if isinstance(entry, dict):
                yield ("subregios", i, "gemeenten", j), entry


def current_ids(records: list[RawRecord]) -> set[tuple[str, Any]]:
    """(kind, id) of every record, and (area list, id) of every regio, subregio and gemeente."""
    current = {(r.kind, r.data.get("id")) for r in records}
    for record in records:
        if record.kind != "gebieden":
            continue
        areas = [("regio", record.data.get("id"))]
        subregios = record.data.get("subregios")
        areas += [("subregio", s.get("id")) for s in subregios if isinstance(s, dict)] if isinstance(subregios, list) else []
        areas += [("gemeente", entry.get("id")) for _, entry in gemeente_entries(record.data)]
        for level, rid in areas:
            current |= {(kind, rid) for kind in (*_AREA_LISTS[level], "@gebied")}
    return current


def rename_map(records: list[RawRecord]) -> dict[str, tuple[str, str]]:
    """Old id → (kind folder or ``@gemeente``, current id), for old ids no current record or area has (first claim wins)."""
    current = current_ids(records)
    out: dict[str, tuple[str, str]] = {}
    for record in sorted(records, key=lambda r: r.path):
        for old in record.data.get("eerdere_ids") or ():
            if isinstance(old, str) and (record.kind, old) not in current:
                out.setdefault(old, (record.kind, str(record.data.get("id"))))
        for _, entry in gemeente_entries(record.data) if record.kind == "gebieden" else ():
            for old in entry.get("eerdere_ids") or ():
                if isinstance(old, str) and ("@gebied", old) not in current:
                    out.setdefault(old, (GEMEENTE, str(entry.get("id"))))
    return out


def _accepts(kinds: tuple[str, ...], kind: str) -> bool:
    """True when a field that names ``kinds`` may name an id of ``kind`` (a gemeente is also a gebied)."""
    return kind in kinds or (kind == GEMEENTE and "@gebied" in kinds)


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
    current = current_ids(records)
    for record in records:
        for path, rid, kinds in list(references(record.data, by_kind[record.kind])):
            kind, new = olds.get(rid, ("", ""))
            # Only where the old id names a record of the renamed one's kind, and no current record of those kinds.
            if kind and _accepts(kinds, kind) and not any((k, rid) in current for k in kinds):
                _set(record.data, path, new)
                changed[rid].append(Renamed(record, path, rid, new))
    return dict(changed)
