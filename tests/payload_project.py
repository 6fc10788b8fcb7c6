"""The payload corpus in every text and URL field of every record kind, checked and built.

Phase 1 (`attribute`): each payload goes into every text and URL field of every record of a fixture
project (the mini fixture plus `tests/fixtures/payload`, records with every optional field filled).
`check` runs in memory; every error must point at one of the injected fields, and a field it refuses
gets its clean value back until `check` is satisfied. What remains is what `check` accepts.

Phase 2 (`build_projects`): the accepted payloads are written into the fields (several per field,
joined, within the field's length limit) and the projects are built, Pagefind included, for the
browser test to open.

Which fields count is read from the schema, not listed here: every string value that is no id, no
fixed choice and no date. `covered_paths` lets a test insist that the fixture fills all of them, so
a new text field in a schema is tested the day it is added.
"""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.catalog import build_catalog
from generator.check import check_catalog
from generator.graph import check_routes
from generator.issues import Issue
from generator.kinds import KINDS
from generator.load import FieldPath, Loaded, RawRecord, load_project, load_record
from generator.pipeline import Run, build_project
from generator.validate import Schemas, _bundle, load_schemas, validate_records
from generator.yamlnodes import dotted
from tests.helpers import ROOT, TODAY, make_project
from tests.payloads import PAYLOADS, Payload

OVERLAY = ROOT / "tests" / "fixtures" / "payload"
SEPARATOR = " ¦ "
Json = dict[str, Any]
Key = tuple[str, FieldPath]  # (record file, field)


def payload_base(target: Path) -> Path:
    """The mini fixture project with the complete records of `tests/fixtures/payload` laid over it."""
    root = make_project(target)
    shutil.copytree(OVERLAY / "partners", root / "partners", dirs_exist_ok=True)
    return root


def _resolve(schema: Json, bundle: Json) -> Json:
    """Follow ``$ref``s; a schema that is only ``allOf`` references gets their keywords as well."""
    while "$ref" in schema:
        schema = bundle["definitions"][schema["$ref"].rsplit("/", 1)[-1]]
    merged = dict(schema)
    for part in schema.get("allOf", []):
        if "$ref" in part:
            merged = {**_resolve(part, bundle), **merged}
    return merged


def _text_schema(schema: Json, bundle: Json) -> Json | None:
    """The resolved schema of a text or URL field, or None for ids, fixed choices, dates and non-strings."""
    if schema.get("$ref", "").endswith("/id"):
        return None
    resolved = _resolve(schema, bundle)
    types = resolved.get("type")
    types = types if isinstance(types, list) else [types]
    if "enum" in resolved or "const" in resolved or resolved.get("format") == "date":
        return None
    return resolved if "string" in types or "allOf" in resolved else None


def text_fields(data: Any, schema: Json, bundle: Json, path: FieldPath = ()) -> list[tuple[FieldPath, Json]]:
    """(field, resolved schema) of every text or URL value in ``data``, read from the schema."""
    resolved = _resolve(schema, bundle)
    if isinstance(data, dict):
        props = resolved.get("properties", {})
        return [
            hit for key, value in data.items() if key in props for hit in text_fields(value, props[key], bundle, (*path, key))
        ]
    if isinstance(data, list):
        items = resolved.get("items", {})
        # A list of texts must hold each text once: the first text stands for them all (blocks all count).
        first_text = next((i for i, value in enumerate(data) if not isinstance(value, (dict, list))), None)
        chosen = [i for i, value in enumerate(data) if isinstance(value, (dict, list)) or i == first_text]
        return [hit for i in chosen for hit in text_fields(data[i], items, bundle, (*path, i))]
    found = _text_schema(schema, bundle)
    return [(path, found)] if found is not None else []


def schema_paths(schema: Json, bundle: Json, path: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every text or URL field a schema defines, lists written as ``[]``."""
    resolved = _resolve(schema, bundle)
    if "properties" in resolved:
        return {p for key, sub in resolved["properties"].items() for p in schema_paths(sub, bundle, (*path, key))}
    if resolved.get("type") == "array":
        return schema_paths(resolved.get("items", {}), bundle, (*path, "[]"))
    return {path} if _text_schema(schema, bundle) is not None else set()


def covered_paths(fields: list[tuple[FieldPath, Json]]) -> set[tuple[str, ...]]:
    """The fields of a record as `schema_paths` writes them."""
    return {tuple("[]" if isinstance(part, int) else part for part in where) for where, _ in fields}


def set_at(data: Any, where: FieldPath, value: Any) -> None:
    """Put ``value`` at ``where`` in nested dicts and lists."""
    for part in where[:-1]:
        data = data[part]
    data[where[-1]] = value


def dump(data: Json) -> bytes:
    """A record as YAML, the way an editor's file would hold it."""
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=10**6).encode("utf-8")


