"""Part of stage 5 (render): the uitvoeringsagenda, browsed by programmalijn, thema and status in pages of readable length.

The overview page holds the numbers (a bar chart per programmalijn and status, with the same numbers
in a table) and the way in: per programmalijn its themes, each a page with its activities. A thema
with many activities is split over pages of at most `PAGE_SIZE`, so no page becomes a scroll of
metres on a phone. Pages per status, niveau and subregio list the matching activities in one line
each, linked to their place on the thema page. With JavaScript a small filter form (gia.js) on a
thema page hides what does not match; without it everything stays readable.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment

from generator.catalog import Catalog
from generator.model import Activiteit, Programmalijn, Uitvoeringsagenda
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
PAGE_SIZE = 25  # activities per thema page: about 10,000 px on a 360 px phone
FOLDER = "uitvoeringsagenda"


@dataclass(frozen=True, slots=True)
class ThemaPage:
    """One page of a thema: its path, programmalijn, thema name, part (1-based) of how many, activities."""

    path: str
    lijn: Programmalijn
    thema: str
    part: int
    parts: int
    items: tuple[Activiteit, ...]


def slug(text: str, limit: int = 60) -> str:
    """A readable URL part: lower case ASCII words joined by hyphens, cut after a whole word."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        if out and len(out) + 1 + len(word) > limit:
            break
        out = f"{out}-{word}" if out else word
    return out or "thema"


def thema_pages(agenda: Uitvoeringsagenda) -> list[ThemaPage]:
    """Every thema page, in the agenda's order (programmalijn, then first appearance of the thema)."""
    pages: list[ThemaPage] = []
    for lijn in agenda.programmalijnen:
        themas: dict[str, list[Activiteit]] = {}
        for act in agenda.activiteiten:
            if act.programmalijn == lijn.id:
                themas.setdefault(act.thema, []).append(act)
        used: set[str] = set()
        for thema, items in themas.items():
            base = slug(thema)
            name = base
            for n in range(2, len(themas) + 2):
                if name not in used:
                    break
                name = f"{base}-{n}"
            used.add(name)
            chunks = [items[i : i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)]
            for part, chunk in enumerate(chunks, 1):
                suffix = "" if part == 1 else f"-deel-{part}"
                path = f"{FOLDER}/{lijn.id}/{name}{suffix}.md"
                pages.append(ThemaPage(path, lijn, thema, part, len(chunks), tuple(chunk)))
    return pages


def activity_paths(catalog: Catalog) -> dict[str, str]:
    """Activity id -> docs path of the thema page it is on (for links from record pages)."""
    return {
        a.id: page.path for agenda in catalog.of("uitvoeringsagenda").values() for page in thema_pages(agenda) for a in page.items
    }


def activities(n: int) -> str:
    """'1 activiteit', '2 activiteiten'."""
    return f"{n} activiteit" if n == 1 else f"{n} activiteiten"


def first_sentence(text: str) -> str:
    """The first sentence of an activity (whole: never cut inside a sentence)."""
    flat = " ".join(text.split())
    match = re.search(r"(?<=[a-z)])[.!?](?= [A-Z])", flat[20:])
    return flat[: 20 + match.end()] if match else flat


def status_chart(agenda: Uitvoeringsagenda, counts: dict[str, Counter[str]]) -> str:
    """Stacked bars per programmalijn as HTML rows (names wrap like any text); each bar a small SVG."""
    longest = max((sum(c.values()) for c in counts.values()), default=1) or 1
    desc = "; ".join(
        f"{p.naam}: {activities(sum(counts[p.id].values()))}, waarvan "
        + ", ".join(f"{counts[p.id][s]} {STATUS_LABELS[s].lower()}" for s in STATUSES if counts[p.id][s])
        for p in agenda.programmalijnen
    )
    rows = []
    for lijn in agenda.programmalijnen:
        x, rects = 0, []
        for status in STATUSES:
            n = counts[lijn.id][status]
            if n:
                rects.append(f'<rect x="{x}" y="0" width="{n}" height="10" fill="{STATUS_COLOURS[status]}"/>')
                x += n
        rows.append(
            f'<div class="gia-grafiek__rij"><span class="gia-grafiek__naam">{attr(lijn.naam)}</span>'
            f'<span class="gia-grafiek__balk"><svg viewBox="0 0 {longest} 10" preserveAspectRatio="none" '
            f'focusable="false">{"".join(rects)}</svg></span>'
            f'<span class="gia-grafiek__totaal">{sum(counts[lijn.id].values())}</span></div>'
        )
    legend = "".join(
        f'<li><svg viewBox="0 0 10 10" focusable="false"><rect width="10" height="10" fill="{STATUS_COLOURS[s]}"/></svg>'
        f"{STATUS_LABELS[s]}</li>"
        for s in STATUSES
    )
    return (
        '<figure class="gia-grafiek"><figcaption id="agenda-grafiek-titel">Activiteiten per programmalijn en status</figcaption>'
        '<div class="gia-grafiek__vlak" role="img" aria-labelledby="agenda-grafiek-titel agenda-grafiek-desc">'
        + "".join(rows)
        + f'<ul class="gia-grafiek__legenda">{legend}</ul></div>'
        + f'<p id="agenda-grafiek-desc" hidden>{attr(desc)}. Dezelfde aantallen staan in de tabel hieronder.</p></figure>'
    )


