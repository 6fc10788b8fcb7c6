"""Part of stage 5 (render): one page per organisatie, routeertafel, voorziening and expertise.

Each page gets front matter with the Pagefind filters (soort, expertise, gemeente, regio) and the
hidden, weighted search terms (other names, synonyms, abbreviations of linked begrippen), which the
theme override in ``overrides/main.html`` turns into Pagefind attributes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from jinja2 import Environment

from generator.catalog import Catalog
from generator.kinds import KINDS, LANDELIJK
from generator.labels import SOORT_LABELS
from generator.relations import Relations
from generator.render.context import PageContext, front_matter, record_path
from generator.render.snippets import clip, record_description

TEMPLATES = {
    "organisaties": "organisatie.md.j2",
    "routeertafels": "routeertafel.md.j2",
    "voorzieningen": "voorziening.md.j2",
    "expertise": "expertise.md.j2",
}


# Heads of Dutch compounds that people also search on their own: Pagefind does not split compounds,
# so "vrouwenopvang" gets "opvang" as an extra term and a search for "opvang" finds it.
COMPOUND_HEADS = (
    "opvang",
    "geweld",
    "mishandeling",
    "scheiding",
    "scheidingen",
    "hulp",
    "hulpverlening",
    "team",
    "teams",
    "tafel",
    "overleg",
    "huis",
    "zorg",
    "uitbuiting",
    "handel",
    "dwang",
    "verbod",
    "misbruik",
)


def compound_parts(text: str) -> list[str]:
    """Split known compound heads off the words of ``text`` ('vrouwenopvang' → ['vrouwen', 'opvang'])."""
    parts: list[str] = []
    for word in text.lower().split():
        for head in COMPOUND_HEADS:
            if word.endswith(head) and len(word) - len(head) >= 3:
                parts.extend((word[: -len(head)].rstrip("-"), head))
                break
    return parts


# Prefix of name tokens: no Dutch word starts with it, so Pagefind's prefix matching of an unknown
# token ("veiliginternetten" matching "veilig") can only ever hit another name token.
KEY_PREFIX = "xq"


def name_key(text: str) -> str:
    """A whole name as one search token ('MEE Zuid Limburg' → 'xqmeezuidlimburg').

    The search page also searches that token for what the reader typed, so a page whose full name
    was typed wins even when each word of that name is common elsewhere (mee, zuid, limburg).
    """
    return KEY_PREFIX + "".join(ch for ch in text.lower() if ch.isalnum())


def name_keys(*names: str) -> list[str]:
    """Name tokens for names of two or more words (a one-word name is its own token already)."""
    return list(dict.fromkeys(name_key(n) for n in names if len(n.split()) > 1))


def search_terms(rec: Any) -> list[str]:
    """The record's own other names: weighted almost as high as its name (AMHK finds Veilig Thuis)."""
    terms = [t for name in ("ook_bekend_als", "synoniemen", "zoektermen") for t in getattr(rec, name, ())]
    return list(dict.fromkeys(t for t in terms if t))


def related_terms(rec: Any, rel: Relations) -> list[str]:
    """Weaker hints: words of linked begrippen and the parts of compounds ('vrouwenopvang' → 'opvang')."""
    terms = [t for b in rel.begrippen_for.get(rec.id, []) for t in (b.term, *b.afkortingen, *b.synoniemen)]
    terms.extend(compound_parts(" ".join((getattr(rec, "naam", ""), *search_terms(rec), *terms))))
    own = set(search_terms(rec))
    return list(dict.fromkeys(t for t in terms if t and t not in own))


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
        "description": record_description(rec, "Overleg", catalog, rel.regions_of.get(rec.id, ()))
        if kind in ("organisaties", "voorzieningen", "routeertafels")
        else clip(description),
        "bron": rec.bestand,
        "paginasoort": KINDS[kind].singular,
        "pagefind": {
            "filters": filters(rec, kind, catalog, rel),
            "meta": {"soort": SOORT_LABELS.get(soort, soort) if soort else KINDS[kind].singular},
            "zoektermen": search_terms(rec),
            "sleutels": name_keys(rec.naam, *search_terms(rec)),
            "verwant": related_terms(rec, rel),
        },
    }
    phone = meta_phone(rec)
    if phone:
        meta["pagefind"]["meta"]["telefoon"] = phone
    return meta


def record_pages(
    env: Environment,
    catalog: Catalog,
    rel: Relations,
    extra: dict[str, dict[str, Any]],
    files: Collection[str] | None = None,
) -> Iterator[tuple[str, str]]:
    """Yield (docs path, Markdown) for every record page.

    Args:
        extra: Per record id, additional template variables computed elsewhere (e.g. the keten section).
        files: Only the records in these repository files (None: all).
    """
    for kind, template_name in TEMPLATES.items():
        template = env.get_template(template_name)
        for rec in catalog.of(kind).values():
            if files is not None and rec.bestand not in files:
                continue
            path = record_path(kind, rec.id)
            ctx = PageContext(catalog, rel, path)
            description = str(getattr(rec, "beschrijving", None) or getattr(rec, "doel", None) or getattr(rec, "uitleg", ""))
            meta = record_meta(rec, kind, catalog, rel, description)
            yield (
                path,
                template.render(r=rec, kind=kind, front_matter=front_matter(meta), **ctx.helpers(), **extra.get(rec.id, {})),
            )
