"""Stage 4 of the pipeline (sources part): every claim has its own source, every heading its place.

load → validate → model/catalog → **check** → render → write → mkdocs build → pagefind

A record's `bronnen` say where its facts come from in general; readers of an aandachtspunt or a
route step need to know what *that* line rests on. So each aandachtspunt (`let_op`) and each step and
transition of a ketenroute carries its own `bronnen`, unless it is marked for what it is: a gap in the
sources (`soort: lacune`) or the editors' own reasoning (`afgeleid: true`, drawn dashed on the site).

`UNSOURCED` says how hard this is enforced: a `fout`, now that every record in partners/ is converted
(it was a `waarschuwing` while they were). Document headings (`hoofdstukken`) must ascend and, when the
texts are here, lie inside the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.catalog import Catalog
from generator.issues import Issue, Severity
from generator.load import FieldPath
from generator.yamlnodes import dotted

# Every let_op line and route step in partners/ has its own source: one without is an error.
UNSOURCED = Severity.FOUT
# Readers see a source's toelichting; line numbers belong in 'regels', where the site turns them into a
# place in the document ("regels 305-313" in the toelichting would show up as workshop text).
_LINE_NUMBERS = re.compile(r"\bregels?\s+\d")


def unsourced_items(rec: object) -> list[tuple[FieldPath, str]]:
    """(field path, short name) of each aandachtspunt, stap or overgang of ``rec`` that needs a source and has none."""
    found: list[tuple[FieldPath, str]] = []
    for i, punt in enumerate(getattr(rec, "let_op", ())):
        if punt.soort != "lacune" and not punt.bronnen:
            found.append((("let_op", i), f"aandachtspunt {i + 1}"))
    for i, stap in enumerate(getattr(rec, "stappen", ())):
        if not stap.bronnen and not stap.afgeleid:
            found.append((("stappen", i), f"stap '{stap.id}'"))
    for i, overgang in enumerate(getattr(rec, "overgangen", ())):
        if not overgang.bronnen and not overgang.afgeleid:
            found.append((("overgangen", i), f"overgang {overgang.van} → {overgang.naar}"))
    return found


def check_unsourced(catalog: Catalog, severity: Severity = UNSOURCED) -> list[Issue]:
    """One issue per record that has aandachtspunten or route parts without their own source."""
    issues = []
    for kind in ("expertise", "ketenroutes"):
        for rid, rec in catalog.of(kind).items():
            items = unsourced_items(rec)
            if not items:
                continue
            raw = catalog.raw[(kind, rid)]
            line, column = raw.locate(items[0][0])
            names = ", ".join(f"{name} ({dotted(where)})" for where, name in items)
            message = (
                f"{'Dit onderdeel heeft' if len(items) == 1 else f'Deze {len(items)} onderdelen hebben'} geen eigen bron: "
                f"{names}. Geef elk 'bronnen' (document en regels, of een webpagina). Zegt geen document het? "
                "Schrijf bij een aandachtspunt 'soort: lacune', of zet bij een stap of overgang 'afgeleid: true' "
                "(de site toont het dan als afgeleid)."
            )
            issues.append(Issue(raw.path, line, column, "zonder-eigen-bron", dotted(items[0][0]), message, severity))
    return issues


def check_headings(catalog: Catalog, document_lines: dict[str, int] | None) -> list[Issue]:
    """Headings of a document must ascend and (when the text is here) lie inside it."""
    issues = []
    for rid, doc in catalog.of("documenten").items():
        raw = catalog.raw[("documenten", rid)]
        total = (document_lines or {}).get(doc.bestand_tekst or "")
        previous = 0
        for i, kop in enumerate(doc.hoofdstukken):
            problem = None
            if kop.regel <= previous:
                problem = f"Regel {kop.regel} komt niet na de kop ervoor (regel {previous}). Zet de koppen op volgorde."
            elif total is not None and kop.regel > total:
                problem = f"Regel {kop.regel} bestaat niet: het document heeft {total} regels."
            if problem:
                where = ("hoofdstukken", i, "regel")
                line, column = raw.locate(where)
                issues.append(Issue(raw.path, line, column, "ongeldige-regels", dotted(where), problem, Severity.FOUT))
            previous = max(previous, kop.regel)
    return issues


def _notes(data: Any, where: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every (path, text) of a ``toelichting`` in a source given by document and lines."""
    if isinstance(data, dict):
        if "document" in data and isinstance(data.get("toelichting"), str):
            yield (*where, "toelichting"), data["toelichting"]
        for key, value in data.items():
            yield from _notes(value, (*where, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _notes(value, (*where, i))


def check_line_numbers_in_notes(catalog: Catalog) -> list[Issue]:
    """A source's toelichting names no line numbers: each place gets its own source with 'regels'."""
    issues = []
    for raw in catalog.raw.values():
        for where, text in _notes(raw.data):
            if _LINE_NUMBERS.search(text):
                line, column = raw.locate(where)
                message = (
                    "De toelichting van deze bron noemt regelnummers; lezers zien die tekst op de site. "
                    "Geef elke plek een eigen bron met 'document' en 'regels', en zeg in de toelichting alleen wat er staat."
                )
                issues.append(Issue(raw.path, line, column, "regels-in-toelichting", dotted(where), message, Severity.FOUT))
    return issues
