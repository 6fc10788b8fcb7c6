"""Contracts between schema, model, messages and templates: they must not drift apart."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import Any

import pytest

from generator.catalog import _RENAMED, MODEL_CLASSES
from generator.kinds import KINDS
from generator.messages import TEMPLATES
from tests.helpers import ROOT

SCHEMAS = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "schema").glob("*.schema.json")}
KEYWORDS_WITHOUT_MESSAGE = {
    "$schema",
    "$id",
    "$ref",
    "title",
    "description",
    "examples",
    "definitions",
    "properties",
    "items",
    "additionalProperties",
    "if",
    "then",
    "x-melding",
    "x-code",
    "x-veld",
    "x-uitleg",
    "x-ids",
    "allOf",
    "type",
    "enum",
    "required",
}


def walk(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            if key in ("if", "then", "dependencies"):
                continue  # conditional constraints (field names, not schemas), not fields editors fill in
            if key in ("properties", "definitions"):
                for name, sub in value.items():
                    yield from walk(sub, f"{path}.{name}")
            elif isinstance(value, (dict, list)):
                yield from walk(value, path)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item, path)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_property_has_dutch_title_and_description(name: str) -> None:
    for path, node in walk(SCHEMAS[name]):
        for prop, sub in node.get("properties", {}).items():
            assert sub.get("title"), f"{name}{path}.{prop} mist title"
            assert sub.get("description"), f"{name}{path}.{prop} mist description"


@pytest.mark.parametrize("name", sorted(n for n in SCHEMAS if n != "definitions.schema.json"))
def test_records_refuse_unknown_fields(name: str) -> None:
    for path, node in walk(SCHEMAS[name]):
        if node.get("type") == "object" and "properties" in node:
            assert node.get("additionalProperties") is False, f"{name}{path}"


def test_every_keyword_used_has_a_dutch_message() -> None:
    used = {key for schema in SCHEMAS.values() for _, node in walk(schema) for key in node}
    missing = used - set(TEMPLATES) - KEYWORDS_WITHOUT_MESSAGE
    assert not missing
    assert {"type", "enum", "required", "additionalProperties"} <= set(TEMPLATES)


@pytest.mark.parametrize("folder", sorted(KINDS))
def test_schema_properties_equal_model_fields(folder: str) -> None:
    schema = SCHEMAS[KINDS[folder].schema]
    fields = {f.name for f in dataclasses.fields(MODEL_CLASSES[folder])} - {"bestand"}
    properties = {_RENAMED.get((folder, p), p) for p in schema["properties"]}
    assert properties == fields


def test_vscode_maps_every_schema_to_its_folder() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = {schema.removeprefix("./schema/"): globs for schema, globs in settings["yaml.schemas"].items()}
    for folder, kind in KINDS.items():
        assert f"partners/{folder}/*.yaml" in mapped[kind.schema]
