"""Stage 3 of the pipeline (part 5): a ketenroute read from the side of the professional who asks.

load → validate → **model**/catalog → check → render → write → mkdocs build → pagefind

A route describes the whole chain; "Wie bel ik?" needs to know which of its stappen are contacts the
asking professional makes and which are done by others afterwards. A stap is the asker's contact when
the way into it comes from the asker's own stap (actor `professional` or `melder`, or a role that
itself asks advice or reports, such as a slachtoffer who contacts a centre), or when it is the first
stap of a route for acute danger (112: `graph` checks that such a route starts there). Everything
else with a record as actor is what others do next, with the condition and the timescale of the way
in where the route gives them. Pure and cached per route: ~1,800 answers share ~30 routes.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from generator import graph
from generator.kinds import ACTOR_ROLES
from generator.model import Ketenroute, Overgang, Stap

_R = TypeVar("_R")


_MEMOS: list[dict[tuple[Any, ...], Any]] = []


def clear_caches() -> None:
    """Forget every cached reading (tests read the routes afresh, so `make mutate` sees who reaches them)."""
    for memo in _MEMOS:
        memo.clear()


def per_route(fn: Callable[..., _R]) -> Callable[..., _R]:
    """Cache ``fn`` per route object (and its other arguments).

    `functools.cache` would hash the route, and a frozen dataclass hashes every field, every step and
    every source on each call: with thousands of lookups that hashing cost more than the work cached.
    A route lives as long as its catalogue, so its identity is the key (the entry keeps it alive).
    """
    memo: dict[tuple[Any, ...], tuple[Ketenroute, _R]] = {}
    _MEMOS.append(memo)

    @functools.wraps(fn)
    def cached(route: Ketenroute, *rest: Any) -> _R:
        key = (id(route), *rest)
        hit = memo.get(key)
        if hit is None or hit[0] is not route:
            hit = memo[key] = (route, fn(route, *rest))
        return hit[1]

    return cached


ASKERS = frozenset({"professional", "melder"})
CONTACT_ACTIONS = frozenset({"advies-vragen", "melden"})


@dataclass(frozen=True, slots=True)
class RouteStep:
    """One stap of a route with a record as actor, as the asking professional meets it."""

    stap: Stap
    route: Ketenroute
    contact: bool  # the asker contacts this actor in this stap
    voorwaarde: str | None = None  # condition of the way in
    termijn: str | None = None  # timescale of the way in
    van: str | None = None  # actor of the stap the way in comes from (None: the asker or the start)
    asker: str | None = None  # for a contact: who makes it (professional, melder, slachtoffer …)


def is_asker(stap: Stap) -> bool:
    """The stap is the asker's own (or a role's) contact with whoever comes next."""
    return stap.actor in ASKERS or (stap.actor in ACTOR_ROLES and stap.actie in CONTACT_ACTIONS)


# The public functions are cached per route (~1,800 answers share ~30 routes); the work is done in undecorated
# functions below them, which `make mutate` can mutate (mutmut leaves decorated functions alone).


@per_route
def drawing_order(route: Ketenroute) -> tuple[Stap, ...]:
    """The stappen of a route from the start, layer by layer."""
    return _drawing_order(route)


def _drawing_order(route: Ketenroute) -> tuple[Stap, ...]:
    stappen = {s.id: s for s in route.stappen}
    return tuple(stappen[sid] for layer in graph.layers(route) for sid in layer)


@per_route
def read_route(route: Ketenroute) -> tuple[RouteStep, ...]:
    """Every stap with a record as actor, in drawing order, marked contact or next step."""
    return _read_route(route)


def _read_route(route: Ketenroute) -> tuple[RouteStep, ...]:
    by_id = {s.id: s for s in route.stappen}
    incoming: dict[str, list[Overgang]] = defaultdict(list)
    for overgang in route.overgangen:
        if overgang.van in by_id and not overgang.terugkoppeling:
            incoming[overgang.naar].append(overgang)
    start = route.stappen[0].id
    out = []
    contacts: set[str] = set()
    for stap in drawing_order(route):
        if stap.actor in ACTOR_ROLES:
            continue
        ways = incoming[stap.id]
        # A contact continues at the same party (advice first, then a report): still the asker's own call.
        from_asker = [
            o
            for o in ways
            if is_asker(by_id[o.van])
            or (by_id[o.van].actor == stap.actor and stap.actie in CONTACT_ACTIONS and o.van in contacts)
        ]
        if from_asker:
            way = next((o for o in from_asker if by_id[o.van].actor == "professional"), from_asker[0])
            asker = by_id[way.van].actor if by_id[way.van].actor in ACTOR_ROLES else "professional"
            out.append(RouteStep(stap, route, True, way.voorwaarde, way.termijn, asker=asker))
            contacts.add(stap.id)
        elif stap.id == start and "acuut" in route.urgentie:
            out.append(RouteStep(stap, route, True))
            contacts.add(stap.id)
        else:
            first = ways[0] if ways else None
            if first is None:
                out.append(RouteStep(stap, route, False))
            else:
                out.append(RouteStep(stap, route, False, first.voorwaarde, first.termijn, by_id[first.van].actor))
    return tuple(out)


@per_route
def reachable(route: Ketenroute, excluded: frozenset[str]) -> frozenset[str]:
    """Ids of the stappen still reached from the start when the stappen of ``excluded`` actors drop out.

    What follows only from an excluded party (after a tijdelijk huisverbod: its coordination) drops too.
    """
    return _reachable(route, excluded)


def _reachable(route: Ketenroute, excluded: frozenset[str]) -> frozenset[str]:
    by_id = {s.id: s for s in route.stappen}
    start = route.stappen[0].id
    seen: set[str] = set()
    todo = [start] if by_id[start].actor not in excluded else []
    while todo:
        sid = todo.pop()
        if sid in seen:
            continue
        seen.add(sid)
        todo += [o.naar for o in route.overgangen if o.van == sid and o.naar in by_id and by_id[o.naar].actor not in excluded]
    return frozenset(seen)


def role_steps(route: Ketenroute, actors: frozenset[str]) -> list[tuple[Stap, Overgang]]:
    """Where a route goes next from stappen of ``actors`` (a professional role that is a route actor)."""
    by_id = {s.id: s for s in route.stappen}
    order = {s.id: i for i, s in enumerate(drawing_order(route))}
    ways = [
        (by_id[o.naar], o)
        for o in route.overgangen
        if o.van in by_id and o.naar in by_id and by_id[o.van].actor in actors and not o.terugkoppeling
    ]
    return sorted(ways, key=lambda pair: order.get(pair[0].id, 0))
