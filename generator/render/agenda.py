"""Part of stage 5 (render): the uitvoeringsagenda as an overview, filterable with and without JavaScript.

Without JavaScript the agenda is readable as grouped sections: on the main page by programmalijn and
thema, and on one page per niveau and per subregio. With JavaScript a small filter form (gia.js)
hides the activities that do not match. Counts per programmalijn and status are drawn as an inline
SVG bar chart, with the same numbers in a table for screen readers and print.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from jinja2 import Environment

from generator.catalog import Catalog
from generator.model import Uitvoeringsagenda
from generator.relations import Relations
from generator.render.context import PageContext, front_matter
from generator.render.environment import attr

STATUSES = ("afgerond", "lopend", "doorlopend", "gepland", "niet-vermeld")
STATUS_LABELS = {
    "afgerond": "Afgerond",
    "lopend": "Lopend",
    "doorlopend": "Doorlopend",
    "gepland": "Gepland",
    "niet-vermeld": "Niet vermeld",
}
STATUS_COLOURS = {
    "afgerond": "#1b6e3a",
    "lopend": "#1a4f8b",
    "doorlopend": "#5b3f8f",
    "gepland": "#8a5a00",
    "niet-vermeld": "#6b6b6b",
}
NIVEAUS = ("lokaal", "subregionaal", "regionaal", "bovenregionaal")


def status_chart(agenda: Uitvoeringsagenda, counts: dict[str, Counter[str]]) -> str:
    """Horizontal stacked bars: one bar per programmalijn, one segment per status."""
    bar_h, gap, label_w, width = 26, 14, 230, 640
    total_max = max((sum(c.values()) for c in counts.values()), default=1) or 1
    scale = (width - label_w - 50) / total_max
    height = len(agenda.programmalijnen) * (bar_h + gap) + 40
    parts = [
        f'<svg class="gia-grafiek" role="img" aria-labelledby="agenda-grafiek-titel agenda-grafiek-desc" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        '<title id="agenda-grafiek-titel">Activiteiten per programmalijn en status</title>',
        '<desc id="agenda-grafiek-desc">'
        + attr("; ".join(f"{p.naam}: {sum(counts[p.id].values())} activiteiten" for p in agenda.programmalijnen))
        + ". De aantallen per status staan in de tabel onder de grafiek.</desc>",
    ]
    for i, lijn in enumerate(agenda.programmalijnen):
        y = 10 + i * (bar_h + gap)
        parts.append(f'<text x="0" y="{y + bar_h * 0.68:.0f}" font-size="13" fill="#1d1d1d">{attr(lijn.naam[:34])}</text>')
        x = float(label_w)
        for status in STATUSES:
            n = counts[lijn.id][status]
            if n:
                w = n * scale
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{STATUS_COLOURS[status]}">'
                    f"<title>{STATUS_LABELS[status]}: {n}</title></rect>"
                )
                x += w
        parts.append(
            f'<text x="{x + 6:.1f}" y="{y + bar_h * 0.68:.0f}" font-size="13" fill="#1d1d1d">{sum(counts[lijn.id].values())}</text>'
        )
    legend_y = height - 14
    for j, status in enumerate(STATUSES):
        lx = j * 125
        parts.append(
            f'<rect x="{lx}" y="{legend_y - 10}" width="12" height="12" fill="{STATUS_COLOURS[status]}"/>'
            f'<text x="{lx + 16}" y="{legend_y}" font-size="12" fill="#1d1d1d">{STATUS_LABELS[status]}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def agenda_pages(env: Environment, catalog: Catalog, rel: Relations) -> Iterator[tuple[str, str]]:
    """Yield the agenda overview plus one page per niveau and per subregio (for use without JavaScript)."""
    agendas = list(catalog.of("uitvoeringsagenda").values())
    if not agendas:
        return
    agenda = agendas[0]  # one agenda per portal today; more would each get their own folder
    counts: dict[str, Counter[str]] = {p.id: Counter() for p in agenda.programmalijnen}
    for act in agenda.activiteiten:
        counts.setdefault(act.programmalijn, Counter())[act.status] += 1
    lijnen = {p.id: p for p in agenda.programmalijnen}
    subregios = sorted({s for a in agenda.activiteiten for s in a.subregios})
    niveaus = [n for n in NIVEAUS if any(n in a.niveau for a in agenda.activiteiten)]
    common: dict[str, Any] = {"agenda": agenda, "lijnen": lijnen, "status_labels": STATUS_LABELS}
    path = "uitvoeringsagenda/index.md"
    ctx = PageContext(catalog, rel, path)
    meta = {
        "title": agenda.titel,
        "description": agenda.beschrijving or agenda.titel,
        "bron": agenda.bestand,
        "paginasoort": "uitvoeringsagenda",
        "pagefind": {"filters": {"soort": ["uitvoeringsagenda"]}, "meta": {"soort": "Uitvoeringsagenda"}},
    }
    groups = [(p, _by_thema([a for a in agenda.activiteiten if a.programmalijn == p.id])) for p in agenda.programmalijnen]
    yield (
        path,
        env.get_template("agenda.md.j2").render(
            groups=groups,
            counts=counts,
            statuses=STATUSES,
            chart=status_chart(agenda, counts),
            niveaus=niveaus,
            subregios=[(s, catalog.area_name(s)) for s in subregios],
            front_matter=front_matter(meta),
            **common,
            **ctx.helpers(),
        ),
    )
    selections = [(f"niveau-{n}", f"Niveau: {n}", [a for a in agenda.activiteiten if n in a.niveau]) for n in niveaus]
    selections += [
        (f"subregio-{s}", f"Subregio: {catalog.area_name(s)}", [a for a in agenda.activiteiten if s in a.subregios])
        for s in subregios
    ]
    for slug, title, items in selections:
        path = f"uitvoeringsagenda/{slug}.md"
        ctx = PageContext(catalog, rel, path)
        meta = {"title": f"{title} — {agenda.titel}", "description": title, "paginasoort": "overzicht"}
        groups = [(p, _by_thema([a for a in items if a.programmalijn == p.id])) for p in agenda.programmalijnen]
        yield (
            path,
            env.get_template("agenda-selectie.md.j2").render(
                title=title, groups=groups, front_matter=front_matter(meta), **common, **ctx.helpers()
            ),
        )


def _by_thema(items: list[Any]) -> list[tuple[str, list[Any]]]:
    themas: dict[str, list[Any]] = {}
    for act in items:
        themas.setdefault(act.thema, []).append(act)
    return list(themas.items())