@dataclass
class Attribution:
    """What `check` did with each payload in each field."""

    fields: dict[Key, Json] = field(default_factory=dict)  # every injected field and its schema
    accepted: dict[Key, list[Payload]] = field(default_factory=dict)
    refused: list[tuple[Payload, Key, Issue]] = field(default_factory=list)
    unexpected: list[tuple[Payload, Issue]] = field(default_factory=list)


def _check(loaded: Loaded, schemas: Schemas, data: dict[tuple[str, str], Json], issues: list[Issue]) -> list[Issue]:
    raws: list[RawRecord] = []
    for (kind, path), record in data.items():
        raw = load_record(kind, path, dump(record), issues)
        if raw is not None:
            raws.append(raw)
    valid, found = validate_records(raws, schemas)
    issues += found
    catalog = build_catalog(valid)
    rejected = {(r.kind, str(r.data.get("id"))) for r in raws} - {(r.kind, str(r.data.get("id"))) for r in valid}
    issues += check_catalog(catalog, loaded.documents, TODAY, rejected) + check_routes(catalog)
    return [i for i in issues if i.is_error]


def attribute(root: Path) -> Attribution:
    """Phase 1: per payload, every field of every record; `check` refuses some, with their position."""
    loaded = load_project(root)
    schemas = load_schemas(root / "schema")
    definitions = schemas.documents["definitions.schema.json"]["definitions"]
    result = Attribution()
    originals: dict[tuple[str, str], Json] = {}
    for raw in loaded.records:
        bundle = _bundle(schemas.documents[KINDS[raw.kind].schema], definitions)
        originals[(raw.kind, raw.path)] = raw.data
        for where, schema in text_fields(raw.data, bundle, bundle):
            result.fields[(raw.path, where)] = schema
    by_label = {(raw.path, dotted(where)): (raw.path, where) for raw in loaded.records for where in _fields_of(result, raw.path)}
    for payload in PAYLOADS:
        refused: set[Key] = set()
        while True:
            data = copy.deepcopy(originals)
            for (_, path), record in data.items():
                for where in _fields_of(result, path):
                    if (path, where) not in refused:
                        set_at(record, where, payload.text)
            errors = _check(loaded, schemas, data, [])
            new: dict[Key, Issue] = {}
            for issue in errors:
                key = by_label.get((issue.path, issue.field))
                if key is None:
                    result.unexpected.append((payload, issue))
                elif key not in refused:
                    new.setdefault(key, issue)
            result.refused += [(payload, key, issue) for key, issue in new.items()]
            if not new:
                break
            refused.update(new)
        for key in result.fields:
            if key not in refused:
                result.accepted.setdefault(key, []).append(payload)
    return result


def _fields_of(result: Attribution, path: str) -> list[FieldPath]:
    return [where for (p, where) in result.fields if p == path]


def chunks(values: list[str], schema: Json) -> list[str]:
    """Accepted payloads of one field, joined as far as the field allows (a URL or number holds one)."""
    if schema.get("pattern", r"\S") != r"\S":
        return list(values)
    limit = int(schema.get("maxLength", 10**9))
    out: list[str] = []
    for value in values:
        if out and len(out[-1]) + len(SEPARATOR) + len(value) <= limit:
            out[-1] += SEPARATOR + value
        else:
            out.append(value)
    return out


@dataclass
class Built:
    """One built project and which payloads sit in which field of it."""

    root: Path
    run: Run
    values: dict[Key, str]
    markers: dict[Key, list[str]]


def build_projects(base: Path, attribution: Attribution, workdir: Path) -> list[Built]:
    """Phase 2: every accepted payload written into its field, spread over as few builds as the limits allow."""
    per_field = {
        key: chunks([p.text for p in payloads], attribution.fields[key]) for key, payloads in attribution.accepted.items()
    }
    count = max((len(c) for c in per_field.values()), default=0)
    built = []
    for n in range(count):
        root = workdir / f"bouw-{n}"
        shutil.copytree(base, root, ignore=shutil.ignore_patterns("site", ".build"))
        loaded = load_project(root)
        values: dict[Key, str] = {}
        for raw in loaded.records:
            data = copy.deepcopy(raw.data)
            for (path, where), parts in per_field.items():
                if path == raw.path and n < len(parts):
                    set_at(data, where, parts[n])
                    values[(path, where)] = parts[n]
            (root / raw.path).write_bytes(dump(data))
        run = build_project(root, TODAY)
        markers = {key: [p.marker for p in PAYLOADS if p.text in value] for key, value in values.items()}
        built.append(Built(root, run, values, markers))
    return built