def agenda_pages(env: Environment, catalog: Catalog, rel: Relations) -> Iterator[tuple[str, str]]:
    """Yield the agenda overview, its thema pages and one page per status, niveau and subregio."""
    agendas = list(catalog.of("uitvoeringsagenda").values())
    if not agendas:
        return
    agenda = agendas[0]  # one agenda per portal today; more would each get their own folder
    counts: dict[str, Counter[str]] = {p.id: Counter() for p in agenda.programmalijnen}
    for act in agenda.activiteiten:
        counts.setdefault(act.programmalijn, Counter())[act.status] += 1
    pages = thema_pages(agenda)
    page_of = {a.id: p.path for p in pages for a in p.items}
    subregios = sorted({s for a in agenda.activiteiten for s in a.subregios})
    niveaus = [n for n in NIVEAUS if any(n in a.niveau for a in agenda.activiteiten)]
    statuses = [s for s in STATUSES if any(a.status == s for a in agenda.activiteiten)]
    selections = [
        (f"status-{s}", f"Status: {STATUS_LABELS[s].lower()}", [a for a in agenda.activiteiten if a.status == s])
        for s in statuses
    ]
    selections += [(f"niveau-{n}", f"Niveau: {n}", [a for a in agenda.activiteiten if n in a.niveau]) for n in niveaus]
    selections += [
        (f"subregio-{s}", f"Subregio: {catalog.area_name(s)}", [a for a in agenda.activiteiten if s in a.subregios])
        for s in subregios
    ]
    common: dict[str, Any] = {"agenda": agenda, "status_labels": STATUS_LABELS}
    path = f"{FOLDER}/index.md"
    ctx = PageContext(catalog, rel, path)
    meta = {
        "title": agenda.titel,
        "description": agenda.beschrijving or agenda.titel,
        "bron": agenda.bestand,
        "paginasoort": "uitvoeringsagenda",
        "pagefind": {"filters": {"soort": ["uitvoeringsagenda"]}, "meta": {"soort": "Uitvoeringsagenda"}},
    }
    yield (
        path,
        env.get_template("agenda.md.j2").render(
            counts=counts,
            statuses=STATUSES,
            chart=status_chart(agenda, counts),
            lijnen=[(lijn, [p for p in pages if p.lijn.id == lijn.id]) for lijn in agenda.programmalijnen],
            selections=[(f"{FOLDER}/{slug_}.md", title, len(items)) for slug_, title, items in selections],
            front_matter=front_matter(meta),
            **common,
            **ctx.helpers(),
        ),
    )
    for i, page in enumerate(pages):
        ctx = PageContext(catalog, rel, page.path)
        title = page.thema + (f" (deel {page.part} van {page.parts})" if page.parts > 1 else "")
        meta = {
            "title": title,
            "description": f"{activities(len(page.items))} uit de {agenda.titel}, programmalijn {page.lijn.naam}.",
            "paginasoort": "uitvoeringsagenda",
            "pagefind": {"filters": {"soort": ["uitvoeringsagenda"]}, "meta": {"soort": "Uitvoeringsagenda"}},
        }
        yield (
            page.path,
            env.get_template("agenda-thema.md.j2").render(
                page=page,
                title=title,
                previous=pages[i - 1] if i else None,
                next=pages[i + 1] if i + 1 < len(pages) else None,
                niveaus=[n for n in niveaus if any(n in a.niveau for a in page.items)],
                subregios=[(s, catalog.area_name(s)) for s in subregios if any(s in a.subregios for a in page.items)],
                statuses=[s for s in STATUSES if any(a.status == s for a in page.items)],
                front_matter=front_matter(meta),
                **common,
                **ctx.helpers(),
            ),
        )
    for slug_, title, items in selections:
        path = f"{FOLDER}/{slug_}.md"
        ctx = PageContext(catalog, rel, path)
        meta = {"title": f"{title} — {agenda.titel}", "description": title, "paginasoort": "overzicht"}
        groups = []
        for lijn in agenda.programmalijnen:
            themas: dict[str, list[tuple[Activiteit, str]]] = {}
            for act in items:
                if act.programmalijn == lijn.id:
                    themas.setdefault(act.thema, []).append((act, page_of[act.id]))
            if themas:
                groups.append((lijn, list(themas.items())))
        yield (
            path,
            env.get_template("agenda-selectie.md.j2").render(
                title=title,
                count=len(items),
                groups=groups,
                first_sentence=first_sentence,
                front_matter=front_matter(meta),
                **common,
                **ctx.helpers(),
            ),
        )
