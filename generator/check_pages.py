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
  render stage's own blocks in ``.build/includes/`` may be included, one per line, by their name
  in that folder: ``--8<-- "kies-je-gemeente/nieuw.md"``);
- ``pagina-voorkant``: front matter fields the site does not know, or a title or description that is not plain text.

`check_content` adds what a page says about records: an owner from partners/eigenaars and a review date
(``pagina-metadata``), and records named in ``uitleg_bij`` or ``eigenaar`` that exist (``onbekend-id``).

Code spans and fenced code blocks are left alone: there HTML is shown, not run.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Set
from html.parser import HTMLParser

from generator.catalog import Catalog
from generator.issues import Issue
from generator.kinds import SHARED_ID_KINDS
from generator.load import ContentPage
from generator.messages import suggest

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
# (the "Kies je gemeente" lists of the onboarding pages), named relative to .build/includes/, the one
# folder MkDocs reads snippets from (mkdocs.yml: base_path, restrict_base_path). No '..', no other folder.
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


def _line(page: ContentPage, key: str) -> int:
    """The front matter line of ``key`` (1 when the page has none), where the editor changes it."""
    return next((i for i, text in enumerate(page.text.split("\n"), 1) if text.startswith(f"{key}:")), 1)


def _front_matter(page: ContentPage) -> list[tuple[tuple[int, int], str, str]]:
    found = []
    for key, value in page.meta.items():
        line = _line(page, key)
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


def check_content(
    pages: list[ContentPage], catalog: Catalog | None = None, rejected: Set[tuple[str, str]] = frozenset()
) -> list[Issue]:
    """Every hand-written page: what `check_page` refuses, plus what it says about records.

    Pages readers see name an owner (an id from partners/eigenaars, like a record) and a review date, so
    the redactie knows who keeps a page true and since when; the search page and pages generated from
    the schema (they say so in their first lines) are left out. Records a page explains (`uitleg_bij`)
    must exist. Without a catalogue (tests of the page rules alone) ids are not looked up. Records with an
    error of their own (``rejected``) exist: a page naming them is fine.
    """
    issues = []
    kinds = (*SHARED_ID_KINDS, "begrippen")
    known = {rid for kind in kinds for rid in catalog.of(kind)} | {r for k, r in rejected if k in kinds} if catalog else None
    owners = set(catalog.of("eigenaars")) | {r for k, r in rejected if k == "eigenaars"} if catalog else None
    for page in pages:
        path = f"content/{page.path}"
        issues.extend(check_page(page))
        for rid in page.meta.get("uitleg_bij") or ():
            if known is not None and str(rid) not in known:
                issues.append(
                    Issue(
                        path,
                        _line(page, "uitleg_bij"),
                        1,
                        "onbekend-id",
                        "uitleg_bij",
                        f"In 'uitleg_bij' staat '{rid}', maar er is geen record met dat id. "
                        f"Gebruik het id van een begrip, ketenroute, vorm van geweld, organisatie, routeertafel of voorziening.{suggest(str(rid), known)}",
                    )
                )
        if page.meta.get("paginasoort") == "zoeken" or "<!-- gegenereerd" in page.text[:600].lower():
            continue
        for key, example in (("eigenaar", "redactie-gia-wegwijzer"), ("laatst_beoordeeld", "2026-11-25")):
            if key not in page.meta:
                issues.append(
                    Issue(
                        path,
                        1,
                        1,
                        "pagina-metadata",
                        key,
                        f"Deze pagina mist '{key}' bovenin (front matter). Voeg het toe, bijvoorbeeld '{key}: {example}'.",
                    )
                )
        owner = page.meta.get("eigenaar")
        if owners is not None and isinstance(owner, str) and owner not in owners:
            issues.append(
                Issue(
                    path,
                    _line(page, "eigenaar"),
                    1,
                    "onbekend-id",
                    "eigenaar",
                    f"Er is geen eigenaar met id '{owner}' (gezocht in partners/eigenaars).{suggest(owner, owners)}",
                )
            )
    return issues
