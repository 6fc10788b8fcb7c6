"""Part of stage 5 (render): one page per organisatie, routeertafel, voorziening and expertise.

Each page gets front matter with the Pagefind filters (soort, expertise, gemeente, regio) and the
hidden, weighted search terms (other names, synonyms, abbreviations of linked begrippen), which the
theme override in ``overrides/main.html`` turns into Pagefind attributes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jinja2 import Environment

from generator.catalog import Catalog
from generator.kinds import KINDS, LANDELIJK
from generator.relations import Relations
from generator.render.context import PageContext, front_matter, record_path
from generator.render.labels import SOORT_LABELS

TEMPLATES = {
    "organisaties": "organisatie.md.j2",
    "routeertafels": "routeertafel.md.j2",
    "voorzieningen": "voorziening.md.j2",
    "expertise": "expertise.md.j2",
}


def search_terms(rec: Any, rel: Relations) -> list[str]:
    """Words a page must be found by that its body may not contain (names, synonyms, abbreviations)."""
    terms: list[str] = []
    for name in ("ook_bekend_als", "synoniemen", "zoektermen"):
        terms.extend(getattr(rec, name, ()))
    for begrip in rel.begrippen_for.get(rec.id, []):
        terms.extend((begrip.term, *begrip.afkortingen, *begrip.synoniemen))
    return list(dict.fromkeys(t for t in terms if t))


def filters(rec: Any, kind: str, catalog: Catalog, rel: Relations) -> dict[str, list[str]]:
    """Pagefind filter values for one record page."""
    out: dict[str, list[str]] = {"soort": [KINDS[kind].singular]}
    if getattr(rec, "expertise", ()):
        out["expertise"] = sorted(catalog.of("expertise")[e].naam for e in rec.expertise if e in catalog.of("expertise"))
    if kind == "expertise":
        out["expertise"] = [rec.naam]
    if hasattr(rec, "werkgebied"):
        covered = catalog.gemeenten_in(rec.werkgebied)
        if LANDELIJK not in rec.werkgebied:
            out["gemeente"] = sorted(catalog.gemeenten[g].gemeente.naam for g in covered)
        out["regio"] = sorted(
            "Landelijk" if r == LANDELIJK else catalog.of("gebieden")[r].naam for r in rel.regions_of.get(rec.id, ())
        )
    return out


def meta_phone(rec: Any) -> str | None:
    """The first verified phone number, shown in search results."""
    contact = getattr(rec, "contact", None)
    if contact and contact.telefoon:
        return str(contact.telefoon[0].weergave)
    return None


def record_meta(rec: Any, kind: str, catalog: Catalog, rel: Relations, description: str) -> dict[str, Any]:
    """Front matter of a record page."""
    soort = getattr(rec, "soort", None)
    meta: dict[str, Any] = {
        "title": rec.naam,
        "description": " ".join(description.split())[:200],
        "bron": rec.bestand,
        "paginasoort": KINDS[kind].singular,
        "pagefind": {
            "filters": filters(rec, kind, catalog, rel),
            "meta": {"soort": SOORT_LABELS.get(soort, soort) if soort else KINDS[kind].singular},
            "zoektermen": search_terms(rec, rel),
        },
    }
    phone = meta_phone(rec)
    if phone:
        meta["pagefind"]["meta"]["telefoon"] = phone
    return meta


def record_pages(
    env: Environment, catalog: Catalog, rel: Relations, extra: dict[str, dict[str, Any]]
) -> Iterator[tuple[str, str]]:
    """Yield (docs path, Markdown) for every record page.

    Args:
        extra: Per record id, additional template variables computed elsewhere (e.g. the keten section).
    """
    for kind, template_name in TEMPLATES.items():
        template = env.get_template(template_name)
        for rec in catalog.of(kind).values():
            path = record_path(kind, rec.id)
            ctx = PageContext(catalog, rel, path)
            description = str(getattr(rec, "beschrijving", None) or getattr(rec, "doel", None) or getattr(rec, "uitleg", ""))
            meta = record_meta(rec, kind, catalog, rel, description)
            yield (
                path,
                template.render(r=rec, kind=kind, front_matter=front_matter(meta), **ctx.helpers(), **extra.get(rec.id, {})),
            )
