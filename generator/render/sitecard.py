"""Part of stage 5 (render): the plain picture a chat app shows next to a pasted link (og:image).

1200 × 630 pixels, the site's blue with a white compass rose, written as PNG with the standard
library only (zlib): no image library, no font, no third party, and the same bytes every build.
"""

from __future__ import annotations

import math
import struct
import zlib
from functools import cache

WIDTH, HEIGHT = 1200, 630
BLUE = (0x1A, 0x4F, 0x8B)  # --md-primary-fg-color in gia.css
WHITE = (0xFF, 0xFF, 0xFF)
RED = (0xB0, 0x00, 0x20)  # --md-accent-fg-color: the needle's north half


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _paint(row: bytearray, start: float, end: float, colour: tuple[int, int, int]) -> None:
    first, last = max(0, math.ceil(start)), min(WIDTH - 1, math.floor(end))
    if first <= last:
        row[first * 3 : (last + 1) * 3] = bytes(colour) * (last - first + 1)


def _row(y: int) -> bytearray:
    """One row of the compass: a white ring and a needle (a rhombus) pointing north, red half up."""
    row = bytearray(bytes(BLUE) * WIDTH)
    cx, dy = WIDTH / 2, y - HEIGHT / 2
    if abs(dy) <= 222:
        outer = math.sqrt(222**2 - dy**2)
        inner = math.sqrt(200**2 - dy**2) if abs(dy) < 200 else 0.0
        _paint(row, cx - outer, cx - inner, WHITE)
        _paint(row, cx + inner, cx + outer, WHITE)
    if abs(dy) <= 180:
        half = 46 * (1 - abs(dy) / 180)
        _paint(row, cx - half, cx + half, RED if dy < 0 else WHITE)
    return row


@cache
def site_card() -> bytes:
    """The card as PNG bytes (8-bit RGB, one filter byte per row)."""
    rows = b"".join(b"\x00" + _row(y) for y in range(HEIGHT))
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows, 6)) + _chunk(b"IEND", b"")
