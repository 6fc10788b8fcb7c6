"""``python -m generator nieuw <soort> <id>``: write a new record from its schema, with Dutch comments.

Not a pipeline stage but an editor aid (it reads the records through load → validate → catalog to
list the ids there are). Every field of the schema appears with its title and description as a
comment. A required field gets the placeholder ``VUL-IN`` and nothing else: no choice of soort,
werkgebied or regels is made for the editor, and `generator.placeholders` refuses the record until
every placeholder is replaced. Next to a field that names other records stand the ids to choose
from; optional fields are commented out, so the editor removes the ``#`` for what they need.
"""

from __future__ import annotations

import json
import re
import sys
import textwrap
from pathlib import Path
from typing import Any

from generator.catalog import build_catalog
from generator.editorschema import choices, id_lists
from generator.kinds import KINDS
from generator.load import load_project
from generator.placeholders import PLACEHOLDER, explain_field
from generator.schemawalk import id_kinds, resolve
from generator.validate import load_schemas, validate_records

# How the area lists are shown next to a field: one line per kind of area.
_GROUPS: dict[tuple[str, ...], tuple[str, ...]] = {("@gebied",): ("@regio", "@subregio", "@gemeente")}
_LABELS = {"@regio": "regio's", "@subregio": "subregio's", "@gemeente": "gemeenten", "@rol": "rollen"}
# Longer lists are named by their folder instead of listed (162 organisaties would bury the field).
MAX_LISTED = 60
_BRON = (
    "- document: {p}",
    "  regels: {p}",
    "# Of een webpagina in plaats van een document:",
    "# - url: {p}",
    "#   bekeken_op: {p}",
    "# Of een eigen controle bij de organisatie (gecontroleerd: telefonisch of per-e-mail):",
    "# - gecontroleerd: {p}",
    "#   door: {p}",
    "#   op: {p}",
)


def find_kind(name: str) -> str | None:
    """Folder name for 'organisatie', 'organisaties', 'Organisatie' …; None when unknown."""
    wanted = name.strip().lower()
    for folder, kind in KINDS.items():
        if wanted in (folder, kind.singular, kind.plural):
            return folder
    return None


