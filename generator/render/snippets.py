"""Part of stage 5 (render): page descriptions that read as a search snippet or a link preview.

A description is what a search engine shows under the title and what a chat app shows under a
pasted link: at most 160 characters, ending on a whole word, made from the data. An organisatie says
what it is, where it works and its first number; a "Wie bel ik?" answer says the vorm, the urgentie,
the gemeente and whom to call first. `generator.render.findability` makes them unique site-wide.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from generator.catalog import Catalog
from generator.kinds import LANDELIJK
from generator.labels import SOORT_LABELS

LIMIT = 160
_TRAILING = " ,;:–—-(/"


def clip(text: str, limit: int = LIMIT) -> str:
    """``text`` on one line, at most ``limit`` characters, cut after a whole word (with '…') when too long."""
    flat = " ".join(str(text).split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    # A single word longer than the limit (a URL) is the only case that has to be cut inside a word.
    cut = (cut[:space] if space > limit // 3 else cut).rstrip(_TRAILING)
    # Cut right after a sentence: that reads as whole, no '…' needed.
    return cut if cut.endswith((".", "!", "?")) else cut + "…"


def sentence(text: str) -> str:
    """``text`` ending in a full stop (or the question or exclamation mark it has)."""
    text = text.rstrip()
    return text if not text or text.endswith((".", "!", "?", "…")) else text + "."


def compose(head: str, tail: str, limit: int = LIMIT) -> str:
    """``head`` whole (clipped only if it alone is too long), followed by as much of ``tail`` as fits."""
    head = clip(head, limit)
    if not tail:
        return head
    room = limit - len(head) - 1
    if room < 20:  # a few words of the tail say nothing; the head alone reads better
        return head
    return f"{head} {clip(tail, room)}"


def _names(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def where(rec: Any, catalog: Catalog, regions: Iterable[str]) -> str:
    """Where a record works, in a few words: one or two places by name, else the regio's."""
    areas = tuple(getattr(rec, "werkgebied", ()))
    if not areas:
        return ""
    if LANDELIJK in areas:
        return "heel Nederland"
    if len(areas) <= 2:
        return _names([catalog.area_name(a) for a in areas])
    names = [catalog.of("gebieden")[r].naam for r in regions if r in catalog.of("gebieden")]
    return f"gemeenten in {_names(names)}" if names else _names([catalog.area_name(a) for a in areas[:2]]) + " en meer"


def first_phone(rec: Any) -> str | None:
    """The first (verified) number of a record as people dial it, or None."""
    contact = getattr(rec, "contact", None)
    return str(contact.telefoon[0].weergave) if contact is not None and contact.telefoon else None


def record_description(rec: Any, label: str, catalog: Catalog, regions: Iterable[str]) -> str:
    """An organisatie, voorziening or routeertafel: what it is, where, its first number, then its own words.

    Args:
        label: What the record is when it has no soort of its own ('Overleg', 'Voorziening').
        regions: Regio ids the record works in (from the relations).
    """
    soort = getattr(rec, "soort", None)
    what = SOORT_LABELS.get(soort, str(soort).replace("-", " ").capitalize()) if soort else label
    place = where(rec, catalog, regions)
    head = f"{what} in {place}" if place else what
    phone = first_phone(rec)
    if phone and phone not in rec.naam:
        head += f", bel {phone}"
    own = getattr(rec, "beschrijving", None) or getattr(rec, "doel", None) or ""
    return compose(sentence(head), str(own))


def answer_description(vorm: str, urgentie: str, gemeente: str, records: Sequence[Any]) -> str:
    """A "Wie bel ik?" answer: 'Eergerelateerd geweld in Heerlen, acuut gevaar: bel 112, daarna …'.

    Args:
        vorm: Name of the vorm van geweld.
        urgentie: The urgentie as readers see it ('Acuut gevaar').
        gemeente: Name of the gemeente.
        records: Whom to call, in order (organisaties or voorzieningen).
    """
    head = f"{vorm} in {gemeente}, {urgentie.lower()}"
    calls: list[str] = []
    for rec in records:
        phone = first_phone(rec)
        if phone and phone in rec.naam:
            calls.append(rec.naam)
        else:
            calls.append(f"{rec.naam} ({phone})" if phone else rec.naam)
    if not calls:
        return clip(f"{head}: wie je belt en in welke volgorde.")
    text = f"{head}: bel {calls[0]}"
    for i, extra in enumerate(calls[1:]):
        longer = f"{text}{', daarna ' if i == 0 else ', '}{extra}"
        if len(longer) + 1 > LIMIT:
            break
        text = longer
    return clip(sentence(text))
