"""Stage 5 of the pipeline: turn the catalogue into Markdown pages, in memory.

load → validate → model/catalog → check → **render** → write → mkdocs build → pagefind

`render_site` is a pure function: it reads no files and writes none, so golden tests can call it
directly. It returns every generated page by docs-relative path, the files copied into the site as
they are (open data, and ``_headers`` with the security headers for hosts that read it) and files
for ``includes/`` (the abbreviation list that mkdocs-material appends to every page).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from jinja2 import Environment

from generator.catalog import Catalog
from generator.export import export_open_data
from generator.headers import netlify_headers
from generator.history import Change
from generator.load import ContentPage
from generator.relations import Relations, build_relations
from generator.render.agenda import activity_paths, agenda_pages
from generator.render.areas import area_pages, gemeentekeuze
from generator.render.beheer import beheer_page
from generator.render.changes import FEED, PAGE, render_changes
from generator.render.environment import make_env
from generator.render.findability import Summaries, finish_pages
from generator.render.knowledge import abbreviations, knowledge_pages, open_data_page, tooltip_abbreviations
from generator.render.overviews import home_page, overview_pages
from generator.render.records import TEMPLATES, record_pages
from generator.render.redirects import gemeente_redirects, redirect_pages, vorm_redirects
from generator.render.routes import keten_sections, route_pages
from generator.render.searchhelp import search_help, search_words
from generator.render.sitecard import site_card
from generator.render.sources import content_with_currency, currency_of
from generator.render.terms import build_terms, link_first_uses, reader_page
from generator.render.wiebelik import guide_pages
from generator.siteaddress import SiteAddress

CARD = "assets/images/gia-kaart.png"  # the link-preview picture; overrides/main.html names it too


@dataclass(slots=True)
class Site:
    """All generated text: docs pages and include files, by relative path."""

    pages: dict[str, str] = field(default_factory=dict)
    includes: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # docs path → repository file with its data
    summaries: Summaries = field(default_factory=dict)  # docs path → (title, description): see `render_own_pages`


def name_tokens(pages: Mapping[str, str]) -> set[str]:
    """Every whole-name search token the pages carry (front matter ``pagefind.sleutels``)."""
    tokens: set[str] = set()
    for text in pages.values():
        head = text[: text.find("\n---\n", 4)] if text.startswith("---\n") else ""
        for line in head.splitlines():
            if line.startswith("pagefind: ") and '"sleutels"' in line:
                tokens.update(json.loads(line.removeprefix("pagefind: ")).get("sleutels", ()))
    return tokens


def _prepare(
    catalog: Catalog, content: list[ContentPage], today: date | None, dates: Mapping[str, date] | None
) -> tuple[Environment, Relations, dict[str, dict[str, object]]]:
    """What every page may use: the template environment, the derived relations, and extra values per record."""
    env = make_env()
    rel = build_relations(catalog)
    rel.currency = currency_of(catalog, dates, today)
    for page in content:
        for record_id in page.meta.get("uitleg_bij") or ():
            rel.lees_ook.setdefault(str(record_id), []).append((page.path, str(page.meta.get("title", page.path))))
    extra: dict[str, dict[str, object]] = {rid: {"keten": text} for rid, text in keten_sections(catalog, rel).items()}
    agenda_paths = activity_paths(catalog)
    for rid in rel.activities_of:
        extra.setdefault(rid, {})["activiteit_pad"] = agenda_paths
    return env, rel, extra


def _link_terms(pages: dict[str, str], catalog: Catalog, content: list[ContentPage]) -> None:
    """Link the first use of each begrip on the reader pages among ``pages`` (in place)."""
    # An abbreviation with '&' never gets its tooltip (the text holds '&amp;'): those are linked instead.
    terms = build_terms(catalog, [a for a in tooltip_abbreviations(catalog) if "&" not in a])
    explained = {page.path: [str(i) for i in page.meta.get("uitleg_bij") or ()] for page in content}
    for path in [p for p in pages if reader_page(p)]:
        pages[path] = link_first_uses(pages[path], path, terms, explained.get(path, ()))


def render_site(
    catalog: Catalog,
    content: list[ContentPage],
    changes: list[Change] | None = None,
    today: date | None = None,
    address: SiteAddress | None = None,
    dates: Mapping[str, date] | None = None,
) -> Site:
    """Render every page of the portal from the catalogue and the hand-written content.

    Args:
        changes: Recent commits for the wijzigingen page and feed (None: no git history available).
        today: The day the beheer page counts review dates from; without it that page is left out.
        address: Where the site and its repository live (default: unknown, a local build).
        dates: Day of the last commit per repository file (None: no git history), shown as "laatst bijgewerkt"
            and used for the sitemap's lastmod.
    """
    address = address or SiteAddress()
    env, rel, extra = _prepare(catalog, content, today, dates)
    site = Site()
    for page in content:
        site.pages[page.path] = content_with_currency(page, catalog, today)
    for path, text in (
        *record_pages(env, catalog, rel, extra),
        *overview_pages(env, catalog, rel),
        *area_pages(env, catalog, rel, frozenset(page.path for page in content)),
        *knowledge_pages(env, catalog, rel),
        *agenda_pages(env, catalog, rel),
        *route_pages(env, catalog, rel),
        *guide_pages(env, catalog, rel),
        *redirect_pages(env, catalog, rel),
        *gemeente_redirects(env, catalog, rel),
        *vorm_redirects(env, catalog, rel),
        home_page(env, catalog, rel, content),
    ):
        site.pages[path] = text
    _link_terms(site.pages, catalog, content)
    site.pages["zoeken/hulp.json"] = search_help(catalog)
    site.pages["zoeken/woorden.json"] = search_words(catalog, name_tokens(site.pages))
    site.pages[PAGE], site.pages[FEED] = render_changes(changes, address)
    site.pages["robots.txt"] = address.robots_txt()
    if today is not None:
        path, text = beheer_page(env, catalog, rel, today)
        site.pages[path] = text
        site.files = export_open_data(catalog, today)
        site.pages["open-data.md"] = open_data_page(env, catalog, rel, site.files)
    site.files[CARD] = site_card()
    site.files["_headers"] = netlify_headers().encode("utf-8")
    site.includes["abbreviations.md"] = abbreviations(catalog)
    site.includes.update(gemeentekeuze(catalog))
    site.pages, site.sources, site.summaries = finish_pages(
        dict(sorted(site.pages.items())), catalog, address, dates or {}, {p.path for p in content}
    )
    return site


def renders_alone(path: str) -> bool:
    """Whether `render_own_pages` can make the pages of this repository file.

    A hand-written page can, and so can a record with a page of its own (organisatie, routeertafel,
    voorziening, expertise). Other records show on pages made from many records at once.
    """
    parts = path.split("/")
    if parts[0] == "content":
        return path.endswith(".md")
    return len(parts) == 3 and parts[0] == "partners" and parts[1] in TEMPLATES and path.endswith(".yaml")


def render_own_pages(
    catalog: Catalog,
    content: list[ContentPage],
    files: frozenset[str],
    others: Summaries,
    today: date | None = None,
    address: SiteAddress | None = None,
    dates: Mapping[str, date] | None = None,
) -> Site:
    """Only the pages of ``files`` (repository files that `renders_alone`), as `render_site` makes them.

    The preview (`generator.watch`) shows a saved record's page within seconds this way, however large the
    kaart: rendering every page takes a minute at 5,000 records. What a page takes from the others (the
    titles in its breadcrumb, a description that must differ from theirs) comes from ``others``, the
    ``summaries`` of the last full render; the full render that follows puts right what the save changed there.
    """
    address = address or SiteAddress()
    env, rel, extra = _prepare(catalog, content, today, dates)
    pages = {page.path: content_with_currency(page, catalog, today) for page in content if f"content/{page.path}" in files}
    pages.update(record_pages(env, catalog, rel, extra, files=files))
    _link_terms(pages, catalog, content)
    finished, sources, summaries = finish_pages(
        dict(sorted(pages.items())), catalog, address, dates or {}, {p.path for p in content}, others
    )
    return Site(pages=finished, sources=sources, summaries={p: summaries[p] for p in pages})
