"""Part of stage 5 (render): the Jinja2 environment and the filters templates share.

Templates produce Markdown, not HTML, so Jinja's HTML autoescape is off and every text that comes
from a record goes through the filter made for where it lands (`generator.render.escape`): ``md_inline``
and ``md_paragraphs`` in Markdown, ``html`` in raw HTML, ``attr`` in attributes, ``href``/``mailto``
for links and ``admonition_title`` in ``!!!`` titles. A ``<script>`` typed in a naam shows as text.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.render.escape import (
    admonition_title,
    external_link,
    href,
    html_attr,
    html_text,
    mailto,
    md,
    md_inline,
    md_paragraphs,
)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# Older names of the sink functions, kept for the modules that import them from here.
attr = html_attr
anchor = external_link
__all__ = ["anchor", "attr", "datum", "host_of", "make_env", "md", "md_inline", "md_paragraphs", "relative"]

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


def host_of(url: str) -> str:
    """The host of a web address without 'www.', as a readable name for a link."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def datum(value: date | str) -> str:
    """Format a date the Dutch way: 25 november 2026."""
    d = value if isinstance(value, date) else date.fromisoformat(str(value))
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def other_names(names: Iterable[str], own: str = "") -> list[str]:
    """Names to show, each once: variants differing only in case, spaces or punctuation are left out.

    A variant of an earlier name, or of the record's own name, is not shown again. Search keeps every
    variant; readers need each name once.
    """
    seen = {_fold(own)} if own else set()
    shown = []
    for name in names:
        key = _fold(name)
        if key not in seen:
            seen.add(key)
            shown.append(name)
    return shown


def _fold(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


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
    env.filters.update(
        md=md,
        md_inline=md_inline,
        md_paragraphs=md_paragraphs,
        attr=html_attr,
        html=html_text,
        href=href,
        mailto=mailto,
        admonition_title=admonition_title,
        datum=datum,
        andere_namen=other_names,
    )
    return env
