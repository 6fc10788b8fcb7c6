"""Part of stage 5 (render): draw a ketenroute (or a merged ketenkaart) as an inline SVG, at build time.

No diagram JavaScript runs in the browser: Graphviz `dot` places boxes, arrows and arrow labels
(`layout`), this module writes the SVG. Labels are whole: names and conditions wrap over several lines
(`textfit`) and the boxes are made to fit them. Each node links to its record page; the numbered text
version on the page carries the same steps and arrows for screen readers and print, numbered in the
drawing's reading order (``Drawing.order``). The picture is ``role="img"`` with a title and
description, so it holds no links (an image may not contain interactive elements): for mouse users the
node links sit in a second, transparent SVG laid over the picture, hidden from assistive technology and
out of the tab order. Nodes and arrows carry ``data-stap`` / ``data-van`` / ``data-naar`` so tests can
check that picture and text describe the same graph.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from generator.model import Ketenroute, Stap
from generator.render.environment import attr
from generator.render.layout import Arrow, Box, Point, plan
from generator.render.sources import marks as route_marks
from generator.render.textfit import FONT_FAMILY, text_width, wrap

NAME = (14, 17)  # font size, line height (px) of a box's name: bold
ACTION = (13, 16)  # of the actie under the name
CONDITION = (13, 16)  # of an arrow's label
BOX_TEXT, LABEL_TEXT = 150, 124  # widest line of text in a box, in a label
PAD_X, PAD_Y, LABEL_PAD = 10, 8, 5
MIN_BOX = 96
# A drawing this wide still fits the column of a 360 px phone (about 310 px inside its frame) when
# scaled, with its smallest text (13 px) at 12 px or more on screen.
PHONE_WIDTH = 335
FORWARD, BACK = "#1d1d1d", "#5b3f8f"


@dataclass(frozen=True, slots=True)
class Drawing:
    """The SVG markup (picture plus link layer), its width, and the stappen in reading order."""

    markup: str
    width: float
    order: tuple[str, ...]

    @property
    def fits_phone(self) -> bool:
        """Whether the drawing fits a phone's column, scaled, with labels of at least 12 px."""
        return self.width <= PHONE_WIDTH


@dataclass(frozen=True, slots=True)
class _Label:
    name: list[str]
    action: list[str]

    @property
    def size(self) -> tuple[float, float]:
        widths = [text_width(t, NAME[0], bold=True) for t in self.name] + [text_width(t, ACTION[0]) for t in self.action]
        w = max(MIN_BOX, math.ceil(max(widths)) + 2 * PAD_X)
        h = 2 * PAD_Y + len(self.name) * NAME[1] + 3 + len(self.action) * ACTION[1]
        return w, h


def route_svg(
    route: Ketenroute,
    layers: list[list[str]],
    actor_name: Callable[[str], str],
    actor_href: Callable[[str], str | None],
    action_label: Callable[[str], str],
    dom_id: str,
) -> Drawing:
    """Lay out and draw one route (or merged ketenkaart).

    Args:
        layers: Stap ids per layer, top to bottom (each layer becomes one row).
        actor_name: Display name of an actor id.
        actor_href: Site URL of the actor's page, or None for a generic role.
        action_label: Dutch label of an actie.
        dom_id: Unique prefix for element ids on the page.
    """
    stappen = {s.id: s for s in route.stappen}
    # 'afgeleid'/'gewenst' belong to the steps of one route; a merged ketenkaart (no file of its own) has none.
    marks = route_marks if route.bestand else _no_marks
    labels = {
        sid: _Label(
            wrap(actor_name(s.actor), NAME[0], BOX_TEXT, bold=True),
            wrap(" · ".join((_label(s, action_label), *marks(s))), ACTION[0], BOX_TEXT),
        )
        for sid, s in stappen.items()
    }
    conditions = {(o.van, o.naar): " · ".join(filter(None, (*marks(o), o.voorwaarde, o.termijn))) for o in route.overgangen}
    herkomst = {(o.van, o.naar): " ".join(marks(o)) for o in route.overgangen}
    condition_lines = {key: wrap(text, CONDITION[0], LABEL_TEXT) for key, text in conditions.items() if text}
    arrows = [(o.van, o.naar, _label_size(condition_lines.get((o.van, o.naar)))) for o in route.overgangen]
    layout = plan(layers, {sid: label.size for sid, label in labels.items()}, arrows)
    back = {(o.van, o.naar) for o in route.overgangen if o.terugkoppeling}
    # The description says what the boxes say, marks included, so a screen reader hears 'afgeleid' too.
    desc = "; ".join(
        f"{n}. {actor_name(stappen[sid].actor)}: {' · '.join((_label(stappen[sid], action_label), *marks(stappen[sid])))}"
        for n, sid in enumerate(layout.order, 1)
    )
    size = f'width="{layout.width:.0f}" height="{layout.height:.0f}" viewBox="0 0 {layout.width:.1f} {layout.height:.1f}"'
    out = [
        f'<div class="gia-schema__vlak"><svg class="gia-route" role="img" aria-labelledby="{dom_id}-titel {dom_id}-desc" '
        f'{size} font-family="{FONT_FAMILY}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{dom_id}-titel">{attr(route.naam)}: schema van de route</title>',
        f'<desc id="{dom_id}-desc">{attr(desc)}. De stappen staan ook als genummerde lijst bij het schema.</desc>',
    ]
    out.extend(_arrow(a, (a.van, a.naar) in back, herkomst.get((a.van, a.naar), "")) for a in layout.arrows)
    links: list[str] = []
    for sid in layout.order:
        stap = stappen[sid]
        out.append(_box(sid, layout.boxes[sid], labels[sid], stap.eindpunt, stap.actie, " ".join(marks(stap))))
        href = actor_href(stappen[sid].actor)
        if href:
            b = layout.boxes[sid]
            links.append(
                f'<a href="{attr(href)}" tabindex="-1"><rect x="{b.x:.1f}" y="{b.y:.1f}" width="{b.w:.1f}" height="{b.h:.1f}" '
                f'rx="8" fill="transparent"/></a>'
            )
    for a in layout.arrows:
        key = (a.van, a.naar)
        if a.label is not None and key in condition_lines:
            out.append(_condition(a.label, conditions[key], condition_lines[key]))
    out.append("</svg>")
    if links:
        out.append(
            f'<svg class="gia-route__links" aria-hidden="true" focusable="false" {size} xmlns="http://www.w3.org/2000/svg">'
            + "".join(links)
            + "</svg>"
        )
    out.append("</div>")
    return Drawing("".join(out), layout.width, layout.order)


