"""Stage 4 of the pipeline (part 3): checks for the records that shape "Wie bel ik?".

load → validate → model/catalog → **check** → render → write → mkdocs build → pagefind

A beslissing may add a contact or exclude a party where the routes cannot express the right answer.
It may not contradict a route: excluding a party that a route for that vorm names as the asker's own
contact, or excluding 112 or Veilig Thuis, is refused; so is making a party callable that has no
number, or listing a specialist for a vorm outside its expertise. A beslissing without bronnen never
gets here (the schema requires them). Beroepsgroepen get their references checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.callpath import read_route
from generator.issues import Severity
from generator.wiebelik import GENERAL, fits, phones_of

if TYPE_CHECKING:
    from generator.check import Checker

KIND = "beslissingen"


def check_wiebelik(c: Checker) -> None:
    """Report problems in beslissingen and beroepsgroepen."""
    vormen = [e for e in c.catalog.of("expertise").values() if e.soort == "vorm-van-geweld"]
    for rid, d in c.catalog.of(KIND).items():
        _references(c, rid, d, {v.id for v in vormen})
        if d.besluit == "bellen":
            _calls(c, rid, d)
        else:
            _exclusions(c, rid, d)
    for rid, rol in c.catalog.of("beroepsgroepen").items():
        c.refs("beroepsgroepen", rid, ("actoren",), rol.actoren, ("organisaties",), "organisatie")
        for i, advies in enumerate(rol.nu):
            c.refs("beroepsgroepen", rid, ("nu", i, "vormen"), advies.vormen, ("expertise",), "vorm van geweld")
            c.bronnen("beroepsgroepen", rid, ("nu", i, "bronnen"), advies.bronnen)
            c.areas_ok("beroepsgroepen", rid, ("nu", i, "werkgebied"), advies.werkgebied)


def _references(c: Checker, rid: str, d: Any, vormen: set[str]) -> None:
    for i, vorm in enumerate(d.vormen):
        if vorm in c.catalog.of("expertise") and vorm not in vormen:
            c.report(
                KIND,
                rid,
                ("vormen", i),
                "geen-vorm",
                f"'{vorm}' is een doelgroep of thema, geen vorm van geweld. "
                "Een beslissing geldt voor vormen van geweld (soort vorm-van-geweld in partners/expertise).",
            )
        else:
            c.refs(KIND, rid, ("vormen", i), vorm, ("expertise",), "vorm van geweld")
    c.refs(KIND, rid, ("actoren",), d.actoren, ("organisaties", "voorzieningen"), "organisatie of voorziening")
    c.refs(KIND, rid, ("via",), d.via, ("organisaties",), "organisatie")
    c.refs(KIND, rid, ("na",), d.na, ("organisaties", "voorzieningen"), "organisatie of voorziening")
    if d.besluit == "uitsluiten":
        for name in ("via", "na", "voor_jou"):
            if getattr(d, name):
                c.report(
                    KIND,
                    rid,
                    (name,),
                    "alleen-bij-bellen",
                    f"'{name}' hoort alleen bij besluit: bellen. "
                    "Een uitsluiting zegt alleen wie er niet in het antwoord hoort; haal dit veld weg.",
                    key=True,
                )


def _calls(c: Checker, rid: str, d: Any) -> None:
    via = c.catalog.of("organisaties").get(d.via) if d.via else None
    if d.via and via is not None and not phones_of(via):
        c.report(
            KIND,
            rid,
            ("via",),
            "niet-te-bellen",
            f"'{d.via}' heeft geen gecontroleerd telefoonnummer, dus niemand is via "
            "die organisatie te bereiken. Noem een organisatie met een nummer, of haal 'via' weg.",
        )
    for i, actor in enumerate(d.actoren):
        rec = c.catalog.of("organisaties").get(actor) or c.catalog.of("voorzieningen").get(actor)
        if rec is None:
            continue
        if not phones_of(rec) and not (via and phones_of(via)):
            c.report(
                KIND,
                rid,
                ("actoren", i),
                "niet-te-bellen",
                f"'{actor}' heeft geen gecontroleerd telefoonnummer en is niet 'via' "
                "een nummer te bereiken. In 'Bel in deze volgorde' staat alleen wie je kunt bellen: voeg eerst een "
                "gecontroleerd nummer toe aan het record, of noem bij 'via' de organisatie wier nummer deze partij bereikt.",
            )
        for vorm in d.vormen:
            if not fits(rec, vorm):
                c.report(
                    KIND,
                    rid,
                    ("actoren", i),
                    "past-niet-bij-vorm",
                    f"'{actor}' heeft '{vorm}' niet in zijn expertise. "
                    "Een specialist komt alleen in het antwoord bij de vormen waarin hij deskundig is: voeg de vorm toe "
                    "aan zijn expertise (met bron), of haal de vorm hier weg.",
                )


def _exclusions(c: Checker, rid: str, d: Any) -> None:
    area = c.catalog.gemeenten_in(d.werkgebied) if d.werkgebied else frozenset(c.catalog.gemeenten)
    for i, actor in enumerate(d.actoren):
        rec = c.catalog.of("organisaties").get(actor)
        if rec is not None and (rec.soort == "advies-en-meldpunt" or any(t.nummer == "112" for t in phones_of(rec))):
            c.report(
                KIND,
                rid,
                ("actoren", i),
                "spreekt-route-tegen",
                f"'{actor}' kun je niet uitsluiten: bij acuut gevaar "
                "komt 112 altijd eerst, en bij zorgen en advies hoort Veilig Thuis altijd in het antwoord (de meldcode).",
            )
            continue
        named = contradicted = False
        for route in c.catalog.of("ketenroutes").values():
            if not area & c.catalog.gemeenten_in(route.werkgebied) or (d.urgentie and not set(d.urgentie) & set(route.urgentie)):
                continue
            for vorm in d.vormen:
                covers = vorm in route.expertise or GENERAL in route.expertise or not route.expertise
                steps = [s for s in read_route(route) if s.stap.actor == actor] if covers else []
                named = named or bool(steps)
                if not contradicted and vorm in route.expertise and any(s.contact for s in steps):
                    contradicted = True
                    c.report(
                        KIND,
                        rid,
                        ("actoren", i),
                        "spreekt-route-tegen",
                        f"De route '{route.id}' noemt '{actor}' bij "
                        f"'{vorm}' juist als partij die de professional zelf benadert. Een beslissing mag een route niet "
                        "tegenspreken: pas de route aan (met bron), of beperk de beslissing met urgentie of werkgebied.",
                    )
        # Without every gebieden file (one has its own error) the areas of routes are not known in full.
        complete = not c.incomplete("gebieden")
        if not named and complete and all(v in c.catalog.of("expertise") for v in d.vormen):
            c.report(
                KIND,
                rid,
                ("actoren", i),
                "sluit-niets-uit",
                f"Geen ketenroute voor deze vormen en urgentie noemt "
                f"'{actor}', dus deze uitsluiting verandert geen antwoord. Haal haar weg als ze niet meer nodig is.",
                Severity.WAARSCHUWING,
            )
