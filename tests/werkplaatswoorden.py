"""Workshop words on reader pages (issue 14): what only editors and developers should ever see.

Used by tests/browser/test_werkplaatswoorden.py (the real site) and tests/test_werkplaatswoorden.py
(the scanner itself and the mini site); also a small report tool:

    .venv/bin/python -m tests.werkplaatswoorden site/      # every hit, page by page

A reader page is every built HTML page except the Beheer pages (``gia-page--beheer``: beheer, te
verifiëren, wijzigingen, ketenanalyse, open data, the handleiding), which are written for editors and
may name files and fields. Visible text is the page without scripts, styles, templates and elements
with ``hidden`` (Pagefind's hidden search words). Links may carry a file path in their address (the
"Wijzig deze gegevens" link does); only their text is read.

Workshop words: a file path (``partners/…``, ``content/….md``, ``….yaml``), the bare status code
"(onbekend)", a field name of the schemas (``ook_bekend_als``, ``geverifieerd.herzien_na_dagen``), a
record id shown as text (an id with a hyphen that no record uses as a word in its own prose), a CBS
gemeentecode (``GM0917``: those live in the open data), and the word "record".
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup

BEHEER = 'class="gia-page gia-page--beheer'
FIXED = {
    "bestandspad": re.compile(r"\bpartners/|\bcontent/[\w/-]+\.md\b|\b[\w-]+\.ya?ml\b"),
    "statuscode": re.compile(r"\(onbekend\)"),
    "cbs-code": re.compile(r"\bGM\d{4}\b"),
    "record": re.compile(r"\brecords?\b", re.IGNORECASE),
}
_DOTTED = re.compile(r"\b[a-z][a-z_]*(?:\.[a-z][a-z_]*)+\b")
_UNDERSCORED = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
_HYPHENATED = re.compile(r"(?<![\w/.#-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w/-])")
_WORD = re.compile(r"[\w-]+")


@dataclass(frozen=True)
class Vocabulary:
    """What counts as a field name or a record id, read from the project itself."""

    fields: frozenset[str]  # every property name in schema/*.json
    ids: frozenset[str]  # record ids with a hyphen that no record's prose uses as a word


@dataclass(frozen=True)
class Hit:
    page: str
    kind: str
    word: str
    context: str

    def __str__(self) -> str:
        return f"{self.page}: {self.kind} {self.word!r} in '…{self.context}…'"


def _properties(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                yield from value
            yield from _properties(value)
    elif isinstance(node, list):
        for item in node:
            yield from _properties(item)


# Fields whose value is text even when it is one word (a toelichting "one-stop-werkwijze", a term).
TEXT_FIELDS = frozenset({"toelichting", "term", "naam", "titel", "korte_titel", "synoniemen", "afkortingen", "ook_bekend_als"})


def _prose(node: Any, key: str = "") -> Iterator[str]:
    """Every text of a record: values with a space, and the values of the text fields."""
    if isinstance(node, str):
        if " " in node.strip() or key in TEXT_FIELDS:
            yield node
    elif isinstance(node, dict):
        for name, value in node.items():
            yield from _prose(value, str(name))
    elif isinstance(node, list):
        for item in node:
            yield from _prose(item, key)


def vocabulary(root: Path) -> Vocabulary:
    """Field names from ``root/schema``, record ids from ``root/partners``.

    A hyphenated id counts only when no record writes it as a word in its text: "kind-oudermishandeling"
    is an id and a Dutch word, "mdo-pilot-veilig-thuis-raad-kinderbescherming" only an id.
    """
    fields = {name for f in sorted((root / "schema").glob("*.json")) for name in _properties(json.loads(f.read_text("utf-8")))}
    ids: set[str] = set()
    prose: set[str] = set()
    for f in sorted((root / "partners").rglob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            ids.add(data["id"])
        for text in _prose(data):
            prose.update(_WORD.findall(text.lower()))
    return Vocabulary(frozenset(fields), frozenset(i for i in ids if "-" in i and i not in prose))


def visible_text(html: str) -> str:
    """The text a reader sees: no scripts, styles, templates or hidden elements; links by their text."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "template", "noscript", "head"]):
        element.decompose()
    for element in soup.select("[hidden]"):
        element.decompose()
    return re.sub(r"\s+", " ", soup.get_text(" "))


def find(text: str, vocab: Vocabulary, page: str = "") -> list[Hit]:
    """Every workshop word in ``text`` (the visible text of one page)."""

    def hit(kind: str, m: re.Match[str]) -> Hit:
        return Hit(page, kind, m.group(0), text[max(0, m.start() - 50) : m.end() + 30])

    found = [hit(kind, m) for kind, pattern in FIXED.items() for m in pattern.finditer(text)]
    found += [hit("veldnaam", m) for m in _DOTTED.finditer(text) if all(part in vocab.fields for part in m.group(0).split("."))]
    found += [hit("veldnaam", m) for m in _UNDERSCORED.finditer(text) if m.group(0) in vocab.fields]
    found += [hit("id", m) for m in _HYPHENATED.finditer(text) if m.group(0) in vocab.ids]
    return found


def reader_pages(site: Path) -> Iterator[tuple[str, str]]:
    """(site path, HTML) of every reader page of a built site, Beheer pages left out."""
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if BEHEER not in html:
            yield path.relative_to(site).as_posix(), html


def scan(site: Path, vocab: Vocabulary) -> list[Hit]:
    """Every workshop word on every reader page of ``site``."""
    return [h for page, html in reader_pages(site) for h in find(visible_text(html), vocab, page)]


def report(hits: Iterable[Hit]) -> str:
    lines = [str(h) for h in hits]
    return "\n".join(lines) if lines else "geen werkplaatswoorden"


if __name__ == "__main__":
    from tests.helpers import ROOT

    print(report(scan(Path(sys.argv[1] if len(sys.argv) > 1 else "site"), vocabulary(ROOT))))
