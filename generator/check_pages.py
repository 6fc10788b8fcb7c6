"""Stage 4 of the pipeline (pages part): hand-written pages cannot run, redirect, load or include.

load → validate → model/catalog → **check** → render → write → mkdocs build → pagefind

Pages in ``content/`` are Markdown from a pull request, and Markdown lets raw HTML through, so
they are contributed text like the records. The site's own pages use a little HTML (a search form,
buttons, ``<details>``, links); this check refuses what no page needs and what would be dangerous
on a host without the Content-Security-Policy, each with its own code and ``file:line:column``:

- ``pagina-element``: script, style, iframe, object, embed, meta, base, link, svg, math, template,
  frames, and forms that send anywhere but this site;
- ``pagina-attribuut``: event handlers (``onclick=``…), ``style=``, ``srcdoc=``, ``formaction=``, in
  HTML or in a Markdown attribute list (``{: onclick=… }``, which can also replace a link's href);
- ``pagina-link``: ``javascript:``, ``vbscript:`` and ``data:`` links, and images or other resources
  from another host (the site makes no requests to other hosts);
- ``pagina-snippet``: ``--8<--`` includes, which could publish any file of the checkout (only the
  render stage's own blocks in ``.build/includes/`` may be included, one per line, by a name
  relative to that folder);
- ``pagina-voorkant``: front matter fields the site does not know, or a title or description that is not plain text.

Code spans and fenced code blocks are left alone: there HTML is shown, not run.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from html.parser import HTMLParser

from generator.issues import Issue
from generator.load import ContentPage

BLOCKED_ELEMENTS = frozenset(
    {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "meta", "base", "link", "svg", "math"}
    | {"template", "portal", "noembed", "xmp", "plaintext"}
)
BLOCKED_ATTRIBUTES = frozenset({"style", "srcdoc", "formaction"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "poster", "data", "cite", "background", "xlink:href"})
# Attributes whose URL is loaded at once (a request), not followed when clicked.
LOADED = frozenset({"src", "poster", "data", "background"})
FRONT_MATTER_KEYS = frozenset(
    {"title", "description", "eigenaar", "laatst_beoordeeld", "paginasoort", "hide", "bron", "uitleg_bij"}
)

_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})[^\n]*\n.*?^\1\2[ \t]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_BAD_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
_ELEMENT = re.compile(r"<\s*([a-zA-Z][a-zA-Z0-9-]*)")
_HANDLER = re.compile(r"<[a-zA-Z][^>]*?[\s\"'/]on[a-zA-Z]+\s*=", re.IGNORECASE)
_SNIPPET = re.compile(r"-+8<-+")
# The one include a page may use: a block the render stage wrote itself, from escaped record text
# (the "Kies je gemeente" lists of the onboarding pages), named relative to .build/includes/ (the
# snippets base path, mkdocs.yml): plain folder and file names, so nothing outside it can be reached.
_OWN_INCLUDE = re.compile(r'^--8<-- "[a-z0-9-]+(/[a-z0-9-]+)*\.md"[ \t]*$', re.MULTILINE)
_ID_LIST = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_MD_LINK = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]+)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_ATTR_LIST = re.compile(r"\{:?([^}\n]*)\}")
_ATTR_KEY = re.compile(r"([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=")
_PLAIN = re.compile(r"^[^<>\n]*$")


def _blank(match: re.Match[str]) -> str:
    """The matched text with every character but line breaks replaced by a space (positions stay)."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _url_problem(url: str, attribute: str = "href") -> str | None:
    """Why a URL may not be on a page, or None."""
    plain = re.sub(r"[\s\x00-\x1f]", "", html.unescape(url))
    if _BAD_SCHEME.match(plain):
        return f"Een link met '{plain.split(':', 1)[0].lower()}:' kan script uitvoeren of een pagina vervalsen."
    remote = plain.startswith("//") or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", plain) is not None
    if attribute in LOADED and remote:
        return (
            "Afbeeldingen en andere bestanden komen alleen van deze site zelf: de site doet geen verzoeken aan andere websites."
        )
    if attribute in ("action", "formaction") and remote:
        return "Een formulier stuurt alleen naar deze site zelf."
    return None


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[tuple[int, int], str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        where = self.getpos()
        if tag in BLOCKED_ELEMENTS:
            self.found.append((where, "pagina-element", f"Het element <{tag}> mag niet op een pagina staan."))
        for name, value in attrs:
            if name.startswith("on") or name in BLOCKED_ATTRIBUTES:
                self.found.append((where, "pagina-attribuut", f"Het attribuut '{name}' mag niet op een pagina staan."))
            elif name in URL_ATTRIBUTES and value is not None and (problem := _url_problem(value, name)):
                self.found.append((where, "pagina-link", problem))

    handle_startendtag = handle_starttag


def check_page(page: ContentPage) -> list[Issue]:
    """Every problem of one hand-written page."""
    path = f"content/{page.path}"
    starts = [0] + [m.end() for m in re.finditer("\n", page.text)]

    def at(offset: int) -> tuple[int, int]:
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    found: list[tuple[tuple[int, int], str, str]] = []
    text = _FRONT_MATTER.sub(_blank, page.text)
    text = _FENCE.sub(_blank, text)
    text = _CODE_SPAN.sub(_blank, text)
    parser = _Tags()
    parser.feed(text)
    parser.close()
    found += [((line, column + 1), code, message) for (line, column), code, message in parser.found]
    # The parser reads HTML the way a careful browser does; these catch what it would read as text.
    for m in _ELEMENT.finditer(text):
        if m.group(1).lower() in BLOCKED_ELEMENTS:
            found.append((at(m.start()), "pagina-element", f"Het element <{m.group(1).lower()}> mag niet op een pagina staan."))
    for m in _HANDLER.finditer(text):
        found.append(
            (at(m.end() - 1), "pagina-attribuut", "Een 'on…'-attribuut voert script uit en mag niet op een pagina staan.")
        )
    own = {m.start() for m in _OWN_INCLUDE.finditer(text)}
    for m in _SNIPPET.finditer(text):
        if m.start() in own:
            continue
        found.append(
            (at(m.start()), "pagina-snippet", "Een '--8<--'-verwijzing voegt een ander bestand in de pagina; dat kan niet.")
        )
    for m in _MD_LINK.finditer(text):
        if problem := _url_problem(m.group(2), "src" if m.group(1) else "href"):
            found.append((at(m.start(2)), "pagina-link", problem))
    for pattern in (_AUTOLINK, _REFERENCE):
        for m in pattern.finditer(text):
            if problem := _url_problem(m.group(1)):
                found.append((at(m.start(1)), "pagina-link", problem))
    for m in _ATTR_LIST.finditer(text):
        for key in _ATTR_KEY.findall(m.group(1)):
            if key.lower().startswith("on") or key.lower() in BLOCKED_ATTRIBUTES | URL_ATTRIBUTES:
                found.append(
                    (at(m.start()), "pagina-attribuut", f"Het attribuut '{key}' mag niet in een attributenlijst {{: … }} staan.")
                )
    found += _front_matter(page)
    unique = sorted(set(found))
    return [
        Issue(path, line, column, code, "", f"{message} Haal het weg of vraag de beheerders om hulp.")
        for (line, column), code, message in unique
    ]


def _front_matter(page: ContentPage) -> list[tuple[tuple[int, int], str, str]]:
    found = []
    lines = page.text.split("\n")
    for key, value in page.meta.items():
        line = next((i for i, text in enumerate(lines, 1) if text.startswith(f"{key}:")), 1)
        if key not in FRONT_MATTER_KEYS:
            known = ", ".join(sorted(FRONT_MATTER_KEYS))
            found.append(((line, 1), "pagina-voorkant", f"Het veld '{key}' bovenin de pagina kent de site niet (wel: {known})."))
        elif key in ("title", "description", "eigenaar") and not (isinstance(value, str) and _PLAIN.match(value)):
            found.append(((line, 1), "pagina-voorkant", f"'{key}' is gewone tekst op één regel, zonder < of >."))
        elif key == "uitleg_bij" and not (
            isinstance(value, list) and all(isinstance(v, str) and _ID_LIST.match(v) for v in value)
        ):
            found.append(((line, 1), "pagina-voorkant", "'uitleg_bij' is een lijst van ids, zoals [meldcode, veilig-thuis]."))
    return found
