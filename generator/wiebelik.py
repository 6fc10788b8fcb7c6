"""Stage 3 of the pipeline (part 4): "Wie bel ik?" — whom to call, computed from the ketenroutes.

For one vorm van geweld, one urgentie and one gemeente: take the ketenroutes for that situation
that cover the gemeente, walk each from its first stap in drawing order, and list the records met on
the way whose werkgebied covers the gemeente. Organisaties and voorzieningen at a contact step
(signaleren, advies, melding, triage, bescherming, verwijzing) are whom to call; everything after
that (overleg, onderzoek, straf, opvang, hulp, routeertafels) is what may follow. Nothing here is
typed by hand: change a route or a werkgebied and every answer follows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from generator import graph
from generator.catalog import Catalog
from generator.model import Aandachtspunt, Ketenroute, Stap
from generator.relations import Relations

URGENTIES = ("acuut", "zorgen", "advies")
# Steps where someone is contacted; later steps (overleg, onderzoek, straf, opvang, hulp) happen in the chain.
CALL_ACTIONS = frozenset({"signaleren", "advies-vragen", "melden", "triage", "beschermen", "verwijzen"})
GENERAL = "huiselijk-geweld"  # routes for this umbrella expertise apply when a vorm has no route of its own


@dataclass(frozen=True, slots=True)
class Entry:
    """One party to contact, with the stap that brought it in."""

    record: Any
    kind: str
    stap: Stap
    route: Ketenroute


@dataclass(slots=True)
class Answer:
    """The ordered answer for one situation."""

    vorm: Any
    urgentie: str
    gemeente: str
    routes: list[Ketenroute] = field(default_factory=list)
    call: list[Entry] = field(default_factory=list)
    then: list[Entry] = field(default_factory=list)
    specialists: list[Any] = field(default_factory=list)
    let_op: list[Aandachtspunt] = field(default_factory=list)
    route_notes: list[Aandachtspunt] = field(default_factory=list)
    general: bool = False


def matching_routes(catalog: Catalog, vorm: str, urgentie: str, gemeente: str) -> tuple[list[Ketenroute], bool]:
    """Routes for the situation, most specific first; True when only general routes matched."""
    covering = [
        r for r in catalog.of("ketenroutes").values() if urgentie in r.urgentie and gemeente in catalog.gemeenten_in(r.werkgebied)
    ]
    specific = [r for r in covering if vorm in r.expertise]
    general = False
    if not specific:
        specific = [r for r in covering if GENERAL in r.expertise or not r.expertise]
        general = True
    specific.sort(key=lambda r: (len(r.expertise), r.naam.lower()))
    return specific, general


@cache
def drawing_order(route: Ketenroute) -> tuple[Stap, ...]:
    """The stappen of a route from the start, layer by layer (cached: ~2,000 answers share ~25 routes)."""
    stappen = {s.id: s for s in route.stappen}
    return tuple(stappen[sid] for layer in graph.layers(route) for sid in layer)


def answer(catalog: Catalog, rel: Relations, vorm: str, urgentie: str, gemeente: str) -> Answer:
    """Compute whom to call, in order, for one vorm × urgentie × gemeente."""
    expertise = catalog.of("expertise")[vorm]
    result = Answer(expertise, urgentie, gemeente)
    result.routes, result.general = matching_routes(catalog, vorm, urgentie, gemeente)
    seen: set[str] = set()
    for route in result.routes:
        for stap in drawing_order(route):
            kind = rel.kind_of(stap.actor)
            if kind is None or stap.actor in seen:
                continue
            record = catalog.of(kind)[stap.actor]
            if gemeente not in catalog.gemeenten_in(record.werkgebied):
                continue
            seen.add(stap.actor)
            entry = Entry(record, kind, stap, route)
            callable_ = kind != "routeertafels" and stap.actie in CALL_ACTIONS
            (result.call if callable_ else result.then).append(entry)
    if not result.call:
        # No route covers this situation yet: fall back to 112 and the regional Veilig Thuis.
        result.call = [
            Entry(org, "organisaties", Stap(id="spoed", actor=org.id, actie="beschermen"), _NO_ROUTE)
            for org, _ in rel.emergency()
        ]
        result.call += [
            Entry(vt, "organisaties", Stap(id="melden", actor=vt.id, actie="melden"), _NO_ROUTE)
            for vt in rel.meldpunten(gemeente)
        ]
    listed = {e.record.id for e in (*result.call, *result.then)}
    for kind in ("organisaties", "voorzieningen"):
        for rec in rel.by_expertise.get(vorm, {}).get(kind, []):
            if rec.id not in listed and gemeente in catalog.gemeenten_in(rec.werkgebied):
                result.specialists.append(rec)
    # The vorm's own safety warnings stay short and up front; the routes' notes are background.
    result.let_op = list(expertise.let_op)
    own = {t.tekst for t in result.let_op}
    notes = {t.tekst: t for r in result.routes for t in r.let_op if t.tekst not in own}
    result.route_notes = list(notes.values())
    return result


_NO_ROUTE = Ketenroute(id="", bestand="", naam="", beschrijving="", werkgebied=(), stappen=(), overgangen=())
