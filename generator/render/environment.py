"""Part of stage 5 (render): the Jinja2 environment and the filters templates share.

Templates produce Markdown, not HTML, so Jinja's HTML autoescape is off and every text that comes
from a record goes through the `md` filter instead: it escapes HTML and the Markdown characters
that would change the page, so a ``<script>`` typed in a naam shows as text.
"""

from __future__ import annotations

import posixpath
import re
from datetime import date
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|~!])")
_LINE_START = re.compile(r"^(\s*)([-+>]|\d+\.)(?=\s)", re.MULTILINE)
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def md(text: object) -> str:
    """Escape editor text for Markdown: HTML first, then Markdown syntax characters."""
    s = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    # A line starting with '-', '+', '>' or '1.' would become a list or quote.
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), s)


def md_inline(text: object) -> str:
    """Escape editor text and fold it onto one line (for table cells and list items)."""
    return md(" ".join(str(text).split()))


def md_paragraphs(text: object) -> str:
    """Escape editor text; blank lines in the YAML stay paragraph breaks."""
    parts = [" ".join(p.split()) for p in re.split(r"\n\s*\n", str(text).strip())]
    return "\n\n".join(md(p) for p in parts if p)


def attr(text: object) -> str:
    """Escape text for use inside a double-quoted HTML attribute."""
    return str(text).replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def anchor(href: str, text: object) -> str:
    """An HTML link to an external https address, with both the address and the text escaped."""
    return f'<a href="{attr(href)}">{attr(text)}</a>'


def host_of(url: str) -> str:
    """The host of a web address without 'www.', as a readable name for a link."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def datum(value: date | str) -> str:
    """Format a date the Dutch way: 25 november 2026."""
    d = value if isinstance(value, date) else date.fromisoformat(str(value))
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


@cache
def relative(target: str, current: str) -> str:
    """Relative Markdown link from page ``current`` to page ``target`` (both docs-relative .md paths).

    Cached: a large kaart asks for the same few thousand links hundreds of thousands of times.
    """
    return posixpath.relpath(target, posixpath.dirname(current) or ".")


@cache
def make_env() -> Environment:
    """The Jinja2 environment used for every generated page (created once; templates compile once)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,  # a typo in a template fails the build, not silently the page
        autoescape=False,  # noqa: S701 - output is Markdown; the `md` filters escape record text instead
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md, md_inline=md_inline, md_paragraphs=md_paragraphs, attr=attr, datum=datum)
    return env
