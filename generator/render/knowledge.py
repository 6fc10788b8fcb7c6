"""Part of stage 5 (render): begrippenlijst, brondocumenten, 'te verifiëren' and the abbreviation list.

The abbreviation list is a Markdown file of ``*[AFK]: betekenis`` lines that mkdocs-material's
abbreviations feature (``abbr`` + ``pymdownx.snippets`` auto-append) adds to every page, so each
abbreviation from the begrippen shows its meaning as a tooltip wherever it occurs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from jinja2 import Environment

from generator.catalog import Catalog
from generator.kinds import KINDS
from generator.relations import Relations
from generator.render.context import PageContext, front_matter
from generator.render.records import name_keys

# Abbreviations that are also ordinary words or too short to mark up safely on every page.
UNSAFE_ABBREVIATIONS = frozenset({"VT", "OM", "GI", "HG", "KM", "MO", "VO", "AF"})


def abbreviations(catalog: Catalog) -> str:
    """The ``*[AFK]: betekenis`` list for every abbreviation in the begrippen."""
    seen: dict[str, str] = {}
    for begrip in sorted(catalog.of("begrippen").values(), key=lambda b: b.id):
        for afk in begrip.afkortingen:
            if afk not in seen and afk not in UNSAFE_ABBREVIATIONS and len(afk) > 1:
                seen[afk] = " ".join(begrip.term.split()).replace("]", ")")
    # One definition per paragraph: Python-Markdown's abbr processor re-scans the rest of a block
    # after every definition it takes, so 200 lines in one block cost ~40 ms on every page.
    return "".join(f"*[{afk}]: {meaning}\n\n" for afk, meaning in sorted(seen.items()))


def unverified(catalog: Catalog) -> list[tuple[str, Any, list[str]]]:
    """Records whose contact details or practical fields are still unknown: (kind, record, what is missing)."""
    out = []
    for kind, fields in (
        ("organisaties", ("contact",)),
        ("voorzieningen", ("contact", "aanbieder", "toegang", "voor_wie")),
        ("routeertafels", ("hoe_aanmelden", "frequentie", "casusregie", "organisator")),
    ):
        for rec in sorted(catalog.of(kind).values(), key=lambda r: r.naam.lower()):
            missing = [f for f in fields if not getattr(rec, f)]
            if missing:
                out.append((kind, rec, missing))
    return out


def knowledge_pages(env: Environment, catalog: Catalog, rel: Relations) -> Iterator[tuple[str, str]]:
    """Yield the begrippenlijst, the source pages and the 'te verifiëren' page."""
    path = "begrippen/index.md"
    ctx = PageContext(catalog, rel, path)
    begrippen = sorted(catalog.of("begrippen").values(), key=lambda b: b.term.lower())
    letters: dict[str, list[Any]] = {}
    for b in begrippen:
        first = b.term[:1].upper()
        letters.setdefault(first if first.isalpha() else "#", []).append(b)
    meta = {
        "title": "Begrippenlijst",
        "description": "Begrippen en afkortingen uit de aanpak, in gewone taal uitgelegd.",
        "paginasoort": "begrippen",
        "pagefind": {"filters": {"soort": ["begrip"]}, "meta": {"soort": "Begrippenlijst"}},
    }
    yield path, env.get_template("begrippen.md.j2").render(letters=letters, front_matter=front_matter(meta), **ctx.helpers())
    template = env.get_template("begrip.md.j2")
    for b in begrippen:
        path = f"begrippen/{b.id}.md"
        ctx = PageContext(catalog, rel, path)
        # A begrip that points to a record page is found there (its words are that page's search terms)
        # and explained in the search answer box; indexing it too would push the record down.
        soort = "begrip-verwijzing" if b.verwijst_naar else "begrip"
        meta = {
            "title": b.term,
            "description": " ".join(b.definitie.split())[:200],
            "bron": b.bestand,
            "paginasoort": soort,
            "pagefind": {
                "filters": {"soort": ["begrip"]},
                "meta": {"soort": "Begrip"},
                "zoektermen": [*b.afkortingen, *b.synoniemen],
                "sleutels": name_keys(b.term, *b.synoniemen),
            },
        }
        yield path, template.render(b=b, front_matter=front_matter(meta), **ctx.helpers())

    for doc in catalog.of("documenten").values():
        path = f"bronnen/{doc.id}.md"
        ctx = PageContext(catalog, rel, path)
        cited = rel.cited_by.get(doc.id, [])
        groups = [(KINDS[k].plural.capitalize(), [r for kk, r in cited if kk == k]) for k in KINDS]
        meta = {
            "title": doc.korte_titel or doc.titel,
            "description": doc.titel,
            "bron": doc.bestand,
            "paginasoort": "brondocument",
        }
        yield (
            path,
            env.get_template("document.md.j2").render(d=doc, groups=groups, front_matter=front_matter(meta), **ctx.helpers()),
        )
    path = "bronnen/index.md"
    ctx = PageContext(catalog, rel, path)
    meta = {
        "title": "Bronnen",
        "description": "De documenten waar de feiten op deze site vandaan komen.",
        "paginasoort": "overzicht",
    }
    yield (
        path,
        env.get_template("documenten.md.j2").render(
            docs=list(catalog.of("documenten").values()), front_matter=front_matter(meta), **ctx.helpers()
        ),
    )

    path = "te-verifieren.md"
    ctx = PageContext(catalog, rel, path)
    meta = {
        "title": "Te verifiëren",
        "description": "Gegevens die de brondocumenten niet geven en die de redactie nog moet nagaan.",
        "paginasoort": "beheer",
    }
    yield (
        path,
        env.get_template("te-verifieren.md.j2").render(
            rows=unverified(catalog), front_matter=front_matter(meta), **ctx.helpers()
        ),
    )


def open_data_page(env: Environment, catalog: Catalog, rel: Relations, files: dict[str, bytes]) -> str:
    """The 'Open data' page: what is exported, in which formats, with sizes and counts from the manifest."""
    ctx = PageContext(catalog, rel, "open-data.md")
    manifest = json.loads(files["open-data/index.json"])
    rows = [(path.removeprefix("open-data/"), len(data)) for path, data in files.items() if "/vcard/" not in path]
    meta = {
        "title": "Open data",
        "description": "De sociale kaart als open data: HSDS 3.0, CSV en vCard.",
        "paginasoort": "beheer",
    }
    return env.get_template("open-data.md.j2").render(
        manifest=manifest,
        rows=rows,
        vcards=sum(1 for p in files if "/vcard/" in p),
        front_matter=front_matter(meta),
        **ctx.helpers(),
    )
