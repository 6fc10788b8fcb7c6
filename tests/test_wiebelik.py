"""Issue 10: the rules of "Wie bel ik?" one by one, on small routes written for the purpose.

The answers on the real site are checked against hand-written scenarios in tests/browser/test_wiebelik.py
(and, without a site build, in tests/test_wiebelik_scenarios.py); here each rule gets a route or beslissing
that makes it matter, in a copy of the mini fixture.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.callpath import reachable, read_route
from generator.catalog import Catalog
from generator.load import load_project
from generator.pipeline import check_project
from generator.relations import build_relations
from generator.render import render_site
from generator.wiebelik import answer
from tests.helpers import MINI, TODAY, catalog_of, make_project

# A route where the professional calls the meldpunt, then the lokale team, which brings in the opvang.
ROUTE = """id: testroute
naam: Testroute
beschrijving: Een route om de regels te proberen.
werkgebied: [voorbeeldregio]
expertise: [partnergeweld]
urgentie: [zorgen]
stappen:
  - {id: zorg, actor: professional, actie: signaleren}
  - {id: advies, actor: meldpunt-voorbeeld, actie: advies-vragen, omschrijving: Je vraagt advies.}
  - {id: melden, actor: meldpunt-voorbeeld, actie: melden, omschrijving: Je meldt.}
  - {id: team, actor: lokaal-team-noordstad, actie: advies-vragen, omschrijving: Je vraagt het team.}
  - {id: overleg, actor: casusoverleg-voorbeeld, actie: overleggen}
  - {id: opvang, actor: opvang-voorbeeld, actie: opvangen, eindpunt: true}
overgangen:
  - {van: zorg, naar: advies}
  - {van: advies, naar: melden, voorwaarde: ernstig}
  - {van: zorg, naar: team}
  - {van: melden, naar: overleg, termijn: binnen vijf dagen}
  - {van: overleg, naar: opvang}
  - {van: team, naar: overleg}
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""


