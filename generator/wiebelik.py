"""Stage 3 of the pipeline (part 4): "Wie bel ik?" — the answer for the professional who asks.

load → validate → **model**/catalog → check → render → write → mkdocs build → pagefind

For one vorm van geweld, one urgentie and one gemeente: take the ketenroutes for that situation that
cover the gemeente (the vorm's own routes first, then the wider ones), read each from the asker's side
(`generator.callpath`) and build four lists:

- **call**: the contacts the asker makes, in route order, each with what the asker does there. Only
  parties that can be called are listed: a verified phone number of their own, or one they are
  reached through (a `beslissing` with `via`). At acute danger 112 comes first; at zorgen and advies
  the region's Veilig Thuis is always there, because the meldcode sends every professional there.
- **then**: what others do afterwards, in route order, with the condition and timescale of each step.
- **experts**: contacts without a number yet, and specialists in the vorm, with how to reach them.
- **roles**: per beroepsgroep what to do now, and where the routes go next when that group is an actor.

Beslissingen (reviewed YAML decisions) add contacts or exclude parties where the routes alone cannot
give the right answer. Nothing else is typed by hand: change a route, a werkgebied or a phone number
and every answer follows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.callpath import CONTACT_ACTIONS, RouteStep, reachable, read_route
from generator.catalog import Catalog
from generator.guidance import Expert, RoleAnswer, experts, notes, roles
from generator.model import Aandachtspunt, Beslissing, Ketenroute, Telefoon
from generator.relations import Relations

URGENTIES = ("acuut", "zorgen", "advies")
GENERAL = "huiselijk-geweld"  # routes for this umbrella expertise apply when a vorm has no route of its own
MEASURE_KINDS = frozenset({"maatregel"})  # voorziening soorten that are measures someone decides, never calls


@dataclass(frozen=True, slots=True)
class Act:
    """One thing the asker does with a contact, and where that comes from."""

    tekst: str
    actie: str  # advies-vragen, melden, bellen (the start of an acute route) or contact
    voorwaarde: str | None = None


@dataclass(slots=True)
class Contact:
    """One entry of "Bel in deze volgorde"."""

    record: Any
    acts: list[Act] = field(default_factory=list)
    phones: tuple[Telefoon, ...] = ()
    via: Any = None  # the record whose number is shown, when it is not the contact's own


@dataclass(frozen=True, slots=True)
class Next:
    """One line of "Wat er daarna gebeurt": who does what, on which condition, how soon."""

    record: Any
    step: RouteStep


@dataclass(slots=True)
class Answer:
    """The answer for one situation."""

    vorm: Any
    urgentie: str
    gemeente: str
    routes: list[Ketenroute] = field(default_factory=list)
    general: bool = False
    call: list[Contact] = field(default_factory=list)
    then: list[Next] = field(default_factory=list)
    experts: list[Expert] = field(default_factory=list)
    roles: list[RoleAnswer] = field(default_factory=list)
    let_op: list[Aandachtspunt] = field(default_factory=list)
    route_notes: list[Aandachtspunt] = field(default_factory=list)
    gaps: list[Aandachtspunt] = field(default_factory=list)
    decisions: list[Beslissing] = field(default_factory=list)
    meldcode_added: bool = False  # the region's Veilig Thuis was added because no route names it here


def matching_routes(catalog: Catalog, vorm: str, urgentie: str, gemeente: str) -> tuple[list[Ketenroute], bool]:
    """Routes for the situation, most specific first; True when only general routes matched."""
    covering = [
        r for r in catalog.of("ketenroutes").values() if urgentie in r.urgentie and gemeente in catalog.gemeenten_in(r.werkgebied)
    ]
    specific = [r for r in covering if vorm in r.expertise]
    general = False
    if not specific:
        specific = [r for r in covering if GENERAL in r.expertise or not r.expertise]
        general = True
    specific.sort(key=lambda r: (len(r.expertise), r.naam.lower()))
    return specific, general


def applicable(catalog: Catalog, vorm: str, urgentie: str, gemeente: str) -> list[Beslissing]:
    """The beslissingen for this situation, by id."""
    return [
        d
        for _, d in sorted(catalog.of("beslissingen").items())
        if vorm in d.vormen
        and (not d.urgentie or urgentie in d.urgentie)
        and (not d.werkgebied or gemeente in catalog.gemeenten_in(d.werkgebied))
    ]


def measures(catalog: Catalog) -> frozenset[str]:
    """Voorzieningen that are measures: soort maatregel, or decided (besluiten) in some route."""
    decided = {s.actor for r in catalog.of("ketenroutes").values() for s in r.stappen if s.actie == "besluiten"}
    return frozenset(vid for vid, vz in catalog.of("voorzieningen").items() if vz.soort in MEASURE_KINDS or vid in decided)


def phones_of(record: Any) -> tuple[Telefoon, ...]:
    """Phone numbers of an organisatie or voorziening (empty when unknown or for other kinds)."""
    contact = getattr(record, "contact", None)
    return tuple(contact.telefoon) if contact else ()


def fits(record: Any, vorm: str) -> bool:
    """Whether a party may be listed for a vorm: generic services always, specialists only for their vormen."""
    expertise = getattr(record, "expertise", ())
    generic = getattr(record, "soort", None) in ("advies-en-meldpunt", "politie")
    return generic or not expertise or vorm in expertise or GENERAL in expertise


def answer(catalog: Catalog, rel: Relations, vorm: str, urgentie: str, gemeente: str) -> Answer:
    """Compute the answer for one vorm × urgentie × gemeente."""
    result = Answer(catalog.of("expertise")[vorm], urgentie, gemeente)
    result.routes, result.general = matching_routes(catalog, vorm, urgentie, gemeente)
    result.decisions = applicable(catalog, vorm, urgentie, gemeente)
    excluded = frozenset(a for d in result.decisions if d.besluit == "uitsluiten" for a in d.actoren)
    is_measure = measures(catalog)

    def usable(actor: str) -> Any:
        rec = rel.record(actor)
        if rec is None or actor in excluded or gemeente not in catalog.gemeenten_in(rec.werkgebied):
            return None
        return rec

    contact_steps: list[RouteStep] = []
    then: list[RouteStep] = []
    for route in result.routes:
        still = reachable(route, excluded)
        for step in read_route(route):
            if usable(step.stap.actor) is None or step.stap.id not in still:
                continue
            callable_kind = rel.kind_of(step.stap.actor) in ("organisaties", "voorzieningen")
            if step.contact and callable_kind and step.stap.actor not in is_measure:
                contact_steps.append(step)
            else:
                then.append(step)
    # The asker is a professional: what routes say to professionals comes before what they say to anyone.
    contact_steps.sort(key=lambda s: s.asker not in (None, "professional"))
    contacts: dict[str, Contact] = {}
    unreachable: dict[str, RouteStep] = {}
    other_ways: list[RouteStep] = []
    for step in contact_steps:
        rec = rel.record(step.stap.actor)
        if not fits(rec, vorm):
            continue
        if not phones_of(rec):
            unreachable.setdefault(step.stap.actor, step)
        elif step.stap.actie in CONTACT_ACTIONS or step.asker is None:
            actie = step.stap.actie if step.stap.actie in CONTACT_ACTIONS else "bellen"
            entry = contacts.setdefault(step.stap.actor, Contact(rec, phones=phones_of(rec)))
            if not any(a.actie == actie for a in entry.acts):
                entry.acts.append(Act(step.stap.omschrijving or "", actie, step.voorwaarde))
        else:
            other_ways.append(step)
    for step in other_ways:
        # Reached by the asker, but the stap says what that party does: a contact only if nothing else is.
        if step.stap.actor not in contacts:
            rec = rel.record(step.stap.actor)
            act = Act(step.stap.omschrijving or "", "contact", step.voorwaarde)
            contacts[step.stap.actor] = Contact(rec, [act], phones_of(rec))
        else:
            then.append(step)
    _decide(rel, result, contacts, usable)
    result.call = _ordered(rel, result, contacts, usable)
    result.then = _then(rel, result.routes, then)
    listed = {c.record.id for c in result.call} | {n.record.id for n in result.then}
    result.experts = experts(rel, vorm, result.routes, listed, unreachable, usable, is_measure)
    result.let_op, result.route_notes, result.gaps = notes(result.vorm, result.routes)
    result.roles = roles(catalog, vorm, urgentie, gemeente, result.routes, usable)
    return result


def _then(rel: Relations, routes: list[Ketenroute], steps: list[RouteStep]) -> list[Next]:
    """Next steps in route order; a party's step repeated by a later route is shown once."""
    order = {route.id: i for i, route in enumerate(routes)}
    position = {id(s.stap): i for route in routes for i, s in enumerate(read_route(route))}
    steps = sorted(steps, key=lambda s: (order[s.route.id], position[id(s.stap)]))
    out: list[Next] = []
    seen: dict[tuple[str, str], Ketenroute] = {}
    for step in steps:
        key = (step.stap.actor, step.stap.actie)
        if seen.setdefault(key, step.route) is not step.route:
            continue
        if any(n.step.stap is step.stap for n in out):
            continue
        out.append(Next(rel.record(step.stap.actor), step))
    return out


