"""Part of stage 5 (render): what search engines, link previews and editors need, over all pages at once.

load → validate → model/catalog → check → **render** → write → mkdocs build → pagefind

The other render modules write each page on its own. This last step sees them together, which a
page alone cannot: it makes every description unique, keeps beheer pages (and previews) out of
search engines, dates each page for the sitemap from the records it shows (never the build's own
clock), adds the "Wijzig deze gegevens" and "Meld een fout" links, and the schema.org data. The
theme (``overrides/``) turns the front matter into tags. Pure: pages, catalogue, address and file
dates in, pages out.
"""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

import yaml

from generator.catalog import Catalog
from generator.kinds import KINDS
from generator.render import structured
from generator.render.snippets import clip, sentence
from generator.siteaddress import SiteAddress

# Pages for the editors, not for a search result (open data is for everyone, so it stays findable).
NOINDEX_KINDS = frozenset({"beheer", "verhuisd"})
INDEXED_ANYWAY = frozenset({"open-data.md"})
# Page kinds whose source file really is "the data of this page" (a gemeente page only borrows its regio's).
EDITABLE_KINDS = frozenset({*(k.singular for k in KINDS.values()), "brondocument", "begrip-verwijzing", "uitvoeringsagenda"})
_LINK = re.compile(r"\]\(([^)\s#]+\.md)(?:#[^)\s]*)?\)")
_MARKUP = re.compile(r"\*\*|__|`|\{[^}]*\}|<[^>]+>")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclasses.dataclass(slots=True)
class Page:
    path: str
    meta: dict[str, Any]
    body: str
    source: str | None  # repository file that holds the page's data
    record: Any = None


def split(text: str) -> tuple[dict[str, Any], str]:
    """(front matter, rest) of a page; generated pages hold JSON values, hand-written ones YAML."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 3)
    if end < 0:
        return {}, text
    block, body = text[4 : end + 1], text[end + 5 :]
    try:
        meta = {key: json.loads(value) for key, _, value in (line.partition(": ") for line in block.splitlines())}
    except ValueError:
        loaded = yaml.safe_load(block)
        meta = loaded if isinstance(loaded, dict) else {}
    return meta, body


def join(meta: Mapping[str, Any], body: str) -> str:
    """A page again from its front matter (one JSON value per key, as the render stage writes it) and body."""
    lines = "".join(f"{key}: {json.dumps(value, ensure_ascii=False, default=str)}\n" for key, value in meta.items())
    return f"---\n{lines}---\n{body}"


def record_dates(value: Any) -> Iterator[date]:
    """Every date in a record (checked on, seen on): the record's own word for when it was current."""
    if isinstance(value, date):
        yield value
        return
    fields = getattr(type(value), "__dataclass_fields__", None)
    items = (getattr(value, name) for name in fields) if fields is not None else value if isinstance(value, tuple) else ()
    for item in items:
        if item is not None and not isinstance(item, str | int):  # most fields are text: skip them fast
            yield from record_dates(item)


def first_paragraph(body: str) -> str:
    """The first plain paragraph of a hand-written page, without Markdown marks."""
    lines: list[str] = []
    for line in body.splitlines():
        text = line.strip()
        if not text:
            if lines:
                break
            continue
        if text.startswith(("#", "!!!", "<", "|", "*[", "---", "-", ">", "```")) or line.startswith("    "):
            if lines:
                break
            continue
        lines.append(text)
    return _MARKUP.sub("", _MD_LINK.sub(r"\1", " ".join(lines)))


def _crumb_paths(path: str) -> list[str]:
    """The index pages above a page, home first ('a/b/c.md' → index.md, a/index.md, a/b/index.md)."""
    dirs = path.split("/")[:-1]
    if posixpath.basename(path) == "index.md":
        if not dirs:
            return []
        dirs = dirs[:-1]
    return ["index.md"] + [f"{'/'.join(dirs[: i + 1])}/index.md" for i in range(len(dirs))]


