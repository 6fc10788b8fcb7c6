"""HSDS export, part 1: taxonomies, taxonomy terms and the attributes that link objects to them.

load → validate → model/catalog → check → render → **export** → write → mkdocs build → pagefind

Two taxonomies of our own: the expertise records (grouped under their `soort`: vorm van geweld,
doelgroep, thema) and a small list of "kenmerken" for facts HSDS has no field for: the source of a
record (`bron`), its `soort`, a secret address, free or anonymous phone lines. HSDS links an object
to a term with an `attribute`; the `value` of that attribute carries the text (e.g. the source).
The terms themselves are written once, to ``taxonomy.json``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from generator.catalog import Catalog
from generator.export.common import bron_text, sorted_records, stable_id
from generator.model import Record

Json = dict[str, Any]

EXPERTISE = "expertise"
KENMERKEN = "kenmerken"

TAXONOMY_INFO = {
    EXPERTISE: (
        "GIA Wegwijzer expertise",
        "Vormen van geweld, doelgroepen en thema's uit de GIA Wegwijzer, gegroepeerd naar soort.",
    ),
    KENMERKEN: (
        "GIA Wegwijzer kenmerken",
        "Kenmerken waarvoor HSDS geen eigen veld heeft. De waarde van het attribuut draagt de tekst.",
    ),
}

KENMERK_TERMS = {
    "bron": ("Bron", "Brondocument (met regels) waar de gegevens van dit object vandaan komen."),
    "soort": ("Soort", "Soort organisatie, voorziening of routeertafel: de code uit de GIA Wegwijzer."),
    "vertrouwelijk-adres": (
        "Vertrouwelijk adres",
        "Het adres is geheim, zoals bij veel opvang. Het staat daarom nergens in deze export.",
    ),
    "gratis": ("Gratis bellen", "Bellen naar dit nummer is gratis."),
    "anoniem": ("Anoniem bellen", "Je kunt anoniem bellen."),
}

EXPERTISE_GROUPS = {
    "vorm-van-geweld": "Vormen van geweld",
    "doelgroep": "Doelgroepen",
    "thema": "Thema's",
}


class Taxonomies:
    """All taxonomy terms of one export, and a factory for attributes that point at them."""

    def __init__(self, catalog: Catalog, export_date: date) -> None:
        self.catalog = catalog
        # The version of our taxonomies is the export date: a consumer can see which list a term came from.
        self.version = export_date.isoformat()
        self.terms: dict[tuple[str, str], Json] = {}
        for code, (name, description) in KENMERK_TERMS.items():
            self._add(KENMERKEN, code, name, description)
        # Group codes get a prefix so they can never collide with the id of an expertise record.
        for group, name in EXPERTISE_GROUPS.items():
            self._add(EXPERTISE, f"groep-{group}", name, f"{name} (soort '{group}').")
        for exp in sorted_records(catalog, "expertise"):
            description = exp.uitleg + (f" Ook: {', '.join(exp.synoniemen)}." if exp.synoniemen else "")
            parent = self.terms.get((EXPERTISE, f"groep-{exp.soort}"))
            self._add(EXPERTISE, exp.id, exp.naam, description, parent["id"] if parent else None)

    def _add(self, taxonomy: str, code: str, name: str, description: str, parent_id: str | None = None) -> None:
        term: Json = {
            "id": stable_id("taxonomieterm", taxonomy, code),
            "code": code,
            "name": name,
            "description": description,
            "taxonomy_id": stable_id("taxonomie", taxonomy),
            "language": "nl",
        }
        if parent_id:
            term["parent_id"] = parent_id
        self.terms[(taxonomy, code)] = term

    def taxonomy_objects(self) -> list[Json]:
        """The two taxonomies as HSDS `taxonomy` objects."""
        return [
            {"id": stable_id("taxonomie", key), "name": name, "description": description, "version": self.version}
            for key, (name, description) in TAXONOMY_INFO.items()
        ]

    def term_objects(self) -> list[Json]:
        """Every term as an HSDS `taxonomy_term`, with its taxonomy nested for self-contained reading."""
        details = {t["id"]: t for t in self.taxonomy_objects()}
        return [{**term, "taxonomy_detail": details[term["taxonomy_id"]]} for term in self.terms.values()]

    def attribute(self, link_id: str, entity: str, taxonomy: str, code: str, value: str | None = None, n: int = 0) -> Json:
        """An HSDS `attribute` linking object ``link_id`` (of table ``entity``) to a term."""
        term = self.terms[(taxonomy, code)]
        attribute: Json = {
            "id": stable_id("attribuut", link_id, taxonomy, code, str(n)),
            "link_id": link_id,
            "taxonomy_term_id": term["id"],
            "link_type": code if taxonomy == KENMERKEN else taxonomy,
            "link_entity": entity,
        }
        if value is not None:
            attribute["value"] = value
        # The term itself is not nested: taxonomy.json holds every term once, found by taxonomy_term_id.
        return attribute

    def expertise_attributes(self, link_id: str, entity: str, expertise: tuple[str, ...]) -> list[Json]:
        """One attribute per expertise id that exists in the catalogue."""
        return [self.attribute(link_id, entity, EXPERTISE, e) for e in expertise if e in self.catalog.of("expertise")]

    def record_attributes(self, link_id: str, entity: str, record: Record, soort: str | None) -> list[Json]:
        """Provenance (one `bron` per source) and `soort` of a record."""
        out = [
            self.attribute(link_id, entity, KENMERKEN, "bron", bron_text(self.catalog, b), i)
            for i, b in enumerate(record.bronnen)
        ]
        if soort:
            out.append(self.attribute(link_id, entity, KENMERKEN, "soort", soort))
        return out
