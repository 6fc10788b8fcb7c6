"""Ketenroutes as graphs: the route checks and the graph measures (the only networkx user).

Used by stage 4 (check) for the graph checks and by stage 5 (render) for layouts and measures.
A route is a directed graph of stappen (nodes) and overgangen (edges). The checks: every stap is
reachable from the first, only declared eindpunten end the route, a loop exists only where its
way back is declared as terugkoppeling, and a route for acute danger starts with 112 or the police.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

import networkx as nx

from generator.catalog import Catalog
from generator.issues import Issue
from generator.model import Ketenroute
from generator.yamlnodes import dotted


def route_graph(route: Ketenroute) -> nx.DiGraph:
    """The route as a DiGraph; nodes carry their `Stap`, edges their `Overgang`."""
    graph = nx.DiGraph(id=route.id)
    for stap in route.stappen:
        graph.add_node(stap.id, stap=stap)
    for overgang in route.overgangen:
        if overgang.van in graph and overgang.naar in graph:
            graph.add_edge(overgang.van, overgang.naar, overgang=overgang)
    return graph


def starts_with_emergency(route: Ketenroute, catalog: Catalog) -> bool:
    """True when the first stap is the police or a record whose number is 112."""
    actor = route.stappen[0].actor
    org = catalog.of("organisaties").get(actor)
    if org is None:
        return False
    has_112 = bool(org.contact and any(t.nummer == "112" for t in org.contact.telefoon))
    return has_112 or org.soort == "politie"


def route_issues(route: Ketenroute, catalog: Catalog) -> list[tuple[tuple[str | int, ...], str, str]]:
    """Graph problems of one route as (field path, code, Dutch message)."""
    out: list[tuple[tuple[str | int, ...], str, str]] = []
    graph = route_graph(route)
    index = {s.id: i for i, s in enumerate(route.stappen)}
    start = route.stappen[0].id
    reachable = nx.descendants(graph, start) | {start}
    for stap in route.stappen:
        if stap.id not in reachable:
            out.append(
                (
                    ("stappen", index[stap.id], "id"),
                    "onbereikbare-stap",
                    f"De stap '{stap.id}' is niet te bereiken vanaf het begin ('{start}'). "
                    f"Voeg een overgang toe die naar deze stap leidt, of verwijder de stap.",
                )
            )
        elif graph.out_degree(stap.id) == 0 and not stap.eindpunt:
            out.append(
                (
                    ("stappen", index[stap.id], "id"),
                    "doodlopende-stap",
                    f"De route loopt dood bij '{stap.id}'. Voeg een overgang toe, of zet 'eindpunt: true' "
                    f"als de route hier hoort te eindigen.",
                )
            )
    forward = nx.DiGraph((u, v) for u, v, d in graph.edges(data=True) if not d["overgang"].terugkoppeling)
    forward.add_nodes_from(graph)
    try:
        cycle = nx.find_cycle(forward, source=start)
    except nx.NetworkXNoCycle:
        cycle = []
    if cycle:
        loop = " → ".join([cycle[0][0], *(v for _, v in cycle)])
        first = next(i for i, o in enumerate(route.overgangen) if (o.van, o.naar) == cycle[-1][:2])
        out.append(
            (
                ("overgangen", first),
                "ongeplande-lus",
                f"De route loopt rond: {loop}. Is dat de bedoeling (bijvoorbeeld een terugmelding)? "
                f"Zet dan 'terugkoppeling: true' bij de overgang terug; anders klopt een overgang niet.",
            )
        )
    if "acuut" in route.urgentie and not starts_with_emergency(route, catalog):
        out.append(
            (
                ("stappen", 0, "actor"),
                "acuut-zonder-112",
                "Een route voor acuut gevaar moet beginnen bij 112 of de politie. "
                "Zet als eerste stap de politie (actor: politie) of haal 'acuut' uit de urgentie.",
            )
        )
    return out


def check_routes(catalog: Catalog, rejected: Set[tuple[str, str]] = frozenset()) -> list[Issue]:
    """Run the graph checks on every ketenroute (stage 4).

    Args:
        rejected: (kind, id) of records that exist but are not in the catalogue (their file has its own
            error). A route starting at one of them is not told it lacks 112: that may well be there.
    """
    issues: list[Issue] = []
    for rid, route in catalog.of("ketenroutes").items():
        raw = catalog.raw[("ketenroutes", rid)]
        unknown_start = ("organisaties", route.stappen[0].actor) in rejected
        for where, code, message in route_issues(route, catalog):
            if code == "acuut-zonder-112" and unknown_start:
                continue
            line, column = raw.locate(where)
            issues.append(Issue(raw.path, line, column, code, dotted(where), message))
    return issues


def layers(route: Ketenroute) -> list[list[str]]:
    """Stappen grouped in layers by longest path from the start, ignoring declared loops."""
    graph = route_graph(route)
    forward = nx.DiGraph((u, v) for u, v, d in graph.edges(data=True) if not d["overgang"].terugkoppeling)
    forward.add_nodes_from(graph)
    if not nx.is_directed_acyclic_graph(forward):
        return [[s.id] for s in route.stappen]
    depth: dict[str, int] = {}
    for node in nx.topological_sort(forward):
        preds = list(forward.predecessors(node))
        depth[node] = max((depth[p] + 1 for p in preds), default=0)
    order = {s.id: i for i, s in enumerate(route.stappen)}
    out: list[list[str]] = [[] for _ in range(max(depth.values(), default=0) + 1)]
    for node in sorted(depth, key=lambda n: order[n]):
        out[depth[node]].append(node)
    # Barycentre ordering: place each stap under the average position of its predecessors, so
    # arrows cross less. Ties keep the editor's order, so the layout stays deterministic.
    position = {node: float(i) for i, node in enumerate(out[0])}
    for layer in out[1:]:

        def centre(node: str) -> float:
            preds = [position[p] for p in forward.predecessors(node) if p in position]
            return sum(preds) / len(preds) if preds else float(order[node])

        layer.sort(key=lambda n: (centre(n), order[n]))
        position.update({node: float(i) - (len(layer) - 1) / 2 for i, node in enumerate(layer)})
    return out


def betweenness(routes: list[Ketenroute]) -> dict[str, float]:
    """Betweenness centrality of actors in the merged graph of ``routes``."""
    merged: Any = nx.DiGraph()
    for route in routes:
        actor = {s.id: s.actor for s in route.stappen}
        merged.add_nodes_from(actor.values())
        for o in route.overgangen:
            if o.van in actor and o.naar in actor and actor[o.van] != actor[o.naar]:
                merged.add_edge(actor[o.van], actor[o.naar])
    return dict(nx.betweenness_centrality(merged)) if merged else {}


def merge_routes(naam: str, routes: list[Ketenroute]) -> tuple[Ketenroute, list[list[str]]]:
    """Merge routes into one ketenkaart: one node per actor, one arrow per handover, plus its layers.

    Loops are kept (the drawing shows upward arrows dashed); layers follow the condensation of the
    graph, so the members of a loop stand below each other in order of first appearance.
    """
    from generator.model import Overgang, Stap

    first_action: dict[str, str] = {}
    edges: dict[tuple[str, str], None] = {}
    for route in routes:
        actor = {s.id: s.actor for s in route.stappen}
        for s in route.stappen:
            first_action.setdefault(s.actor, s.actie)
        for o in route.overgangen:
            if o.van in actor and o.naar in actor and actor[o.van] != actor[o.naar]:
                edges[(actor[o.van], actor[o.naar])] = None
    graph = nx.DiGraph()
    graph.add_nodes_from(first_action)
    graph.add_edges_from(edges)
    order = {a: i for i, a in enumerate(first_action)}
    condensed = nx.condensation(graph)
    depth: dict[int, int] = {}
    for scc in nx.topological_sort(condensed):
        preds = list(condensed.predecessors(scc))
        depth[scc] = max((depth[p] + len(condensed.nodes[p]["members"]) for p in preds), default=0)
    layer_of: dict[str, int] = {}
    for scc, d in depth.items():
        for i, actor_id in enumerate(sorted(condensed.nodes[scc]["members"], key=order.__getitem__)):
            layer_of[actor_id] = d + i
    layers: list[list[str]] = [[] for _ in range(max(layer_of.values(), default=0) + 1)]
    for actor_id in sorted(layer_of, key=order.__getitem__):
        layers[layer_of[actor_id]].append(actor_id)
    merged = Ketenroute(
        id=f"ketenkaart-{naam}",
        bestand="",
        naam=naam,
        beschrijving="",
        werkgebied=(),
        stappen=tuple(Stap(id=a, actor=a, actie=first_action[a]) for a in first_action),
        overgangen=tuple(Overgang(van=u, naar=v, terugkoppeling=layer_of[v] <= layer_of[u]) for u, v in edges),
    )
    return merged, [layer for layer in layers if layer]
