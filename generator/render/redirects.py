"""Part of stage 5 (render): a page at every old address of a renamed record, sending the reader on.

load → validate → model/catalog → check → **render** → write → mkdocs build → pagefind

A record that was renamed lists its old ids in ``eerdere_ids`` (`generator.renames`). Links from
other sites, bookmarks and search engines still use the old address, so the render stage writes a
small page there: the theme (``overrides/main.html``) turns its ``verhuisd_naar`` into an immediate
redirect and a canonical link, and the page itself says in words where the record went, for
browsers that do not follow the redirect. The page stays out of search engines, the sitemap and
the site's own search. This needs no MkDocs plugin: the old page is an ordinary generated page.

A gemeente that other gemeenten merged into (``eerdere_ids`` on the gemeente) gets the same at the
old gemeente's addresses: its page and each of its Wie-bel-ik answers, which professionals bookmark.
So does a renamed vorm van geweld, at each of its Wie-bel-ik addresses.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jinja2 import Environment

from generator.catalog import Catalog
from generator.kinds import KINDS
from generator.relations import Relations
from generator.render.context import record_path, render_page
from generator.wiebelik import URGENTIES


def record_title(rec: Any) -> str:
    """What a record is called on its page: naam, term or titel."""
    return str(getattr(rec, "naam", None) or getattr(rec, "term", None) or getattr(rec, "korte_titel", None) or rec.titel)


def redirect_pages(env: Environment, catalog: Catalog, rel: Relations) -> Iterator[tuple[str, str]]:
    """(path, Markdown) of one page per old id of a record that has a page of its own."""
    for folder, kind in KINDS.items():
        if not kind.url or folder == "gebieden":
            continue  # beslissingen and beroepsgroepen have no page; a regio's page is a part of the gemeenten page
        for rec in catalog.of(folder).values():
            target = record_path(folder, rec.id)
            for old in rec.eerdere_ids:
                if old in catalog.of(folder):
                    continue  # check reports the clash; the current record keeps its page
                naar = f"de pagina van deze {kind.singular}"
                yield _moved(env, catalog, rel, f"{kind.url}/{old}.md", target, record_title(rec), naar)


def _moved(env: Environment, catalog: Catalog, rel: Relations, old: str, target: str, title: str, naar: str) -> tuple[str, str]:
    address = target.removesuffix("index.md") if target.endswith("/index.md") else target.removesuffix(".md") + "/"
    meta: dict[str, Any] = {"title": title, "paginasoort": "verhuisd", "verhuisd_naar": address}
    meta["hide"] = ["navigation", "toc"]
    return render_page(env, catalog, rel, old, "verhuisd.md.j2", meta, title=title, naar=naar, target=target)


def gemeente_redirects(env: Environment, catalog: Catalog, rel: Relations) -> Iterator[tuple[str, str]]:
    """(path, Markdown) of a page at each old address of a gemeente that others merged into."""
    vormen = catalog.vormen()
    for gid, info in sorted(catalog.gemeenten.items()):
        for old in info.gemeente.eerdere_ids:
            if old in catalog.gemeenten:
                continue  # check reports the clash; the current gemeente keeps its pages
            naam = info.gemeente.naam
            yield _moved(env, catalog, rel, f"gemeenten/{old}.md", f"gemeenten/{gid}.md", naam, f"de pagina van {naam}")
            for vorm in vormen:
                for urgentie in URGENTIES:
                    at = f"wie-bel-ik/{vorm.id}/{urgentie}/"
                    title = f"Wie bel ik bij {vorm.naam.lower()} in {naam}?"
                    yield _moved(env, catalog, rel, f"{at}{old}.md", f"{at}{gid}.md", title, f"het antwoord voor {naam}")


def vorm_redirects(env: Environment, catalog: Catalog, rel: Relations) -> Iterator[tuple[str, str]]:
    """(path, Markdown) of a page at each Wie-bel-ik address of a renamed vorm van geweld."""
    expertise = catalog.of("expertise")
    for vorm in catalog.vormen():
        for old in vorm.eerdere_ids:
            if old in expertise:
                continue  # check reports the clash
            title = f"Wie bel ik bij {vorm.naam.lower()}?"
            here, there = f"wie-bel-ik/{old}/", f"wie-bel-ik/{vorm.id}/"
            yield _moved(env, catalog, rel, f"{here}index.md", f"{there}index.md", title, "de nieuwe pagina")
            for urgentie in URGENTIES:
                at = f"{urgentie}/"
                yield _moved(env, catalog, rel, f"{here}{at}index.md", f"{there}{at}index.md", title, "de nieuwe pagina")
                for gid, info in sorted(catalog.gemeenten.items()):
                    naam = info.gemeente.naam
                    page, answer = f"{at}{gid}.md", f"Wie bel ik bij {vorm.naam.lower()} in {naam}?"
                    yield _moved(env, catalog, rel, f"{here}{page}", f"{there}{page}", answer, f"het antwoord voor {naam}")
