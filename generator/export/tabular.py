"""Open-data export as CSV: one table per kind plus one for all phone numbers.

load → validate → model/catalog → check → render → **export** → write → mkdocs build → pagefind

For people who open data in a spreadsheet. Column headers are the Dutch field names of the YAML
records, so the CSV and the records can be compared one to one. UTF-8, comma-separated, quoted
where needed (the `csv` module, RFC 4180 line ends), rows ordered by id. Lists sit in one cell,
separated by " | ". A secret address is never written: the address columns of such a voorziening
stay empty, as decided by `common.public_address`.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return
before one) as a formula, so ``=HYPERLINK(…)`` typed as a naam would become a live link in the file a
beleidsmedewerker opens. Following the OWASP guidance on CSV injection every such cell gets a leading
apostrophe, which spreadsheets show as text. A cell that is only a number (``+318002000``) cannot hold
a formula and stays as it is.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import Any

from generator.catalog import Catalog
from generator.export.common import bronnen_text, hours_text, phones_of, public_address, sorted_records

Row = dict[str, str]
SEPARATOR = " | "

ADDRESS_COLUMNS = ("straat", "postcode", "plaats")

# Field names as in the YAML records, in the order an editor reads a record. Kept compact on purpose.
# fmt: off
COLUMNS = {
    "organisaties": ("id", "naam", "ook_bekend_als", "soort", "beschrijving", "rol", "website", "email", *ADDRESS_COLUMNS,
                     "werkgebied", "expertise", "onderdeel_van", "status", "bronnen"),
    "voorzieningen": ("id", "naam", "ook_bekend_als", "soort", "beschrijving", "aanbieder", "voor_wie", "toegang",
                      "vertrouwelijk_adres", "email", *ADDRESS_COLUMNS, "werkgebied", "expertise", "status", "bronnen"),
    "routeertafels": ("id", "naam", "ook_bekend_als", "soort", "doel", "instroomcriteria", "wie_mag_aanmelden",
                      "hoe_aanmelden", "deelnemers", "organisator", "casusregie", "frequentie", "werkgebied", "expertise",
                      "status", "bronnen"),
}
PHONE_COLUMNS = ("soort_record", "record_id", "record_naam", "doel", "nummer", "weergave", "bereikbaarheid", "dag_en_nacht",
                 "gratis", "anoniem", "toelichting", "geverifieerd_op", "geverifieerd_door", "geverifieerd_bron",
                 "geverifieerd_methode")
# fmt: on


FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"^[+-]?[0-9]+$")


def inert(text: str) -> str:
    """A cell a spreadsheet shows as text: a leading apostrophe before anything that could start a formula."""
    if text.lstrip(" ").startswith(FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    return text


def cell(value: Any) -> str:
    """One value as CSV text: lists joined, booleans as ja/nee, nothing as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, tuple | list):
        return SEPARATOR.join(cell(v) for v in value)
    return str(value)


def _record_row(catalog: Catalog, kind: str, record: Any) -> Row:
    row = {col: cell(getattr(record, col, None)) for col in COLUMNS[kind] if col not in ADDRESS_COLUMNS}
    contact = getattr(record, "contact", None)
    if "email" in row:
        row["email"] = cell(contact.email if contact else None)
    row["bronnen"] = bronnen_text(catalog, record)
    if kind != "routeertafels":
        adres = public_address(record)
        row |= {col: cell(getattr(adres, col) if adres else None) for col in ADDRESS_COLUMNS}
    return {col: row[col] for col in COLUMNS[kind]}


def _phone_rows(catalog: Catalog) -> Iterable[Row]:
    for kind, label in (("organisaties", "organisatie"), ("voorzieningen", "voorziening")):
        for record in sorted_records(catalog, kind):
            for tel in phones_of(record):
                check = tel.geverifieerd
                yield {
                    "soort_record": label,
                    "record_id": record.id,
                    "record_naam": record.naam,
                    "doel": tel.doel,
                    "nummer": tel.nummer,
                    "weergave": tel.weergave,
                    "bereikbaarheid": hours_text(tel.beschikbaarheid),
                    "dag_en_nacht": cell(tel.beschikbaarheid.altijd),
                    "gratis": cell(tel.gratis),
                    "anoniem": cell(tel.anoniem),
                    "toelichting": cell(tel.toelichting),
                    "geverifieerd_op": check.op.isoformat(),
                    "geverifieerd_door": check.door,
                    "geverifieerd_bron": check.bron,
                    "geverifieerd_methode": cell(check.methode),
                }


def to_csv(columns: tuple[str, ...], rows: Iterable[Row]) -> bytes:
    """A CSV file with a header row; the same rows always give the same bytes."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({column: inert(text) for column, text in row.items()} for row in rows)
    return buffer.getvalue().encode("utf-8")


def export_tabular(catalog: Catalog) -> dict[str, bytes]:
    """The CSV files (path under ``open-data/`` → bytes)."""
    files: dict[str, bytes] = {}
    for kind, columns in COLUMNS.items():
        files[f"csv/{kind}.csv"] = to_csv(columns, [_record_row(catalog, kind, r) for r in sorted_records(catalog, kind)])
    files["csv/telefoonnummers.csv"] = to_csv(PHONE_COLUMNS, _phone_rows(catalog))
    return files