class _Finisher:
    def __init__(self, pages: dict[str, Page], catalog: Catalog, address: SiteAddress, dates: Mapping[str, date]) -> None:
        self.pages = pages
        self.catalog = catalog
        self.address = address
        self.dates = dates
        self._own: dict[str, date | None] = {}

    def own_date(self, page: Page) -> date | None:
        if page.path not in self._own:
            found = list(record_dates(page.record)) if page.record is not None else []
            reviewed = page.meta.get("laatst_beoordeeld")  # hand-written pages say when they were last reviewed
            if isinstance(reviewed, date):
                found.append(reviewed)
            if page.source is not None and page.source in self.dates:
                found.append(self.dates[page.source])
            self._own[page.path] = max(found, default=None)
        return self._own[page.path]

    def lastmod(self, page: Page) -> date | None:
        """Its own record's dates; a page without one shows other records, so it is as new as the newest of them."""
        own = self.own_date(page)
        if own is not None or page.source is not None:
            return own
        base = posixpath.dirname(page.path)
        linked = {posixpath.normpath(posixpath.join(base, m)) for m in _LINK.findall(page.body)}
        found = [d for p in linked if p in self.pages and (d := self.own_date(self.pages[p])) is not None]
        return max(found, default=None)

    def indexed(self, page: Page) -> bool:
        return not self.address.preview and (page.meta.get("paginasoort") not in NOINDEX_KINDS or page.path in INDEXED_ANYWAY)

    def crumbs(self, page: Page) -> list[tuple[str, str | None]]:
        chain = [p for p in _crumb_paths(page.path) if p in self.pages]
        return [(str(self.pages[p].meta.get("title", "")), self.address.page_url(p)) for p in (*chain, page.path)]

    def finish(self, page: Page, description: str) -> str:
        meta = dict(page.meta)
        meta["description"] = description
        if not self.indexed(page):
            meta["robots"] = "noindex"
        when = self.lastmod(page)
        if when is not None:
            meta["lastmod"] = when.isoformat()
        url = self.address.page_url(page.path)
        title = str(meta.get("title", ""))
        editable = page.source is not None and (page.record is None or meta.get("paginasoort") in EDITABLE_KINDS)
        if self.address.can_edit:
            if editable and page.source:
                meta["wijzig_url"] = self.address.edit_url(page.source)
            meta["meld_url"] = self.address.report_url(title, url or page.path, page.source if editable else None)
        entity = structured.record_entity(self.catalog, page.record, url, description) if page.record is not None else None
        home = None
        if page.path == "index.md":
            home = {"@type": "WebSite", "name": "GIA Wegwijzer", "inLanguage": "nl", **({"url": url} if url else {})}
        meta["jsonld"] = structured.graph(home, entity, structured.breadcrumbs(self.crumbs(page)))
        return join(meta, page.body)


def first_descriptions(pages: Mapping[str, Page]) -> dict[str, str]:
    """Each page's own description before it is made unique: its front matter's, its first paragraph, or its title."""
    return {
        p.path: clip(str(p.meta.get("description") or first_paragraph(p.body) or p.meta.get("title", ""))) for p in pages.values()
    }


def unique_descriptions(pages: Mapping[str, Page], crumbs: Mapping[str, str], first: Mapping[str, str]) -> dict[str, str]:
    """A description per page, at most 160 characters and different from every other page's.

    A page without one gets the first paragraph of its text. When pages share one, each puts its own
    title first; when that still repeats, the title of the section it belongs to as well.

    Args:
        first: The `first_descriptions` of ``pages``.
    """
    counts = Counter(first.values())
    result = {}
    for path, text in first.items():
        if counts[text] > 1:
            title = sentence(str(pages[path].meta.get("title", "")))
            text = clip(f"{title} {text}")
        result[path] = text
    counts = Counter(result.values())
    for path, text in result.items():
        if counts[text] > 1 and crumbs.get(path):
            result[path] = clip(f"{crumbs[path]}: {text}")
    return result


Summaries = dict[str, tuple[str, str]]  # docs path → (title, description before it is made unique)


def finish_pages(
    texts: Mapping[str, str],
    catalog: Catalog,
    address: SiteAddress,
    dates: Mapping[str, date],
    content: set[str],
    others: Mapping[str, tuple[str, str]] | None = None,
) -> tuple[dict[str, str], dict[str, str], Summaries]:
    """Every Markdown page with its findability front matter added, and each page's repository file.

    Other files pass unchanged. The second result (docs path → repository file) lets a build message
    about a page point at the file an editor can change. The third is what the pages show of themselves
    to the others (title and description): with it, a few pages can later be finished on their own.

    Args:
        dates: Day of the last commit per repository file (empty without git).
        content: Docs paths of the hand-written pages (their file is ``content/<path>``).
        others: The summaries of the site's other pages, when ``texts`` holds only some (a preview).
    """
    by_file = {rec.bestand: rec for kind in catalog.records for rec in catalog.of(kind).values()}
    pages: dict[str, Page] = {}
    for path, text in texts.items():
        if path.endswith(".md"):
            meta, body = split(text)
            bron = meta.get("bron")
            record = by_file.get(bron) if isinstance(bron, str) and path not in content else None
            source = f"content/{path}" if path in content else (record.bestand if record is not None else None)
            pages[path] = Page(path, meta, body, source, record)
    own = set(pages)
    for path, (title, description) in (others or {}).items():  # titles for breadcrumbs, descriptions to tell apart
        if path not in own:
            pages[path] = Page(path, {"title": title, "description": description}, "", None)
    finisher = _Finisher(pages, catalog, address, dates)
    parents = {}
    for path in pages:
        chain = [p for p in _crumb_paths(path) if p in pages and p != "index.md"]
        parents[path] = str(pages[chain[-1]].meta.get("title", "")) if chain else ""
    first = first_descriptions(pages)
    descriptions = unique_descriptions(pages, parents, first)
    finished = {path: finisher.finish(pages[path], descriptions[path]) if path in own else text for path, text in texts.items()}
    summaries = {path: (str(pages[path].meta.get("title", "")), text) for path, text in first.items()}
    return finished, {path: pages[path].source or "" for path in own if pages[path].source}, summaries
