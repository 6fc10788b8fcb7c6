"""Shared pieces of the open-data export: stable ids, texts and the confidential-address guard.

load → validate → model/catalog → check → render → **export** → write → mkdocs build → pagefind

Every export format (HSDS, CSV, vCard) takes its ids, source notes, opening-hours texts and
addresses from here, so the formats agree with each other and there is exactly one place that
decides whether an address may be published at all.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Any

from generator.catalog import Catalog
from generator.kinds import LANDELIJK
from generator.labels import DAYS, DOEL_LABELS
from generator.model import Adres, Beschikbaarheid, Bron, Record, Telefoon

# Fixed namespace for uuid5 (= uuid5(NAMESPACE_URL, "urn:gia-wegwijzer:open-data")). Never change it:
# every exported object would get a new id and consumers would see the whole kaart as new.
NAMESPACE = uuid.UUID("5adde286-2a76-54ab-8ef5-e4343d8dd57f")

# Kinds that become HSDS services (and CSV files of their own).
SERVICE_KINDS = ("organisaties", "voorzieningen", "routeertafels")

TIMEZONE_NOTE = "Tijden in Nederlandse tijd (Europe/Amsterdam)."


def stable_id(*parts: str) -> str:
    """A UUID that depends only on ``parts`` ("organisaties", "politie"), so rebuilds give the same ids."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def json_bytes(data: Any) -> bytes:
    """Serialise ``data`` the same way every time: UTF-8, indented, one trailing newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def sorted_records(catalog: Catalog, kind: str) -> list[Any]:
    """Records of one kind by id: the order of every export file."""
    return [catalog.of(kind)[rid] for rid in sorted(catalog.of(kind))]


def public_address(record: Any) -> Adres | None:
    """The address of ``record`` if it may be published, else None.

    The one guard for every format: a voorziening with ``vertrouwelijk_adres`` never yields an address,
    even if one slipped into the data (the schema forbids it, this is the second lock).
    """
    if getattr(record, "vertrouwelijk_adres", False) is not False:
        return None
    contact = getattr(record, "contact", None)
    return contact.adres if contact is not None else None


def has_contact(record: Any) -> bool:
    """Whether ``record`` has something to call, write or visit: a phone number, an e-mail or a public address.

    Only such an organisatie gets a vCard (a card with a name alone adds nothing to an address book).
    """
    contact = getattr(record, "contact", None)
    return bool(phones_of(record) or (contact is not None and contact.email) or public_address(record) is not None)


def phones_of(record: Any) -> tuple[Telefoon, ...]:
    """Phone numbers of an organisatie or voorziening; routeertafels have none."""
    contact = getattr(record, "contact", None)
    return contact.telefoon if contact is not None else ()


def doel_label(doel: str) -> str:
    """Dutch label of a phone `doel` as shown on the site."""
    return DOEL_LABELS.get(doel, doel.capitalize())


def full_stop(text: str) -> str:
    """``text`` ending in a full stop; source texts often have one already, and ".." must never appear."""
    return text if text.endswith((".", "!", "?")) else text + "."


def hours_text(beschikbaarheid: Beschikbaarheid) -> str:
    """Opening hours as one Dutch sentence ("dag en nacht", "ma, di 09:00-17:00")."""
    parts: list[str] = []
    if beschikbaarheid.altijd:
        parts.append("dag en nacht (24 uur per dag, 7 dagen per week)")
    for vak in beschikbaarheid.tijden:
        days = ", ".join(d for d in DAYS if d in vak.dagen)
        parts.append(f"{days} {vak.van}-{vak.tot}")
    text = "; ".join(parts)
    if beschikbaarheid.toelichting:
        text = f"{text}. {beschikbaarheid.toelichting}" if text else beschikbaarheid.toelichting
    return text


def bron_text(catalog: Catalog, bron: Bron) -> str:
    """One source as readable text: document title and lines, web page and date, or who checked when."""
    if bron.document:
        doc = catalog.of("documenten").get(bron.document)
        title = (doc.korte_titel or doc.titel) if doc is not None else bron.document
        text = title + (f", regels {bron.regels}" if bron.regels else "")
    elif bron.url:
        text = f"{bron.titel + ' ' if bron.titel else ''}{bron.url}" + (
            f", bekeken op {bron.bekeken_op}" if bron.bekeken_op else ""
        )
    else:
        text = f"{bron.gecontroleerd or 'gecontroleerd'} door {bron.door} op {bron.op}"
    return text + (f": {bron.toelichting}" if bron.toelichting else "")


def bronnen_text(catalog: Catalog, record: Record) -> str:
    """All sources of a record on one line (for CSV cells)."""
    return " | ".join(bron_text(catalog, b) for b in record.bronnen)


def verified_dates(record: Any) -> list[date]:
    """Dates on which the phone numbers of ``record`` were last checked, oldest first."""
    return sorted(t.geverifieerd.op for t in phones_of(record))


def known(catalog: Catalog, kind: str, ids: tuple[str, ...]) -> list[str]:
    """The ids that exist in the catalogue (a record left out by validation must not leave a dangling link)."""
    return [i for i in ids if i in catalog.of(kind)]


def area_text(catalog: Catalog, area: str) -> tuple[str, str]:
    """Name and description of a werkgebied id, with the CBS gemeentecodes it covers."""
    if area == LANDELIJK:
        return "Heel Nederland", "Landelijk: alle gemeenten in Nederland."
    if area in catalog.gemeenten:
        info = catalog.gemeenten[area]
        g = info.gemeente
        return g.naam, (
            f"Gemeente {g.naam}, CBS-gemeentecode {g.cbs_code}; subregio {info.subregio.naam}, regio {info.regio.naam}."
        )
    if area in catalog.subregios:
        sub, regio = catalog.subregios[area]
        members = ", ".join(f"{g.naam} ({g.cbs_code})" for g in sub.gemeenten)
        return sub.naam, f"Subregio {sub.naam} in regio {regio.naam}. Gemeenten (CBS-code): {members}."
    if area in catalog.of("gebieden"):
        gebied = catalog.of("gebieden")[area]
        members = ", ".join(f"{g.naam} ({g.cbs_code})" for s in gebied.subregios for g in s.gemeenten)
        return gebied.naam, f"Regio {gebied.naam}. Gemeenten (CBS-code): {members}."
    return catalog.area_name(area), f"Werkgebied '{area}'."
