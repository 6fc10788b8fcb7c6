"""Part of stage 5 (render): one escaping function per place ("sink") where editor text lands.

Every value typed in a record reaches the site only through the function made for its context.
The schema grammars (``schema/definitions.schema.json``) and the check stage narrow what may be
typed; these functions make whatever passed harmless where it is written, so one missed rule
upstream still cannot run script, redirect a reader or change the structure of a page.

============================  ===========================  =========================================
sink                          function                     what it does
============================  ===========================  =========================================
Markdown text, one line       `md_inline`                  HTML and Markdown syntax escaped, folded
Markdown text, paragraphs     `md_paragraphs`              the same per paragraph
HTML text (raw HTML blocks)   `html_text`                  ``& < >`` as entities
HTML attribute value          `html_attr`                  ``& < > " '`` as entities
URL in ``href``               `href`                       only https, mailto, tel or site-relative
link to another site          `external_link`              ``<a>`` with `href` and Markdown-escaped text
e-mail link                   `mailto`                     one plain address, never ``?``/headers
admonition title              `admonition_title`           Markdown-escaped, quote-safe
SVG text and attributes       `svg_text`                   XML-escaped, characters XML forbids dropped
abbreviation list             `abbreviation`               a safe ``*[AFK]: betekenis`` line or nothing
front matter (YAML)           `front_matter_value`         JSON, odd line breaks as escapes
============================  ===========================  =========================================

The theme (``overrides/*.html``) escapes with Jinja's ``| e`` (`html_attr` semantics) and Pagefind
attributes are written there; `generator.render.context.front_matter` uses `front_matter_value`.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|~!])")
# A line starting with '-', '+', '>' or '1.' would become a list or quote; '???' a collapsible
# admonition (pymdownx.details), '!!!' is covered by escaping '!'.
_LINE_START = re.compile(r"^(\s*)([-+>]|\d+\.)(?=\s)", re.MULTILINE)
_DETAILS = re.compile(r"^(\s*)\?", re.MULTILINE)
# Characters XML 1.0 does not allow at all (inline SVG is parsed as HTML today, but the same text
# also lands in downloaded SVG and feeds): C0 controls except tab/newline/return, and non-characters.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# What YAML does not take literally in a double-quoted scalar: its extra line breaks (NEL, LS, PS)
# fold into spaces, and C1 controls, surrogates and non-characters make the whole file unreadable.
_NOT_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
# What an abbreviation may look like; anything else would change the Markdown of every page.
ABBREVIATION = re.compile(r"^[0-9A-Za-zÀ-ÖØ-öø-ÿ(][0-9A-Za-zÀ-ÖØ-öø-ÿ&+/().' -]{0,29}$")
_SAFE_SCHEMES = ("https", "mailto", "tel")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


class UnsafeValue(ValueError):
    """A value reached a sink it may not enter; the check stage should have refused it."""


def html_text(text: object) -> str:
    """Text inside raw HTML (not processed as Markdown): ``&``, ``<`` and ``>`` as entities."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_attr(text: object) -> str:
    """A value inside a quoted HTML attribute: ``&``, ``<``, ``>``, ``"`` and ``'`` as entities."""
    return html_text(text).replace('"', "&quot;").replace("'", "&#39;")


def md(text: object) -> str:
    """Escape editor text for Markdown: HTML first, then Markdown syntax characters."""
    s = html_text(text)
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = _DETAILS.sub(lambda m: m.group(1) + "&#63;", s)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), s)


def md_inline(text: object) -> str:
    """Escape editor text and fold it onto one line (for table cells, list items and headings)."""
    return md(" ".join(str(text).split()))


def md_paragraphs(text: object) -> str:
    """Escape editor text; blank lines in the YAML stay paragraph breaks."""
    parts = [" ".join(p.split()) for p in re.split(r"\n\s*\n", str(text).strip())]
    return "\n\n".join(md(p) for p in parts if p)


def admonition_title(text: object) -> str:
    """The quoted title of ``!!! kind "title"``: Markdown-escaped text without a bare quote."""
    return md_inline(text).replace('"', "&quot;")


def href(url: str) -> str:
    """A URL for an ``href`` attribute: https, mailto, tel or a site-relative path, attribute-escaped.

    Raises:
        UnsafeValue: For any other scheme (``javascript:``, ``data:``, ``http:``…) or a URL with
            characters a link never needs (spaces, quotes, angle brackets, backslashes).
    """
    if re.search(r"[\s\"'<>\\`\x00-\x1f\x7f]", url):
        raise UnsafeValue(f"geen veilige link: {url!r}")
    scheme = urlsplit(url).scheme.lower()
    if scheme and scheme not in _SAFE_SCHEMES:
        raise UnsafeValue(f"geen veilige link: {url!r}")
    if not scheme and (url.startswith("//") or ":" in url.split("/", 1)[0]):
        raise UnsafeValue(f"geen veilige link: {url!r}")
    return html_attr(url)


def external_link(url: str, text: object) -> str:
    """An ``<a>`` to a web address inside Markdown: the address through `href`, the text escaped for Markdown.

    The text between the tags is still read as Markdown, so ``[x](javascript:…)`` in a title would
    otherwise become a second, live link.
    """
    return f'<a href="{href(url)}">{md_inline(text)}</a>'


def mailto(address: str) -> str:
    """The ``href`` of an e-mail link: one plain address, so a link can never add ``?bcc=`` or a subject."""
    if not _EMAIL.match(address):
        raise UnsafeValue(f"geen eenvoudig e-mailadres: {address!r}")
    return html_attr("mailto:" + address)


def svg_text(text: object) -> str:
    """Text or an attribute value inside inline SVG: XML-escaped, characters XML forbids removed."""
    return html_attr(_NOT_XML.sub("", str(text)))


def abbreviation(afkorting: str, meaning: str) -> str:
    """One ``*[AFK]: betekenis`` definition for the list appended to every page, or ``""``.

    The list is Markdown that every page includes, so an abbreviation that is not a plain word
    (the schema refuses those) is left out rather than trusted, and the meaning is HTML-escaped on
    one line: it ends up in a ``title`` attribute, where entities show as the characters they stand for.
    """
    if not ABBREVIATION.match(afkorting):
        return ""
    return f"*[{afkorting}]: {html_text(' '.join(meaning.split()))}\n\n"


def front_matter_value(value: object) -> str:
    """A front matter value as JSON (valid YAML); line breaks YAML knows beyond JSON's are escaped too."""
    return _NOT_YAML.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(value, ensure_ascii=False))
