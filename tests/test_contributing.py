"""CONTRIBUTING.md explains every error code editors can meet."""

from __future__ import annotations

import ast
import re

from generator.messages import TEMPLATES
from tests.helpers import ROOT

CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)+$")
# Modules that report problems, and the calls that carry a code.
REPORTERS = (
    "load.py",
    "files.py",
    "yamlnodes.py",
    "validate.py",
    "placeholders.py",
    "check_renames.py",
    "editorschema.py",
    "owners.py",
    "check.py",
    "check_parts.py",
    "schemacache.py",
    "check_contact.py",
    "check_wiebelik.py",
    "check_safety.py",
    "check_pages.py",
    "check_sources.py",
    "citations.py",
    "graph.py",
    "pipeline.py",
    "buildmessages.py",
)
CALLS = {"Issue", "report", "add", "NodeError", "_issue"}


def _codes_in_source() -> set[str]:
    codes: set[str] = set()
    for name in REPORTERS:
        for node in ast.walk(ast.parse((ROOT / "generator" / name).read_text(encoding="utf-8"))):
            args: list[ast.expr] = []
            if isinstance(node, ast.Call):
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                args = list(node.args) if called in CALLS else []
            elif isinstance(node, ast.Tuple) and len(node.elts) == 3:  # (where, code, message) in graph.py
                args = [node.elts[1]]
            codes |= {a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str) and CODE.match(a.value)}
    return codes


def _all_codes() -> set[str]:
    # "schema" is the fallback code of messages.explain; mkdocs and pagefind report build problems.
    codes = _codes_in_source() | {code for code, _ in TEMPLATES.values()} | {"schema", "mkdocs", "pagefind"}
    for schema in (ROOT / "schema").glob("*.schema.json"):
        codes |= set(re.findall(r'"x-code": "([^"]+)"', schema.read_text(encoding="utf-8")))
    for expected in (ROOT / "tests" / "schema_examples" / "fout").glob("*/*.verwacht.txt"):
        codes |= set(re.findall(r"\[([a-z0-9-]+)\]", expected.read_text(encoding="utf-8"))) - {"0", "1", "2"}
    return codes


def test_every_error_code_is_explained_in_contributing() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    explained = set(re.findall(r"^\| `([a-z0-9-]+)` \|", text, re.MULTILINE))
    codes = _all_codes()
    assert {"yaml-syntax", "dubbele-sleutel", "onbekend-veld", "controle-verlopen", "ongeldige-cbs-code"} <= codes
    assert not codes - explained, f"leg deze codes uit in CONTRIBUTING.md: {sorted(codes - explained)}"
    assert not explained - codes, f"CONTRIBUTING.md noemt codes die niet (meer) bestaan: {sorted(explained - codes)}"
