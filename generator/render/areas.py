"""Part of stage 5 (render): a page per gemeente (the hub for who works there) and the overview of regio's.

Which organisaties, routeertafels and voorzieningen serve a gemeente is computed from every
record's werkgebied (`generator.relations`), never typed by hand; `generator.render.hub` groups
them by what the reader does with them.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from jinja2 import Environment

from generator.catalog import Catalog
from generator.labels import STATUS_WORDS
from generator.relations import Relations
from generator.render.agenda import STATUS_LABELS
from generator.render.context import PageContext, front_matter
from generator.render.environment import md_inline
from generator.render.hub import build_hub, opsomming
from generator.render.records import name_keys

# Sections of the gemeente page that the onboarding steps point to (ids in gemeente.md.j2).
HUB_SECTIONS = ("nieuw", "jouw-team", "centrumgemeente", "overleggen")


def begrip_link(ctx: PageContext, begrip_id: str, text: str) -> str:
    """A link with our own words to a begrip's page; just the words when the kaart has no such begrip."""
    if begrip_id not in ctx.catalog.of("begrippen"):
        return md_inline(text)
    return f"[{md_inline(text)}]({ctx.url(f'begrippen/{begrip_id}.md')})"


def hub_title(naam: str) -> str:
    """Title of a gemeente's hub page; the gemeente's own organisation page keeps the name 'Gemeente …'."""
    return f"Werken in {naam}"


def area_pages(
    env: Environment, catalog: Catalog, rel: Relations, content: frozenset[str] = frozenset()
) -> Iterator[tuple[str, str]]:
    """Yield the gemeenten overview and one page per gemeente (``content``: paths of the hand-written pages)."""
    template = env.get_template("gemeente.md.j2")
    vormen = catalog.vormen()
    for gid, info in catalog.gemeenten.items():
        path = f"gemeenten/{gid}.md"
        ctx = PageContext(catalog, rel, path)
        helpers = ctx.helpers()
        hub = build_hub(gid, catalog, rel, helpers["soort_label"])
        naam = info.gemeente.naam
        meta = {
            "title": hub_title(naam),
            "description": f"Voor wie in {naam} werkt: wie je belt, je team, Veilig Thuis, de overleggen, opvang en hulp, "
            "en wat de gemeente zelf doet tegen huiselijk geweld en kindermishandeling.",
            "bron": info.regio.bestand,
            "paginasoort": "gemeente",
            "pagefind": {
                "filters": {"soort": ["gemeente"], "gemeente": [naam], "regio": [info.regio.naam]},
                "meta": {"soort": f"Gemeente in {info.regio.naam}"},
                "zoektermen": [naam, *info.gemeente.ook_bekend_als],
                "sleutels": name_keys(naam, *info.gemeente.ook_bekend_als),
            },
        }
        yield (
            path,
            template.render(
                hub=hub,
                overig_count=sum(len(items) for _, items in hub.overig),
                vormen=vormen,
                status_labels=STATUS_LABELS,
                status_words=STATUS_WORDS,
                opsomming=opsomming,
                has_page=content.__contains__,
                begrip_link=partial(begrip_link, ctx),
                front_matter=front_matter(meta),
                **helpers,
            ),
        )
    path = "gemeenten/index.md"
    ctx = PageContext(catalog, rel, path)
    meta = {
        "title": "Gemeenten",
        "description": "Kies je gemeente: alle gemeenten per regio en subregio.",
        "paginasoort": "overzicht",
    }
    yield (
        path,
        env.get_template("gemeenten.md.j2").render(
            regios=list(catalog.of("gebieden").values()), front_matter=front_matter(meta), **ctx.helpers()
        ),
    )


def gemeentekeuze(catalog: Catalog) -> dict[str, str]:
    """'Kies je gemeente' lists for the hand-written onboarding pages, one per hub section they point to.

    Included with pymdownx.snippets (``--8<-- "kies-je-gemeente/<section>.md"``, relative to .build/includes), so the
    list of gemeenten comes from partners/gebieden and a new region needs no edit of the onboarding.
    The links are relative to a page one folder deep (``onboarding/…``).
    """
    out = {}
    for section in HUB_SECTIONS:
        lines = ['<div class="gia-gemeentekeuze" markdown>', ""]
        for regio in catalog.of("gebieden").values():
            lines += [f"**{md_inline(regio.naam)}**", ""]
            for sub in regio.subregios:
                links = ", ".join(f"[{md_inline(g.naam)}](../gemeenten/{g.id}.md#{section})" for g in sub.gemeenten)
                lines.append(f"- {md_inline(sub.naam)}: {links}")
            lines.append("")
        lines.append("</div>")
        out[f"kies-je-gemeente/{section}.md"] = "\n".join(lines) + "\n"
    return out
