"""Route checks against hand-written expectations: one broken route per check code.

Every expectation below (code, line, column, field) is counted by hand from the YAML next to it,
never computed with the code under test. Each broken route has a repaired twin that must pass, so a
check that fires on everything fails as surely as a check that never fires.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import check_project
from tests.helpers import TODAY

ROUTES = "partners/ketenroutes"

# Lines 1-5 of every route below; the stappen start on line 6.
HEAD = """id: {id}
naam: Testroute {id}
beschrijving: Een route voor de test van de routecontroles.
werkgebied: [voorbeeldregio]
urgentie: {urgentie}
"""
SOURCES = "bronnen: [{document: voorbeeldvisie, regels: 3}]\n"

DOODLOPEND = """stappen:
  - id: signaal
    actor: professional
    actie: signaleren
  - id: advies
    actor: meldpunt-voorbeeld
    actie: advies-vragen
  - id: overleg
    actor: casusoverleg-voorbeeld
    actie: overleggen{eindpunt}
overgangen:
  - {{van: signaal, naar: advies}}
  - {{van: advies, naar: overleg}}
"""

ONBEREIKBAAR = """stappen:
  - id: signaal
    actor: professional
    actie: signaleren
  - id: advies
    actor: meldpunt-voorbeeld
    actie: advies-vragen
    eindpunt: true
  - id: los
    actor: opvang-voorbeeld
    actie: beschermen
    eindpunt: true
overgangen:
  - {{van: signaal, naar: advies}}{extra}
"""

LUS = """stappen:
  - id: signaal
    actor: professional
    actie: signaleren
  - id: advies
    actor: meldpunt-voorbeeld
    actie: advies-vragen
  - id: overleg
    actor: casusoverleg-voorbeeld
    actie: overleggen
  - id: opvang
    actor: opvang-voorbeeld
    actie: beschermen
    eindpunt: true
overgangen:
  - {{van: signaal, naar: advies}}
  - {{van: advies, naar: overleg}}
  - {{van: overleg, naar: opvang}}
  - {{van: overleg, naar: advies{terug}}}
"""

RONDJE_LOS = """stappen:
  - id: signaal
    actor: professional
    actie: signaleren
  - id: advies
    actor: meldpunt-voorbeeld
    actie: advies-vragen
    eindpunt: true
  - id: los
    actor: opvang-voorbeeld
    actie: beschermen
  - id: nazorg
    actor: casusoverleg-voorbeeld
    actie: overleggen
overgangen:
  - {{van: signaal, naar: advies}}
  - {{van: los, naar: nazorg}}
  - {{van: nazorg, naar: los{terug}}}{extra}
"""

ACUUT = """stappen:
  - id: eerst
    actor: {eerste}
    actie: {actie}
  - id: daarna
    actor: casusoverleg-voorbeeld
    actie: overleggen
    eindpunt: true
overgangen:
  - {{van: eerst, naar: daarna}}
"""

ACTOR = """stappen:
  - id: signaal
    actor: professional
    actie: signaleren
  - id: advies
    actor: {actor}
    actie: advies-vragen
    eindpunt: true
overgangen:
  - {{van: signaal, naar: advies}}
