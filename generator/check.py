"""Stage 4 of the pipeline: checks across records (references, ids, sources, phone numbers).

load → validate → model/catalog → **check** → render → write → mkdocs build → pagefind

The schema sees one file at a time; this stage sees the whole catalogue. It reports unknown ids
(with "Bedoelde je …?"), ids used twice, werkgebieden that are not a known gebied, bronnen that
point at unknown documents or past the end of a document, and hands phone numbers and freshness to
`generator.check_contact` and secret addresses to `generator.check_safety`. Records whose parts name
each other (routes, gebieden, the uitvoeringsagenda) are checked in `generator.check_parts`; graph
checks of ketenroutes live in `generator.graph`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from typing import Any

from generator.catalog import Catalog
from generator.check_contact import check_contacts
from generator.check_parts import check_agendas, check_gebieden, check_routes
from generator.check_safety import check_safety
from generator.check_wiebelik import check_wiebelik
from generator.issues import Issue, Severity
from generator.kinds import KINDS, LANDELIJK, SHARED_ID_KINDS
from generator.load import FieldPath
from generator.messages import suggest
from generator.yamlnodes import dotted


class Checker:
    """Collects cross-record issues for one catalogue."""

    def __init__(self, catalog: Catalog, document_lines: dict[str, int] | None, rejected: set[tuple[str, str]]) -> None:
        self.catalog = catalog
        self.document_lines = document_lines
        self.rejected = rejected
        self.issues: list[Issue] = []
        self.areas = {LANDELIJK, *catalog.of("gebieden"), *catalog.subregios, *catalog.gemeenten}

    def report(
        self,
        kind: str,
        record_id: str,
        where: FieldPath,
        code: str,
        message: str,
        severity: Severity = Severity.FOUT,
        *,
        key: bool = False,
    ) -> None:
        """Add an issue located at field ``where`` of record ``kind/record_id``."""
        raw = self.catalog.raw[(kind, record_id)]
        line, column = raw.locate(where, key=key)
        self.issues.append(Issue(raw.path, line, column, code, dotted(where), message, severity))

    def refs(
        self, kind: str, rid: str, where: FieldPath, ids: Iterable[str] | str | None, target_kinds: tuple[str, ...], label: str
    ) -> None:
        """Report every id in ``ids`` that is not a record of one of ``target_kinds``."""
        if ids is None:
            return
        single = isinstance(ids, str)
        for i, ref in enumerate([ids] if isinstance(ids, str) else ids):
            if self.exists(ref, target_kinds):
                continue
            known = [x for k in target_kinds for x in self.catalog.of(k)]
            folders = " of ".join(f"partners/{k}" for k in target_kinds)
            self.report(
                kind,
                rid,
                where if single else (*where, i),
                "onbekend-id",
                f"Er is geen {label} met id '{ref}' (gezocht in {folders}).{suggest(ref, known)}",
            )

    def exists(self, ref: str, kinds: Iterable[str]) -> bool:
        """True for a record in the catalogue, or one whose file exists but failed the schema.

        A record with a schema error is left out of the catalogue; its own message says what to fix.
        Reporting every reference to it as unknown as well would bury that one message under dozens.
        """
        return any(ref in self.catalog.of(k) or (k, ref) in self.rejected for k in kinds)

    def incomplete(self, kind: str) -> bool:
        """True when a record of ``kind`` exists but is not in the catalogue (its file has its own error)."""
        return any(k == kind for k, _ in self.rejected)

    def areas_ok(self, kind: str, rid: str, where: FieldPath, areas: Iterable[str]) -> None:
        """Report werkgebied entries that are no regio, subregio, gemeente or 'landelijk'."""
        if self.incomplete("gebieden"):
            return  # a gebieden file failed the schema: its gemeenten are unknown, its own error says why
        for i, area in enumerate(areas):
            if area not in self.areas:
                self.report(
                    kind,
                    rid,
                    (*where, i),
                    "onbekend-gebied",
                    f"'{area}' is geen bekende regio, subregio of gemeente (zie partners/gebieden), "
                    f"en ook niet 'landelijk'.{suggest(area, self.areas)}",
                )

    def bronnen(self, kind: str, rid: str, where: FieldPath, bronnen: Iterable[Any]) -> None:
        """Report bronnen that are not exactly one kind, name an unknown document or lines past its end."""
        documents = self.catalog.of("documenten")
        for i, bron in enumerate(bronnen):
            kinds = [name for name in ("document", "url", "gecontroleerd") if getattr(bron, name)]
            if len(kinds) != 1:
                self.report(
                    kind,
                    rid,
                    (*where, i),
                    "bron-soort",
                    "Een bron is precies één van drie soorten: een document (document en regels), een webpagina "
                    "(url en bekeken_op) of een eigen controle (gecontroleerd, door en op). "
                    + (
                        f"Hier staan er {len(kinds)}: {', '.join(kinds)}. Maak er aparte bronnen van."
                        if kinds
                        else "Vul er één in."
                    ),
                )
                continue
            if not bron.document:
                continue
            doc = documents.get(bron.document)
            if doc is None:
                self.refs(kind, rid, (*where, i, "document"), bron.document, ("documenten",), "brondocument")
                continue
            if bron.regels and doc.bestand_tekst and self.document_lines is not None:
                self._lines(kind, rid, (*where, i), doc, str(bron.regels), self.document_lines)

    def _lines(self, kind: str, rid: str, where: FieldPath, doc: Any, regels: str, lines: dict[str, int]) -> None:
        """Report a line range that does not exist in the document's text."""
        total = lines.get(doc.bestand_tekst)
        first, last = int(regels.split("-")[0]), int(regels.split("-")[-1])
        if total is None:
            self.report(
                kind,
                rid,
                (*where, "document"),
                "tekst-ontbreekt",
                f"De tekst van '{doc.id}' ({doc.bestand_tekst}) staat niet in de map met brondocumenten. "
                f"Klopt de bestandsnaam in partners/documenten/{doc.id}.yaml?",
            )
        elif first > last or last > total:
            self.report(
                kind,
                rid,
                (*where, "regels"),
                "ongeldige-regels",
                f"Regels {regels} bestaan niet in '{doc.id}': het document heeft {total} regels en het bereik moet oplopen.",
            )


