"""Stage 3 of the pipeline (part 6): what surrounds the call list of "Wie bel ik?".

load → validate → **model**/catalog → check → render → write → mkdocs build → pagefind

Besides whom to call, an answer says who else knows about the vorm and how to reach them, what to
watch out for (the vorm's own guidance up front, the routes' guidance folded, and apart from both what
the sources do not say), and per beroepsgroep what to do now. `generator.wiebelik` calls these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.callpath import RouteStep, role_steps
from generator.catalog import Catalog
from generator.model import Aandachtspunt, Advies, Beroepsgroep, Ketenroute, Stap, Telefoon
from generator.relations import Relations


@dataclass(frozen=True, slots=True)
class Expert:
    """One entry of "Ook deskundig": a contact without a number yet, or a specialist in the vorm."""

    record: Any
    phones: tuple[Telefoon, ...]
    step: RouteStep | None  # the route step that names it as a contact, if any
    via_meldpunt: bool  # a route has Veilig Thuis bring this party in


@dataclass(frozen=True, slots=True)
class RoleAnswer:
    """What one beroepsgroep does now, and where the routes go next from its own steps."""

    rol: Beroepsgroep
    adviezen: tuple[Advies, ...]
    next: tuple[tuple[Any, Stap, str | None], ...]


def is_gap(item: Aandachtspunt) -> bool:
    """A let_op line that says what the sources do not say (`soort: lacune`), not what to watch."""
    return item.soort == "lacune"


def notes(vorm: Any, routes: list[Ketenroute]) -> tuple[list[Aandachtspunt], list[Aandachtspunt], list[Aandachtspunt]]:
    """(let op, route notes, gaps) for an answer, each line once.

    The vorm's own guidance comes up front, the routes' guidance is folded, and apart from both stand
    the remarks about what the sources do not say (`soort: lacune`).
    """
    items: dict[str, tuple[int, Aandachtspunt]] = {}
    for where, lines in ((0, vorm.let_op), *((1, r.let_op) for r in routes)):
        for item in lines:
            items.setdefault(" ".join(item.tekst.split()), (where, item))
    let_op = [i for w, i in items.values() if w == 0 and not is_gap(i)]
    route_notes = [i for w, i in items.values() if w == 1 and not is_gap(i)]
    gaps = [i for _, i in items.values() if is_gap(i)]
    return let_op, route_notes, gaps


def experts(
    rel: Relations,
    vorm: str,
    routes: list[Ketenroute],
    listed: set[str],
    unreachable: dict[str, RouteStep],
    usable: Any,
    skip: frozenset[str],
) -> list[Expert]:
    """Contacts the routes name but nobody can call yet, then the vorm's specialists serving the gemeente.

    Args:
        listed: Parties already in the answer (they are not repeated here).
        skip: Parties that are never 'deskundig': measures someone decides.
    """
    meldpunten = {o.id for o in rel.meldpunten()}
    brought_in: set[str] = set()
    for route in routes:
        actor_of = {s.id: s.actor for s in route.stappen}
        brought_in |= {actor_of.get(o.naar, "") for o in route.overgangen if actor_of.get(o.van) in meldpunten}
    out = []
    for actor, step in unreachable.items():
        if actor not in listed:
            listed.add(actor)
            out.append(Expert(rel.record(actor), (), step, actor in brought_in))
    for kind in ("organisaties", "voorzieningen"):
        for rec in rel.by_expertise.get(vorm, {}).get(kind, []):
            if rec.id in listed or rec.id in skip or usable(rec.id) is None:
                continue
            listed.add(rec.id)
            contact = getattr(rec, "contact", None)
            out.append(Expert(rec, tuple(contact.telefoon) if contact else (), None, rec.id in brought_in))
    return out


def roles(catalog: Catalog, vorm: str, urgentie: str, gemeente: str, routes: list[Ketenroute], usable: Any) -> list[RoleAnswer]:
    """Per beroepsgroep: its advice for this situation, and where the routes go next from its own steps."""
    out = []
    for rol in sorted(catalog.of("beroepsgroepen").values(), key=lambda r: (r.volgorde, r.naam.lower())):
        adviezen = tuple(
            a
            for a in rol.nu
            if (not a.urgentie or urgentie in a.urgentie)
            and (not a.vormen or vorm in a.vormen)
            and (not a.werkgebied or gemeente in catalog.gemeenten_in(a.werkgebied))
        )
        nexts: dict[str, tuple[Any, Stap, str | None]] = {}
        for route in routes if rol.actoren else ():
            for stap, way in role_steps(route, frozenset(rol.actoren)):
                rec = usable(stap.actor)
                if rec is not None and stap.actor not in rol.actoren:
                    nexts.setdefault(stap.actor, (rec, stap, way.voorwaarde))
        out.append(RoleAnswer(rol, adviezen, tuple(nexts.values())))
    return out
