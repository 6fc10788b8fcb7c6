"""Open-data export as vCard 4.0 (RFC 6350): one contact card per organisatie.

load → validate → model/catalog → check → render → **export** → write → mkdocs build → pagefind

So a professional can put Veilig Thuis or the politie in the phone's address book in one tap. Only an
organisatie with a phone number, e-mail or public address gets a card: a name alone is no contact.
Text values are escaped (backslash, comma, semicolon and every kind of line break, U+2028 and U+0085
included, since some readers split lines on them; RFC 6350 §3.4), control characters dropped, and
URI values (website, e-mail, phone) carry nothing but their own characters. Lines are folded at
75 octets without splitting a UTF-8 character (§3.2) and end in CRLF. A card without a verified
phone number says so in its NOTE, as the site does. Only `common.public_address` supplies an ADR.
"""

from __future__ import annotations

import re
from typing import Any

from generator.catalog import Catalog
from generator.export.common import (
    doel_label,
    full_stop,
    has_contact,
    hours_text,
    phones_of,
    public_address,
    sorted_records,
    stable_id,
)
from generator.model import Organisatie, Telefoon

MAX_OCTETS = 75
NOT_VERIFIED = "Telefoonnummer nog niet geverifieerd: kijk op de website van de organisatie."


# Everything Python, Unicode or a vCard reader may take for the end of a line.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
_NOT_URI = re.compile(r"[^A-Za-z0-9._~!$&'()*+,;=:@%/?#\[\]-]")


def escape(text: str) -> str:
    """Escape a text value (RFC 6350 §3.4): backslash first, then comma, semicolon and every line break."""
    text = _CONTROL.sub("", text).replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return _LINE_BREAK.sub("\\\\n", text)


def uri(value: str) -> str:
    """A URI value: the schema allows only URI characters; anything else is dropped, not trusted."""
    return _NOT_URI.sub("", value)


def fold(line: str) -> str:
    """Fold one content line into lines of at most 75 octets; continuation lines start with a space."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        # A character is never split: its octets stay together on one line (RFC 6350 §3.2).
        if size + width > MAX_OCTETS:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def tel_uri(nummer: str) -> str:
    """A ``tel:`` URI (RFC 3966); a short number like 112 is local, so it names its context (+31)."""
    return f"tel:{nummer}" if nummer.startswith("+") else f"tel:{nummer};phone-context=+31"


def _phone_note(tel: Telefoon) -> str:
    parts = [full_stop(f"{doel_label(tel.doel)} ({tel.weergave}): {hours_text(tel.beschikbaarheid)}")]
    parts += [text for text, on in (("Gratis.", tel.gratis), ("Anoniem bellen kan.", tel.anoniem)) if on]
    if tel.toelichting:
        parts.append(full_stop(tel.toelichting))
    parts.append(f"Gecontroleerd op {tel.geverifieerd.op.isoformat()}.")
    return " ".join(parts)


def vcard(catalog: Catalog, org: Organisatie) -> str:
    """The vCard of one organisatie, CRLF line ends, folded."""
    parent: Any = catalog.of("organisaties").get(org.onderdeel_van or "")
    org_units = [parent.naam, org.naam] if parent is not None else [org.naam]
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "PRODID:-//GIA Wegwijzer//Open data//NL",
        f"UID:urn:uuid:{stable_id('organisaties', org.id)}",
        "KIND:org",
        f"FN:{escape(org.naam)}",
        f"ORG:{';'.join(escape(unit) for unit in org_units)}",
    ]
    if org.ook_bekend_als:
        lines.append(f"NICKNAME:{','.join(escape(name) for name in org.ook_bekend_als)}")
    if org.website:
        lines.append(f"URL:{uri(org.website)}")
    if org.contact and org.contact.email:
        lines.append(f"EMAIL;TYPE=work:{uri(org.contact.email)}")
    phones = phones_of(org)
    for pref, tel in enumerate(phones, start=1):
        lines.append(f"TEL;VALUE=uri;TYPE=voice;PREF={pref}:{uri(tel_uri(tel.nummer))}")
    adres = public_address(org)
    if adres is not None:
        # ADR components: PO box; extended; street; locality; region; postal code; country.
        fields = ("", "", adres.straat, adres.plaats, "", adres.postcode, "Nederland")
        lines.append(f"ADR;TYPE=work:{';'.join(escape(f) for f in fields)}")
    note = "\n".join(_phone_note(t) for t in phones) if phones else NOT_VERIFIED
    lines.append(f"NOTE:{escape(note)}")
    if phones:
        newest = max(t.geverifieerd.op for t in phones)
        lines.append(f"REV:{newest:%Y%m%d}T000000Z")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def export_vcards(catalog: Catalog) -> dict[str, bytes]:
    """One ``vcard/<id>.vcf`` per organisatie with contact data (path under ``open-data/`` → bytes)."""
    return {
        f"vcard/{org.id}.vcf": vcard(catalog, org).encode("utf-8")
        for org in sorted_records(catalog, "organisaties")
        if has_contact(org)
    }