def check_catalog(
    catalog: Catalog, document_lines: dict[str, int] | None, today: date, rejected: set[tuple[str, str]] | None = None
) -> list[Issue]:
    """Run every cross-record check and return the issues.

    Args:
        document_lines: Line count per source text file; None when the texts are not available here,
            in which case line numbers are not checked (the pipeline says so once).
        rejected: (kind, id) of records that exist but failed schema validation.
    """
    c = Checker(catalog, document_lines, rejected or set())
    _duplicate_ids(c)
    for kind in KINDS:
        for rid, rec in catalog.of(kind).items():
            c.bronnen(kind, rid, ("bronnen",), rec.bronnen)
            for j, verschil in enumerate(rec.bronverschillen):
                c.bronnen(kind, rid, ("bronverschillen", j, "bronnen"), verschil.bronnen)
            for j, punt in enumerate(getattr(rec, "let_op", ())):
                c.bronnen(kind, rid, ("let_op", j, "bronnen"), punt.bronnen)
            if hasattr(rec, "werkgebied"):
                c.areas_ok(kind, rid, ("werkgebied",), rec.werkgebied)
            if hasattr(rec, "expertise"):
                c.refs(kind, rid, ("expertise",), rec.expertise, ("expertise",), "expertise")
    for rid, org in catalog.of("organisaties").items():
        c.refs("organisaties", rid, ("onderdeel_van",), org.onderdeel_van, ("organisaties",), "organisatie")
    for rid, tafel in catalog.of("routeertafels").items():
        c.refs("routeertafels", rid, ("deelnemers",), tafel.deelnemers, ("organisaties",), "organisatie")
        c.refs("routeertafels", rid, ("organisator",), tafel.organisator, ("organisaties",), "organisatie")
        if tafel.aanmelden:
            c.refs("routeertafels", rid, ("aanmelden", "via"), tafel.aanmelden.via, ("organisaties",), "organisatie")
            c.bronnen("routeertafels", rid, ("aanmelden", "bronnen"), tafel.aanmelden.bronnen)
    for rid, vz in catalog.of("voorzieningen").items():
        c.refs("voorzieningen", rid, ("aanbieder",), vz.aanbieder, ("organisaties",), "organisatie")
        for name, feit in _feiten(vz.maatregel):
            c.bronnen("voorzieningen", rid, ("maatregel", name, "bronnen"), feit.bronnen)
    for rid, exp in catalog.of("expertise").items():
        c.refs("expertise", rid, ("begrippen",), exp.begrippen, ("begrippen",), "begrip")
    for rid, begrip in catalog.of("begrippen").items():
        c.refs("begrippen", rid, ("zie_ook",), begrip.zie_ook, ("begrippen",), "begrip")
        c.refs("begrippen", rid, ("verwijst_naar",), begrip.verwijst_naar, SHARED_ID_KINDS, "pagina")
    for rid, doc in catalog.of("documenten").items():
        if doc.regio and doc.regio != LANDELIJK and doc.regio not in catalog.of("gebieden"):
            c.refs("documenten", rid, ("regio",), doc.regio, ("gebieden",), "regio")
    check_routes(c)
    check_gebieden(c)
    check_agendas(c)
    check_wiebelik(c)
    c.issues.extend(check_contacts(catalog, today))
    c.issues.extend(check_safety(catalog))
    return c.issues


def _feiten(maatregel: Any) -> list[tuple[str, Any]]:
    """(field name, Feit) of every fact a measure states, in schema order."""
    if maatregel is None:
        return []
    return [(f.name, getattr(maatregel, f.name)) for f in dataclasses.fields(maatregel) if getattr(maatregel, f.name)]


def _duplicate_ids(c: Checker) -> None:
    owner: dict[str, str] = {}
    for kind in SHARED_ID_KINDS:
        for rid in c.catalog.of(kind):
            if rid in owner:
                c.report(
                    kind,
                    rid,
                    ("id",),
                    "dubbel-id",
                    f"Het id '{rid}' wordt ook gebruikt door een record in partners/{owner[rid]}. "
                    f"Ids moeten uniek zijn; kies een ander id (en bestandsnaam).",
                )
            else:
                owner[rid] = kind
