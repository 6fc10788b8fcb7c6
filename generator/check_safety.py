"""Stage 4 of the pipeline (safety part): a secret opvang address is published nowhere.

load → validate → model/catalog → **check** → render → write → mkdocs build → pagefind

The schema already refuses ``contact.adres`` on a voorziening with ``vertrouwelijk_adres: true``.
An address can still slip in as text, so three rules look further:

- ``adres-in-geheime-voorziening``: no field of such a voorziening (beschrijving, toegang, other
  names, zoektermen, source notes, …) may hold something that looks like an address: a street with
  a house number, a postcode, coordinates or a map link. Every text goes to the page, the search
  index and the open data, so the check is the only place it can be stopped.
- ``opvangadres-onbevestigd``: an organisatie or voorziening for opvang with an address must say
  that the address may be public (``contact.adres.openbaar_bevestigd: true``), so a shelter's
  location is never published by a slip of habit.
- ``aanbieder-adres-onbevestigd``: the same for the aanbieder of a voorziening with a secret
  address; its page is one click away from the voorziening.

The messages say what was found (a postcode, a street…), never the text itself: check output ends up
in CI logs that live longer than the pull request.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.catalog import Catalog
from generator.issues import Issue
from generator.load import FieldPath, RawRecord
from generator.yamlnodes import dotted

_STREETS = (
    "straat|laan|weg|plein|singel|gracht|kade|dijk|steeg|hof|park|dreef|pad|baan|markt|veld|wal|burg|ring|"
    "boulevard|allee|erf|hoek|passage|promenade|dam|haven|heuvel|berg|weide|oord|oever|poort|rade|tuin|akker|"
    "bos|brink|gaarde|donk|straatweg|kwartier|hoven|plantsoen|vliet|zijde"
)
ADDRESS_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("een straat met huisnummer", re.compile(rf"(?i)\b[\w'’.-]*(?:{_STREETS})\.?\s+\d{{1,5}}(?:\s?[a-z]\b)?")),
    ("een postcode", re.compile(r"\b[1-9][0-9]{3}\s?(?!SA|SD|SS)[A-Z]{2}\b")),
    ("coördinaten", re.compile(r"-?\b\d{1,3}[.,]\d{3,}\s*[,;/ ]\s*-?\d{1,3}[.,]\d{3,}\b|\d{1,3}\s*°\s*\d{1,2}\s*['′]")),
    ("een pluscode van een kaart", re.compile(r"\b[23456789CFGHJMPQRVWX]{4,8}\+[23456789CFGHJMPQRVWX]{2,3}\b")),
    (
        "een link naar een kaart",
        re.compile(
            r"(?i)\bgeo:|maps\.google|google\.[a-z.]+/maps|goo\.gl/maps|maps\.app\.goo\.gl|openstreetmap\.org|maps\.apple"
        ),
    ),
)
# Kinds of organisatie and voorziening that run opvang: an address of theirs may be a shelter.
OPVANG = {
    "organisaties": frozenset({"vrouwenopvang", "maatschappelijke-opvang"}),
    "voorzieningen": frozenset({"vrouwenopvang", "crisisopvang", "maatschappelijke-opvang"}),
}


def address_like(text: str) -> str | None:
    """What in ``text`` looks like an address ("een postcode"…), or None."""
    return next((what for what, pattern in ADDRESS_PATTERNS if pattern.search(text)), None)


def _strings(value: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*path, i))


def _issue(raw: RawRecord, where: FieldPath, code: str, message: str) -> Issue:
    line, column = raw.locate(where)
    return Issue(raw.path, line, column, code, dotted(where), message)


def _unconfirmed(record: Any) -> bool:
    adres = record.contact.adres if getattr(record, "contact", None) else None
    return adres is not None and not adres.openbaar_bevestigd


def check_safety(catalog: Catalog) -> list[Issue]:
    """Every issue about secret addresses in the catalogue."""
    issues: list[Issue] = []
    for rid, vz in catalog.of("voorzieningen").items():
        if not vz.vertrouwelijk_adres:
            continue
        raw = catalog.raw[("voorzieningen", rid)]
        for where, text in _strings(raw.data):
            found = address_like(text)
            if found:
                issues.append(
                    _issue(
                        raw,
                        where,
                        "adres-in-geheime-voorziening",
                        f"Deze voorziening heeft een geheim adres, maar dit veld bevat iets wat op een adres lijkt: {found}. "
                        "Alles in een record komt op de site, in de zoekfunctie en in de open data: haal het weg.",
                    )
                )
        aanbieder = catalog.of("organisaties").get(vz.aanbieder or "")
        if aanbieder is not None and _unconfirmed(aanbieder):
            issues.append(
                _issue(
                    catalog.raw[("organisaties", aanbieder.id)],
                    ("contact", "adres"),
                    "aanbieder-adres-onbevestigd",
                    f"Deze organisatie biedt een voorziening met een geheim adres ({vz.naam}). Staat hier het adres "
                    "van die opvang, haal het dan weg. Is het een openbaar kantoor- of bezoekadres, zet er dan "
                    "'openbaar_bevestigd: true' bij.",
                )
            )
    for kind, soorten in OPVANG.items():
        for rid, record in catalog.of(kind).items():
            if record.soort in soorten and _unconfirmed(record):
                issues.append(
                    _issue(
                        catalog.raw[(kind, rid)],
                        ("contact", "adres"),
                        "opvangadres-onbevestigd",
                        "Dit is opvang, en het adres van opvang is meestal geheim. Staat hier het adres van een "
                        "opvanglocatie, haal het dan weg (en zet bij een voorziening 'vertrouwelijk_adres: true'). "
                        "Is het een openbaar kantoor- of bezoekadres, zet er dan 'openbaar_bevestigd: true' bij.",
                    )
                )
    return issues
