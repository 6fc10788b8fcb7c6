"""``python -m generator nieuw <soort> <id>``: write a new record from its schema, with Dutch comments.

Not a pipeline stage but an editor aid: every field of the schema appears in the file with its title
and description as a comment. Required fields get a placeholder to fill in; optional ones are
commented out, so the editor only removes the ``#`` for what they need.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from generator.kinds import KINDS

PLACEHOLDER = "VUL-IN"


def find_kind(name: str) -> str | None:
    """Folder name for 'organisatie', 'organisaties', 'Organisatie' …; None when unknown."""
    wanted = name.strip().lower()
    for folder, kind in KINDS.items():
        if wanted in (folder, kind.singular, kind.plural):
            return folder
    return None


def _resolve(prop: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    ref = prop.get("$ref", "")
    if ref:
        return {**definitions[ref.rsplit("/", 1)[-1]], **{k: v for k, v in prop.items() if k != "$ref"}}
    return prop


def _example(prop: dict[str, Any], record_id: str, name: str) -> str:
    if name == "id":
        return record_id
    if "examples" in prop:
        return json.dumps(prop["examples"][0], ensure_ascii=False)
    if "enum" in prop:
        return str(prop["enum"][0])
    kind = prop.get("type")
    if kind == "array":
        return f"[{PLACEHOLDER}]"
    if kind == "boolean":
        return "false"
    if kind == "object":
        return "{}"
    return PLACEHOLDER


def template_for(folder: str, record_id: str, schema_dir: Path) -> str:
    """The commented YAML text of a new record."""
    schema = json.loads((schema_dir / KINDS[folder].schema).read_text(encoding="utf-8"))
    definitions = json.loads((schema_dir / "definitions.schema.json").read_text(encoding="utf-8"))["definitions"]
    required = set(schema.get("required", []))
    lines = [
        f"# Nieuw record: {KINDS[folder].singular}. Vul de velden in en draai daarna `make check`.",
        "# Regels die met # beginnen zijn uitleg of optionele velden: haal de # weg om een veld te gebruiken.",
        "",
    ]
    for name, raw in schema["properties"].items():
        prop = _resolve(raw, definitions)
        verplicht = "verplicht" if name in required else "optioneel"
        lines.append(f"# {prop.get('title', name)} ({verplicht}): {prop.get('description', '')}")
        if "enum" in prop:
            lines.append(f"#   Kies uit: {', '.join(map(str, prop['enum']))}")
        if name == "bronnen":
            value = "\n  - document: VUL-IN   # id uit partners/documenten\n    regels: 1-2"
            lines.append(f"bronnen:{value}" if name in required else "# bronnen:" + value.replace("\n", "\n#"))
        else:
            value = _example(prop, record_id, name)
            lines.append(f"{name}: {value}" if name in required else f"# {name}: {value}")
        lines.append("")
    return "\n".join(lines)


def new_record(root: Path, soort: str, record_id: str) -> int:
    """Write ``partners/<soort>/<id>.yaml``; returns the exit code (the CLI prints nothing else)."""
    folder = find_kind(soort)
    if folder is None:
        print(f"Onbekende soort '{soort}'. Kies uit: {', '.join(KINDS)}.", file=sys.stderr)
        return 1
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", record_id):
        print(f"'{record_id}' is geen geldig id: gebruik kleine letters, cijfers en streepjes.", file=sys.stderr)
        return 1
    target = root / "partners" / folder / f"{record_id}.yaml"
    if target.exists():
        print(f"{target.relative_to(root)} bestaat al; kies een ander id.", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(template_for(folder, record_id, root / "schema"), encoding="utf-8")
    print(f"Aangemaakt: {target.relative_to(root)}. Vul de velden met VUL-IN in en draai `make check`.", file=sys.stderr)
    return 0
