"""Part of stage 5 (render): where the boxes, arrows and arrow labels of a route drawing go, by Graphviz `dot`.

dot gets the drawing as boxes of a given size (measured by `textfit`), one rank per layer from
`generator.graph` (so the order of the stappen stays the order the rest of the site uses), the arrows,
and for every labelled arrow an empty table of the label's size, so dot keeps room for the label and
places it clear of boxes and other labels. An arrow that runs back up is given to dot pointing down
with ``dir=back``, so it is routed round the boxes like any other. No record text reaches dot: nodes
are n0, n1, …. From dot's JSON (``-Tjson``) come box centres, arrow splines and label centres;
`routesvg` writes the SVG itself.

Deterministic: dot uses no randomness, so the same drawing gives the same bytes. Each distinct
drawing is laid out once per process (cached by its DOT text).
"""

from __future__ import annotations

import functools
import json
import math
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Point = tuple[float, float]
Size = tuple[float, float]

MARGIN = 6  # px of free canvas round the drawing, so strokes at the edge are not clipped
GRAPH = "graph [rankdir=TB, nodesep=0.25, ranksep=0.3, margin=0, pad=0, splines=true];"
EMPTY_LABEL = (
    '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" FIXEDSIZE="TRUE" '
    'WIDTH="{w}" HEIGHT="{h}"><TR><TD></TD></TR></TABLE>>'
)


class LayoutError(Exception):
    """Graphviz is missing or failed: the message is Dutch and says what to do."""


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on the canvas: top-left corner and size, in px."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class Arrow:
    """One arrow from ``van`` to ``naar``.

    ``path`` is a cubic Bézier path (start, then three points per piece) ending at the base of the
    arrowhead; ``tip`` is the arrowhead's point; ``label`` the box of its label, if it has one.
    """

    van: str
    naar: str
    path: tuple[Point, ...]
    tip: Point
    label: Box | None


@dataclass(frozen=True, slots=True)
class Plan:
    """A laid-out drawing; ``order`` is reading order: layer by layer, left to right."""

    boxes: dict[str, Box]
    arrows: tuple[Arrow, ...]
    width: float
    height: float
    order: tuple[str, ...]


def plan(layers: Sequence[Sequence[str]], sizes: Mapping[str, Size], arrows: Sequence[tuple[str, str, Size | None]]) -> Plan:
    """Lay out boxes ``sizes`` in ``layers`` (top to bottom) with ``arrows`` (van, naar, label size or None)."""
    names = {node: f"n{i}" for i, node in enumerate(node for layer in layers for node in layer)}
    depth = {node: d for d, layer in enumerate(layers) for node in layer}
    lines = ["digraph {", GRAPH, 'node [shape=box, fixedsize=true, label=""];']
    for node, name in names.items():
        w, h = sizes[node]
        lines.append(f"{name} [width={_inch(w)}, height={_inch(h)}];")
    lines.extend("{rank=same; " + " ".join(f"{names[n]};" for n in layer) + "}" for layer in layers if layer)
    kept = [(i, a) for i, a in enumerate(arrows) if a[0] in names and a[1] in names]
    for i, (van, naar, label) in kept:
        attrs = [f"id=e{i}"]
        if label is not None:
            attrs.append("label=" + EMPTY_LABEL.format(w=math.ceil(label[0]), h=math.ceil(label[1])))
        tail, head = van, naar
        if depth[naar] < depth[van]:  # runs back up: hand it to dot pointing down, drawn the other way
            tail, head = naar, van
            attrs.append("dir=back")
        lines.append(f"{names[tail]} -> {names[head]} [{', '.join(attrs)}];")
    lines.append("}")
    data = json.loads(_dot_json("\n".join(lines)))
    return _read(data, names, dict(kept), layers)


def _inch(px: float) -> str:
    return f"{math.ceil(px) / 72:.4f}"


def _read(
    data: dict[str, Any], names: dict[str, str], arrows: dict[int, tuple[str, str, Size | None]], layers: Sequence[Sequence[str]]
) -> Plan:
    """Turn dot's JSON (points, y upwards) into boxes and arrows on an SVG canvas (px, y downwards)."""
    x0, y0, x1, y1 = (float(v) for v in data["bb"].split(","))
    width, height = x1 - x0 + 2 * MARGIN, y1 - y0 + 2 * MARGIN

    def at(text: str) -> Point:
        x, y = (float(v) for v in text.split(","))
        return round(x - x0 + MARGIN, 1), round(y1 - y + MARGIN, 1)

    node_of = {name: node for node, name in names.items()}
    objects = data.get("objects", [])
    boxes: dict[str, Box] = {}
    for obj in objects:
        if obj.get("name") in node_of:
            cx, cy = at(obj["pos"])
            w, h = float(obj["width"]) * 72, float(obj["height"]) * 72
            boxes[node_of[obj["name"]]] = Box(round(cx - w / 2, 1), round(cy - h / 2, 1), round(w, 1), round(h, 1))
    out: list[Arrow] = []
    for edge in sorted(data.get("edges", []), key=lambda e: int(e["id"][1:])):
        van, naar, label = arrows[int(edge["id"][1:])]
        parts = edge["pos"].split()
        ends = {p[0]: at(p[2:]) for p in parts if p[:2] in ("s,", "e,")}
        path = [at(p) for p in parts if p[:2] not in ("s,", "e,")]
        if "s" in ends:  # given to dot reversed (dir=back): the arrowhead sits at dot's start
            path.reverse()
            tip = ends["s"]
        else:
            tip = ends.get("e", path[-1])
        box = None
        if label is not None and "lp" in edge:
            lx, ly = at(edge["lp"])
            box = Box(round(lx - label[0] / 2, 1), round(ly - label[1] / 2, 1), label[0], label[1])
        out.append(Arrow(van, naar, tuple(path), tip, box))
    order = tuple(node for layer in layers for node in sorted(layer, key=lambda n: boxes[n].x))
    return Plan(boxes, tuple(out), round(width, 1), round(height, 1), order)


@functools.lru_cache(maxsize=256)
def _dot_json(source: str) -> str:
    """The JSON layout Graphviz dot makes of ``source``; raises LayoutError (in Dutch) when dot is missing or fails."""
    exe = shutil.which("dot")
    if exe is None:
        raise LayoutError(
            "Graphviz ontbreekt: het programma 'dot' tekent de schema's van de ketenroutes. "
            "Installeer het (make build doet dat met apt-get install graphviz) en bouw opnieuw."
        )
    result = subprocess.run([exe, "-Tjson"], input=source, capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0:
        raise LayoutError(f"Graphviz (dot) kon een schema van een ketenroute niet tekenen: {result.stderr.strip()[-300:]}")
    return result.stdout
