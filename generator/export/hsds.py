"""HSDS export, part 3: organisaties, voorzieningen and routeertafels as Open Referral HSDS 3.0.

load → validate → model/catalog → check → render → **export** → write → mkdocs build → pagefind

Every organisatie becomes an HSDS `organization` plus one `service` for its role in the aanpak;
every voorziening and routeertafel becomes a `service` of its aanbieder or organisator (or of no
organization when the sources do not name one). Output: ``organizations.json`` (organizations with
their services nested), ``services.json`` (services with their organization nested) and
``taxonomy.json``, shaped after the compiled schemas of HSDS 3.0. Pure: catalogue in, bytes out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from generator.catalog import Catalog
from generator.export.common import full_stop, json_bytes, known, sorted_records, stable_id, verified_dates
from generator.export.hsds_parts import location_objects, phone_objects, schedule_objects, service_area_objects
from generator.export.hsds_taxonomy import KENMERKEN, Json, Taxonomies
from generator.model import Organisatie, Routeertafel, Voorziening

# HSDS knows active, inactive, defunct and temporarily closed. 'onbekend' and a missing status stay active:
# the record is on the kaart because the sources describe it as part of the aanpak.
STATUS = {"bestaand": "active", "onbekend": "active", "gepland": "inactive", "opgeheven": "defunct"}


@dataclass(frozen=True, slots=True)
class HsdsData:
    """The HSDS objects of one export, before serialisation (tests and the manifest count them)."""

    organizations: list[Json]
    services: list[Json]
    taxonomies: list[Json]
    terms: list[Json]


def _names(catalog: Catalog, ids: tuple[str, ...]) -> str:
    return ", ".join(catalog.of("organisaties")[i].naam for i in known(catalog, "organisaties", ids))


def _sentence(label: str, items: tuple[str, ...]) -> str:
    return f"{label}: {' '.join(full_stop(i) for i in items)}" if items else ""


def _join(*parts: str | None) -> str | None:
    text = " ".join(p for p in parts if p)
    return text or None


class _Builder:
    def __init__(self, catalog: Catalog, export_date: date) -> None:
        self.catalog = catalog
        self.tax = Taxonomies(catalog, export_date)

    def org_id(self, organisatie: str | None) -> str | None:
        # Only link to an organisatie that is in this export: no dangling organization_id.
        if organisatie and organisatie in self.catalog.of("organisaties"):
            return stable_id("organisaties", organisatie)
        return None

    def organization(self, org: Organisatie) -> Json:
        oid = stable_id("organisaties", org.id)
        obj: Json = {"id": oid, "name": org.naam}
        if org.ook_bekend_als:
            obj["alternate_name"] = "; ".join(org.ook_bekend_als)
        obj["description"] = org.beschrijving
        if org.contact and org.contact.email:
            obj["email"] = org.contact.email
        if org.website:
            obj["website"] = org.website
        parent = self.org_id(org.onderdeel_van)
        if parent:
            obj["parent_organization_id"] = parent
        obj["organization_identifiers"] = [
            {
                "id": stable_id("organisaties", org.id, "identifier"),
                "organization_id": oid,
                "identifier_type": "GIA Wegwijzer record-id",
                "identifier": org.id,
            }
        ]
        locations = location_objects("organisaties", org, oid)
        if locations:
            obj["locations"] = locations
        obj["attributes"] = self.tax.record_attributes(oid, "organization", org, org.soort)
        return obj

    def service(self, kind: str, record: Any, sid: str, org_id: str | None, fields: dict[str, str | None]) -> Json:
        obj: Json = {"id": sid}
        if org_id:
            obj["organization_id"] = org_id
        obj["name"] = record.naam
        if record.ook_bekend_als:
            obj["alternate_name"] = "; ".join(record.ook_bekend_als)
        obj |= {k: v for k, v in fields.items() if v}
        obj["status"] = STATUS.get(record.status or "bestaand", "active")
        dates = verified_dates(record)
        if dates:
            # The oldest check: every phone number of the service was verified on or after this date.
            obj["assured_date"] = dates[0].isoformat()
        for key, value in (
            ("phones", phone_objects(self.tax, kind, record, sid, org_id)),
            ("schedules", schedule_objects(kind, record, sid)),
            ("service_areas", service_area_objects(self.catalog, kind, record, sid)),
        ):
            if value:
                obj[key] = value
        locations = location_objects(kind, record, org_id)
        if locations:
            obj["service_at_locations"] = [
                {
                    "id": stable_id(kind, record.id, "dienst-op-locatie"),
                    "service_id": sid,
                    "location_id": loc["id"],
                    "location": loc,
                }
                for loc in locations
            ]
        attributes = self.tax.expertise_attributes(sid, "service", record.expertise)
        if kind != "organisaties":
            # An organisatie's provenance and soort sit on its organization; the other kinds have only the service.
            attributes += self.tax.record_attributes(sid, "service", record, record.soort)
        if getattr(record, "vertrouwelijk_adres", False):
            attributes.append(self.tax.attribute(sid, "service", KENMERKEN, "vertrouwelijk-adres", "true"))
        if attributes:
            obj["attributes"] = attributes
        return obj

    def role_service(self, org: Organisatie) -> Json:
        contact = org.contact
        return self.service(
            "organisaties",
            org,
            stable_id("organisaties", org.id, "dienst"),
            self.org_id(org.id),
            {
                "description": org.rol or org.beschrijving,
                "url": org.website,
                "email": contact.email if contact else None,
            },
        )

    def voorziening_service(self, vz: Voorziening) -> Json:
        return self.service(
            "voorzieningen",
            vz,
            stable_id("voorzieningen", vz.id),
            self.org_id(vz.aanbieder),
            {
                "description": vz.beschrijving,
                "email": vz.contact.email if vz.contact else None,
                "application_process": vz.toegang,
                "eligibility_description": vz.voor_wie,
            },
        )

    def tafel_service(self, tafel: Routeertafel) -> Json:
        deelnemers = _names(self.catalog, tafel.deelnemers)
        description = _join(
            tafel.doel,
            f"Deelnemers: {deelnemers}." if deelnemers else None,
            _sentence("Casusregie", (tafel.casusregie,) if tafel.casusregie else ()),
            _sentence("Frequentie", (tafel.frequentie,) if tafel.frequentie else ()),
        )
        return self.service(
            "routeertafels",
            tafel,
            stable_id("routeertafels", tafel.id),
            self.org_id(tafel.organisator),
            {
                "description": description,
                "application_process": _join(tafel.hoe_aanmelden, _sentence("Wie mag aanmelden", tafel.wie_mag_aanmelden)),
                "eligibility_description": _join(_sentence("Instroomcriteria", tafel.instroomcriteria)),
            },
        )


def _without_locations(organization: Json) -> Json:
    return {k: v for k, v in organization.items() if k != "locations"}


def build_hsds(catalog: Catalog, export_date: date) -> HsdsData:
    """All HSDS objects of the catalogue, in a fixed order (by kind, then id)."""
    builder = _Builder(catalog, export_date)
    services = [builder.role_service(o) for o in sorted_records(catalog, "organisaties")]
    services += [builder.voorziening_service(v) for v in sorted_records(catalog, "voorzieningen")]
    services += [builder.tafel_service(t) for t in sorted_records(catalog, "routeertafels")]
    organizations = [builder.organization(o) for o in sorted_records(catalog, "organisaties")]
    by_org = {o["id"]: o for o in organizations}
    nested = [{**o, "services": [s for s in services if s.get("organization_id") == o["id"]]} for o in organizations]
    # A service with a secret address carries its organization without that organization's locations:
    # nothing in its own entry may point to a place.
    secret = {stable_id("voorzieningen", v.id) for v in sorted_records(catalog, "voorzieningen") if v.vertrouwelijk_adres}
    flat = [
        {
            **s,
            "organization": _without_locations(by_org[s["organization_id"]])
            if s["id"] in secret
            else by_org[s["organization_id"]],
        }
        if "organization_id" in s
        else s
        for s in services
    ]
    return HsdsData(nested, flat, builder.tax.taxonomy_objects(), builder.tax.term_objects())


def export_hsds(catalog: Catalog, export_date: date) -> tuple[dict[str, bytes], HsdsData]:
    """The HSDS files (path under ``open-data/`` → bytes) and the objects they hold."""
    data = build_hsds(catalog, export_date)
    files = {
        "hsds/organizations.json": json_bytes(data.organizations),
        "hsds/services.json": json_bytes(data.services),
        "hsds/taxonomy.json": json_bytes({"taxonomies": data.taxonomies, "taxonomy_terms": data.terms}),
    }
    return files, data
