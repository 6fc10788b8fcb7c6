"""Part of stage 5 (render): positions for a layered drawing of a ketenroute (Sugiyama style).

Input: the layers from `generator.graph.layers` (every forward arrow points down) and the arrows.
An arrow that skips layers gets an invisible bend point in every layer it crosses, so it runs beside
the stappen instead of through them; a few barycentre sweeps then order each layer to cut crossings.
Pure arithmetic, deterministic: ties keep the order of the layers as given.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

NODE_W, NODE_H, H_GAP, V_GAP, MARGIN = 200, 62, 28, 58, 16
DUMMY_W = 20
SWEEPS = 4

Point = tuple[float, float]


@dataclass(slots=True)
class Layout:
    """Where everything goes: node corners, arrow points (forward arrows only) and the canvas size."""

    nodes: dict[str, Point] = field(default_factory=dict)
    paths: dict[tuple[str, str], list[Point]] = field(default_factory=dict)
    width: float = 0.0
    height: float = 0.0


def layout(layers: list[list[str]], edges: list[tuple[str, str]], right: float = 0.0) -> Layout:
    """Place the nodes of ``layers`` and route the forward ``edges`` (van, naar) around them.

    Args:
        right: Extra room on the right, for arrows that run back up.
    """
    depth = {node: d for d, layer in enumerate(layers) for node in layer}
    rows: list[list[str]] = [list(layer) for layer in layers]
    chains: dict[tuple[str, str], list[str]] = {}
    for van, naar in edges:
        if van not in depth or naar not in depth or depth[naar] <= depth[van]:
            continue
        chain = [van]
        for d in range(depth[van] + 1, depth[naar]):
            dummy = f"\0{van}\0{naar}\0{d}"
            rows[d].append(dummy)
            chain.append(dummy)
        chains[(van, naar)] = [*chain, naar]
    above: dict[str, list[str]] = {}
    below: dict[str, list[str]] = {}
    for chain in chains.values():
        for a, b in itertools.pairwise(chain):
            below.setdefault(a, []).append(b)
            above.setdefault(b, []).append(a)
    _order(rows, above, below)
    out = Layout()
    widths = [sum(_w(n) for n in row) + H_GAP * (len(row) - 1) for row in rows]
    canvas = max(widths, default=NODE_W)
    centres: dict[str, float] = {}
    for d, row in enumerate(rows):
        x = MARGIN + (canvas - widths[d]) / 2
        y = MARGIN + d * (NODE_H + V_GAP)
        for node in row:
            centres[node] = x + _w(node) / 2
            if not node.startswith("\0"):
                out.nodes[node] = (x, y)
            x += _w(node) + H_GAP
    for (van, naar), chain in chains.items():
        points: list[Point] = [(centres[van], out.nodes[van][1] + NODE_H)]
        for dummy in chain[1:-1]:
            d = int(dummy.rsplit("\0", 1)[1])
            y = MARGIN + d * (NODE_H + V_GAP)
            points += [(centres[dummy], y - 4), (centres[dummy], y + NODE_H + 4)]
        points.append((centres[naar], out.nodes[naar][1] - 2))
        out.paths[(van, naar)] = points
    out.width = MARGIN * 2 + canvas + right
    out.height = MARGIN * 2 + len(rows) * NODE_H + (len(rows) - 1) * V_GAP
    return out


def _w(node: str) -> float:
    return DUMMY_W if node.startswith("\0") else NODE_W


def _order(rows: list[list[str]], above: dict[str, list[str]], below: dict[str, list[str]]) -> None:
    """Barycentre sweeps, down then up, reordering each row in place."""
    start = {node: i for row in rows for i, node in enumerate(row)}
    for sweep in range(SWEEPS):
        downwards = sweep % 2 == 0
        sequence = range(1, len(rows)) if downwards else range(len(rows) - 2, -1, -1)
        for d in sequence:
            neighbours = above if downwards else below
            reference = {node: i for i, node in enumerate(rows[d - 1 if downwards else d + 1])}

            keys = {n: (_centre(n, reference, neighbours, start), start[n]) for n in rows[d]}
            rows[d].sort(key=keys.__getitem__)


def _centre(node: str, reference: dict[str, int], neighbours: dict[str, list[str]], start: dict[str, int]) -> float:
    """Average position of a node's neighbours in the reference row (its own old position if none)."""
    linked = [reference[n] for n in neighbours.get(node, []) if n in reference]
    return sum(linked) / len(linked) if linked else float(start[node])
