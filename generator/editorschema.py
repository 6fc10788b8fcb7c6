"""Editor aid (like the scaffold, not a pipeline stage): the ids there are, for the scaffold and for VS Code.

The schemas in ``schema/`` say which fields name other records (``x-ids``, see `generator.schemawalk`),
but not which ids exist: those live in ``partners/``. ``python -m generator ids`` (``make ids``) writes
them to ``.vscode/ids/``: one list per kind of id in ``ids.schema.json`` and, per record kind, a small
schema that gives each id field its list. ``.vscode/settings.json`` pairs that schema with the
record's own, so VS Code (with the YAML extension) completes gemeente, expertise, document and
organisation ids and underlines an unknown one, as it already does for field names.

The lists change with every new record; `check` warns when the files lag behind the records
(`stale_lists`), so the editor who adds a record is told to run ``make ids``, and nothing blocks.
"""

from __future__ import annotations

import json
from collections.abc import Set
from pathlib import Path
from typing import Any

from generator.catalog import Catalog
from generator.issues import Issue, Severity
from generator.kinds import ACTOR_ROLES, KINDS, LANDELIJK
from generator.schemawalk import field_schema, reference_plan

FOLDER = Path(".vscode") / "ids"
LISTS_FILE = "ids.schema.json"
_NOTE = "Gegenereerd door `make ids` uit partners/ (generator/editorschema.py); niet met de hand bewerken."


def id_lists(catalog: Catalog) -> dict[str, list[str]]:
    """Every id list by its name in ``x-ids``: kind folders and the ``@`` area and role lists."""
    lists = {folder: sorted(catalog.of(folder)) for folder in KINDS}
    regios = sorted(catalog.of("gebieden"))
    lists["@regio"] = [*regios, LANDELIJK]
    lists["@subregio"] = sorted(catalog.subregios)
    lists["@gemeente"] = sorted(catalog.gemeenten)
    lists["@gebied"] = [*regios, *lists["@subregio"], *lists["@gemeente"], LANDELIJK]
    lists["@rol"] = list(ACTOR_ROLES)
    return lists


def choices(lists: dict[str, list[str]], kinds: tuple[str, ...]) -> list[str]:
    """The ids a field annotated with ``kinds`` may hold, without repeats, in list order."""
    return list(dict.fromkeys(rid for kind in kinds for rid in lists.get(kind, ())))


def _name(kinds: tuple[str, ...]) -> str:
    return "+".join(k.lstrip("@") for k in kinds)


def _overlay(
    plan: Any, schema: dict[str, Any], definitions: dict[str, Any], path: tuple[str | int, ...], used: set[tuple[str, ...]]
) -> dict[str, Any]:
    """The part of an editor schema below ``path``: only the id fields, each with its list."""
    if isinstance(plan, tuple):
        used.add(plan)
        ref = {"$ref": f"{LISTS_FILE}#/definitions/{_name(plan)}"}
        node = field_schema(schema, definitions, path) or {}
        return {"items": ref} if node.get("type") == "array" else ref
    out: dict[str, Any] = {}
    if "*" in plan:
        out["items"] = _overlay(plan["*"], schema, definitions, (*path, 0), used)
    fields = {k: _overlay(v, schema, definitions, (*path, k), used) for k, v in plan.items() if k != "*"}
    if fields:
        out["properties"] = fields
    return out


def editor_schemas(catalog: Catalog, documents: dict[str, dict[str, Any]]) -> dict[str, str]:
    """File name → JSON text of every file in ``.vscode/ids`` (sorted keys: the same records give the same files)."""
    definitions = documents["definitions.schema.json"]["definitions"]
    used: set[tuple[str, ...]] = set()
    files: dict[str, str] = {}
    for kind in KINDS.values():
        schema = documents[kind.schema]
        plan = reference_plan(schema, definitions) or {}
        overlay = {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "$comment": _NOTE,
            **_overlay(plan, schema, definitions, (), used),
        }
        files[kind.schema] = json.dumps(overlay, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    lists = id_lists(catalog)
    named = {_name(kinds): {"enum": choices(lists, kinds)} for kinds in sorted(used)}
    document = {"$schema": "http://json-schema.org/draft-07/schema#", "$comment": _NOTE, "definitions": named}
    files[LISTS_FILE] = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return files


def write_editor_schemas(root: Path, catalog: Catalog, documents: dict[str, dict[str, Any]]) -> int:
    """Write ``.vscode/ids``; returns how many files changed."""
    target = root / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    changed = 0
    for name, text in editor_schemas(catalog, documents).items():
        path = target / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed += 1
    return changed


def stale_lists(derived: dict[str, bytes], catalog: Catalog, rejected: Set[tuple[str, str]] = frozenset()) -> list[Issue]:
    """A warning when the id lists in ``.vscode/ids`` differ from the records (no warning when there are none).

    While a record has an error of its own (``rejected``), the lists cannot be judged: the record is not in
    the catalogue, yet it is there and its id belongs in the lists.
    """
    raw = derived.get((FOLDER / LISTS_FILE).as_posix())
    if raw is None or rejected:
        return []
    try:
        written = json.loads(raw)
    except ValueError:
        written = {}  # unreadable lists are as good as stale ones: `make ids` writes them anew
    written = written if isinstance(written, dict) else {}
    lists = id_lists(catalog)
    have = {name: set(d.get("enum", ())) for name, d in (written.get("definitions") or {}).items() if isinstance(d, dict)}
    want = {_name((k,)): set(v) for k, v in lists.items() if _name((k,)) in have}
    new = sorted(set().union(*(want[n] - have[n] for n in want))) if want else []
    gone = sorted(set().union(*(have[n] - want[n] for n in want))) if want else []
    if want and not new and not gone:
        return []
    parts = ([f"nieuw: {', '.join(new[:10])}"] if new else []) + ([f"weg: {', '.join(gone[:10])}"] if gone else [])
    parts = parts or ["het bestand is leeg of onleesbaar"]
    message = (
        f"De lijst met ids die VS Code aanvult, loopt achter op de records ({'; '.join(parts)}). Draai `make ids` en "
        "zet .vscode/ids mee in je commit. Dit houdt niets tegen; alleen de aanvulling in VS Code is dan niet bij."
    )
    return [Issue((FOLDER / LISTS_FILE).as_posix(), 1, 1, "ids-lijst-verouderd", "", message, Severity.WAARSCHUWING)]
