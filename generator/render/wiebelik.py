"""Part of stage 5 (render): the "Wie bel ik?" guide — situatie → urgentie → gemeente → answer.

Three clicks on plain links, no JavaScript: a page per vorm van geweld (choose urgentie), a page per
vorm × urgentie (choose gemeente) and a result page per vorm × urgentie × gemeente, laid out to print
on one A4 page. The answers come from `generator.wiebelik`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jinja2 import Environment

from generator.catalog import Catalog
from generator.labels import ACTIE_LABELS, URGENTIE_LABELS
from generator.relations import Relations
from generator.render.context import render_page
from generator.render.snippets import answer_description
from generator.wiebelik import URGENTIES, answer, measures

# What the asker does, when the route stap says nothing itself.
ACT_DEFAULTS = {
    "bellen": "Bel bij direct gevaar.",
    "advies-vragen": "Je vraagt advies.",
    "melden": "Je doet een melding.",
    "contact": "Je neemt contact op.",
    "beslissing": "Je neemt contact op.",
}

URGENTIE_UITLEG = {
    "acuut": "Er is nu gevaar, of er is net iets ernstigs gebeurd.",
    "zorgen": "Je maakt je zorgen of hebt een vermoeden, maar er is geen direct gevaar.",
    "advies": "Je wilt overleggen of weten wat je kunt doen.",
}


def guide_pages(env: Environment, catalog: Catalog, rel: Relations) -> Iterator[tuple[str, str]]:
    """Yield the start page, the urgentie and gemeente choices, and every result page."""
    regios = list(catalog.of("gebieden").values())
    options = catalog.vormen()
    maatregelen = measures(catalog)
    rollen = sorted(catalog.of("beroepsgroepen").values(), key=lambda r: (r.volgorde, r.naam.lower()))

    def page(path: str, template: str, title: str, description: str, **variables: Any) -> tuple[str, str]:
        meta = {"title": title, "description": description, "paginasoort": "wie-bel-ik"}
        return render_page(env, catalog, rel, path, template, meta, **variables)

    yield page(
        "wie-bel-ik/index.md",
        "wiebelik-situatie.md.j2",
        "Wie bel ik?",
        "Kies de situatie, de urgentie en de gemeente.",
        vormen=options,
        rollen=rollen,
    )
    for vorm in options:
        yield page(
            f"wie-bel-ik/{vorm.id}/index.md",
            "wiebelik-urgentie.md.j2",
            f"Wie bel ik bij {vorm.naam.lower()}?",
            "Kies de urgentie.",
            vorm=vorm,
            urgenties=[(u, URGENTIE_LABELS[u], URGENTIE_UITLEG[u]) for u in URGENTIES],
        )
        for urgentie in URGENTIES:
            label = URGENTIE_LABELS[urgentie]
            yield page(
                f"wie-bel-ik/{vorm.id}/{urgentie}/index.md",
                "wiebelik-gemeente.md.j2",
                f"{vorm.naam}: {label.lower()}",
                "Kies de gemeente.",
                vorm=vorm,
                urgentie=urgentie,
                label=label,
                regios=regios,
            )
            for gemeente, info in catalog.gemeenten.items():
                a = answer(catalog, rel, vorm.id, urgentie, gemeente)
                yield page(
                    f"wie-bel-ik/{vorm.id}/{urgentie}/{gemeente}.md",
                    "wiebelik-antwoord.md.j2",
                    f"Wie bel ik bij {vorm.naam.lower()} in {info.gemeente.naam}?",
                    answer_description(vorm.naam, label, info.gemeente.naam, [e.record for e in a.call]),
                    a=a,
                    info=info,
                    label=label,
                    actie=lambda a: ACTIE_LABELS.get(a, a),
                    hoofdletter=lambda t: t[:1].upper() + t[1:],
                    maatregelen=maatregelen,
                    standaard=ACT_DEFAULTS,
                )
