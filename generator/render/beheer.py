"""Part of stage 5 (render): the beheer page — what each eigenaar has to check, and when.

Per eigenaar (records without one under "Geen eigenaar"): the phone numbers whose verification has
expired or expires within `DUE_SOON_DAYS`, and the organisaties and voorzieningen without any
contact data. Review dates come from `generator.check_contact` (the same rule as the
``controle-verlopen`` warning); ``today`` is a parameter, so the page is pure and testable.
Below that, the records whose newest source is more than three years old, oldest first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from jinja2 import Environment

from generator.catalog import Catalog
from generator.check_contact import review_due, review_interval
from generator.kinds import KINDS
from generator.model import Telefoon
from generator.owners import owner_of
from generator.relations import Relations
from generator.render.context import PageContext, front_matter
from generator.render.sources import Currency

PAGE = "beheer.md"
DUE_SOON_DAYS = 30
NO_OWNER = "Geen eigenaar"
CONTACT_KINDS = ("organisaties", "voorzieningen")


@dataclass(frozen=True, slots=True)
class DueNumber:
    """One phone number to check again."""

    record: Any
    telefoon: Telefoon
    due: date
    interval: int
    overdue: bool


@dataclass(slots=True)
class OwnerTasks:
    """Everything one eigenaar has to look at."""

    eigenaar: str
    numbers: list[DueNumber] = field(default_factory=list)
    no_contact: list[Any] = field(default_factory=list)


def owner_tasks(catalog: Catalog, today: date) -> list[OwnerTasks]:
    """Tasks per eigenaar, named owners alphabetically and "Geen eigenaar" last; owners with nothing to do left out."""
    horizon = today + timedelta(days=DUE_SOON_DAYS)
    tasks: dict[str, OwnerTasks] = {}
    for kind in CONTACT_KINDS:
        for rec in catalog.of(kind).values():
            found = owner_of(catalog, rec)
            owner = found.naam if found is not None else NO_OWNER
            contact = rec.contact
            if contact is None or not (contact.telefoon or contact.email or contact.adres):
                tasks.setdefault(owner, OwnerTasks(owner)).no_contact.append(rec)
                continue
            for tel in contact.telefoon:
                due = review_due(tel)
                if due <= horizon:
                    number = DueNumber(rec, tel, due, review_interval(tel), due < today)
                    tasks.setdefault(owner, OwnerTasks(owner)).numbers.append(number)
    for group in tasks.values():
        group.numbers.sort(key=lambda n: (n.due, n.record.naam.casefold(), n.record.id, n.telefoon.doel, n.telefoon.nummer))
        group.no_contact.sort(key=lambda r: (r.naam.casefold(), r.id))
    return sorted(tasks.values(), key=lambda t: (t.eigenaar == NO_OWNER, t.eigenaar.casefold(), t.eigenaar))


# Kinds whose records have a page of their own to link to.
SOURCED_KINDS = ("organisaties", "routeertafels", "voorzieningen", "expertise", "ketenroutes", "begrippen")


def oldest_sourced(catalog: Catalog, rel: Relations) -> list[tuple[str, Any, Currency]]:
    """(kind label, record, currency) of every record whose sources are all old, the oldest newest source first."""
    found = []
    for kind in SOURCED_KINDS:
        for rec in catalog.of(kind).values():
            currency = rel.currency.get(rec.bestand)
            if currency is not None and currency.old:
                found.append((KINDS[kind].singular, rec, currency))
    return sorted(found, key=lambda f: (f[2].years[-1], f[0], f[1].bestand))


def beheer_page(env: Environment, catalog: Catalog, rel: Relations, today: date) -> tuple[str, str]:
    """The beheer page for the given day."""
    ctx = PageContext(catalog, rel, PAGE)
    meta = {
        "title": "Beheer per eigenaar",
        "description": "Welke telefoonnummers opnieuw gecontroleerd moeten worden en welke records geen contactgegevens hebben.",
        "paginasoort": "beheer",
    }
    tasks = owner_tasks(catalog, today)
    return PAGE, env.get_template("beheer.md.j2").render(
        tasks=tasks,
        today=today,
        soon=DUE_SOON_DAYS,
        overdue=sum(n.overdue for t in tasks for n in t.numbers),
        oldest=oldest_sourced(catalog, rel),
        front_matter=front_matter(meta),
        **ctx.helpers(),
    )
