"""Stage 4 of the pipeline (contact part): phone numbers and how fresh their verification is.

Every phone number must be a real Dutch (or short) number, its `weergave` must show the same
digits, and its `geverifieerd.op` date may not lie in the future. A verification older than its
review interval (default 365 days, 90 for crisis and emergency lines) gives a `waarschuwing`: it
never blocks publishing, but it shows on the beheer page until someone checks the number again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import phonenumbers
from phonenumbers import shortnumberinfo

from generator.catalog import Catalog
from generator.issues import Issue, Severity
from generator.load import RawRecord
from generator.model import Contact, Telefoon
from generator.yamlnodes import dotted

CRISIS_DOELEN = frozenset({"spoed", "crisis"})
DEFAULT_INTERVAL_DAYS = 365
CRISIS_INTERVAL_DAYS = 90


def review_interval(tel: Telefoon) -> int:
    """Days after which a number must be checked again."""
    if tel.geverifieerd.herzien_na_dagen:
        return tel.geverifieerd.herzien_na_dagen
    return CRISIS_INTERVAL_DAYS if tel.doel in CRISIS_DOELEN else DEFAULT_INTERVAL_DAYS


def review_due(tel: Telefoon) -> date:
    """The date on which the verification of ``tel`` expires."""
    return tel.geverifieerd.op + timedelta(days=review_interval(tel))


def national_digits(nummer: str) -> str | None:
    """Digits as dialled inside the Netherlands ('08002000'), or None when the number is not valid."""
    if not nummer.startswith("+"):
        valid = shortnumberinfo.is_valid_short_number_for_region(phonenumbers.parse(nummer, "NL"), "NL")
        return nummer if valid else None
    try:
        parsed = phonenumbers.parse(nummer, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return re.sub(r"\D", "", national)


def contacts(catalog: Catalog) -> Iterator[tuple[str, str, Contact]]:
    """Yield (kind, id, contact) for every record with a contact block."""
    for kind in ("organisaties", "voorzieningen"):
        for rid, rec in catalog.of(kind).items():
            if rec.contact is not None:
                yield kind, rid, rec.contact


def check_contacts(catalog: Catalog, today: date) -> list[Issue]:
    """Check every phone number of every organisatie and voorziening."""
    issues: list[Issue] = []
    for kind, rid, contact in contacts(catalog):
        raw = catalog.raw[(kind, rid)]

        def add(
            where: tuple[str | int, ...], code: str, message: str, severity: Severity = Severity.FOUT, raw: RawRecord = raw
        ) -> None:
            line, column = raw.locate(where)
            issues.append(Issue(raw.path, line, column, code, dotted(where), message, severity))

        for i, tel in enumerate(contact.telefoon):
            where = ("contact", "telefoon", i)
            digits = national_digits(tel.nummer)
            if digits is None:
                add(
                    (*where, "nummer"),
                    "ongeldig-telefoonnummer",
                    f"{tel.nummer} is geen geldig telefoonnummer. Controleer de cijfers; schrijf het als +31 "
                    f"gevolgd door het nummer zonder de eerste 0 (0800-2000 wordt +318002000).",
                )
            elif re.sub(r"\D", "", tel.weergave) != digits:
                add(
                    (*where, "weergave"),
                    "weergave-klopt-niet",
                    f"De weergave '{tel.weergave}' toont andere cijfers dan het nummer {tel.nummer} ({digits}). "
                    f"Maak ze gelijk, zodat de link en de tekst hetzelfde nummer bellen.",
                )
            if tel.geverifieerd.op > today:
                add(
                    (*where, "geverifieerd", "op"),
                    "datum-in-toekomst",
                    f"De controledatum {tel.geverifieerd.op.isoformat()} ligt in de toekomst. Vul de datum in waarop het nummer echt is gecontroleerd.",
                )
            elif review_due(tel) < today:
                add(
                    (*where, "geverifieerd", "op"),
                    "controle-verlopen",
                    f"Dit nummer is het laatst gecontroleerd op {tel.geverifieerd.op.isoformat()}, langer dan "
                    f"{review_interval(tel)} dagen geleden. Bel of kijk het na en zet de nieuwe datum bij geverifieerd.op.",
                    Severity.WAARSCHUWING,
                )
    return issues
