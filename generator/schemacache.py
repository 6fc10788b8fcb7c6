"""Part of stage 2 (validate): the fast validators, compiled once and kept between runs.

load → **validate** → model/catalog → check → render → write → mkdocs build → pagefind

`fastjsonschema` turns each schema into Python source and compiles it: about 0.4 s for the eleven
kinds on every `check`, more than validating all records takes. The schemas change a few times a
year, so the compiled code is kept in the user's cache folder (``$XDG_CACHE_HOME/gia-wegwijzer``,
else ``~/.cache/gia-wegwijzer``), under a name made from the schema texts, the fastjsonschema
version and the Python version: a changed schema or an upgrade simply makes a new entry. The cache
lives outside the repository on purpose, so nothing a pull request adds can end up being run as
a cached validator. When the folder cannot be written, validators are compiled as before.

Before any of that, `schema_problems` says in Dutch, at the place to repair, why the schema files
cannot be read at all (no folder, a file missing, JSON that does not parse).
"""

from __future__ import annotations

import functools
import hashlib
import json
import marshal
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fastjsonschema

from generator.issues import Issue
from generator.kinds import KINDS

Formats = dict[str, Callable[[str], bool]]
KEEP_SECONDS = 3 * 24 * 3600


def cache_folder() -> Path:
    """Where compiled validators are kept."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gia-wegwijzer"


def _key(bundles: dict[str, dict[str, Any]], formats: Formats) -> str:
    material = json.dumps(
        [bundles, sorted(formats), fastjsonschema.VERSION, sys.version, sys.implementation.cache_tag], sort_keys=True
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


def _read(path: Path) -> dict[str, Any] | None:
    try:
        # Only this module writes there, in the user's own cache folder (outside any checkout): no new trust.
        codes = marshal.loads(path.read_bytes())  # noqa: S302
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return codes if isinstance(codes, dict) else None


def store(path: Path, value: Any) -> None:
    """Write ``value`` to a cache file atomically; drop files of the same family untouched for three days.

    A file name is ``<family>-<key>….marshal``: older keys (another schema, parser or document version,
    another checkout) are never read again. Nothing is raised: without a cache the next run recomputes.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as out:
            out.write(marshal.dumps(value))
        Path(out.name).replace(path)  # atomic: a parallel run reads the old file or the new one, never half
        family = path.name.split("-", 1)[0]
        for old in path.parent.glob(f"{family}-*.marshal"):
            if old != path and time.time() - old.stat().st_mtime > KEEP_SECONDS:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass


def _function(code: Any, formats: Formats) -> Callable[[Any], Any]:
    namespace: dict[str, Any] = {}
    exec(code, namespace)  # noqa: S102 - code fastjsonschema generated from our own schemas, see the module docstring
    return functools.partial(namespace["validate"], custom_formats=formats)


def fast_validators(bundles: dict[str, dict[str, Any]], formats: Formats) -> dict[str, Callable[[Any], Any]]:
    """A compiled validator per kind, from the cache when the same schemas were compiled before.

    Args:
        bundles: Self-contained schema per kind folder (no ``$id``: the entry function is ``validate``).
        formats: Checks for ``format`` values the generated code calls by name.
    """
    path = cache_folder() / f"schemas-{_key(bundles, formats)}.marshal"
    codes = _read(path)
    if codes is None or set(codes) != set(bundles):
        codes = {
            folder: compile(fastjsonschema.compile_to_code(bundle, formats=formats), f"<schema {folder}>", "exec")
            for folder, bundle in bundles.items()
        }
        store(path, codes)
    return {folder: _function(code, formats) for folder, code in codes.items()}


# json's messages, in words an editor can act on (the position comes with the issue).
_JSON_MESSAGES = {
    "Expecting ',' delimiter": "hier ontbreekt een komma",
    "Expecting ':' delimiter": "hier ontbreekt een dubbele punt",
    "Expecting property name enclosed in double quotes": "hier hoort een veldnaam tussen dubbele aanhalingstekens (of er staat een komma te veel)",
    "Expecting value": "hier ontbreekt een waarde (of er staat een komma te veel)",
    "Extra data": "na het einde van het schema staat nog tekst",
    "Unterminated string starting at": "deze tekst mist het aanhalingsteken aan het eind",
    "Invalid control character at": "in een tekst staat een tab of een regeleinde",
}


def schema_problems(schema_dir: Path) -> list[Issue]:
    """What keeps the schemas from being read at all: no folder, a missing file, or JSON that does not parse."""
    if not schema_dir.is_dir():
        message = (
            f"Er is geen map schema/ in {schema_dir.parent}. Draai het commando in de map van de repository "
            "(waar README.md staat), of geef die map mee met --root."
        )
        return [Issue("schema", 1, 1, "schema-ontbreekt", "", message)]
    issues = []
    for name in ("definitions.schema.json", *sorted({kind.schema for kind in KINDS.values()})):
        path = schema_dir / name
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            message = f"Het schema {name} ontbreekt. Zet het terug uit de vorige versie (git checkout -- schema/{name})."
            issues.append(Issue(f"schema/{name}", 1, 1, "schema-ontbreekt", "", message))
        except json.JSONDecodeError as exc:
            words = _JSON_MESSAGES.get(exc.msg, "de JSON klopt hier niet")
            line, column = exc.lineno, exc.colno
            before = exc.doc[: exc.pos]
            if exc.msg.startswith("Expecting ',' delimiter") and not before.rsplit("\n", 1)[-1].strip():
                # The comma belongs at the end of the previous line, where the editor has to type it.
                kept = before.rstrip()
                line, column = kept.count("\n") + 1, len(kept.rsplit("\n", 1)[-1]) + 1
            message = f"Dit schema is geen geldige JSON: {words}."
            issues.append(Issue(f"schema/{name}", line, column, "schema-json", "", message))
    return issues