def _decide(rel: Relations, result: Answer, contacts: dict[str, Contact], usable: Any) -> None:
    """Add the contacts of `bellen` beslissingen, after the actor named in `na`, else at the end."""
    for decision in result.decisions:
        if decision.besluit != "bellen":
            continue
        via = rel.record(decision.via) if decision.via else None
        for actor in decision.actoren:
            rec = usable(actor)
            if rec is None:
                continue
            phones = phones_of(rec) or phones_of(via)
            if not phones:
                continue  # check reports this: a decision cannot make an unreachable party callable
            if actor not in contacts:
                own = bool(phones_of(rec))
                contacts[actor] = Contact(rec, phones=phones, via=None if own else via)
                if decision.na in contacts:
                    order = list(contacts)
                    order.remove(actor)
                    order.insert(order.index(decision.na) + 1, actor)
                    moved = {k: contacts[k] for k in order}
                    contacts.clear()
                    contacts.update(moved)
            contacts[actor].acts.append(Act(decision.voor_jou or "", "beslissing"))


def _ordered(rel: Relations, result: Answer, contacts: dict[str, Contact], usable: Any) -> list[Contact]:
    """The call list: 112 first at acute danger; the region's Veilig Thuis always at zorgen and advies."""
    call = list(contacts.values())
    if result.urgentie == "acuut":
        if not any(t.nummer == "112" for c in call for t in c.phones):
            call = [Contact(org, [Act("", "bellen")], phones_of(org)) for org, _ in rel.emergency()] + call
        call.sort(key=lambda c: not any(t.nummer == "112" for t in c.phones))
    else:
        region = [vt for vt in rel.meldpunten(result.gemeente) if usable(vt.id) is not None]
        if region and not any(c.record.id in {vt.id for vt in region} for c in call):
            result.meldcode_added = True
            call += [Contact(vt, [Act("", "meldcode")], phones_of(vt)) for vt in region]
    return call
