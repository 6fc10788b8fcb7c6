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
from generator.render.context import render_page
from generator.render.escape import abbreviation
from generator.render.records import name_keys
from generator.render.snippets import clip

# Abbreviations that are also ordinary words or too short to mark up safely on every page.
UNSAFE_ABBREVIATIONS = frozenset({"VT", "OM", "GI", "HG", "KM", "MO", "VO", "AF"})


def tooltip_abbreviations(catalog: Catalog) -> dict[str, str]:
    """Abbreviation -> term, for every abbreviation that gets a tooltip on every page.

    Left out: short or everyday ones (UNSAFE_ABBREVIATIONS), and those whose term is the abbreviation
    itself ("11VB"): a tooltip that repeats the word explains nothing, so those get a link instead.
    """
    seen: dict[str, str] = {}
    for begrip in sorted(catalog.of("begrippen").values(), key=lambda b: b.id):
        term = " ".join(begrip.term.split()).replace("]", ")")
        for afk in begrip.afkortingen:
            if afk not in seen and afk not in UNSAFE_ABBREVIATIONS and len(afk) > 1 and afk != term:
                seen[afk] = term
    return seen


def abbreviations(catalog: Catalog) -> str:
    """The ``*[AFK]: betekenis`` list for every abbreviation in the begrippen."""
    seen = tooltip_abbreviations(catalog)
    # Python-Markdown matches an abbreviation only between word boundaries, so one that ends in a sign
    # ("MDA++") never matches, and its shorter head ("MDA") takes the text. That head's tooltip then
    # explains the longer one too, so "MDA++" is explained where it is read.
    # Without such a head ("LHBTIQ+"), the head is added with the longer form's meaning.
    for afk in [a for a in sorted(seen) if not a[-1].isalnum()]:
        head = afk.rstrip("+*-/ ")
        if head and head not in seen and head not in UNSAFE_ABBREVIATIONS:
            seen[head] = ""
    for afk in sorted(seen, key=len):
        extra: dict[str, str] = {}
        for longer in sorted(seen):
            rest = longer[len(afk) :]
            if longer.startswith(afk) and rest and not rest[0].isalnum() and not longer[-1].isalnum():
                extra.setdefault(longer.replace(" ", ""), seen[longer])
        parts = ([seen[afk]] if seen[afk] else []) + [f"{name}: {meaning}" for name, meaning in extra.items()]
        seen[afk] = "; ".join(parts)
    # One definition per paragraph: Python-Markdown's abbr processor re-scans the rest of a block
    # after every definition it takes, so 200 lines in one block cost ~40 ms on every page.
    return "".join(abbreviation(afk, meaning) for afk, meaning in sorted(seen.items()))


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
    """Yield the begrippenlijst, a page per begrip, the source pages and the 'te verifiëren' page."""
    begrippen = sorted(catalog.of("begrippen").values(), key=lambda b: b.term.lower())
    letters: dict[str, list[Any]] = {}
    for b in begrippen:
        first = b.term[:1].upper()
        letters.setdefault(first if first.isalpha() else "#", []).append(b)
    meta: dict[str, Any] = {
        "title": "Begrippenlijst",
        "description": "Begrippen en afkortingen uit de aanpak, in gewone taal uitgelegd.",
        "paginasoort": "begrippen",
    }
    yield render_page(env, catalog, rel, "begrippen/index.md", "begrippen.md.j2", meta, letters=letters)
    for b in begrippen:
        # A begrip that points to a record page is found there (its words are that page's search terms)
        # and explained in the search answer box; indexing it too would push the record down.
        meta = {
            "title": b.term,
            "description": clip(b.definitie),
            "bron": b.bestand,
            "paginasoort": "begrip-verwijzing" if b.verwijst_naar else "begrip",
            "pagefind": {
                "filters": {"soort": ["begrip"]},
                "meta": {"soort": "Begrip"},
                "zoektermen": [*b.afkortingen, *b.synoniemen],
                "sleutels": name_keys(b.term, *b.synoniemen),
            },
        }
        yield render_page(env, catalog, rel, f"begrippen/{b.id}.md", "begrip.md.j2", meta, b=b)
    for doc in catalog.of("documenten").values():
        cited = rel.cited_by.get(doc.id, [])
        groups = [(KINDS[k].plural.capitalize(), [r for kk, r in cited if kk == k]) for k in KINDS]
        meta = {
            "title": doc.korte_titel or doc.titel,
            "description": doc.titel,
            "bron": doc.bestand,
            "paginasoort": "brondocument",
        }
        yield render_page(env, catalog, rel, f"bronnen/{doc.id}.md", "document.md.j2", meta, d=doc, groups=groups)
    meta = {
        "title": "Bronnen",
        "description": "De documenten waar de feiten op deze site vandaan komen.",
        "paginasoort": "overzicht",
    }
    yield render_page(
        env, catalog, rel, "bronnen/index.md", "documenten.md.j2", meta, docs=list(catalog.of("documenten").values())
    )
    meta = {
        "title": "Te verifiëren",
        "description": "Gegevens die de brondocumenten niet geven en die de redactie nog moet nagaan.",
        "paginasoort": "beheer",
    }
    yield render_page(env, catalog, rel, "te-verifieren.md", "te-verifieren.md.j2", meta, rows=unverified(catalog))


def open_data_page(env: Environment, catalog: Catalog, rel: Relations, files: dict[str, bytes]) -> str:
    """The 'Open data' page: what is exported, in which formats, with sizes and counts from the manifest."""
    manifest = json.loads(files["open-data/index.json"])
    rows = [(path.removeprefix("open-data/"), len(data)) for path, data in files.items() if "/vcard/" not in path]
    meta = {
        "title": "Open data",
        "description": "De sociale kaart als open data: HSDS 3.0, CSV en vCard.",
        "paginasoort": "beheer",
    }
    vcards = sum(1 for p in files if "/vcard/" in p)
    return render_page(env, catalog, rel, "open-data.md", "open-data.md.j2", meta, manifest=manifest, rows=rows, vcards=vcards)[1]
