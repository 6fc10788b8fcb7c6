"""Stage 3 of the pipeline (part 3): relations derived from the catalogue, never typed by hand.

Which organisaties, routeertafels and voorzieningen serve a gemeente; who takes part in which
routeertafel; which records share an expertise; which records cite a document. Everything here is
computed once from the `Catalog` and only read by the render stage, so a page never disagrees with
the records it summarises.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from generator.catalog import Catalog
from generator.kinds import LANDELIJK, SHARED_ID_KINDS
from generator.model import Telefoon

SERVICE_KINDS = ("organisaties", "routeertafels", "voorzieningen")


@dataclass(slots=True)
class Relations:
    """Reverse indexes over the catalogue."""

    catalog: Catalog
    serving: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    by_expertise: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    tables_of: dict[str, list[Any]] = field(default_factory=dict)
    provided_by: dict[str, list[Any]] = field(default_factory=dict)
    parts_of: dict[str, list[Any]] = field(default_factory=dict)
    cited_by: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
    begrippen_for: dict[str, list[Any]] = field(default_factory=dict)
    activities_of: dict[str, list[Any]] = field(default_factory=dict)
    regions_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # How current each record is, by file path: filled by the render stage, which alone knows today and the git dates.
    currency: dict[str, Any] = field(default_factory=dict)
    # Hand-written pages that explain a record (their front matter `uitleg_bij`): record id -> (path, title).
    lees_ook: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def kind_of(self, record_id: str) -> str | None:
        """Kind folder of an id in the shared namespace, or None."""
        for kind in SHARED_ID_KINDS:
            if record_id in self.catalog.of(kind):
                return kind
        return None

    def record(self, record_id: str) -> Any:
        """The record behind an id in the shared namespace."""
        kind = self.kind_of(record_id)
        return self.catalog.of(kind)[record_id] if kind else None

    def phones(self, record_id: str) -> tuple[Telefoon, ...]:
        """Phone numbers of an organisatie or voorziening (empty when unknown)."""
        rec = self.record(record_id)
        contact = getattr(rec, "contact", None)
        return contact.telefoon if contact else ()

    def emergency(self) -> list[tuple[Any, Telefoon]]:
        """Records holding the 112 number, with that number (normally just the politie)."""
        return [
            (org, t)
            for org in self.catalog.of("organisaties").values()
            if org.contact
            for t in org.contact.telefoon
            if t.nummer == "112"
        ]

    def meldpunten(self, gemeente: str | None = None) -> list[Any]:
        """Advies- en meldpunten (Veilig Thuis), optionally only those serving ``gemeente``."""
        out = [o for o in self.catalog.of("organisaties").values() if o.soort == "advies-en-meldpunt"]
        if gemeente is not None:
            out = [o for o in out if gemeente in self.catalog.gemeenten_in(o.werkgebied)]
        return out


def build_relations(catalog: Catalog) -> Relations:
    """Compute every reverse index once."""
    rel = Relations(catalog)
    serving: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    by_expertise: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    regions = {r.id: frozenset(catalog.gemeenten_in([r.id])) for r in catalog.of("gebieden").values()}
    for kind in (*SERVICE_KINDS, "ketenroutes"):
        for rec in catalog.of(kind).values():
            covered = catalog.gemeenten_in(rec.werkgebied)
            if kind != "ketenroutes":
                for gemeente in covered:
                    serving[gemeente][kind].append(rec)
            rel.regions_of[rec.id] = (
                (LANDELIJK,) if LANDELIJK in rec.werkgebied else tuple(r for r, gs in regions.items() if covered & gs)
            )
            for exp in rec.expertise:
                by_expertise[exp][kind].append(rec)
    rel.serving = serving
    rel.by_expertise = by_expertise
    tables: dict[str, list[Any]] = defaultdict(list)
    for tafel in catalog.of("routeertafels").values():
        for org in dict.fromkeys((*tafel.deelnemers, *([tafel.organisator] if tafel.organisator else []))):
            tables[org].append(tafel)
    rel.tables_of = tables
    provided: dict[str, list[Any]] = defaultdict(list)
    for vz in catalog.of("voorzieningen").values():
        if vz.aanbieder:
            provided[vz.aanbieder].append(vz)
    rel.provided_by = provided
    parts: dict[str, list[Any]] = defaultdict(list)
    for org in catalog.of("organisaties").values():
        if org.onderdeel_van:
            parts[org.onderdeel_van].append(org)
    rel.parts_of = parts
    cited: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for kind in (
        "gebieden",
        "expertise",
        *SERVICE_KINDS,
        "ketenroutes",
        "begrippen",
        "uitvoeringsagenda",
        "beslissingen",
        "beroepsgroepen",
    ):
        for rec in catalog.of(kind).values():
            advice = [b for a in getattr(rec, "nu", ()) for b in a.bronnen]  # a beroepsgroep cites per advies too
            for doc in dict.fromkeys(b.document for b in (*rec.bronnen, *advice) if b.document):
                cited[doc].append((kind, rec))
    rel.cited_by = cited
    begrippen: dict[str, list[Any]] = defaultdict(list)
    for begrip in catalog.of("begrippen").values():
        if begrip.verwijst_naar:
            begrippen[begrip.verwijst_naar].append(begrip)
    for exp in catalog.of("expertise").values():
        for bid in exp.begrippen:
            if bid in catalog.of("begrippen") and catalog.of("begrippen")[bid] not in begrippen[exp.id]:
                begrippen[exp.id].append(catalog.of("begrippen")[bid])
    rel.begrippen_for = begrippen
    activities: dict[str, list[Any]] = defaultdict(list)
    for agenda in catalog.of("uitvoeringsagenda").values():
        for act in agenda.activiteiten:
            for org in act.organisaties:
                activities[org].append(act)
    rel.activities_of = activities
    return rel
