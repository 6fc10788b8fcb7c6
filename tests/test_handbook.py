"""The field handbook (content/handleiding/velden.md) is generated from schema/ and kept up to date."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.cli import main
from generator.handbook import BANNER, TARGET, handbook_from
from generator.kinds import KINDS
from tests.helpers import ROOT


def _property_paths(node: dict[str, Any], definitions: dict[str, Any], prefix: str = "") -> list[str]:
    """Every property path of a schema, walked independently of the handbook code."""
    while "$ref" in node:
        node = {**definitions[node["$ref"].split("/")[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
    paths = []
    for name, child in node.get("properties", {}).items():
        path = prefix + name
        paths.append(path)
        while "$ref" in child:
            child = {**definitions[child["$ref"].split("/")[-1]], **{k: v for k, v in child.items() if k != "$ref"}}
        if "properties" in child:
            paths += _property_paths(child, definitions, path + ".")
        elif "items" in child:
            paths += _property_paths(child["items"], definitions, path + "[].")
    return paths


def test_committed_handbook_is_up_to_date() -> None:
    committed = (ROOT / TARGET).read_text(encoding="utf-8")
    assert committed == handbook_from(ROOT / "schema"), (
        "content/handleiding/velden.md hoort niet meer bij de schema's: draai make handleiding en commit het bestand"
    )
    assert BANNER in committed


def test_every_property_path_of_every_schema_is_in_the_handbook() -> None:
    text = (ROOT / TARGET).read_text(encoding="utf-8")
    definitions = json.loads((ROOT / "schema" / "definitions.schema.json").read_text(encoding="utf-8"))["definitions"]
    missing = []
    for kind in KINDS.values():
        schema = json.loads((ROOT / "schema" / kind.schema).read_text(encoding="utf-8"))
        section = text.split(f"{{: #{kind.singular} }}", 1)[1].split("\n## ", 1)[0]
        missing += [f"{kind.singular}: {p}" for p in _property_paths(schema, definitions) if f"| `{p}` |" not in section]
    assert not missing, missing
    assert "| `contact.telefoon[].geverifieerd.op` | **Op.**" in text


def test_required_allowed_values_and_examples_come_from_the_schema() -> None:
    text = (ROOT / TARGET).read_text(encoding="utf-8")
    organisatie = text.split("{: #organisatie }", 1)[1].split("\n## ", 1)[0]
    row = next(line for line in organisatie.splitlines() if line.startswith("| `contact.telefoon[].doel` |"))
    assert "| ja |" in row
    assert "`spoed`, `crisis`, `advies-en-melding`" in row
    assert row.endswith("| `advies-en-melding` |")
    assert "| `werkgebied` |" in organisatie
    assert "`[zuid-limburg]`" in organisatie
    voorziening = text.split("{: #voorziening }", 1)[1].split("\n## ", 1)[0]
    assert "**Regel:** Deze voorziening heeft een vertrouwelijk adres" in voorziening


def test_cli_rewrites_the_handbook(mini: Path) -> None:
    assert main(["--root", str(mini), "handleiding"]) == 0
    assert (mini / TARGET).read_text(encoding="utf-8") == handbook_from(ROOT / "schema")
    assert main(["--root", str(mini), "handleiding"]) == 0  # unchanged: nothing to do, still fine
