"""Part of stage 5 (render): schema.org data (JSON-LD) for search engines.

A `BreadcrumbList` on every page; on organisatie and voorziening pages the organisation or service
itself: name, its own website, its own verified numbers with their hours, the gemeenten it serves.
Never a confidential address (the export's one address guard decides), never the crisis strap's
numbers, nothing about visitors. The JSON is escaped so that no ``<`` can close the script element.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from generator.catalog import Catalog
from generator.export.common import public_address
from generator.kinds import LANDELIJK
from generator.labels import DAYS, DOEL_LABELS, SOORT_LABELS
from generator.model import Beschikbaarheid, Organisatie, Voorziening

Json = dict[str, Any]

# The schema.org type that fits each soort; everything else is a plain Organization (never claim more).
ORGANISATION_TYPES = {
    "politie": "GovernmentOrganization",
    "openbaar-ministerie": "GovernmentOrganization",
    "rechtspraak": "GovernmentOrganization",
    "raad-voor-de-kinderbescherming": "GovernmentOrganization",
    "gemeente": "GovernmentOrganization",
    "bestuurlijk-orgaan": "GovernmentOrganization",
    "overheid": "GovernmentOrganization",
    "ggd": "GovernmentOrganization",
    "ggz": "MedicalOrganization",
    "zorg": "MedicalOrganization",
    "onderwijs": "EducationalOrganization",
}
DAY_NAMES = dict(zip(DAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"), strict=True))


def script_text(data: Json) -> str:
    """JSON for a ``<script type="application/ld+json">`` element: no ``<``, ``>`` or ``&`` as such."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def breadcrumbs(crumbs: Sequence[tuple[str, str | None]]) -> Json:
    """A BreadcrumbList from (name, absolute URL or None) pairs, home first."""
    items = []
    for position, (name, url) in enumerate(crumbs, start=1):
        item: Json = {"@type": "ListItem", "position": position, "name": name}
        if url:
            item["item"] = url
        items.append(item)
    return {"@type": "BreadcrumbList", "itemListElement": items}


def _hours(b: Beschikbaarheid) -> list[Json]:
    if b.altijd:
        return [
            {"@type": "OpeningHoursSpecification", "dayOfWeek": list(DAY_NAMES.values()), "opens": "00:00", "closes": "23:59"}
        ]
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [DAY_NAMES[d] for d in DAYS if d in t.dagen],
            "opens": t.van,
            "closes": t.tot,
        }
        for t in b.tijden
    ]


def _contact_points(rec: Organisatie | Voorziening) -> list[Json]:
    points = []
    for tel in rec.contact.telefoon if rec.contact else ():
        point: Json = {
            "@type": "ContactPoint",
            "telephone": tel.nummer,
            "contactType": DOEL_LABELS.get(tel.doel, tel.doel),
            "areaServed": "NL",
            "availableLanguage": "nl",
        }
        hours = _hours(tel.beschikbaarheid)
        if hours:
            point["hoursAvailable"] = hours
        if tel.gratis:
            point["contactOption"] = "TollFree"
        points.append(point)
    return points


def _area(catalog: Catalog, rec: Any) -> list[Json]:
    if LANDELIJK in rec.werkgebied:
        return [{"@type": "Country", "name": "Nederland"}]
    return [{"@type": "City", "name": catalog.gemeenten[g].gemeente.naam} for g in sorted(catalog.gemeenten_in(rec.werkgebied))]


def _address(rec: Any) -> Json | None:
    adres = public_address(rec)
    if adres is None:
        return None
    return {
        "@type": "PostalAddress",
        "streetAddress": adres.straat,
        "postalCode": adres.postcode,
        "addressLocality": adres.plaats,
        "addressCountry": "NL",
    }


def record_entity(catalog: Catalog, rec: Any, page_url: str | None, description: str) -> Json | None:
    """The organisation (organisatie) or service (voorziening) a page is about; None for other records."""
    if not isinstance(rec, Organisatie | Voorziening):
        return None
    entity: Json = {"name": rec.naam, "description": description}
    if page_url:
        entity["@id"] = page_url + "#gegevens"
        entity["mainEntityOfPage"] = page_url
    if rec.ook_bekend_als:
        entity["alternateName"] = list(rec.ook_bekend_als)
    points = _contact_points(rec)
    area = _area(catalog, rec)
    if isinstance(rec, Organisatie):
        entity = {"@type": ORGANISATION_TYPES.get(rec.soort, "Organization"), **entity}
        if rec.website:
            entity["url"] = rec.website
        if points:
            entity["telephone"] = points[0]["telephone"]
            entity["contactPoint"] = points
        entity["areaServed"] = area
        address = _address(rec)
        if address:
            entity["address"] = address
        return entity
    entity = {"@type": "Service", **entity, "serviceType": SOORT_LABELS.get(rec.soort, rec.soort.replace("-", " ").capitalize())}
    provider = catalog.of("organisaties").get(rec.aanbieder or "")
    if provider is not None:
        entity["provider"] = {"@type": ORGANISATION_TYPES.get(provider.soort, "Organization"), "name": provider.naam}
        if provider.website:
            entity["provider"]["url"] = provider.website
    entity["areaServed"] = area
    if points:
        entity["availableChannel"] = {"@type": "ServiceChannel", "servicePhone": points[0], "availableLanguage": "nl"}
    return entity


def graph(*items: Json | None) -> str:
    """One JSON-LD document holding the given items, ready for the page's script element."""
    return script_text({"@context": "https://schema.org", "@graph": [i for i in items if i]})
