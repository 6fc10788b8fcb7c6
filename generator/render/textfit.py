"""Part of stage 5 (render): how wide a label is, and where it wraps, for the drawings made at build time.

The route drawings size their boxes before any browser sees them, so label widths are estimated from
the advance widths of Arial/Helvetica (the drawings ask for that font; Liberation Sans has the same
widths), plus a margin for the fonts phones use instead. Accented letters count as their base letter.
Labels wrap at spaces (and, for a word wider than the line, after its hyphens) — never cut off.
"""

from __future__ import annotations

import unicodedata

FONT_FAMILY = "Arial, Helvetica, 'Liberation Sans', sans-serif"

# Advance widths in 1/1000 em of the characters 32-126, regular and bold.
_REGULAR = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 "
    "278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 667 "
    "611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 556 278 556 556 222 222 500 222 833 "
    "556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584"
)
_BOLD = (
    "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 "
    "333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 611 833 722 778 667 778 722 667 "
    "611 722 667 944 667 667 611 333 278 333 584 556 333 556 611 556 611 556 333 611 611 278 278 556 278 889 "
    "611 611 611 611 389 556 333 611 556 778 556 556 500 389 280 389 584"
)
_WIDTHS = {
    False: dict(zip(map(chr, range(32, 127)), map(int, _REGULAR.split()), strict=True)),
    True: dict(zip(map(chr, range(32, 127)), map(int, _BOLD.split()), strict=True)),
}
_PUNCTUATION = {"–": 556, "—": 1000, "…": 1000, "‘": 278, "’": 278, "“": 500, "”": 500, "·": 333, "€": 556, "→": 1000}
_UNKNOWN = 1000  # anything else (another script, a symbol): assume a wide character
SAFETY = 1.06  # Roboto, San Francisco and Segoe UI run up to a few percent wider than Arial


def _char_width(ch: str, bold: bool) -> int:
    table = _WIDTHS[bold]
    if ch in table:
        return table[ch]
    if ch in _PUNCTUATION:
        return _PUNCTUATION[ch]
    base = unicodedata.normalize("NFKD", ch)[:1]
    return table.get(base, _UNKNOWN)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated width in px of ``text`` at font size ``size`` px (an upper bound for common fonts)."""
    return sum(_char_width(ch, bold) for ch in text) * size / 1000 * SAFETY


def _pieces(word: str, size: float, limit: float, bold: bool) -> list[str]:
    """A word wider than the line, split after its hyphens where that helps ("Zorg-" "en-" …)."""
    if text_width(word, size, bold) <= limit or "-" not in word.strip("-"):
        return [word]
    parts = [p + "-" for p in word.split("-")]
    parts[-1] = parts[-1][:-1]
    out: list[str] = []
    for part in (p for p in parts if p):
        if out and text_width(out[-1] + part, size, bold) <= limit:
            out[-1] += part
        else:
            out.append(part)
    return out


def wrap(text: str, size: float, limit: float, bold: bool = False) -> list[str]:
    """``text`` in lines no wider than ``limit`` px where possible; every word is kept, none is cut."""
    lines: list[str] = []
    for word in text.split():
        for n, piece in enumerate(_pieces(word, size, limit, bold)):
            joiner = "" if n else " "
            if lines and text_width(lines[-1] + joiner + piece, size, bold) <= limit:
                lines[-1] += joiner + piece
            else:
                lines.append(piece)
    return lines or [""]
