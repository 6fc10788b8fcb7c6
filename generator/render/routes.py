"""Part of stage 5 (render): ketenroute pages, ketenkaarten, the analysis and "Plaats in de keten".

A page per ketenroute, a ketenkaart per regio, the analysis page for beleidsmedewerkers, and the
"Plaats in de keten" section of every organisatie, routeertafel and voorziening.

Layouts and measures come from `generator.graph`; this module only turns them into pages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from jinja2 import Environment

from generator import graph
from generator.catalog import Catalog
from generator.kinds import ACTOR_KINDS, KINDS
from generator.labels import ACTIE_LABELS, ROLE_LABELS, URGENTIE_LABELS
from generator.model import Ketenroute
from generator.relations import Relations
from generator.render.context import PageContext, front_matter, record_path, render_page
from generator.render.environment import md_inline
from generator.render.escape import html_attr
from generator.render.routesvg import route_svg
from generator.render.snippets import clip


def actor_name(rel: Relations, actor: str) -> str:
    """Display name of an actor: record name or role label."""
    rec = rel.record(actor)
    return rec.naam if rec is not None else ROLE_LABELS.get(actor, actor)


def draw(
    route: Ketenroute, layers: list[list[str]], ctx: PageContext, rel: Relations, dom_id: str
) -> tuple[str, tuple[str, ...]]:
    """The drawing of a route for the page ``ctx.here``, and its stappen in reading order.

    A drawing that fits a phone's column is shown scaled to the column. A wider one scrolls inside its
    own frame and, on a phone, waits behind "Toon schema" so the numbered steps come first (gia.css
    opens it on wider screens).
    """

    def href(actor: str) -> str | None:
        kind = rel.kind_of(actor)
        return ctx.site_url(record_path(kind, actor)) if kind else None

    drawing = route_svg(route, layers, lambda a: actor_name(rel, a), href, lambda a: ACTIE_LABELS.get(a, a), dom_id)
    if drawing.fits_phone:
        return f'<div class="gia-schema gia-schema--past">{drawing.markup}</div>', drawing.order
    frame = (
        f'<div class="gia-schema" tabindex="0" role="region" aria-label="Schema: {html_attr(route.naam)} '
        f'(schuif opzij als het niet past)">{drawing.markup}</div>'
    )
    return (
        f'<details class="gia-schema-toon"><summary>Toon schema <span class="gia-schema-toon__uitleg">'
        f"(breed: schuif opzij om alles te zien)</span></summary>{frame}</details>",
        drawing.order,
    )


def route_steps(route: Ketenroute, order: tuple[str, ...]) -> list[dict[str, Any]]:
    """The text version: stappen in the drawing's reading order, each with its outgoing overgangen."""
    number = {sid: n for n, sid in enumerate(order, 1)}
    stappen = {s.id: s for s in route.stappen}
    out = []
    for sid in order:
        nexts = [o for o in route.overgangen if o.van == sid and o.naar in number]
        out.append({"stap": stappen[sid], "nummer": number[sid], "daarna": [(o, number[o.naar], stappen[o.naar]) for o in nexts]})
    return out


def keten_sections(catalog: Catalog, rel: Relations) -> dict[str, str]:
    """Per actor id: Markdown for 'Plaats in de keten' (routes, from whom, to whom)."""
    routes_of: dict[str, list[Ketenroute]] = defaultdict(list)
    receives: dict[str, dict[str, None]] = defaultdict(dict)
    hands: dict[str, dict[str, None]] = defaultdict(dict)
    for route in catalog.of("ketenroutes").values():
        actor = {s.id: s.actor for s in route.stappen}
        for a in dict.fromkeys(actor.values()):
            routes_of[a].append(route)
        for o in route.overgangen:
            src, dst = actor.get(o.van), actor.get(o.naar)
            if src and dst and src != dst and not o.terugkoppeling:
                hands[src][dst] = None
                receives[dst][src] = None
    sections = {}
    for kind in ACTOR_KINDS:
        for rid in catalog.of(kind):
            if rid not in routes_of:
                continue
            ctx = PageContext(catalog, rel, record_path(kind, rid))

            def name(a: str, ctx: PageContext = ctx) -> str:
                return ctx.link(a) if rel.kind_of(a) else md_inline(ROLE_LABELS.get(a, a))

            lines = ["Deze partij komt voor in " + ", ".join(ctx.link(r) for r in routes_of[rid]) + "."]
            if receives[rid]:
                lines.append("\n**Krijgt zaken van:** " + ", ".join(name(a) for a in receives[rid]) + ".")
            if hands[rid]:
                lines.append("\n**Draagt zaken over aan:** " + ", ".join(name(a) for a in hands[rid]) + ".")
            sections[rid] = "\n".join(lines)
    return sections


