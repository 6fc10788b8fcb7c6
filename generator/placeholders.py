"""Part of stage 2 (validate): placeholders the scaffold left in a record, refused with their own code.

load → **validate** → model/catalog → check → render → write → mkdocs build → pagefind

``python -m generator nieuw`` writes ``VUL-IN`` into every field a record needs. Some placeholders
would pass the schema (``naam: VUL-IN`` is a valid name), and the rest would fail with a message
about the pattern or the type, which is not what is wrong. So before the schema looks at a record,
every value that still holds the placeholder is reported here, at its own line, with what belongs
there: the field's title and description, the choices of an enum, or where its ids come from.
A record with a placeholder never reaches the site.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.issues import Issue
from generator.kinds import KINDS
from generator.load import FieldPath, RawRecord
from generator.schemawalk import AREA_LISTS, field_schema, id_kinds
from generator.yamlnodes import dotted

PLACEHOLDER = "VUL-IN"


def _holes(value: Any, path: FieldPath) -> Iterator[FieldPath]:
    if isinstance(value, str):
        if PLACEHOLDER in value:
            yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _holes(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _holes(item, (*path, i))


def where_ids_come_from(kinds: tuple[str, ...]) -> str:
    """'een id uit partners/organisaties of partners/voorzieningen, of een rol', for messages and comments."""
    folders = [f"partners/{k}" for k in kinds if k in KINDS]
    parts = [f"een id uit {' of '.join(folders)}"] if folders else []
    parts += [AREA_LISTS[k] for k in kinds if k in AREA_LISTS]
    return ", of ".join(parts)


def explain_field(node: dict[str, Any] | None, definitions: dict[str, Any]) -> str:
    """What belongs in a field, in one or two sentences: its description and the values it takes."""
    if node is None:
        return ""
    text = str(node.get("description", "")).strip()
    enum = node.get("enum") or (node.get("items") or {}).get("enum")
    kinds = id_kinds(node, definitions)
    if enum:
        text += f" Kies uit: {', '.join(map(str, enum))}."
    elif kinds:
        text += f" Hier hoort {where_ids_come_from(kinds)}."
    elif node.get("type") == "boolean":
        text += " Schrijf true (ja) of false (nee)."
    return text.strip()


def find_placeholders(record: RawRecord, schema: dict[str, Any], definitions: dict[str, Any]) -> list[Issue]:
    """One `nog-invullen` issue per value that still holds the placeholder."""
    issues = []
    for path in _holes(record.data, ()):
        node = field_schema(schema, definitions, path)
        if path and isinstance(path[-1], int) and (node or {}).get("type") != "object":
            # An item of a list of ids or words: the list says what belongs in it.
            node = field_schema(schema, definitions, path[:-1])
        named = next((p for p in reversed(path) if isinstance(p, str)), "")
        title = str((node or {}).get("title") or named)
        line, column = record.locate(path)
        help_text = explain_field(node, definitions)
        message = f"Het veld '{title}' is nog niet ingevuld: hier staat nog {PLACEHOLDER} uit het sjabloon." + (
            f" {help_text}" if help_text else ""
        )
        issues.append(Issue(record.path, line, column, "nog-invullen", dotted(path), message))
    return issues


def covered(issue: Issue, holes: list[Issue]) -> bool:
    """True when a schema issue is about a field that still holds a placeholder (its own message says more)."""
    return any(issue.field == h.field or issue.field.startswith((h.field + ".", h.field + "[")) for h in holes)