def project(tmp_path: Path, **files: str) -> Path:
    root = make_project(tmp_path / "p")
    (root / "partners" / "ketenroutes" / "testroute.yaml").write_text(ROUTE, encoding="utf-8")
    for name, text in files.items():
        kind, _, stem = name.partition("__")
        (root / "partners" / kind / f"{stem.replace('_', '-')}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def mini(tmp_path: Path) -> Catalog:
    return catalog_of(project(tmp_path))


def test_a_route_read_from_the_askers_side(mini: Catalog) -> None:
    steps = {s.stap.id: s for s in read_route(mini.of("ketenroutes")["testroute"])}
    assert steps["advies"].contact
    assert steps["team"].contact
    # Advice first, then a report at the same party: still the asker's own call.
    assert steps["melden"].contact
    assert steps["melden"].voorwaarde == "ernstig"
    # What follows a party's step is done by others, with the way in's timescale.
    assert not steps["overleg"].contact
    assert steps["overleg"].termijn == "binnen vijf dagen"
    assert steps["overleg"].van == "meldpunt-voorbeeld"
    assert "zorg" not in steps  # a role's own stap is not listed


# A victim who asks a centre for advice herself, and a family whose recovery leads to the lokale team.
ZELF = """id: zelf
naam: Zelf hulp vragen
beschrijving: Een slachtoffer vraagt zelf advies; het gezin herstelt met het lokale team.
werkgebied: [voorbeeldregio]
expertise: [partnergeweld]
urgentie: [advies]
stappen:
  - {id: vraag, actor: slachtoffer, actie: advies-vragen}
  - {id: centrum, actor: meldpunt-voorbeeld, actie: advies-vragen}
  - {id: thuis, actor: gezin, actie: herstel-nazorg}
  - {id: team, actor: lokaal-team-noordstad, actie: herstel-nazorg, eindpunt: true}
overgangen:
  - {van: vraag, naar: centrum}
  - {van: centrum, naar: thuis}
  - {van: thuis, naar: team}
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""


def test_a_role_that_asks_advice_makes_a_contact_a_role_that_does_something_else_does_not(tmp_path: Path) -> None:
    catalog = catalog_of(project(tmp_path, ketenroutes__zelf=ZELF))
    steps = {s.stap.id: s for s in read_route(catalog.of("ketenroutes")["zelf"])}
    assert steps["centrum"].contact
    assert steps["centrum"].asker == "slachtoffer"
    # The family's recovery is no call: the lokale team comes in after it, as something others do.
    assert not steps["team"].contact
    assert steps["team"].van == "gezin"


def test_what_follows_only_an_excluded_party_drops_out(mini: Catalog) -> None:
    route = mini.of("ketenroutes")["testroute"]
    assert reachable(route, frozenset()) == {s.id for s in route.stappen}
    left = reachable(route, frozenset({"meldpunt-voorbeeld", "lokaal-team-noordstad"}))
    assert left == {"zorg"}


def test_only_callable_parties_are_in_the_call_list(mini: Catalog) -> None:
    result = answer(mini, build_relations(mini), "partnergeweld", "zorgen", "noordstad")
    assert [c.record.id for c in result.call] == ["meldpunt-voorbeeld"]
    # The report comes with the condition the route gives it ("ernstig"): the asker reads when to report.
    assert [(a.tekst, a.voorwaarde) for a in result.call[0].acts] == [("Je vraagt advies.", None), ("Je meldt.", "ernstig")]
    # The lokale team is a contact the route names, but it has no number: 'Ook deskundig'.
    assert [x.record.id for x in result.experts][:1] == ["lokaal-team-noordstad"]
    assert [n.record.id for n in result.then] == ["casusoverleg-voorbeeld", "opvang-voorbeeld"]


def test_acute_starts_with_112_and_zorgen_always_has_the_meldpunt(mini: Catalog) -> None:
    rel = build_relations(mini)
    acute = answer(mini, rel, "partnergeweld", "acuut", "zuidveen")
    assert acute.call[0].record.id == "politie"
    assert acute.call[0].phones[0].nummer == "112"
    advies = answer(mini, rel, "partnergeweld", "advies", "zuidveen")  # no route for advies at all
    assert [c.record.id for c in advies.call] == ["meldpunt-voorbeeld"]
    assert advies.meldcode_added


BELLEN = """id: ook-politie
titel: Bel bij partnergeweld ook de politie, na het meldpunt
vormen: [partnergeweld]
urgentie: [zorgen]
besluit: bellen
actoren: [politie]
voor_jou: Je belt de wijkagent.
waarom: Om het te proberen.
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""

UITSLUITEN = """id: geen-team
titel: Het lokale team hoort niet bij partnergeweld
vormen: [partnergeweld]
besluit: uitsluiten
actoren: [lokaal-team-noordstad]
waarom: Om het te proberen.
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""


def test_a_beslissing_adds_a_call_and_never_a_party_without_number(tmp_path: Path) -> None:
    catalog = catalog_of(project(tmp_path, beslissingen__ook_politie=BELLEN))
    result = answer(catalog, build_relations(catalog), "partnergeweld", "zorgen", "noordstad")
    assert [c.record.id for c in result.call] == ["meldpunt-voorbeeld", "politie"]
    assert result.call[1].acts[0].tekst == "Je belt de wijkagent."


def test_check_refuses_a_beslissing_that_contradicts_a_route(tmp_path: Path) -> None:
    root = project(tmp_path, beslissingen__geen_team=UITSLUITEN)
    issues = [i for i in check_project(root, TODAY).report.issues if i.path.endswith("geen-team.yaml")]
    assert [i.code for i in issues] == ["spreekt-route-tegen"]
    assert "De route 'testroute' noemt 'lokaal-team-noordstad' bij 'partnergeweld'" in issues[0].message
    assert issues[0].field == "actoren[0]"


def test_check_refuses_a_specialist_outside_its_expertise_and_a_via_without_number(tmp_path: Path) -> None:
    wrong = BELLEN.replace("actoren: [politie]", "actoren: [meldpunt-voorbeeld]\nvia: lokaal-team-noordstad")
    wrong = wrong.replace("vormen: [partnergeweld]", "vormen: [partnergeweld]")
    specialist = """id: csg
naam: Centrum
soort: samenwerkingsverband
beschrijving: Een centrum.
werkgebied: [voorbeeldregio]
expertise: [eergerelateerd-geweld]
contact:
  telefoon:
    - {doel: crisis, nummer: "+318000188", weergave: 0800-0188, beschikbaarheid: {altijd: true},
       geverifieerd: {op: 2026-11-01, door: testredactie, bron: "https://example.org"}}
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""
    buiten = BELLEN.replace("actoren: [politie]", "actoren: [csg]").replace("id: ook-politie", "id: buiten")
    root = project(
        tmp_path,
        beslissingen__via=wrong.replace("id: ook-politie", "id: via"),
        organisaties__csg=specialist,
        beslissingen__buiten=buiten,
    )
    issues = check_project(root, TODAY).report.issues
    codes = {(Path(i.path).stem, i.code, i.field) for i in issues if "beslissingen" in i.path}
    assert ("via", "niet-te-bellen", "via") in codes
    assert ("buiten", "past-niet-bij-vorm", "actoren[0]") in codes


def test_roles_get_the_advice_for_their_urgentie_vorm_and_area(tmp_path: Path) -> None:
    rol = """id: sport
naam: Sport
volgorde: 3
wie: trainers
nu:
  - {tekst: Altijd., bronnen: [{document: voorbeeldvisie, regels: 3}]}
  - {tekst: Alleen acuut., urgentie: [acuut], bronnen: [{document: voorbeeldvisie, regels: 3}]}
  - {tekst: Alleen eer., vormen: [eergerelateerd-geweld], bronnen: [{document: voorbeeldvisie, regels: 3}]}
  - {tekst: Alleen Zuidveen., werkgebied: [zuidveen], bronnen: [{document: voorbeeldvisie, regels: 3}]}
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""
    catalog = catalog_of(project(tmp_path, beroepsgroepen__sport=rol))
    rel = build_relations(catalog)
    roles = {r.rol.id: r for r in answer(catalog, rel, "partnergeweld", "zorgen", "noordstad").roles}
    assert list(roles) == ["onderwijs", "sport"]  # by volgorde
    assert [a.tekst for a in roles["sport"].adviezen] == ["Altijd."]
    other = {r.rol.id: r for r in answer(catalog, rel, "eergerelateerd-geweld", "acuut", "zuidveen").roles}
    assert [a.tekst for a in other["sport"].adviezen] == ["Altijd.", "Alleen acuut.", "Alleen eer.", "Alleen Zuidveen."]


def test_a_role_that_is_a_route_actor_sees_where_its_own_steps_lead(tmp_path: Path) -> None:
    # The wijkteam is itself a party in the route: its answer names who takes over from its own step
    # (casusoverleg and opvang, each with the route's condition, in the route's order), not the team
    # itself, not what others do, and not a way back that is only feedback.
    rol = """id: wijkteam
naam: Wijkteam
volgorde: 2
wie: medewerkers van het lokale team
actoren: [lokaal-team-noordstad]
nu:
  - {tekst: Bespreek het in je team., bronnen: [{document: voorbeeldvisie, regels: 3}]}
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""
    root = project(tmp_path, beroepsgroepen__wijkteam=rol)
    route = root / "partners" / "ketenroutes" / "testroute.yaml"
    text = route.read_text(encoding="utf-8").replace(
        "  - {van: team, naar: overleg}\n",
        # Listed against the drawing order: the answer follows the route (overleg comes before opvang).
        "  - {van: team, naar: opvang, voorwaarde: als er onderdak nodig is}\n"
        "  - {van: team, naar: overleg, voorwaarde: als het team vastloopt}\n"
        "  - {van: team, naar: advies, terugkoppeling: true}\n",
    )
    route.write_text(text, encoding="utf-8")
    catalog = catalog_of(root)
    roles = {r.rol.id: r for r in answer(catalog, build_relations(catalog), "partnergeweld", "zorgen", "noordstad").roles}
    assert [(rec.id, stap.id, voorwaarde) for rec, stap, voorwaarde in roles["wijkteam"].next] == [
        ("casusoverleg-voorbeeld", "overleg", "als het team vastloopt"),
        ("opvang-voorbeeld", "opvang", "als er onderdak nodig is"),
    ]
    assert roles["onderwijs"].next == ()  # a role that is no route actor gets no route steps


ZORGROUTE = """id: zorgroute
naam: Zorgroute
beschrijving: Een tweede route waarin de professional het lokale team zelf vraagt.
werkgebied: [voorbeeldregio]
expertise: [partnergeweld]
urgentie: [zorgen]
stappen:
  - {id: zorg, actor: professional, actie: signaleren}
  - {id: team, actor: lokaal-team-noordstad, actie: advies-vragen, eindpunt: true}
overgangen:
  - {van: zorg, naar: team}
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""


def test_a_party_without_number_says_whether_veilig_thuis_brings_it_in(tmp_path: Path) -> None:
    # Without a checked number the page says how to reach the party: through Veilig Thuis when a route
    # has the meldpunt bring it in, else "bel bij twijfel Veilig Thuis".
    plain = catalog_of(project(tmp_path / "gewoon"))
    experts = {x.record.id: x for x in answer(plain, build_relations(plain), "partnergeweld", "zorgen", "noordstad").experts}
    assert not experts["lokaal-team-noordstad"].via_meldpunt
    root = project(tmp_path / "via", ketenroutes__zorgroute=ZORGROUTE)
    route = root / "partners" / "ketenroutes" / "testroute.yaml"
    route.write_text(
        route.read_text(encoding="utf-8").replace(
            "  - {van: zorg, naar: team}\n", "  - {van: zorg, naar: team}\n  - {van: advies, naar: team}\n"
        ),
        encoding="utf-8",
    )
    catalog = catalog_of(root)
    result = answer(catalog, build_relations(catalog), "partnergeweld", "zorgen", "noordstad")
    assert [r.id for r in result.routes] == ["testroute", "zorgroute"]
    experts = {x.record.id: x for x in result.experts}
    assert experts["lokaal-team-noordstad"].via_meldpunt  # the first route has the meldpunt bring the team in


def specialist(rid: str, naam: str, soort: str, werkgebied: str, telefoon: bool, voorziening: bool = False) -> str:
    """A record with expertise in partnergeweld (the numbers are the national ones the fixture already has)."""
    phone = """contact:
  telefoon:
    - {doel: advies, nummer: "+319008844", weergave: 0900-8844, beschikbaarheid: {altijd: true},
       geverifieerd: {op: 2026-11-01, door: testredactie, bron: "https://example.org"}}
"""
    return (
        f"id: {rid}\nnaam: {naam}\nsoort: {soort}\nbeschrijving: Kent partnergeweld.\nwerkgebied: [{werkgebied}]\n"
        + ("vertrouwelijk_adres: false\n" if voorziening else "")
        + "expertise: [partnergeweld]\n"
        + (phone if telefoon else "")
        + "bronnen: [{document: voorbeeldvisie, regels: 3}]\n"
    )


ZONDER_KENNERS = """id: ouderenmishandeling
naam: Ouderenmishandeling
soort: vorm-van-geweld
uitleg: Geweld tegen ouderen.
bronnen: [{document: voorbeeldvisie, regels: 2}]
"""


def test_ook_deskundig_lists_the_specialists_serving_the_gemeente_once(tmp_path: Path) -> None:
    root = project(
        tmp_path,
        organisaties__specialist_noord=specialist("specialist-noord", "Specialist Noord", "expertisecentrum", "noordstad", True),
        organisaties__specialist_zuid=specialist("specialist-zuid", "Specialist Zuid", "expertisecentrum", "zuidveen", True),
        voorzieningen__hulp_noord=specialist("hulp-noord", "Hulp Noord", "ambulante-hulp", "noordstad", False, voorziening=True),
        voorzieningen__verbod=specialist("verbod", "Een maatregel", "maatregel", "voorbeeldregio", False, voorziening=True),
        expertise__ouderenmishandeling=ZONDER_KENNERS,
    )
    team = root / "partners" / "organisaties" / "lokaal-team-noordstad.yaml"
    team.write_text(
        team.read_text(encoding="utf-8").replace("werkgebied:", "expertise: [partnergeweld]\nwerkgebied:"), encoding="utf-8"
    )
    catalog = catalog_of(root)
    result = answer(catalog, build_relations(catalog), "partnergeweld", "zorgen", "noordstad")
    experts = result.experts
    # First the route's contact without a number (once, although it is a specialist too), with what the
    # route says you do there; then the specialists in Noordstad: organisations, then voorzieningen.
    # Not the one in Zuidveen, not the measure, not the meldpunt (already in the call list).
    assert [x.record.id for x in experts] == ["lokaal-team-noordstad", "specialist-noord", "hulp-noord"]
    assert experts[0].step is not None
    assert experts[0].step.stap.omschrijving == "Je vraagt het team."
    assert [t.weergave for t in experts[1].phones] == ["0900-8844"]
    assert experts[2].phones == ()
    # On the page: a contact with a number or with words of its own has a line; those with neither share one.
    page = render_site(catalog, load_project(root).content, today=TODAY).pages["wie-bel-ik/partnergeweld/zorgen/noordstad.md"]
    section = page.split("## Ook deskundig", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("- ")]
    assert lines[0].startswith("- **[Lokaal team Noordstad]")
    assert "Je vraagt het team." in lines[0]
    assert lines[1].startswith("- **[Specialist Noord]")
    assert "0900-8844" in lines[1]
    assert lines[2:] == [
        "- Nog geen gecontroleerd telefoonnummer; bel bij twijfel Veilig Thuis: **[Hulp Noord](../../../voorzieningen/hulp-noord.md)**."
    ]
    # A vorm nobody on the kaart specialises in still gets an answer: Veilig Thuis, and no specialists.
    alone = answer(catalog, build_relations(catalog), "ouderenmishandeling", "zorgen", "noordstad")
    assert ([c.record.id for c in alone.call], alone.experts) == (["meldpunt-voorbeeld"], [])


ALGEMEEN = """id: algemeen
naam: Algemene route
beschrijving: Een route voor elke vorm van geweld.
werkgebied: [voorbeeldregio]
urgentie: [zorgen]
stappen:
  - {id: zorg, actor: professional, actie: signaleren}
  - {id: advies, actor: meldpunt-voorbeeld, actie: advies-vragen, eindpunt: true}
overgangen:
  - {van: zorg, naar: advies}
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""


def test_a_vorm_without_its_own_route_follows_the_general_route(tmp_path: Path) -> None:
    catalog = catalog_of(project(tmp_path, ketenroutes__algemeen=ALGEMEEN, expertise__ouderenmishandeling=ZONDER_KENNERS))
    rel = build_relations(catalog)
    alone = answer(catalog, rel, "ouderenmishandeling", "zorgen", "noordstad")
    assert ([r.id for r in alone.routes], alone.general) == (["algemeen"], True)
    assert not alone.meldcode_added  # the general route itself sends you to the meldpunt
    own = answer(catalog, rel, "partnergeweld", "zorgen", "noordstad")
    assert ([r.id for r in own.routes], own.general) == (["testroute"], False)


# A route in which a voorziening is decided on (actie besluiten), right after the professional's signal. The
# voorziening has a number and is no `maatregel` by soort: the route alone makes it a measure, never a call.
BESLUIT = """id: besluitroute
naam: Besluitroute
beschrijving: Na het signaal besluit iemand over een plek.
werkgebied: [voorbeeldregio]
expertise: [partnergeweld]
urgentie: [zorgen]
stappen:
  - {id: zorg, actor: professional, actie: signaleren}
  - {id: besluit, actor: plek-op-besluit, actie: besluiten, eindpunt: true}
overgangen:
  - {van: zorg, naar: besluit}
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""
PLEK = """id: plek-op-besluit
naam: Plek op besluit
soort: crisisopvang
beschrijving: Een plek waarover iemand anders besluit.
vertrouwelijk_adres: true
werkgebied: [voorbeeldregio]
contact:
  telefoon:
    - doel: aanmelden
      nummer: "+318002000"
      weergave: 0800-2000
      beschikbaarheid: {altijd: true}
      geverifieerd: {op: 2026-11-01, door: testredactie, bron: "https://example.org/plek"}
bronnen: [{document: voorbeeldvisie, regels: 5}]
"""


def test_a_voorziening_a_route_decides_on_is_never_a_call(tmp_path: Path) -> None:
    catalog = catalog_of(project(tmp_path, ketenroutes__besluitroute=BESLUIT, voorzieningen__plek_op_besluit=PLEK))
    result = answer(catalog, build_relations(catalog), "partnergeweld", "zorgen", "noordstad")
    assert "plek-op-besluit" not in [c.record.id for c in result.call]
    assert "plek-op-besluit" in [n.record.id for n in result.then]


# The professional reaches two parties whose stap says what they do (not advies-vragen or melden): the
# politie, on a condition and with a description, and the meldpunt, without one.
ANDERS = """id: andere-weg
naam: Andere weg
beschrijving: De professional schakelt de politie of het meldpunt in.
werkgebied: [voorbeeldregio]
expertise: [partnergeweld]
urgentie: [advies]
stappen:
  - {id: zorg, actor: professional, actie: signaleren, afgeleid: true}
  - {id: agent, actor: politie, actie: strafrechtelijk-optreden, omschrijving: De wijkagent komt langs., eindpunt: true, afgeleid: true}
  - {id: meldpunt, actor: meldpunt-voorbeeld, actie: overleggen, eindpunt: true, afgeleid: true}
overgangen:
  - {van: zorg, naar: agent, voorwaarde: bij dreiging, afgeleid: true}
  - {van: zorg, naar: meldpunt, afgeleid: true}
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""


def test_a_party_the_asker_reaches_for_what_it_does_is_a_call_with_that_description(tmp_path: Path) -> None:
    root = project(tmp_path, ketenroutes__andere_weg=ANDERS)
    catalog = catalog_of(root)
    result = answer(catalog, build_relations(catalog), "partnergeweld", "advies", "noordstad")
    acts = {c.record.id: [(a.tekst, a.actie, a.voorwaarde) for a in c.acts] for c in result.call}
    assert acts == {
        "politie": [("De wijkagent komt langs.", "contact", "bij dreiging")],
        "meldpunt-voorbeeld": [("", "contact", None)],
    }
    assert all(c.phones for c in result.call)
    # On the page: the stap's own words with the condition, and a plain instruction where the stap has none.
    page = render_site(catalog, load_project(root).content, today=TODAY).pages["wie-bel-ik/partnergeweld/advies/noordstad.md"]
    assert "- *Bij dreiging:* De wijkagent komt langs." in page
    assert "- Je neemt contact op." in page


# Opvang Voorbeeld has no number of its own: a beslissing has it called through the meldpunt's number. The
# lokale team in the same beslissing is excluded by another; the politie keeps its own number.
VIA = """id: via-meldpunt
titel: Bel bij partnergeweld de opvang via het meldpunt
vormen: [partnergeweld]
urgentie: [zorgen]
besluit: bellen
actoren: [lokaal-team-noordstad, opvang-voorbeeld, politie]
via: meldpunt-voorbeeld
voor_jou: Je belt het meldpunt en vraagt naar de opvang.
waarom: Om het te proberen.
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""


def test_a_beslissing_reaches_a_party_without_number_through_another_number(tmp_path: Path) -> None:
    root = project(tmp_path, beslissingen__geen_team=UITSLUITEN, beslissingen__via_meldpunt=VIA)
    catalog = catalog_of(root)
    result = answer(catalog, build_relations(catalog), "partnergeweld", "zorgen", "noordstad")
    call = {c.record.id: c for c in result.call}
    assert list(call) == ["meldpunt-voorbeeld", "opvang-voorbeeld", "politie"]
    assert call["opvang-voorbeeld"].via.id == "meldpunt-voorbeeld"
    assert [t.nummer for t in call["opvang-voorbeeld"].phones] == ["+318002000"]
    assert call["politie"].via is None  # its own 112 and 0900-8844, not the meldpunt's number
    assert [t.nummer for t in call["politie"].phones] == ["112", "+319008844"]
    page = render_site(catalog, load_project(root).content, today=TODAY).pages["wie-bel-ik/partnergeweld/zorgen/noordstad.md"]
    assert page.count("via het nummer van") == 1


def test_a_beslissing_skips_a_party_without_any_number_and_keeps_the_next(tmp_path: Path) -> None:
    zonder = BELLEN.replace("actoren: [politie]", "actoren: [opvang-voorbeeld, politie]")
    catalog = catalog_of(project(tmp_path, beslissingen__ook_politie=zonder))
    result = answer(catalog, build_relations(catalog), "partnergeweld", "zorgen", "noordstad")
    assert [c.record.id for c in result.call] == ["meldpunt-voorbeeld", "politie"]


def test_a_beslissing_with_a_werkgebied_applies_only_there(tmp_path: Path) -> None:
    alleen_zuid = BELLEN.replace("urgentie: [zorgen]", "urgentie: [zorgen]\nwerkgebied: [zuid]")
    catalog = catalog_of(project(tmp_path, beslissingen__ook_politie=alleen_zuid))
    rel = build_relations(catalog)
    assert "politie" in [c.record.id for c in answer(catalog, rel, "partnergeweld", "zorgen", "zuidveen").call]
    assert "politie" not in [c.record.id for c in answer(catalog, rel, "partnergeweld", "zorgen", "noordstad").call]


# A victim asks the meldpunt for advice; the meldpunt involves the professional, who then asks a voorziening
# with its own number (Plek op besluit, no measure here). In route order the victim's contact comes first.
VOLGORDE = """id: volgorde
naam: Volgorde
beschrijving: Eerst vraagt het slachtoffer advies, later de professional.
werkgebied: [voorbeeldregio]
expertise: [partnergeweld]
urgentie: [advies]
stappen:
  - {id: vraag, actor: slachtoffer, actie: advies-vragen, afgeleid: true}
  - {id: centrum, actor: meldpunt-voorbeeld, actie: advies-vragen, afgeleid: true}
  - {id: zorg, actor: professional, actie: signaleren, afgeleid: true}
  - {id: plek, actor: plek-op-besluit, actie: advies-vragen, eindpunt: true, afgeleid: true}
overgangen:
  - {van: vraag, naar: centrum, afgeleid: true}
  - {van: centrum, naar: zorg, afgeleid: true}
  - {van: zorg, naar: plek, afgeleid: true}
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""


def test_the_professionals_own_calls_come_first_and_a_voorziening_can_be_one(tmp_path: Path) -> None:
    catalog = catalog_of(project(tmp_path, ketenroutes__volgorde=VOLGORDE, voorzieningen__plek_op_besluit=PLEK))
    result = answer(catalog, build_relations(catalog), "partnergeweld", "advies", "noordstad")
    assert [c.record.id for c in result.call] == ["plek-op-besluit", "meldpunt-voorbeeld"]


# An acute route that starts at the politie, and a specialist for another vorm that a route for two vormen
# names as its first contact, before the meldpunt.
ACUUT = """id: acuut-test
naam: Acuut
beschrijving: De politie grijpt in.
werkgebied: [voorbeeldregio]
expertise: [partnergeweld]
urgentie: [acuut]
stappen:
  - {id: politie, actor: politie, actie: strafrechtelijk-optreden, afgeleid: true}
  - {id: meldpunt, actor: meldpunt-voorbeeld, actie: melden, eindpunt: true, afgeleid: true}
overgangen:
  - {van: politie, naar: meldpunt, afgeleid: true}
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""
SPECIALIST = """id: eer-centrum
naam: Eer centrum
soort: samenwerkingsverband
beschrijving: Een centrum voor eergerelateerd geweld.
werkgebied: [voorbeeldregio]
expertise: [eergerelateerd-geweld]
contact:
  telefoon:
    - {doel: advies, nummer: "+319008844", weergave: 0900-8844, beschikbaarheid: {altijd: true},
       geverifieerd: {op: 2026-11-01, door: testredactie, bron: "https://example.org/eer"}}
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""
TWEE_VORMEN = """id: twee-vormen
naam: Twee vormen
beschrijving: Advies bij partnergeweld of eergerelateerd geweld.
werkgebied: [voorbeeldregio]
expertise: [partnergeweld, eergerelateerd-geweld]
urgentie: [advies]
stappen:
  - {id: zorg, actor: professional, actie: signaleren, afgeleid: true}
  - {id: eer, actor: eer-centrum, actie: advies-vragen, eindpunt: true, afgeleid: true}
  - {id: meld, actor: meldpunt-voorbeeld, actie: advies-vragen, eindpunt: true, afgeleid: true}
overgangen:
  - {van: zorg, naar: eer, afgeleid: true}
  - {van: zorg, naar: meld, afgeleid: true}
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""


def test_the_start_of_an_acute_route_is_a_call_for_direct_danger(tmp_path: Path) -> None:
    root = project(tmp_path, ketenroutes__acuut_test=ACUUT)
    catalog = catalog_of(root)
    result = answer(catalog, build_relations(catalog), "partnergeweld", "acuut", "noordstad")
    first = result.call[0]
    assert (first.record.id, [(a.tekst, a.actie) for a in first.acts]) == ("politie", [("", "bellen")])
    page = render_site(catalog, load_project(root).content, today=TODAY).pages["wie-bel-ik/partnergeweld/acuut/noordstad.md"]
    assert "- Bel bij direct gevaar." in page


def test_a_specialist_is_called_only_for_its_own_vorm_and_the_list_goes_on(tmp_path: Path) -> None:
    catalog = catalog_of(project(tmp_path, organisaties__eer_centrum=SPECIALIST, ketenroutes__twee_vormen=TWEE_VORMEN))
    rel = build_relations(catalog)
    partner = {c.record.id: [a.actie for a in c.acts] for c in answer(catalog, rel, "partnergeweld", "advies", "noordstad").call}
    eer = [c.record.id for c in answer(catalog, rel, "eergerelateerd-geweld", "advies", "noordstad").call]
    assert "eer-centrum" not in partner
    # The meldpunt is there as the route's next contact, not only because the meldcode always adds it.
    assert partner["meldpunt-voorbeeld"] == ["advies-vragen"]
    assert "eer-centrum" in eer


# A second route for the same situation repeats the casusoverleg and then goes on to the lokale team.
TWEEDE = """id: tweede
naam: Tweede route
beschrijving: Na het casusoverleg helpt het lokale team bij herstel.
werkgebied: [voorbeeldregio]
expertise: [partnergeweld]
urgentie: [zorgen]
stappen:
  - {id: zorg, actor: professional, actie: signaleren, afgeleid: true}
  - {id: advies, actor: meldpunt-voorbeeld, actie: advies-vragen, afgeleid: true}
  - {id: overleg, actor: casusoverleg-voorbeeld, actie: overleggen, afgeleid: true}
  - {id: herstel, actor: lokaal-team-noordstad, actie: herstel-nazorg, eindpunt: true, afgeleid: true}
overgangen:
  - {van: zorg, naar: advies, afgeleid: true}
  - {van: advies, naar: overleg, afgeleid: true}
  - {van: overleg, naar: herstel, afgeleid: true}
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""


def test_what_follows_lists_a_repeated_step_once_and_keeps_what_comes_after_it(tmp_path: Path) -> None:
    catalog = catalog_of(project(tmp_path, ketenroutes__tweede=TWEEDE))
    result = answer(catalog, build_relations(catalog), "partnergeweld", "zorgen", "noordstad")
    assert [r.id for r in result.routes] == ["testroute", "tweede"]
    assert [(n.record.id, n.step.route.id) for n in result.then] == [
        ("casusoverleg-voorbeeld", "testroute"),
        ("opvang-voorbeeld", "testroute"),
        ("lokaal-team-noordstad", "tweede"),
    ]


def test_a_beslissing_with_na_puts_its_party_right_after_that_one(tmp_path: Path) -> None:
    na = BELLEN.replace("actoren: [politie]", "actoren: [politie]\nna: meldpunt-voorbeeld")
    catalog = catalog_of(project(tmp_path, beslissingen__ook_politie=na))
    result = answer(catalog, build_relations(catalog), "partnergeweld", "zorgen", "noordstad")
    assert [c.record.id for c in result.call] == ["meldpunt-voorbeeld", "politie"]
    # Between two contacts of a route: right after the one named, not at the end.
    tussen = VIA.replace("urgentie: [zorgen]", "urgentie: [advies]\nna: politie")
    tussen = tussen.replace("actoren: [lokaal-team-noordstad, opvang-voorbeeld, politie]", "actoren: [opvang-voorbeeld]")
    catalog = catalog_of(project(tmp_path / "tussen", ketenroutes__andere_weg=ANDERS, beslissingen__via_meldpunt=tussen))
    result = answer(catalog, build_relations(catalog), "partnergeweld", "advies", "noordstad")
    assert [c.record.id for c in result.call] == ["politie", "opvang-voorbeeld", "meldpunt-voorbeeld"]


# At acute danger the route reaches the meldpunt first and the politie later: 112 still comes first.
MELDPUNT_EERST = """id: meldpunt-eerst
naam: Meldpunt eerst
beschrijving: De professional meldt eerst en belt daarna de politie.
werkgebied: [voorbeeldregio]
expertise: [partnergeweld]
urgentie: [acuut]
stappen:
  - {id: zorg, actor: professional, actie: signaleren, afgeleid: true}
  - {id: meld, actor: meldpunt-voorbeeld, actie: melden, afgeleid: true}
  - {id: terug, actor: professional, actie: signaleren, afgeleid: true}
  - {id: agent, actor: politie, actie: strafrechtelijk-optreden, eindpunt: true, afgeleid: true}
overgangen:
  - {van: zorg, naar: meld, afgeleid: true}
  - {van: meld, naar: terug, afgeleid: true}
  - {van: terug, naar: agent, afgeleid: true}
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""
# For advice the route names only the voorziening: the region's Veilig Thuis (meldcode) comes after it.
ALLEEN_PLEK = """id: alleen-plek
naam: Alleen plek
beschrijving: De professional vraagt de voorziening om advies.
werkgebied: [voorbeeldregio]
expertise: [partnergeweld]
urgentie: [advies]
stappen:
  - {id: zorg, actor: professional, actie: signaleren, afgeleid: true}
  - {id: plek, actor: plek-op-besluit, actie: advies-vragen, eindpunt: true, afgeleid: true}
overgangen:
  - {van: zorg, naar: plek, afgeleid: true}
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""


def test_at_acute_danger_112_comes_first_even_when_the_route_reaches_it_later(tmp_path: Path) -> None:
    catalog = catalog_of(project(tmp_path, ketenroutes__meldpunt_eerst=MELDPUNT_EERST))
    result = answer(catalog, build_relations(catalog), "partnergeweld", "acuut", "noordstad")
    assert [c.record.id for c in result.call] == ["politie", "meldpunt-voorbeeld"]


def test_the_meldcode_adds_veilig_thuis_after_the_routes_contacts(tmp_path: Path) -> None:
    catalog = catalog_of(project(tmp_path, ketenroutes__alleen_plek=ALLEEN_PLEK, voorzieningen__plek_op_besluit=PLEK))
    result = answer(catalog, build_relations(catalog), "partnergeweld", "advies", "noordstad")
    assert [c.record.id for c in result.call] == ["plek-op-besluit", "meldpunt-voorbeeld"]
    assert result.meldcode_added


def test_the_route_for_fewer_vormen_comes_first_whatever_its_name(tmp_path: Path) -> None:
    """Route order decides the call order; a route written for this one vorm leads a broader one."""
    from generator.wiebelik import matching_routes

    root = make_project(tmp_path / "r")
    folder = root / "partners" / "ketenroutes"
    text = (folder / "melding-voorbeeld.yaml").read_text(encoding="utf-8")
    broad = text.replace("id: melding-voorbeeld", "id: aa-brede-route").replace(
        "naam: Van zorg naar melding", "naam: Aa brede route"
    )
    narrow = text.replace("id: melding-voorbeeld", "id: zz-smalle-route").replace(
        "naam: Van zorg naar melding", "naam: Zz smalle route"
    )
    broad = broad.replace("expertise: [eergerelateerd-geweld]", "expertise: [eergerelateerd-geweld, partnergeweld]")
    (folder / "aa-brede-route.yaml").write_text(broad, encoding="utf-8")
    (folder / "zz-smalle-route.yaml").write_text(narrow, encoding="utf-8")
    routes, general = matching_routes(catalog_of(root), "eergerelateerd-geweld", "zorgen", "noordstad")
    # Two routes for this vorm alone (by name among themselves), then the broad one, although "Aa" sorts first.
    assert [r.id for r in routes] == ["melding-voorbeeld", "zz-smalle-route", "aa-brede-route"]
    assert general is False


def test_the_meldcode_adds_only_the_veilig_thuis_of_the_gemeente(tmp_path: Path) -> None:
    # Two advies- en meldpunten, one serving only the south: an answer for the north gets only its own.
    meldpunt = (MINI / "partners" / "organisaties" / "meldpunt-voorbeeld.yaml").read_text(encoding="utf-8")
    zuid = meldpunt.replace("id: meldpunt-voorbeeld", "id: meldpunt-zuid").replace(
        "naam: Meldpunt Voorbeeld", "naam: Meldpunt Zuid"
    )
    zuid = zuid.replace("werkgebied: [voorbeeldregio]", "werkgebied: [zuid]").replace("ook_bekend_als: [AMHK Voorbeeld]\n", "")
    files = {"ketenroutes__alleen_plek": ALLEEN_PLEK, "voorzieningen__plek_op_besluit": PLEK, "organisaties__meldpunt_zuid": zuid}
    catalog = catalog_of(project(tmp_path, **files))
    result = answer(catalog, build_relations(catalog), "partnergeweld", "advies", "noordstad")
    assert [c.record.id for c in result.call] == ["plek-op-besluit", "meldpunt-voorbeeld"]
