"""Part of stage 5 (render): the "Wie bel ik?" guide — situatie → urgentie → gemeente → answer.

Three clicks on plain links, no JavaScript: a page per vorm van geweld (choose urgentie), a page per
vorm × urgentie (choose gemeente) and a result page per vorm × urgentie × gemeente, laid out to print
on one A4 page. The answers come from `generator.wiebelik`.
"""

from __future__ import annotations

from collections.abc import Iterator

from jinja2 import Environment

from generator.catalog import Catalog
from generator.labels import ACTIE_LABELS, URGENTIE_LABELS
from generator.model import Expertise
from generator.relations import Relations
from generator.render.context import PageContext, front_matter
from generator.wiebelik import URGENTIES, answer

URGENTIE_UITLEG = {
    "acuut": "Er is nu gevaar, of er is net iets ernstigs gebeurd.",
    "zorgen": "Je maakt je zorgen of hebt een vermoeden, maar er is geen direct gevaar.",
    "advies": "Je wilt overleggen of weten wat je kunt doen.",
}


def vormen(catalog: Catalog) -> list[Expertise]:
    """The vormen van geweld the guide offers, by name."""
    return sorted((e for e in catalog.of("expertise").values() if e.soort == "vorm-van-geweld"), key=lambda e: e.naam.lower())


def guide_pages(env: Environment, catalog: Catalog, rel: Relations) -> Iterator[tuple[str, str]]:
    """Yield the start page, the urgentie and gemeente choices, and every result page."""
    regios = list(catalog.of("gebieden").values())
    options = vormen(catalog)
    path = "wie-bel-ik/index.md"
    ctx = PageContext(catalog, rel, path)
    meta = {"title": "Wie bel ik?", "description": "Kies de situatie, de urgentie en de gemeente.", "paginasoort": "wie-bel-ik"}
    yield (
        path,
        env.get_template("wiebelik-situatie.md.j2").render(vormen=options, front_matter=front_matter(meta), **ctx.helpers()),
    )
    for vorm in options:
        path = f"wie-bel-ik/{vorm.id}/index.md"
        ctx = PageContext(catalog, rel, path)
        meta = {"title": f"Wie bel ik bij {vorm.naam.lower()}?", "description": "Kies de urgentie.", "paginasoort": "wie-bel-ik"}
        yield (
            path,
            env.get_template("wiebelik-urgentie.md.j2").render(
                vorm=vorm,
                urgenties=[(u, URGENTIE_LABELS[u], URGENTIE_UITLEG[u]) for u in URGENTIES],
                front_matter=front_matter(meta),
                **ctx.helpers(),
            ),
        )
        for urgentie in URGENTIES:
            path = f"wie-bel-ik/{vorm.id}/{urgentie}/index.md"
            ctx = PageContext(catalog, rel, path)
            meta = {
                "title": f"{vorm.naam}: {URGENTIE_LABELS[urgentie].lower()}",
                "description": "Kies de gemeente.",
                "paginasoort": "wie-bel-ik",
            }
            yield (
                path,
                env.get_template("wiebelik-gemeente.md.j2").render(
                    vorm=vorm,
                    urgentie=urgentie,
                    label=URGENTIE_LABELS[urgentie],
                    regios=regios,
                    front_matter=front_matter(meta),
                    **ctx.helpers(),
                ),
            )
            for gemeente, info in catalog.gemeenten.items():
                path = f"wie-bel-ik/{vorm.id}/{urgentie}/{gemeente}.md"
                ctx = PageContext(catalog, rel, path)
                result = answer(catalog, rel, vorm.id, urgentie, gemeente)
                meta = {
                    "title": f"Wie bel ik bij {vorm.naam.lower()} in {info.gemeente.naam}?",
                    "description": f"{URGENTIE_LABELS[urgentie]}: wie bel je, in welke volgorde.",
                    "paginasoort": "wie-bel-ik",
                }
                yield (
                    path,
                    env.get_template("wiebelik-antwoord.md.j2").render(
                        a=result,
                        info=info,
                        label=URGENTIE_LABELS[urgentie],
                        actie=lambda a: ACTIE_LABELS.get(a, a),
                        front_matter=front_matter(meta),
                        **ctx.helpers(),
                    ),
                )
