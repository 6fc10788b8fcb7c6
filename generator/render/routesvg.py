"""Part of stage 5 (render): draw a ketenroute as an inline SVG, at build time.

No diagram JavaScript runs in the browser: the layout comes from `generator.graph.layers` (longest
path from the start, so every arrow points down) and is written out as plain SVG. Each node links to
its record page; the text version under the diagram carries the same steps and arrows for screen
readers and print. The picture is ``role="img"`` with a title and description, so it holds no links
(an image may not contain interactive elements): for mouse users the node links sit in a second,
transparent SVG laid over the picture, hidden from assistive technology and out of the tab order.
Nodes and arrows carry ``data-stap`` / ``data-van`` / ``data-naar`` so tests can check that picture
and text describe the same graph.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from textwrap import wrap

from generator.model import Ketenroute
from generator.render.environment import attr
from generator.render.layout import NODE_H, NODE_W, layout
from generator.render.sources import marks as route_marks

Place = tuple[float, float]


def _lines(text: str, width: int = 26, count: int = 2) -> list[str]:
    lines = wrap(text, width) or [""]
    if len(lines) > count:
        lines = lines[:count]
        lines[-1] = lines[-1][: width - 1] + "…"
    return lines


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def route_svg(
    route: Ketenroute,
    layers: list[list[str]],
    actor_name: Callable[[str], str],
    actor_href: Callable[[str], str | None],
    action_label: Callable[[str], str],
    dom_id: str,
) -> str:
    """Return the markup of one route (or of a merged ketenkaart): the picture plus its link layer.

    Args:
        layers: Stap ids per layer, top to bottom.
        actor_name: Display name of an actor id.
        actor_href: Site URL of the actor's page, or None for a generic role.
        action_label: Dutch label of an actie.
        dom_id: Unique prefix for element ids on the page.
    """
    stappen = {s.id: s for s in route.stappen}
    # 'afgeleid'/'gewenst' belong to the steps of one route; a merged ketenkaart (no file of its own) has none.
    marks = route_marks if route.bestand else _no_marks
    depth_of = {sid: d for d, layer in enumerate(layers) for sid in layer}
    loops = any(
        o.terugkoppeling or depth_of.get(o.naar, 0) <= depth_of.get(o.van, 0)
        for o in route.overgangen
        if o.van in depth_of and o.naar in depth_of
    )
    # Arrows that run back up are drawn to the right of the nodes, with their labels: keep room for both.
    forward = [(o.van, o.naar) for o in route.overgangen if not o.terugkoppeling]
    plan = layout(layers, forward, right=190 if loops else 0)
    place, width, height = plan.nodes, plan.width, plan.height
    order = [sid for layer in layers for sid in layer]
    size = f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}"'
    desc = "; ".join(
        f"{n}. {actor_name(stappen[sid].actor)}: {action_label(stappen[sid].actie)}" for n, sid in enumerate(order, 1)
    )
    out = [
        f'<div class="gia-schema__vlak"><svg class="gia-route" role="img" aria-labelledby="{dom_id}-titel {dom_id}-desc" '
        f'{size} xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{dom_id}-titel">{attr(route.naam)}: schema van de route</title>',
        f'<desc id="{dom_id}-desc">{attr(desc)}. De stappen staan ook als genummerde lijst onder het schema.</desc>',
        f'<defs><marker id="{dom_id}-pijl" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1d1d1d"/></marker></defs>',
    ]
    for overgang in route.overgangen:
        if overgang.van not in place or overgang.naar not in place:
            continue
        edge = _edge(
            plan.paths.get((overgang.van, overgang.naar)),
            place[overgang.van],
            place[overgang.naar],
            overgang.van,
            overgang.naar,
            dom_id,
            overgang.terugkoppeling,
            " · ".join(filter(None, (*marks(overgang), overgang.voorwaarde, overgang.termijn))),
        )
        found = " ".join(marks(overgang))
        out.append(f'<g data-herkomst="{found}">{edge}</g>' if found else edge)
    links: list[str] = []
    for sid in order:
        stap = stappen[sid]
        x, y = place[sid]
        name_lines = _lines(actor_name(stap.actor))
        fill = "#fdecee" if stap.actie in ("beschermen", "strafrechtelijk-optreden") else "#eef3f9"
        texts = "".join(
            f'<text x="{x + NODE_W / 2:.1f}" y="{y + 20 + i * 16:.1f}" text-anchor="middle" font-size="13" '
            f'font-weight="700" fill="#1d1d1d">{attr(line)}</text>'
            for i, line in enumerate(name_lines)
        )
        texts += (
            f'<text x="{x + NODE_W / 2:.1f}" y="{y + NODE_H - 9:.1f}" text-anchor="middle" font-size="12" '
            f'fill="#333">{attr(" · ".join((action_label(stap.actie), *marks(stap))))}</text>'
        )
        box = (
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{NODE_W}" height="{NODE_H}" rx="8" fill="{fill}" '
            f'stroke="{"#1d1d1d" if stap.eindpunt else "#1a4f8b"}" stroke-width="{3 if stap.eindpunt else 1.5}"/>'
        )
        # Derived or desired steps are dashed by the stylesheet ([data-herkomst]); see render/sources.py.
        found = " ".join(marks(stap))
        herkomst = f' data-herkomst="{found}"' if found else ""
        out.append(f'<g class="gia-route__stap" data-stap="{attr(sid)}"{herkomst}>{box}{texts}</g>')
        href = actor_href(stap.actor)
        if href:
            links.append(
                f'<a href="{attr(href)}" tabindex="-1"><rect x="{x:.1f}" y="{y:.1f}" width="{NODE_W}" height="{NODE_H}" '
                f'rx="8" fill="transparent"/></a>'
            )
    out.append("</svg>")
    if links:
        out.append(
            f'<svg class="gia-route__links" aria-hidden="true" focusable="false" {size} xmlns="http://www.w3.org/2000/svg">'
            + "".join(links)
            + "</svg>"
        )
    out.append("</div>")
    return "".join(out)


def _no_marks(_item: object) -> list[str]:
    return []


def _edge(points: list[Place] | None, a: Place, b: Place, van: str, naar: str, dom_id: str, back: bool, label: str) -> str:
    (ax, ay), (bx, by) = a, b
    data = f'class="gia-route__pijl" data-van="{attr(van)}" data-naar="{attr(naar)}"'
    marker = f'marker-end="url(#{dom_id}-pijl)"'
    if points is None or back or by <= ay:
        # A declared loop runs back up along the right-hand side, dashed.
        sx, sy, ex, ey = ax + NODE_W, ay + NODE_H / 2, bx + NODE_W, by + NODE_H / 2
        bend = max(sx, ex) + 60
        path = (
            f'<path {data} d="M{sx:.1f},{sy:.1f} C{bend:.1f},{sy:.1f} {bend:.1f},{ey:.1f} {ex + 2:.1f},{ey:.1f}" '
            f'fill="none" stroke="#5b3f8f" stroke-width="1.6" stroke-dasharray="6 4" {marker}/>'
        )
        mx, my = bend + 6, (sy + ey) / 2
    else:
        # Smooth vertical S-curves through the bend points the layout gave (one per skipped layer).
        segments = []
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            mid = (y0 + y1) / 2
            segments.append(
                f"C{x0:.1f},{mid:.1f} {x1:.1f},{mid:.1f} {x1:.1f},{y1:.1f}" if y1 - y0 > 12 else f"L{x1:.1f},{y1:.1f}"
            )
        sx, sy = points[0]
        path = (
            f'<path {data} d="M{sx:.1f},{sy:.1f} {" ".join(segments)}" fill="none" stroke="#1d1d1d" stroke-width="1.6" {marker}/>'
        )
        # Label on the last stretch, just above the target: arrows fanning out keep their labels apart.
        (px, py), (ex, ey) = points[-2], points[-1]
        mx, my = px + (ex - px) * 0.7, py + (ey - py) * 0.7
    if not label:
        return path
    short = _short(label, 26)
    w = 6.4 * len(short) + 10
    # Labels of loops start right of the curve, in the room kept free for them; others are centred.
    left = mx if back or by <= ay else mx - w / 2
    return (
        f'{path}<g class="gia-route__voorwaarde"><title>{attr(label)}</title>'
        f'<rect x="{left:.1f}" y="{my - 10:.1f}" width="{w:.1f}" height="18" rx="3" fill="#fff" stroke="#c4cfdc"/>'
        f'<text x="{left + w / 2:.1f}" y="{my + 3:.1f}" text-anchor="middle" font-size="11.5" fill="#1d1d1d">{attr(short)}</text></g>'
    )