def _label_size(lines: list[str] | None) -> tuple[float, float] | None:
    if not lines:
        return None
    w = max(text_width(t, CONDITION[0]) for t in lines)
    return math.ceil(w) + 2 * LABEL_PAD, len(lines) * CONDITION[1] + 2 * LABEL_PAD


def _tspans(lines: list[str], x: float, y: float, step: int) -> str:
    return "".join(f'<tspan x="{x:.1f}" y="{y + i * step:.1f}">{attr(line)}</tspan>' for i, line in enumerate(lines))


def _label(stap: Stap, action_label: Callable[[str], str]) -> str:
    """What a step is called under its actor: the editors' own label, else the word for its actie."""
    return stap.label or action_label(stap.actie)


def _no_marks(_item: object) -> list[str]:
    return []


def _box(sid: str, b: Box, label: _Label, eindpunt: bool, actie: str, herkomst: str) -> str:
    # Derived or desired steps are dashed by the stylesheet ([data-herkomst]); see render/sources.py.
    fill = "#fdecee" if actie in ("beschermen", "strafrechtelijk-optreden") else "#eef3f9"
    stroke, width = ("#1d1d1d", 3) if eindpunt else ("#1a4f8b", 1.5)
    cx = b.x + b.w / 2
    top = b.y + PAD_Y
    name_y = top + 13  # baseline of the first name line (14 px Arial ascends ~12.7 px)
    action_y = top + len(label.name) * NAME[1] + 3 + 12
    return (
        f'<g class="gia-route__stap" data-stap="{attr(sid)}"{_herkomst(herkomst)}>'
        f'<rect x="{b.x:.1f}" y="{b.y:.1f}" width="{b.w:.1f}" height="{b.h:.1f}" rx="8" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>'
        f'<text text-anchor="middle" font-size="{NAME[0]}" font-weight="700" fill="#1d1d1d">{_tspans(label.name, cx, name_y, NAME[1])}</text>'
        f'<text text-anchor="middle" font-size="{ACTION[0]}" fill="#333">{_tspans(label.action, cx, action_y, ACTION[1])}</text>'
        "</g>"
    )


def _head(base: Point, tip: Point, colour: str) -> str:
    """A filled arrowhead from ``base`` to ``tip`` (dot leaves that stretch free for it)."""
    (bx, by), (tx, ty) = base, tip
    length = math.hypot(tx - bx, ty - by) or 1.0
    px, py = -(ty - by) / length * 4.5, (tx - bx) / length * 4.5
    return f'<path d="M{tx:.1f},{ty:.1f} L{bx + px:.1f},{by + py:.1f} L{bx - px:.1f},{by - py:.1f} z" fill="{colour}"/>'


def _herkomst(found: str) -> str:
    return f' data-herkomst="{attr(found)}"' if found else ""


def _arrow(a: Arrow, back: bool, herkomst: str) -> str:
    colour = BACK if back else FORWARD
    start, rest = a.path[0], a.path[1:]
    pieces = " ".join(
        f"C{p[0][0]:.1f},{p[0][1]:.1f} {p[1][0]:.1f},{p[1][1]:.1f} {p[2][0]:.1f},{p[2][1]:.1f}" for p in _triples(rest)
    )
    dash = ' stroke-dasharray="6 4"' if back else ""
    return (
        f'<g class="gia-route__pijl" data-van="{attr(a.van)}" data-naar="{attr(a.naar)}"{_herkomst(herkomst)}>'
        f'<path d="M{start[0]:.1f},{start[1]:.1f} {pieces}" fill="none" stroke="{colour}" stroke-width="1.6"{dash}/>'
        f"{_head(a.path[-1], a.tip, colour)}</g>"
    )


def _triples(points: tuple[Point, ...]) -> list[tuple[Point, Point, Point]]:
    return [(points[i], points[i + 1], points[i + 2]) for i in range(0, len(points) - 2, 3)]


def _condition(b: Box, full: str, lines: list[str]) -> str:
    cx = b.x + b.w / 2
    return (
        f'<g class="gia-route__voorwaarde"><title>{attr(full)}</title>'
        f'<rect x="{b.x:.1f}" y="{b.y:.1f}" width="{b.w:.1f}" height="{b.h:.1f}" rx="3" fill="#fff" stroke="#c4cfdc"/>'
        f'<text text-anchor="middle" font-size="{CONDITION[0]}" fill="#1d1d1d">'
        f"{_tspans(lines, cx, b.y + LABEL_PAD + 12, CONDITION[1])}</text></g>"
    )