def route_pages(env: Environment, catalog: Catalog, rel: Relations) -> Iterator[tuple[str, str]]:
    """Yield a page per ketenroute, a ketenkaart per regio, the overview and the analysis page."""
    routes = list(catalog.of("ketenroutes").values())
    template = env.get_template("ketenroute.md.j2")
    for route in routes:
        path = record_path("ketenroutes", route.id)
        ctx = PageContext(catalog, rel, path)
        schema, order = draw(route, graph.layers(route), ctx, rel, f"route-{route.id}")
        meta = {
            "title": route.naam,
            "description": clip(route.beschrijving),
            "bron": route.bestand,
            "paginasoort": "ketenroute",
            "hide": ["navigation", "toc"],  # the drawing gets the full width
            "pagefind": {
                "filters": {
                    "soort": ["ketenroute"],
                    "expertise": sorted(catalog.of("expertise")[e].naam for e in route.expertise if e in catalog.of("expertise")),
                    "regio": sorted(catalog.area_name(r) for r in rel.regions_of.get(route.id, ())),
                },
                "meta": {"soort": "Ketenroute"},
                "zoektermen": [],
            },
        }
        yield (
            path,
            template.render(
                r=route,
                schema=schema,
                steps=route_steps(route, order),
                actor=lambda a, ctx=ctx: ctx.link(a) if rel.kind_of(a) else md_inline(ROLE_LABELS.get(a, a)),
                actie=lambda a: ACTIE_LABELS.get(a, a),
                urgentie_label=URGENTIE_LABELS,
                front_matter=front_matter(meta),
                **ctx.helpers(),
            ),
        )
    maps = []
    for regio in catalog.of("gebieden").values():
        mine = [r for r in routes if regio.id in rel.regions_of.get(r.id, ())]
        if not mine:
            continue
        merged, layers = graph.merge_routes(f"Ketenkaart {regio.naam}", mine)
        path = f"ketenroutes/kaart-{regio.id}.md"
        ctx = PageContext(catalog, rel, path)
        maps.append((regio, path))
        meta = {
            "title": f"Ketenkaart {regio.naam}",
            "description": f"Alle ketenroutes van {regio.naam} in één kaart.",
            "paginasoort": "ketenkaart",
            "hide": ["navigation", "toc"],
        }
        yield (
            path,
            env.get_template("ketenkaart.md.j2").render(
                regio=regio,
                routes=mine,
                schema=draw(merged, layers, ctx, rel, f"kaart-{regio.id}")[0],
                edges=[(o.van, o.naar) for o in merged.overgangen],
                name=lambda a: actor_name(rel, a),
                front_matter=front_matter(meta),
                **ctx.helpers(),
            ),
        )
    meta = {
        "title": "Ketenroutes",
        "description": "Hoe een casus door de keten gaat, per situatie en regio.",
        "paginasoort": "overzicht",
    }
    yield render_page(
        env,
        catalog,
        rel,
        "ketenroutes/index.md",
        "ketenroutes.md.j2",
        meta,
        routes=sorted(routes, key=lambda r: r.naam.lower()),
        maps=maps,
        urgentie_label=URGENTIE_LABELS,
    )
    yield analysis_page(env, catalog, rel, routes)


def analysis_page(env: Environment, catalog: Catalog, rel: Relations, routes: list[Ketenroute]) -> tuple[str, str]:
    """For beleidsmedewerkers: central partners, routes without an end, records in no route, unverified stappen."""
    # Partners only: generic roles (professional, gezin) are everywhere by design and would top the list.
    scores = graph.betweenness(routes).items()
    central = sorted(((s, a) for a, s in scores if s > 0 and rel.kind_of(a)), key=lambda t: (-t[0], t[1]))
    in_route = {s.actor for r in routes for s in r.stappen}
    without_end = [r for r in routes if not any(s.eindpunt for s in r.stappen)]
    idle = [
        (KINDS[k].singular, rec)
        for k in ACTOR_KINDS
        for rec in sorted(catalog.of(k).values(), key=lambda x: x.naam.lower())
        if rec.id not in in_route
    ]
    unverified = [
        (r, s)
        for r in routes
        for s in r.stappen
        if rel.kind_of(s.actor) and rel.kind_of(s.actor) != "routeertafels" and not rel.phones(s.actor)
    ]
    meta = {
        "title": "Analyse van de keten",
        "description": "Knooppunten, gaten en open eindjes in de ketenroutes.",
        "paginasoort": "beheer",
    }
    return render_page(
        env,
        catalog,
        rel,
        "ketenroutes/analyse.md",
        "ketenanalyse.md.j2",
        meta,
        central=central[:15],
        without_end=without_end,
        idle=idle,
        unverified=unverified,
        name=lambda a: actor_name(rel, a),
    )
