"""HSDS export, part 2: the pieces of a service — phones, schedules, service areas, locations.

load → validate → model/catalog → check → render → **export** → write → mkdocs build → pagefind

HSDS has no schedule per phone: schedules belong to a service (or location). So every phone line
of a record becomes a `phone` of its service, and its `beschikbaarheid` becomes `schedules` of that
same service whose description names the number. Locations come only from `common.public_address`,
which never returns the address of a voorziening with a secret address.
"""

from __future__ import annotations

from typing import Any

from generator.catalog import Catalog
from generator.export.common import (
    TIMEZONE_NOTE,
    area_text,
    doel_label,
    full_stop,
    hours_text,
    phones_of,
    public_address,
    stable_id,
)
from generator.export.hsds_taxonomy import KENMERKEN, Json, Taxonomies
from generator.model import Telefoon

RRULE_DAYS = {"ma": "MO", "di": "TU", "wo": "WE", "do": "TH", "vr": "FR", "za": "SA", "zo": "SU"}
EVERY_DAY = ",".join(RRULE_DAYS.values())


def _phone_key(kind: str, record_id: str, tel: Telefoon) -> tuple[str, ...]:
    # Number and doel, not the list position: reordering the YAML list must not change the ids.
    return (kind, record_id, "telefoon", tel.nummer, tel.doel)


def _phone_description(tel: Telefoon) -> str:
    parts = [f"{doel_label(tel.doel)} ({tel.weergave}).", full_stop(f"Bereikbaar: {hours_text(tel.beschikbaarheid)}")]
    if tel.gratis:
        parts.append("Gratis.")
    if tel.anoniem:
        parts.append("Anoniem bellen kan.")
    if tel.toelichting:
        parts.append(full_stop(tel.toelichting))
    parts.append(f"Gecontroleerd op {tel.geverifieerd.op.isoformat()} door {tel.geverifieerd.door} ({tel.geverifieerd.bron}).")
    return " ".join(parts)


def phone_objects(tax: Taxonomies, kind: str, record: Any, service_id: str, organization_id: str | None) -> list[Json]:
    """HSDS `phone` objects for every number of ``record``, with the verification as `metadata`."""
    out: list[Json] = []
    for tel in phones_of(record):
        phone_id = stable_id(*_phone_key(kind, record.id, tel))
        phone: Json = {"id": phone_id, "service_id": service_id}
        if organization_id:
            phone["organization_id"] = organization_id
        # RFC 6350 type list, as HSDS asks: every number here is a voice line.
        phone |= {"number": tel.nummer, "type": "voice", "description": _phone_description(tel)}
        flags = [code for code, on in (("gratis", tel.gratis), ("anoniem", tel.anoniem)) if on]
        if flags:
            phone["attributes"] = [tax.attribute(phone_id, "phone", KENMERKEN, code, "true") for code in flags]
        # HSDS metadata is a change log; the last check of the number is the closest thing to provenance it has.
        phone["metadata"] = [
            {
                "id": stable_id(*_phone_key(kind, record.id, tel), "geverifieerd"),
                "resource_id": phone_id,
                "resource_type": "phone",
                "last_action_date": tel.geverifieerd.op.isoformat(),
                "last_action_type": "verified",
                "field_name": "number",
                "previous_value": "",
                "replacement_value": tel.nummer,
                "updated_by": tel.geverifieerd.door,
            }
        ]
        out.append(phone)
    return out


def _schedule(key: tuple[str, ...], suffix: str, service_id: str, description: str, notes: str, **rule: str) -> Json:
    return {
        "id": stable_id(*key, "rooster", suffix),
        "service_id": service_id,
        **rule,
        "description": description,
        "notes": notes,
    }


def schedule_objects(kind: str, record: Any, service_id: str) -> list[Json]:
    """HSDS `schedule` objects for the opening hours of every phone line of ``record``."""
    out: list[Json] = []
    for tel in phones_of(record):
        key, hours = _phone_key(kind, record.id, tel), tel.beschikbaarheid
        label = f"Telefoon {tel.weergave} ({doel_label(tel.doel)})"
        notes = TIMEZONE_NOTE + (f" {full_stop(hours.toelichting)}" if hours.toelichting else "")
        if hours.altijd:
            # HSDS has no 24/7 flag; its guidance: opens_at 00:00 and closes_at 23:59 on every day.
            description = f"{label}: dag en nacht bereikbaar."
            rule = {"freq": "WEEKLY", "byday": EVERY_DAY, "opens_at": "00:00", "closes_at": "23:59"}
            out.append(_schedule(key, "altijd", service_id, description, notes, **rule))
        for i, vak in enumerate(hours.tijden):
            days = [d for d in RRULE_DAYS if d in vak.dagen]
            description = f"{label}: {', '.join(days)} {vak.van}-{vak.tot}."
            byday = ",".join(RRULE_DAYS[d] for d in days)
            # HSDS times are HH:MM within one day; our "24:00" (midnight) becomes 23:59 as for 24/7.
            rule = {
                "freq": "WEEKLY",
                "byday": byday,
                "opens_at": vak.van,
                "closes_at": "23:59" if vak.tot == "24:00" else vak.tot,
            }
            out.append(_schedule(key, str(i), service_id, description, notes, **rule))
        if not hours.altijd and not hours.tijden:
            out.append(_schedule(key, "toelichting", service_id, full_stop(f"{label}: {hours_text(hours)}"), notes))
    return out


def service_area_objects(catalog: Catalog, kind: str, record: Any, service_id: str) -> list[Json]:
    """One HSDS `service_area` per werkgebied entry; the CBS gemeentecodes are in the description."""
    out: list[Json] = []
    for area in record.werkgebied:
        name, description = area_text(catalog, area)
        out.append(
            {
                "id": stable_id(kind, record.id, "werkgebied", area),
                "service_id": service_id,
                "name": name,
                "description": description,
            }
        )
    return out


def location_objects(kind: str, record: Any, organization_id: str | None) -> list[Json]:
    """A physical HSDS `location` with its address, or nothing when the address is secret or unknown."""
    adres = public_address(record)
    if adres is None:
        return []
    location_id = stable_id(kind, record.id, "locatie")
    location: Json = {"id": location_id, "location_type": "physical"}
    if organization_id:
        location["organization_id"] = organization_id
    location["name"] = record.naam
    # Dutch addresses have no province line and the records do not hold one: HSDS requires the key, so it is empty.
    location["addresses"] = [
        {
            "id": stable_id(kind, record.id, "adres"),
            "location_id": location_id,
            "address_1": adres.straat,
            "city": adres.plaats,
            "state_province": "",
            "postal_code": adres.postcode,
            "country": "NL",
            "address_type": "physical",
        }
    ]
    return [location]
