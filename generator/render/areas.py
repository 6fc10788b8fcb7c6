"""Part of stage 5 (render): a page per gemeente and the overview of regio's and subregio's.

Which organisaties, routeertafels and voorzieningen serve a gemeente is computed from every
record's werkgebied (`generator.relations`), never typed by hand.
"""

from __future__ import annotations

from collections.abc import Iterator

from jinja2 import Environment

from generator.catalog import Catalog
from generator.kinds import LANDELIJK
from generator.relations import Relations
from generator.render.context import PageContext, front_matter
from generator.render.records import name_keys


def area_pages(env: Environment, catalog: Catalog, rel: Relations) -> Iterator[tuple[str, str]]:
    """Yield the gemeenten overview and one page per gemeente."""
    template = env.get_template("gemeente.md.j2")
    vormen = catalog.vormen()
    for gid, info in catalog.gemeenten.items():
        path = f"gemeenten/{gid}.md"
        ctx = PageContext(catalog, rel, path)
        serving = rel.serving.get(gid, {})
        groups = []
        for title, kind in (
            ("Organisaties", "organisaties"),
            ("Routeertafels", "routeertafels"),
            ("Voorzieningen", "voorzieningen"),
        ):
            items = sorted(serving.get(kind, []), key=lambda r: r.naam.lower())
            groups.append(
                (title, [x for x in items if LANDELIJK not in x.werkgebied], [x for x in items if LANDELIJK in x.werkgebied])
            )
        centrum_id = info.gemeente.centrumgemeente or info.subregio.centrumgemeente
        centrum = (
            ctx.link(centrum_id)
            if centrum_id
            else (
                ", ".join(ctx.link(c) for c in info.regio.centrumgemeenten) + " (voor de hele regio)"
                if info.regio.centrumgemeenten
                else "nog niet geverifieerd"
            )
        )
        meta = {
            "title": f"Gemeente {info.gemeente.naam}",
            "description": f"Wie werkt er in {info.gemeente.naam} aan de aanpak van huiselijk geweld en kindermishandeling?",
            "bron": info.regio.bestand,
            "paginasoort": "gemeente",
            "pagefind": {
                "filters": {"soort": ["gemeente"], "gemeente": [info.gemeente.naam], "regio": [info.regio.naam]},
                "meta": {"soort": f"Gemeente in {info.regio.naam}"},
                "zoektermen": [info.gemeente.naam, *info.gemeente.ook_bekend_als],
                "sleutels": name_keys(info.gemeente.naam, *info.gemeente.ook_bekend_als),
            },
        }
        yield (
            path,
            template.render(
                g=info, groups=groups, centrum=centrum, vormen=vormen, front_matter=front_matter(meta), **ctx.helpers()
            ),
        )
    path = "gemeenten/index.md"
    ctx = PageContext(catalog, rel, path)
    meta = {"title": "Gemeenten", "description": "Alle gemeenten per regio en subregio.", "paginasoort": "overzicht"}
    yield (
        path,
        env.get_template("gemeenten.md.j2").render(
            regios=list(catalog.of("gebieden").values()), front_matter=front_matter(meta), **ctx.helpers()
        ),
    )
