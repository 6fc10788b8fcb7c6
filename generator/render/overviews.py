"""Part of stage 5 (render): an overview page per kind and the home page.

Overviews group records by regio (then by name), so the navigation never lists every record —
that keeps the MkDocs build linear in the number of pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jinja2 import Environment

from generator.catalog import Catalog
from generator.kinds import LANDELIJK
from generator.load import ContentPage
from generator.relations import Relations
from generator.render.context import PageContext, front_matter

INTROS = {
    "organisaties": "Alle partnerorganisaties in de aanpak van geweld in afhankelijkheidsrelaties, per regio.",
    "routeertafels": "Overleggen en routeringstafels waar casussen worden besproken, gewogen of doorgezet.",
    "voorzieningen": "Opvang en specialistische voorzieningen. Adressen van opvang zijn geheim en staan nergens op deze site.",
}
TITLES = {"organisaties": "Organisaties", "routeertafels": "Routeertafels", "voorzieningen": "Voorzieningen"}


def by_region(items: list[Any], catalog: Catalog, rel: Relations) -> list[tuple[str, list[Any]]]:
    """Group records under each regio they serve, then 'Landelijk'; sorted by name."""
    groups: list[tuple[str, list[Any]]] = []
    ordered = sorted(items, key=lambda r: r.naam.lower())
    for regio in catalog.of("gebieden").values():
        groups.append((regio.naam, [r for r in ordered if regio.id in rel.regions_of.get(r.id, ())]))
    groups.append(("Landelijk", [r for r in ordered if LANDELIJK in r.werkgebied]))
    return groups


def overview_pages(env: Environment, catalog: Catalog, rel: Relations) -> Iterator[tuple[str, str]]:
    """Yield the overview page of each kind."""
    template = env.get_template("overzicht.md.j2")
    for kind, title in TITLES.items():
        path = f"{kind}/index.md"
        ctx = PageContext(catalog, rel, path)
        meta = {"title": title, "description": INTROS[kind], "paginasoort": "overzicht"}
        yield (
            path,
            template.render(
                title=title,
                intro=INTROS[kind],
                groups=by_region(list(catalog.of(kind).values()), catalog, rel),
                phones=kind != "routeertafels",
                front_matter=front_matter(meta),
                **ctx.helpers(),
            ),
        )
    path = "expertise/index.md"
    ctx = PageContext(catalog, rel, path)
    items = sorted(catalog.of("expertise").values(), key=lambda e: e.naam.lower())
    groups = [
        (label, [e for e in items if e.soort == soort])
        for soort, label in (("vorm-van-geweld", "Vormen van geweld"), ("doelgroep", "Doelgroepen"), ("thema", "Thema's"))
    ]
    meta = {
        "title": "Vormen van geweld en thema's",
        "description": "Wat is het, waar let je op en wie bel je?",
        "paginasoort": "overzicht",
    }
    yield (
        path,
        env.get_template("expertise-overzicht.md.j2").render(groups=groups, front_matter=front_matter(meta), **ctx.helpers()),
    )


def latest_visions(catalog: Catalog, content: list[ContentPage]) -> list[tuple[str, str, str]]:
    """(regio name, title, docs path) of the newest regiovisie per regio; its own page when one exists."""
    page_of = {p.meta["bron"]: p.path for p in content if isinstance(p.meta.get("bron"), str)}
    newest: dict[str, Any] = {}
    for doc in catalog.of("documenten").values():
        is_vision = doc.soort == "regiovisie" and doc.regio in catalog.of("gebieden")
        if is_vision and (doc.regio not in newest or (doc.periode or "") > (newest[doc.regio].periode or "")):
            newest[doc.regio] = doc
    return [
        (catalog.of("gebieden")[r].naam, d.korte_titel or d.titel, page_of.get(d.id, f"bronnen/{d.id}.md"))
        for r, d in sorted(newest.items())
    ]


def home_page(env: Environment, catalog: Catalog, rel: Relations, content: list[ContentPage]) -> tuple[str, str]:
    """The home page: search, crisis numbers, 'wie bel ik' by vorm van geweld, entry points per user group."""
    path = "index.md"
    ctx = PageContext(catalog, rel, path)
    vormen = catalog.vormen()
    meta = {
        "title": "GIA Wegwijzer",
        "description": "Sociale kaart en kennisbank voor de aanpak van geweld in "
        "afhankelijkheidsrelaties in Zuid-Limburg en Hollands Midden.",
        "paginasoort": "home",
        "hide": ["navigation", "toc"],
    }
    counts = {k: len(catalog.of(k)) for k in ("organisaties", "routeertafels", "voorzieningen", "expertise", "begrippen")}
    return path, env.get_template("home.md.j2").render(
        vormen=vormen,
        counts=counts,
        regios=list(catalog.of("gebieden").values()),
        visies=latest_visions(catalog, content),
        front_matter=front_matter(meta),
        **ctx.helpers(),
    )
