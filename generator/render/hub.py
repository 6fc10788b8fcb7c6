"""Part of stage 5 (render): what a gemeente page shows, grouped by what the reader does.

The gemeente page is the hub for anyone who works in that gemeente. Nothing here is typed per
gemeente: every group is derived from the records' soort and werkgebied, so a new region only adds
data. Records are grouped by what you do with them (call, bring a case in, refer, know who decides)
rather than listed alphabetically; within a group the most local record comes first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.catalog import Catalog, GemeenteInfo
from generator.kinds import LANDELIJK
from generator.model import Activiteit, Centrumtaak
from generator.relations import Relations

# Overleggen by routeertafel soort: the reader's question first, then which soorts answer it.
OVERLEG_GROUPS: tuple[tuple[str, str, frozenset[str | None]], ...] = (
    ("van-melding-naar-hulp", "Van melding naar hulp", frozenset({"routeringstafel", "triage"})),
    ("zware-zaken", "Zware of vastgelopen zaken", frozenset({"casusoverleg"})),
)
# Voorzieningen by soort. A maatregel is never something to call: it is what can happen next.
HULP_GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("Opvang", frozenset({"vrouwenopvang", "maatschappelijke-opvang", "ambulante-hulp"})),
    (
        "Specialistische hulp",
        frozenset(
            {"centrum-seksueel-geweld", "specialistische-hulp", "traumahulp", "plegerhulp", "slachtofferhulp", "jeugdbescherming"}
        ),
    ),
    ("Voorkomen en steunen", frozenset({"preventie", "overig"})),
)
MAATREGEL = "maatregel"
STURING = frozenset({"bestuurlijk-orgaan", "gemeente"})  # stuurgroepen, commissies, adviesgroepen, groups of gemeenten
STATUS_ORDER = {"bestaand": 0, None: 0, "onbekend": 1, "gepland": 2, "opgeheven": 3}


@dataclass(slots=True)
class Hub:
    """Everything the page of one gemeente shows."""

    info: GemeenteInfo
    centrum: str | None = None  # gemeente id of the centrumgemeente for this gemeente
    centrum_voor: str | None = None  # the subregio it is centrumgemeente for (as the sources say)
    centrumtaken: tuple[Centrumtaak, ...] = ()
    centrum_orgs: list[Any] = field(default_factory=list)
    eigen: list[Any] = field(default_factory=list)  # the gemeente's own organisatie record(s)
    teams: list[Any] = field(default_factory=list)
    meldpunten: list[Any] = field(default_factory=list)
    overleggen: list[tuple[str, str, list[Any]]] = field(default_factory=list)
    overig_overleg: list[Any] = field(default_factory=list)
    veiligheidshuizen: list[Any] = field(default_factory=list)
    hulp: list[tuple[str, list[Any]]] = field(default_factory=list)
    maatregelen: list[Any] = field(default_factory=list)
    lokaal: list[Activiteit] = field(default_factory=list)
    subregionaal: list[Activiteit] = field(default_factory=list)
    agenda_subregio: str | None = None  # subregio page of the uitvoeringsagenda, when it has one
    sturing: list[Any] = field(default_factory=list)
    overig: list[tuple[str, list[Any]]] = field(default_factory=list)
    landelijk: list[Any] = field(default_factory=list)


def build_hub(gid: str, catalog: Catalog, rel: Relations, soort_label: Any) -> Hub:
    """Group every record that serves gemeente ``gid`` by what a professional there does with it."""
    info = catalog.gemeenten[gid]
    hub = Hub(info=info)
    serving = rel.serving.get(gid, {})

    def reach(rec: Any) -> int:
        """How many gemeenten a record serves: the most local record comes first."""
        return len(catalog.gemeenten_in(rec.werkgebied))

    def order(items: list[Any]) -> list[Any]:
        return sorted(items, key=lambda r: (STATUS_ORDER.get(getattr(r, "status", None), 1), reach(r), r.naam.lower()))

    local = {kind: [r for r in serving.get(kind, []) if LANDELIJK not in r.werkgebied] for kind in serving}
    hub.landelijk = sorted(
        (r for kind in ("organisaties", "voorzieningen") for r in serving.get(kind, []) if LANDELIJK in r.werkgebied),
        key=lambda r: r.naam.lower(),
    )

    hub.centrum = info.gemeente.centrumgemeente or info.subregio.centrumgemeente
    if hub.centrum:
        centrum_sub = catalog.gemeenten[hub.centrum].subregio
        hub.centrum_voor = info.subregio.naam if info.subregio.centrumgemeente == hub.centrum else centrum_sub.naam
    hub.centrumtaken = info.regio.centrumtaken

    used: set[str] = set()
    orgs = local.get("organisaties", [])
    hub.eigen = [o for o in orgs if o.soort == "gemeente" and gid in o.werkgebied]
    hub.centrum_orgs = [
        o
        for o in catalog.of("organisaties").values()
        if o.soort == "gemeente" and hub.centrum and hub.centrum in o.werkgebied and o not in hub.eigen
    ]
    hub.teams = order([o for o in orgs if o.soort == "lokaal-team"])
    hub.meldpunten = order([o for o in orgs if o.soort == "advies-en-meldpunt"])
    hub.veiligheidshuizen = order([o for o in orgs if o.soort == "zorg-en-veiligheidshuis"])
    opvang_orgs = order([o for o in orgs if o.soort == "vrouwenopvang"])
    for group in (hub.eigen, hub.centrum_orgs, hub.teams, hub.meldpunten, hub.veiligheidshuizen, opvang_orgs):
        used.update(o.id for o in group)
    hub.sturing = order([o for o in orgs if o.id not in used and o.soort in STURING])
    used.update(o.id for o in hub.sturing)
    rest: dict[str, list[Any]] = {}
    for o in orgs:
        if o.id not in used:
            rest.setdefault(soort_label(o.soort), []).append(o)
    # "Overig" last: a reader scans the named kinds of organisation first.
    hub.overig = [
        (label, sorted(items, key=lambda o: o.naam.lower()))
        for label, items in sorted(rest.items(), key=lambda kv: (kv[0] == "Overig", kv[0]))
    ]

    # An overleg where no single case is brought in (its aanmelden says so) is one to know, not to use.
    tafels = [t for t in local.get("routeertafels", []) if not (t.aanmelden and t.aanmelden.route == "geen-inbreng")]
    for anchor, title, soorten in OVERLEG_GROUPS:
        hub.overleggen.append((anchor, title, order([t for t in tafels if t.soort in soorten])))
    tafels = local.get("routeertafels", [])
    grouped = {t.id for _, _, items in hub.overleggen for t in items}
    hub.overig_overleg = order([t for t in tafels if t.id not in grouped])

    voorzieningen = local.get("voorzieningen", [])
    for title, soorten in HULP_GROUPS:
        items = [v for v in voorzieningen if v.soort in soorten]
        if title == "Opvang":
            items += opvang_orgs
        hub.hulp.append((title, order(items)))
    hub.maatregelen = order([v for v in serving.get("voorzieningen", []) if v.soort == MAATREGEL])
    hub.landelijk = [r for r in hub.landelijk if getattr(r, "soort", None) != MAATREGEL]

    hub.lokaal, hub.subregionaal = _activities(gid, info, catalog)
    if any(info.subregio.id in a.subregios for agenda in catalog.of("uitvoeringsagenda").values() for a in agenda.activiteiten):
        hub.agenda_subregio = info.subregio.id
    return hub


def _activities(gid: str, info: GemeenteInfo, catalog: Catalog) -> tuple[list[Activiteit], list[Activiteit]]:
    """Uitvoeringsagenda activities of this gemeente itself, and those for its whole subregio.

    An activity belongs to the gemeente when one of its organisaties works only there (the gemeente's
    own record, or a team of that gemeente); it belongs to the subregio when it is a subregional one.
    """
    own_orgs = {o.id for o in catalog.of("organisaties").values() if catalog.gemeenten_in(o.werkgebied) == {gid}}
    lokaal: list[Activiteit] = []
    sub: list[Activiteit] = []
    for agenda in catalog.of("uitvoeringsagenda").values():
        if agenda.regio != info.regio.id:
            continue
        for act in agenda.activiteiten:
            if own_orgs & set(act.organisaties):
                lokaal.append(act)
            elif "subregionaal" in act.niveau and info.subregio.id in act.subregios:
                sub.append(act)
    return lokaal, sub


def opsomming(items: tuple[str, ...]) -> str:
    """Short texts as one sentence part: 'a; b; c' without the full stops the items may end with."""
    return "; ".join(" ".join(i.split()).rstrip(". ") for i in items)
