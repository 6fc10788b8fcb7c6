"""Stage 4 of the pipeline (part 2): records whose parts name each other.

load → validate → model/catalog → **check** → render → write → mkdocs build → pagefind

A ketenroute's steps name actors and its transitions name steps; a gebied names its centrumgemeenten
among its own gemeenten; an uitvoeringsagenda's activities name programmalijnen, subregio's and
organisations. These checks run on the `generator.check.Checker` of one catalogue, after the
references every record has; the graph checks of a route (dead ends, loops, 112) live in
`generator.graph`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.kinds import ACTOR_KINDS, ACTOR_ROLES
from generator.messages import suggest

if TYPE_CHECKING:
    from generator.check import Checker


def check_routes(c: Checker) -> None:
    """Sources of steps and transitions, actors that exist, transitions between steps of the route."""
    for rid, route in c.catalog.of("ketenroutes").items():
        for part in ("stappen", "overgangen"):
            for i, item in enumerate(getattr(route, part)):
                c.bronnen("ketenroutes", rid, (part, i, "bronnen"), item.bronnen)
        seen: set[str] = set()
        for i, stap in enumerate(route.stappen):
            if stap.id in seen:
                c.report(
                    "ketenroutes",
                    rid,
                    ("stappen", i, "id"),
                    "dubbel-id",
                    f"De stap '{stap.id}' komt twee keer voor in deze route. Geef elke stap een eigen id.",
                )
            seen.add(stap.id)
            if stap.actor not in ACTOR_ROLES and not c.exists(stap.actor, ACTOR_KINDS):
                known = [*ACTOR_ROLES, *(x for k in ACTOR_KINDS for x in c.catalog.of(k))]
                c.report(
                    "ketenroutes",
                    rid,
                    ("stappen", i, "actor"),
                    "onbekende-actor",
                    f"'{stap.actor}' is geen organisatie, routeertafel, voorziening of rol "
                    f"({', '.join(ACTOR_ROLES)}).{suggest(stap.actor, known)}",
                )
        for i, overgang in enumerate(route.overgangen):
            for end in ("van", "naar"):
                target = getattr(overgang, end)
                if target not in seen:
                    c.report(
                        "ketenroutes",
                        rid,
                        ("overgangen", i, end),
                        "onbekende-stap",
                        f"Er is geen stap '{target}' in deze route.{suggest(target, seen)}",
                    )


def check_gebieden(c: Checker) -> None:
    """Centrumgemeenten that are gemeenten, and the gemeenten each gebied names."""
    owner: dict[str, str] = {}
    for rid, regio in c.catalog.of("gebieden").items():
        for i, centrum in enumerate(regio.centrumgemeenten):
            if centrum not in c.catalog.gemeenten:
                c.report(
                    "gebieden",
                    rid,
                    ("centrumgemeenten", i),
                    "onbekende-gemeente",
                    f"'{centrum}' is geen gemeente in partners/gebieden.{suggest(centrum, c.catalog.gemeenten)}",
                )
        for i, taak in enumerate(regio.centrumtaken):
            c.bronnen("gebieden", rid, ("centrumtaken", i, "bronnen"), taak.bronnen)
        for s, sub in enumerate(regio.subregios):
            if owner.setdefault(f"subregio:{sub.id}", rid) != rid or sub.id in c.catalog.of("gebieden"):
                c.report(
                    "gebieden",
                    rid,
                    ("subregios", s, "id"),
                    "dubbel-id",
                    f"Het id '{sub.id}' is al in gebruik voor een andere regio of subregio. Kies een ander id.",
                )
            if sub.centrumgemeente and sub.centrumgemeente not in c.catalog.gemeenten:
                c.report(
                    "gebieden",
                    rid,
                    ("subregios", s, "centrumgemeente"),
                    "onbekende-gemeente",
                    f"'{sub.centrumgemeente}' is geen gemeente in partners/gebieden.",
                )
            for g, gemeente in enumerate(sub.gemeenten):
                where = ("subregios", s, "gemeenten", g)
                if gemeente.id in owner and owner[gemeente.id] != f"{rid}/{sub.id}":
                    c.report(
                        "gebieden",
                        rid,
                        (*where, "id"),
                        "dubbel-id",
                        f"De gemeente '{gemeente.id}' staat ook in {owner[gemeente.id]}. Een gemeente hoort bij één subregio.",
                    )
                owner.setdefault(gemeente.id, f"{rid}/{sub.id}")
                value = gemeente.centrumgemeente
                if value and value not in c.catalog.gemeenten:
                    c.report(
                        "gebieden",
                        rid,
                        (*where, "centrumgemeente"),
                        "onbekende-gemeente",
                        f"'{value}' is geen gemeente in partners/gebieden.{suggest(value, c.catalog.gemeenten)}",
                    )


def check_agendas(c: Checker) -> None:
    """Activities of an uitvoeringsagenda: their programmalijn, subregio's, organisations and sources.

    The site has one agenda section (`generator.render.agenda`); a second agenda would be left off the site
    without a word, so it is refused with a message that says so, at its id.
    """
    agendas = sorted(c.catalog.of("uitvoeringsagenda"))
    for rid in agendas[1:]:
        c.report(
            "uitvoeringsagenda",
            rid,
            ("id",),
            "tweede-agenda",
            f"De site toont nu één uitvoeringsagenda, en dat is '{agendas[0]}'. Deze tweede agenda zou niet op de "
            "site komen. Vraag de beheerders van de portal om een pagina per agenda; tot dan kan dit bestand niet mee.",
        )
    for rid, agenda in c.catalog.of("uitvoeringsagenda").items():
        lijnen = {p.id for p in agenda.programmalijnen}
        seen: set[str] = set()
        for i, act in enumerate(agenda.activiteiten):
            where = ("activiteiten", i)
            if act.id in seen:
                c.report(
                    "uitvoeringsagenda",
                    rid,
                    (*where, "id"),
                    "dubbel-id",
                    f"De activiteit '{act.id}' komt twee keer voor. Geef elke activiteit een eigen id.",
                )
            seen.add(act.id)
            if act.programmalijn not in lijnen:
                c.report(
                    "uitvoeringsagenda",
                    rid,
                    (*where, "programmalijn"),
                    "onbekend-id",
                    f"Er is geen programmalijn '{act.programmalijn}' in deze agenda.{suggest(act.programmalijn, lijnen)}",
                )
            for j, sub in enumerate(act.subregios):
                # A gebieden file that failed the schema has unknown subregio's; its own error says why.
                if sub not in c.catalog.subregios and not c.incomplete("gebieden"):
                    c.report(
                        "uitvoeringsagenda",
                        rid,
                        (*where, "subregios", j),
                        "onbekend-gebied",
                        f"'{sub}' is geen subregio in partners/gebieden.{suggest(sub, c.catalog.subregios)}",
                    )
            c.refs("uitvoeringsagenda", rid, (*where, "organisaties"), act.organisaties, ("organisaties",), "organisatie")
            c.bronnen("uitvoeringsagenda", rid, (*where, "bronnen"), act.bronnen)