"""


def route(rid: str, body: str, urgentie: str = "[zorgen]") -> str:
    return HEAD.format(id=rid, urgentie=urgentie) + body + SOURCES


MESSAGES: dict[str, list[str]] = {}


def found(root: Path, rid: str, text: str) -> list[tuple[str, int, int, str]]:
    """(code, line, column, field) of every problem `check` reports in this one route file."""
    (root / ROUTES / f"{rid}.yaml").write_text(text, encoding="utf-8")
    # The graph checks only: whether each stap has its own source is another check (tests/test_sources.py).
    issues = [
        i
        for i in check_project(root, TODAY).report.sorted()
        if i.path == f"{ROUTES}/{rid}.yaml" and i.code != "zonder-eigen-bron"
    ]
    MESSAGES[rid] = [i.message for i in issues]
    return [(i.code, i.line, i.column, i.field) for i in issues]


def messages(rid: str) -> list[str]:
    """The messages of the last `found` call for route ``rid``, in the same order."""
    return MESSAGES[rid]


def test_dead_end_is_reported_at_the_stap_where_the_route_stops(mini: Path) -> None:
    text = route("doodlopend", DOODLOPEND.format(eindpunt=""))
    # Line 13 is "  - id: overleg"; the value starts in column 9.
    assert found(mini, "doodlopend", text) == [("doodlopende-stap", 13, 9, "stappen[2].id")]
    assert "De route loopt dood bij 'overleg'" in messages("doodlopend")[0]
    assert "eindpunt: true" in messages("doodlopend")[0]
    fixed = route("doodlopend", DOODLOPEND.format(eindpunt="\n    eindpunt: true"))
    assert found(mini, "doodlopend", fixed) == []


def test_unreachable_stap_is_reported_where_it_is_declared(mini: Path) -> None:
    text = route("onbereikbaar", ONBEREIKBAAR.format(extra=""))
    # Line 14 is "  - id: los".
    assert found(mini, "onbereikbaar", text) == [("onbereikbare-stap", 14, 9, "stappen[2].id")]
    assert "De stap 'los' is niet te bereiken vanaf het begin ('signaal')" in messages("onbereikbaar")[0]
    fixed = route("onbereikbaar", ONBEREIKBAAR.format(extra="\n  - {van: signaal, naar: los}"))
    assert found(mini, "onbereikbaar", fixed) == []


def test_unplanned_loop_points_at_the_transition_that_closes_it(mini: Path) -> None:
    text = route("lus", LUS.format(terug=""))
    # The fourth overgang (line 24, "  - {van: overleg, naar: advies}") leads back; the mapping starts in column 5.
    assert found(mini, "lus", text) == [("ongeplande-lus", 24, 5, "overgangen[3]")]
    message = messages("lus")[0]
    assert "De route loopt rond: advies → overleg → advies" in message
    assert "terugkoppeling: true" in message
    declared = route("lus", LUS.format(terug=", terugkoppeling: true"))
    assert found(mini, "lus", declared) == []


def test_a_loop_that_cannot_be_reached_is_reported_once_as_unreachable(mini: Path) -> None:
    # One mistake, one message: the two stappen cut off from the start are unreachable; that they also point at
    # each other is no second problem to solve.
    text = route("rondje", RONDJE_LOS.format(terug="", extra=""))
    # Lines 14 and 17 are "  - id: los" and "  - id: nazorg".
    assert found(mini, "rondje", text) == [
        ("onbereikbare-stap", 14, 9, "stappen[2].id"),
        ("onbereikbare-stap", 17, 9, "stappen[3].id"),
    ]
    fixed = route("rondje", RONDJE_LOS.format(terug=", terugkoppeling: true", extra="\n  - {van: signaal, naar: los}"))
    assert found(mini, "rondje", fixed) == []


@pytest.mark.parametrize("urgentie", ["[acuut]", "[acuut, zorgen]", "[zorgen, acuut]", "[advies, zorgen, acuut]"])
def test_every_acute_route_must_start_with_112_or_the_police(mini: Path, urgentie: str) -> None:
    # A route that is acute among other urgencies is still a route for acute danger.
    text = route("acuut", ACUUT.format(eerste="meldpunt-voorbeeld", actie="melden"), urgentie)
    # Line 8 is "    actor: meldpunt-voorbeeld"; the value starts in column 12.
    assert found(mini, "acuut", text) == [("acuut-zonder-112", 8, 12, "stappen[0].actor")]
    assert messages("acuut")[0] == (
        "Een route voor acuut gevaar moet beginnen bij 112 of de politie. "
        "Zet als eerste stap de politie (actor: politie) of haal 'acuut' uit de urgentie."
    )
    politie = route("acuut", ACUUT.format(eerste="politie", actie="strafrechtelijk-optreden"), urgentie)
    assert found(mini, "acuut", politie) == []


def test_an_acute_route_starting_with_a_role_is_reported(mini: Path) -> None:
    text = route("acuut", ACUUT.format(eerste="professional", actie="signaleren"), "[acuut]")
    assert found(mini, "acuut", text) == [("acuut-zonder-112", 8, 12, "stappen[0].actor")]


def test_a_record_with_112_counts_as_emergency_whatever_its_soort(mini: Path) -> None:
    politie = (mini / "partners" / "organisaties" / "politie.yaml").read_text(encoding="utf-8")
    meldkamer = politie.replace("id: politie", "id: meldkamer").replace("soort: politie", "soort: gemeente")
    (mini / "partners" / "organisaties" / "meldkamer.yaml").write_text(meldkamer, encoding="utf-8")
    # Same record without its 112 line: only the 0900 number is left.
    zonder = meldkamer.replace("id: meldkamer", "id: zonder-112")
    zonder = zonder[: zonder.index("    - doel: spoed")] + zonder[zonder.index("    - doel: geen-spoed") :]
    (mini / "partners" / "organisaties" / "zonder-112.yaml").write_text(zonder, encoding="utf-8")
    assert found(mini, "acuut", route("acuut", ACUUT.format(eerste="meldkamer", actie="melden"), "[acuut, zorgen]")) == []
    without = route("acuut", ACUUT.format(eerste="zonder-112", actie="melden"), "[acuut, zorgen]")
    assert found(mini, "acuut", without) == [("acuut-zonder-112", 8, 12, "stappen[0].actor")]

    # The police count as emergency by their soort, also through a record without a 112 line (a wijkagent, say).
    wijkagent = zonder.replace("id: zonder-112", "id: wijkagent").replace("soort: gemeente", "soort: politie")
    (mini / "partners" / "organisaties" / "wijkagent.yaml").write_text(wijkagent, encoding="utf-8")
    by_police = route("acuut", ACUUT.format(eerste="wijkagent", actie="strafrechtelijk-optreden"), "[acuut]")
    assert found(mini, "acuut", by_police) == []


@pytest.mark.parametrize("urgentie", ["[zorgen]", "[advies, zorgen]"])
def test_a_route_without_acuut_may_start_anywhere(mini: Path, urgentie: str) -> None:
    text = route("acuut", ACUUT.format(eerste="meldpunt-voorbeeld", actie="melden"), urgentie)
    assert found(mini, "acuut", text) == []


def test_unknown_actor_is_reported_with_a_suggestion(mini: Path) -> None:
    text = route("actor", ACTOR.format(actor="meldpunt-voorbeeeld"))
    # Line 11 is "    actor: meldpunt-voorbeeeld".
    assert found(mini, "actor", text) == [("onbekende-actor", 11, 12, "stappen[1].actor")]
    message = messages("actor")[0]
    assert "'meldpunt-voorbeeeld' is geen organisatie, routeertafel, voorziening of rol" in message
    assert "meldpunt-voorbeeld" in message.split("rol", 1)[1]  # the "Bedoelde je …?" suggestion
    for known in ("meldpunt-voorbeeld", "casusoverleg-voorbeeld", "opvang-voorbeeld", "slachtoffer"):
        assert found(mini, "actor", route("actor", ACTOR.format(actor=known))) == []


def test_transition_to_an_unknown_stap(mini: Path) -> None:
    body = ACTOR.format(actor="meldpunt-voorbeeld").replace("{van: signaal, naar: advies}", "{van: signaal, naar: adviesx}")
    # Line 15 is "  - {van: signaal, naar: adviesx}"; 'adviesx' starts in column 26. With its only overgang
    # pointing nowhere, 'signaal' (line 7) is a dead end and 'advies' (line 10) cannot be reached.
    assert found(mini, "actor", route("actor", body)) == [
        ("doodlopende-stap", 7, 9, "stappen[0].id"),
        ("onbereikbare-stap", 10, 9, "stappen[1].id"),
        ("onbekende-stap", 15, 26, "overgangen[0].naar"),
    ]


def test_a_stap_id_used_twice(mini: Path) -> None:
    body = ACTOR.format(actor="meldpunt-voorbeeld").replace("id: advies", "id: signaal").replace("naar: advies", "naar: signaal")
    # Line 10 holds the second 'signaal'; both stappen are one node now, so the overgang makes a loop.
    assert found(mini, "actor", route("actor", body)) == [
        ("dubbel-id", 10, 9, "stappen[1].id"),
        ("ongeplande-lus", 15, 5, "overgangen[0]"),
    ]
