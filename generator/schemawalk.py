"""Part of stage 2 (validate): what the schema says about one field, and which fields name other records.

load → **validate** → model/catalog → check → render → write → mkdocs build → pagefind

A field that holds the id of another record carries ``"x-ids": [...]`` in ``schema/``: the kind
folders it may name (``organisaties``, ``documenten`` …) or one of the area lists below. That one
annotation serves four readers: the placeholder check (what belongs in an unfilled field), the
scaffold (which ids to choose from), the id lists for editors' schemas and the rename check (every
place that names an id). The values are ids, never free text, so a list of ids is all they need.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.load import FieldPath

# Id lists that are not a folder of records: areas come from inside partners/gebieden, roles are fixed.
AREA_LISTS = {
    "@gebied": "een regio, subregio of gemeente uit partners/gebieden, of 'landelijk'",
    "@regio": "een regio uit partners/gebieden, of 'landelijk'",
    "@subregio": "een subregio uit partners/gebieden",
    "@gemeente": "een gemeente uit partners/gebieden",
    "@rol": "een rol",
}
_BRANCHES = ("allOf", "anyOf", "oneOf", "then", "else")


def resolve(node: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    """``node`` with its ``$ref`` (and that one's, and any ``allOf``) merged in; the node's own keys win."""
    if not isinstance(node, dict):
        return {}
    merged: dict[str, Any] = {}
    ref = node.get("$ref", "")
    if ref:
        merged.update(resolve(definitions.get(ref.rsplit("/", 1)[-1], {}), definitions))
    for part in node.get("allOf", ()):
        merged.update({k: v for k, v in resolve(part, definitions).items() if k not in merged or k == "properties"})
    merged.update({k: v for k, v in node.items() if k not in ("$ref", "allOf")})
    return merged


def _property(node: dict[str, Any], name: str, definitions: dict[str, Any]) -> dict[str, Any] | None:
    if name in node.get("properties", {}):
        return resolve(node["properties"][name], definitions)
    for branch in _BRANCHES:
        parts = node.get(branch)
        for part in parts if isinstance(parts, list) else [parts] if isinstance(parts, dict) else []:
            found = _property(resolve(part, definitions), name, definitions)
            if found is not None:
                return found
    return None


def field_schema(schema: dict[str, Any], definitions: dict[str, Any], path: FieldPath) -> dict[str, Any] | None:
    """The (resolved) schema of the field at ``path``; None when the schema does not describe it."""
    node: dict[str, Any] | None = resolve(schema, definitions)
    for part in path:
        if node is None:
            return None
        if isinstance(part, int):
            node = resolve(node.get("items"), definitions) if "items" in node else None
        else:
            node = _property(node, part, definitions)
    return node


def id_kinds(node: dict[str, Any], definitions: dict[str, Any]) -> tuple[str, ...]:
    """The id lists a field (or the items of a list field) may name; empty for other fields."""
    kinds = node.get("x-ids")
    if kinds is None and "items" in node:
        kinds = resolve(node["items"], definitions).get("x-ids")
    return tuple(kinds or ())


Plan = dict[str, Any]  # field name or "*" (list items) -> a deeper Plan, or the id lists (a tuple) of an id field


def reference_plan(node: Any, definitions: dict[str, Any], depth: int = 0) -> Plan | tuple[str, ...] | None:
    """Only the paths of a schema that lead to id fields, so finding references skips everything else."""
    node = resolve(node, definitions)
    kinds = node.get("x-ids")
    if kinds:
        return tuple(kinds)
    if depth > 12:  # no schema here nests that deep; a guard against a definition that names itself
        return None
    plan: Plan = {}
    if "items" in node:
        sub = reference_plan(node["items"], definitions, depth + 1)
        if sub:
            plan["*"] = sub
    names = set(node.get("properties", {}))
    for branch in _BRANCHES:
        parts = node.get(branch)
        for part in parts if isinstance(parts, list) else [parts] if isinstance(parts, dict) else []:
            names |= set(resolve(part, definitions).get("properties", {}))
    for name in sorted(names):
        sub = reference_plan(_property(node, name, definitions), definitions, depth + 1)
        if sub:
            plan[name] = sub
    return plan or None


def references(
    data: Any, plan: Plan | tuple[str, ...] | None, path: FieldPath = ()
) -> Iterator[tuple[FieldPath, str, tuple[str, ...]]]:
    """Every id a record names, following a `reference_plan`: (field path, id, the id lists it may come from)."""
    if isinstance(plan, tuple):
        if isinstance(data, str):
            yield path, data, plan
        elif isinstance(data, list):
            yield from (((*path, i), item, plan) for i, item in enumerate(data) if isinstance(item, str))
    elif plan and isinstance(data, dict):
        for key, sub in plan.items():
            if key in data:
                yield from references(data[key], sub, (*path, key))
    elif plan and isinstance(data, list) and "*" in plan:
        for i, value in enumerate(data):
            yield from references(value, plan["*"], (*path, i))
