"""``python -m generator handleiding``: the field reference for editors, generated from ``schema/``.

Not a pipeline stage but an editor aid, like `generator.scaffold`. It writes
``content/handleiding/velden.md``, which is committed and built like any hand-written page; a test
fails when it no longer matches the schemas, so the handbook cannot drift from what `check` enforces.

Per record kind every field is listed, nested ones with their full path
(``contact.telefoon[].geverifieerd.op``): meaning (title and description), an example, whether it is
required and which values are allowed. Texts come from the schemas, so they are Dutch already.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from generator.kinds import KINDS
from generator.render.environment import md_inline

TARGET = Path("content") / "handleiding" / "velden.md"
BANNER = "gegenereerd uit schema/ — niet met de hand bewerken"
_ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
_FOR_EXAMPLE = re.compile(r"\b[Bb]ijvoorbeeld '?([^'().]+?)'?(?:\.|\)|$)")

Field = tuple[str, dict[str, Any], dict[str, Any], bool]  # (path, schema as written, resolved schema, required)


def resolve(node: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    """Follow ``$ref``s; keys next to a ``$ref`` (title, description, examples) win over the definition."""
    while "$ref" in node:
        target = definitions[node["$ref"].rsplit("/", 1)[-1]]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def fields(schema: dict[str, Any], definitions: dict[str, Any], prefix: str = "") -> Iterator[Field]:
    """Every property of ``schema``, depth first in schema order, with its dotted path."""
    required = set(schema.get("required", []))
    for name, raw in schema.get("properties", {}).items():
        prop = resolve(raw, definitions)
        path = f"{prefix}{name}"
        yield path, raw, prop, name in required
        if "properties" in prop:
            yield from fields(prop, definitions, f"{path}.")
        elif prop.get("type") == "array":
            items = resolve(prop.get("items", {}), definitions)
            if "properties" in items:
                yield from fields(items, definitions, f"{path}[].")


def _code(value: Any) -> str:
    """A value as an editor types it in YAML: lists in flow style, ``[zuid-limburg]``."""
    if isinstance(value, list):
        text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000).strip()
    else:
        text = str(value).lower() if isinstance(value, bool) else str(value)
    return f"`{text}`"


def example(path: str, raw: dict[str, Any], prop: dict[str, Any], definitions: dict[str, Any]) -> str:
    """An example value, the most specific first.

    ``examples`` on the field itself, then "bijvoorbeeld …" in its description, then ``examples`` of the
    shared definition (an id's generic example says less about a regio id than "bijvoorbeeld sittard-geleen"),
    then the first allowed value, then one derived from the type.
    """
    items = resolve(prop.get("items", {}), definitions)
    kind = prop.get("type")
    found = _FOR_EXAMPLE.search(prop.get("description", ""))
    if "examples" in raw:
        return _code(raw["examples"][0])
    if found and kind in ("string", ["string", "integer"]):
        return _code(found.group(1).strip())
    if prop.get("pattern") == _ID_PATTERN and path != "id":
        return "_een id (zie betekenis)_"  # the shared id example names one organisatie; misleading elsewhere
    if "examples" in prop:
        return _code(prop["examples"][0])
    if "enum" in prop:
        return _code(prop["enum"][0])
    if "properties" in prop or "properties" in items:
        return "_zie de velden hieronder_"
    if kind == "boolean":
        return "`true`"
    if kind == "integer":
        return _code(prop.get("minimum", 1))
    if kind == "array":
        if "enum" in items:
            return _code(f"[{items['enum'][0]}]")
        return "`[id-1, id-2]`" if items.get("pattern") == _ID_PATTERN else "`[eerste tekst, tweede tekst]`"
    return "_vrije tekst_"


def allowed(prop: dict[str, Any], definitions: dict[str, Any]) -> str:
    """Which values are allowed, in words."""
    if "enum" in prop:
        return ", ".join(_code(v) for v in prop["enum"])
    kind = prop.get("type")
    parts: list[str] = []
    if kind == "array":
        items = resolve(prop.get("items", {}), definitions)
        if "enum" in items:
            parts.append("lijst met: " + ", ".join(_code(v) for v in items["enum"]))
        elif "properties" in items:
            parts.append("lijst van blokken met de velden hieronder")
        elif items.get("pattern") == _ID_PATTERN:
            parts.append("lijst met ids")
        else:
            parts.append("lijst met teksten")
        if prop.get("minItems"):
            parts.append(f"minstens {prop['minItems']}")
        if prop.get("uniqueItems"):
            parts.append("elk item één keer")
    elif "properties" in prop:
        parts.append("blok met de velden hieronder")
        if prop.get("minProperties"):
            parts.append("minstens één veld")
    elif kind == "boolean":
        parts.append("`true` of `false`")
    elif kind == "integer":
        low, high = prop.get("minimum"), prop.get("maximum")
        parts.append("geheel getal" + (f" van {low} tot en met {high}" if low and high else f" vanaf {low}" if low else ""))
    elif "x-uitleg" in prop:
        parts.append(md_inline(prop["x-uitleg"]))
    elif prop.get("pattern") == r"\S":
        parts.append("tekst (niet leeg)")
    elif prop.get("pattern") == _ID_PATTERN:
        parts.append("id: kleine letters, cijfers en streepjes")
    elif "x-melding" in prop:
        parts.append(md_inline(prop["x-melding"]).rstrip("."))
    else:
        parts.append("tekst")
    if "maxLength" in prop:
        parts.append(f"maximaal {prop['maxLength']} tekens")
    return "; ".join(parts)


def _rules(schema: dict[str, Any]) -> list[str]:
    """Rules that span fields (``if``/``then``), from their ``x-melding``."""
    then = schema.get("then", {}).get("properties", {})
    return [md_inline(p["x-melding"]) for p in then.values() if "x-melding" in p]


def handbook(documents: dict[str, dict[str, Any]]) -> str:
    """The Markdown of velden.md from the schema documents (by file name)."""
    definitions = documents["definitions.schema.json"]["definitions"]
    out = [
        "---",
        "title: Velden per soort record",
        "description: Alle velden van alle soorten records, met betekenis, voorbeeld en toegestane waarden.",
        "paginasoort: beheer",  # for editors: kept out of the search index professionals use
        "---",
        f"<!-- {BANNER}. Pas schema/*.schema.json aan en draai `make handleiding`. -->",
        "",
        "# Velden per soort record",
        "",
        f"*Deze pagina is {BANNER}. Pas een schema in `schema/` aan en draai `make handleiding`.*",
        "",
        "Elke regel is één veld. Een punt in de naam betekent *binnen*: `contact.telefoon[].geverifieerd.op` is het veld "
        "`op` in het blok `geverifieerd` van elk telefoonnummer (`[]` staat voor *elk item van de lijst*) in het blok "
        "`contact`. **Verplicht** geldt binnen het blok erboven: `contact` mag ontbreken, maar een telefoonnummer dat er "
        "staat heeft altijd een `nummer`. Hoe je een record maakt en bijwerkt, staat in de [handleiding](index.md).",
        "",
        "Soorten: " + ", ".join(f"[{k.singular}](#{k.singular})" for k in KINDS.values()) + ".",
        "",
    ]
    for kind in KINDS.values():
        schema = documents[kind.schema]
        out += [
            f"## {kind.singular.capitalize()} {{: #{kind.singular} }}",
            "",
            md_inline(schema.get("description", "")),
            "",
            f"Eén bestand per {kind.singular} in `partners/{kind.folder}/`, met het id als bestandsnaam. "
            f"Een nieuw bestand maak je met `python -m generator nieuw {kind.singular} <id>`.",
            "",
        ]
        for rule in _rules(schema):
            out += [f"**Regel:** {rule}", ""]
        out += ["| Veld | Betekenis | Verplicht | Toegestane waarden | Voorbeeld |", "| --- | --- | --- | --- | --- |"]
        for path, raw, prop, required in fields(schema, definitions):
            meaning = f"**{md_inline(prop.get('title', path))}.** {md_inline(prop.get('description', ''))}".strip()
            row = (
                f"`{path}`",
                meaning,
                "ja" if required else "nee",
                allowed(prop, definitions),
                example(path, raw, prop, definitions),
            )
            out.append("| " + " | ".join(row) + " |")
        out.append("")
    return "\n".join(out)


def handbook_from(schema_dir: Path) -> str:
    """The Markdown of velden.md from the schemas in ``schema_dir``."""
    documents = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(schema_dir.glob("*.schema.json"))}
    return handbook(documents)


def write_handbook(root: Path) -> int:
    """Rewrite ``content/handleiding/velden.md``; returns the exit code."""
    target = root / TARGET
    text = handbook_from(root / "schema")
    if target.exists() and target.read_text(encoding="utf-8") == text:
        print(f"{TARGET.as_posix()} is al actueel.", file=sys.stderr)
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"Bijgewerkt: {TARGET.as_posix()}. Zet het bestand mee in je commit.", file=sys.stderr)
    return 0