class _Writer:
    """Builds the lines of one record template."""

    def __init__(self, definitions: dict[str, Any], lists: dict[str, list[str]]) -> None:
        self.definitions = definitions
        self.lists = lists
        self.lines: list[str] = []

    def comment(self, pad: str, text: str, hang: str = "") -> None:
        lines = textwrap.wrap(text, width=110 - len(pad), subsequent_indent=hang, break_long_words=False, break_on_hyphens=False)
        self.lines.extend(f"{pad}# {line}" for line in lines)

    def ids_hint(self, pad: str, kinds: tuple[str, ...]) -> None:
        for kind in _GROUPS.get(kinds, kinds):
            ids = choices(self.lists, (kind,))
            label = KINDS[kind].plural if kind in KINDS else _LABELS.get(kind, kind)
            if kind in KINDS and (not ids or len(ids) > MAX_LISTED):
                self.comment(pad, f"  {label.capitalize()}: de bestandsnamen (zonder .yaml) in partners/{kind}.", "    ")
            elif ids:
                self.comment(pad, f"  Kies uit ({label}): " + ", ".join(ids), "    ")

    def field(self, name: str, raw: dict[str, Any], required: bool, pad: str = "") -> None:
        prop = resolve(raw, self.definitions)
        state = "verplicht" if required else "optioneel"
        self.comment(pad, f"{prop.get('title', name)} ({state}): {prop.get('description', '')}".strip())
        enum = prop.get("enum") or resolve(prop.get("items"), self.definitions).get("enum")
        kinds = id_kinds(prop, self.definitions)
        if enum:
            self.comment(pad, "  Kies uit: " + ", ".join(map(str, enum)), "    ")
        elif kinds:
            self.ids_hint(pad, kinds)
        elif prop.get("type") == "boolean":
            self.comment(pad, "  " + explain_field({"type": "boolean"}, self.definitions))
        elif "examples" in raw or ("examples" in prop and not raw.get("$ref", "").endswith("/id")):
            # (The generic example of an id names an organisation: no help for a step or a region.)
            example = raw.get("examples") or prop["examples"]
            self.comment(pad, "  Bijvoorbeeld: " + json.dumps(example[0], ensure_ascii=False), "    ")
        off = "" if required else "# "
        body = self.body(prop, pad + "  ") if name == "bronnen" or _has_fields(prop, self.definitions) else []
        if body and not required:  # commented out whole; its fields are explained where they are required
            body = [line for line in body if not line.lstrip().startswith("#")] or body
            self.lines.append(f"{pad}# {name}:")
            self.lines.extend(f"# {line}" if not line.lstrip().startswith("#") else line for line in body)
        elif body:
            self.lines.append(f"{pad}{name}:")
            self.lines.extend(body)
        else:
            self.lines.append(f"{pad}{off}{name}: {'[' + PLACEHOLDER + ']' if prop.get('type') == 'array' else PLACEHOLDER}")

    def body(self, prop: dict[str, Any], pad: str) -> list[str]:
        """The indented lines below ``name:`` for a block or a list of blocks (its required fields only)."""
        if "items" in prop and resolve(prop["items"], self.definitions).get("title") == "Bron":
            hint = _Writer(self.definitions, self.lists)
            hint.ids_hint(pad, ("documenten",))
            return hint.lines + [pad + line.format(p=PLACEHOLDER) for line in _BRON]
        is_list = prop.get("type") == "array"
        block = resolve(prop["items"], self.definitions) if is_list else prop
        sub = _Writer(self.definitions, self.lists)
        # A block without required fields (contact) shows all of them, else the editor sees nothing to fill.
        required = [n for n in block.get("required", []) if n in block.get("properties", {})] or list(block.get("properties", {}))
        for name in required:
            sub.field(name, block["properties"][name], True, pad)
        others = [n for n in block.get("properties", {}) if n not in required]
        if others:
            sub.comment(pad, "Meer velden (zie Velden in de handleiding): " + ", ".join(others))
        if not required:
            return sub.lines
        if is_list:  # the first field line of the first item gets the '- '
            first = next(i for i, line in enumerate(sub.lines) if not line.lstrip().startswith("#"))
            sub.lines = [line if i < first else "  " + line for i, line in enumerate(sub.lines)]
            sub.lines[first] = pad + "- " + sub.lines[first].lstrip()
        return sub.lines


def _has_fields(prop: dict[str, Any], definitions: dict[str, Any]) -> bool:
    block = resolve(prop["items"], definitions) if prop.get("type") == "array" and "items" in prop else prop
    return block.get("type") == "object" and bool(block.get("properties"))


def template_for(folder: str, record_id: str, schema_dir: Path, lists: dict[str, list[str]]) -> str:
    """The commented YAML text of a new record; ``lists`` are the ids there are (`generator.idlists`)."""
    schema = json.loads((schema_dir / KINDS[folder].schema).read_text(encoding="utf-8"))
    definitions = json.loads((schema_dir / "definitions.schema.json").read_text(encoding="utf-8"))["definitions"]
    required = set(schema.get("required", []))
    writer = _Writer(definitions, lists)
    writer.lines += [
        f"# Nieuw record: {KINDS[folder].singular}. Vervang elke {PLACEHOLDER} en draai daarna `make check`:",
        f"# zolang er ergens {PLACEHOLDER} staat, wijst `make check` die plek aan en komt het record niet op de site.",
        "# Regels die met # beginnen zijn uitleg of optionele velden: haal de # weg om een veld te gebruiken.",
        "",
    ]
    for name, raw in schema["properties"].items():
        if name == "id":
            writer.comment("", "Id (verplicht): gelijk aan de bestandsnaam zonder .yaml.")
            writer.lines.append(f"id: {record_id}")
        else:
            writer.field(name, raw, name in required)
        writer.lines.append("")
    return "\n".join(writer.lines)


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
    valid, _ = validate_records(load_project(root).records, load_schemas(root / "schema"))
    text = template_for(folder, record_id, root / "schema", id_lists(build_catalog(valid)))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"Aangemaakt: {target.relative_to(root)}. Vervang elke {PLACEHOLDER} en draai `make check`.", file=sys.stderr)
    return 0
