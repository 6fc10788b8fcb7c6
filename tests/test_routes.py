"""Issue 4: ketenroutes as graphs — checks and drawings that match their text.

"Wie bel ik?" is tested against hand-written expectations on the built site (tests/browser/test_wiebelik.py)
and per rule in tests/test_wiebelik.py, never against the code's own reading of the routes.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.catalog import Catalog
from generator.graph import layers, merge_routes
from generator.model import Ketenroute, Overgang, Stap
from generator.pipeline import check_project
from generator.render import render_site
from tests.helpers import ROOT, TODAY, catalog_of

BROKEN = """id: kapot
naam: Kapotte route
beschrijving: Een route met vier fouten.
werkgebied: [voorbeeldregio]
urgentie: [acuut]
stappen:
  - {id: start, actor: professional, actie: signaleren}
  - {id: meldpunt, actor: meldpunt-voorbeeld, actie: melden}
  - {id: overleg, actor: casusoverleg-voorbeeld, actie: overleggen, eindpunt: true}
  - {id: los, actor: bestaat-niet, actie: verwijzen, eindpunt: true}
overgangen:
  - {van: start, naar: meldpunt}
  - {van: meldpunt, naar: overleg}
  - {van: overleg, naar: meldpunt}
bronnen: [{document: voorbeeldvisie, regels: 3}]
"""


@pytest.fixture(scope="module")
def real() -> Catalog:
    return catalog_of(ROOT)


def test_broken_route_gives_the_expected_dutch_errors(mini: Path) -> None:
    (mini / "partners" / "ketenroutes" / "kapot.yaml").write_text(BROKEN, encoding="utf-8")
    issues = {i.code: i for i in check_project(mini, TODAY).report.issues if i.path.endswith("kapot.yaml")}
    # The broken route also has no sources of its own for its steps: that is reported too.
    assert set(issues) == {"onbekende-actor", "onbereikbare-stap", "ongeplande-lus", "acuut-zonder-112", "zonder-eigen-bron"}
    assert issues["onbekende-actor"].field == "stappen[3].actor"
    assert "'bestaat-niet' is geen organisatie, routeertafel, voorziening of rol" in issues["onbekende-actor"].message
    assert "De stap 'los' is niet te bereiken vanaf het begin ('start')" in issues["onbereikbare-stap"].message
    assert "De route loopt rond: meldpunt → overleg → meldpunt" in issues["ongeplande-lus"].message
    assert "terugkoppeling: true" in issues["ongeplande-lus"].message
    assert issues["acuut-zonder-112"].message.startswith("Een route voor acuut gevaar moet beginnen bij 112 of de politie.")
    assert all(i.line > 1 and i.column >= 1 for i in issues.values())


def test_declared_loop_is_accepted(mini: Path) -> None:
    fixed = BROKEN.replace("{van: overleg, naar: meldpunt}", "{van: overleg, naar: meldpunt, terugkoppeling: true}")
    (mini / "partners" / "ketenroutes" / "kapot.yaml").write_text(fixed, encoding="utf-8")
    codes = {i.code for i in check_project(mini, TODAY).report.issues if i.path.endswith("kapot.yaml")}
    assert "ongeplande-lus" not in codes


def test_real_routes_pass_every_graph_check() -> None:
    graph_codes = {"onbereikbare-stap", "doodlopende-stap", "ongeplande-lus", "acuut-zonder-112", "onbekende-actor"}
    issues = [i for i in check_project(ROOT, TODAY).report.issues if i.code in graph_codes]
    assert issues == []


def test_every_route_drawing_matches_its_text_version(real: Catalog) -> None:
    pages = render_site(real, []).pages
    assert real.of("ketenroutes")
    for route in real.of("ketenroutes").values():
        soup = BeautifulSoup(pages[f"ketenroutes/{route.id}.md"], "html.parser")
        svg = soup.find("svg", class_="gia-route")
        assert svg is not None
        assert svg["role"] == "img"
        assert svg.find("title").get_text()
        assert svg.find("desc").get_text()
        drawn_nodes = {g["data-stap"] for g in svg.select("[data-stap]")}
        drawn_edges = {(p["data-van"], p["data-naar"]) for p in svg.select("[data-van]")}
        listed = soup.find("ol", class_="gia-stappen")
        text_nodes = {li["data-stap"] for li in listed.find_all("li")}
        text_edges = {(s["data-van"], s["data-naar"]) for s in listed.select("[data-van]")}
        expected_nodes = {s.id for s in route.stappen}
        expected_edges = {(o.van, o.naar) for o in route.overgangen}
        assert drawn_nodes == text_nodes == expected_nodes, route.id
        assert drawn_edges == text_edges == expected_edges, route.id
        # Every node of a record links to that record's page.
        for anchor in svg.find_all("a"):
            assert anchor["href"].startswith("../../")


def test_a_step_label_names_the_step_in_drawing_and_text(mini_catalog: Catalog) -> None:
    # Two steps of one actor that share an actie would both read "Overleg": a label tells them apart.
    route = mini_catalog.of("ketenroutes")["melding-voorbeeld"]
    label = "Advies <b>op maat</b>"
    stappen = tuple(replace(s, label=label) if s.id == "advies" else s for s in route.stappen)
    mini_catalog.records["ketenroutes"]["melding-voorbeeld"] = replace(route, stappen=stappen)
    try:
        page = render_site(mini_catalog, []).pages["ketenroutes/melding-voorbeeld.md"]
    finally:
        mini_catalog.records["ketenroutes"]["melding-voorbeeld"] = route
    soup = BeautifulSoup(page, "html.parser")
    svg = soup.find("svg", class_="gia-route")
    assert label in svg.select_one('[data-stap="advies"]').get_text()
    assert f": {label};" in svg.find("desc").get_text()
    listed = soup.find("ol", class_="gia-stappen")
    assert f"— {label}" in listed.select_one('li[data-stap="advies"]').get_text()
    assert "[advies <b>op maat</b>](#stap-advies)" in listed.select_one('li[data-stap="signaal"]').get_text()
    assert soup.find("b") is None  # contributed text, escaped in the drawing and in the list
    # A step without a label keeps the word for its actie.
    assert "— Overleg:" in listed.select_one('li[data-stap="overleg"]').get_text()


def _route(stappen: list[tuple[str, str]], overgangen: list[tuple[str, str]], terug: set[tuple[str, str]]) -> Ketenroute:
    """A route of (stap id, actor) pairs, in the editor's order; ``terug`` holds the declared ways back."""
    return Ketenroute(
        id="test",
        bestand="partners/ketenroutes/test.yaml",
        naam="Test",
        beschrijving="",
        werkgebied=(),
        stappen=tuple(Stap(id=sid, actor=actor, actie="melden") for sid, actor in stappen),
        overgangen=tuple(Overgang(van=u, naar=v, terugkoppeling=(u, v) in terug) for u, v in overgangen),
    )


def _own(*ids: str) -> list[tuple[str, str]]:
    return [(sid, sid) for sid in ids]


def test_a_route_drawing_puts_each_stap_below_its_predecessors_and_under_their_middle() -> None:
    # Rows by the longest way from the start; a row is centred and each stap stands under the average place
    # of its predecessors, so arrows cross less; ties keep the editor's order.
    # z comes after a (left), y after b and c (middle right), x after c (right): z, y, x, against the editor's x, y, z.
    fan = _route(
        _own("s", "a", "b", "c", "x", "y", "z"),
        [("s", "a"), ("s", "b"), ("s", "c"), ("a", "z"), ("c", "x"), ("b", "y"), ("c", "y")],
        set(),
    )
    assert layers(fan) == [["s"], ["a", "b", "c"], ["z", "y", "x"]]
    # The declared way back c → a does not count. e follows s and a, so it is in the third row (the longest way),
    # under the middle of s (centre of a row of one) and a (left of a row of three): level with c, between a and b.
    mixed = _route(
        _own("s", "a", "b", "c", "d", "e", "f"),
        [("s", "a"), ("s", "b"), ("a", "c"), ("b", "c"), ("b", "d"), ("a", "e"), ("s", "e"), ("s", "f"), ("c", "a")],
        {("c", "a")},
    )
    assert layers(mixed) == [["s"], ["a", "b", "f"], ["c", "e", "d"]]
    # A stap reached only by a way back has no predecessor going forward: it stays in the top row, in the editor's order.
    assert layers(_route(_own("z", "m", "u"), [("z", "u"), ("u", "m")], {("u", "m")})) == [["z", "m"], ["u"]]
    # An undeclared loop has no rows to find: one stap per row, in the editor's order (the check reports the loop).
    assert layers(_route(_own("s", "b", "a"), [("s", "b"), ("b", "a"), ("a", "b")], set())) == [["s"], ["b"], ["a"]]


def test_a_ketenkaart_has_one_box_per_partner_and_marks_each_way_back() -> None:
    # Veilig Thuis takes two stappen in a row (no arrow to itself) and hands over to the lokaal team, which reports
    # back (a loop between the two). The loop's members stand below each other in order of first appearance, and the
    # arrow back up is the way back. The politie come in through a second route.
    melding = _route(
        [
            ("signaal", "professional"),
            ("melding", "veilig-thuis"),
            ("onderzoek", "veilig-thuis"),
            ("hulp", "lokaal-team"),
            ("terug", "veilig-thuis"),
        ],
        [("signaal", "melding"), ("melding", "onderzoek"), ("onderzoek", "hulp"), ("hulp", "terug")],
        set(),
    )
    spoed = _route([("spoed", "politie"), ("melding", "veilig-thuis")], [("spoed", "melding")], set())
    kaart, rows = merge_routes("Ketenkaart Test", [melding, spoed])
    assert [(s.id, s.actor) for s in kaart.stappen] == [
        ("professional", "professional"),
        ("veilig-thuis", "veilig-thuis"),
        ("lokaal-team", "lokaal-team"),
        ("politie", "politie"),
    ]
    assert {(o.van, o.naar, o.terugkoppeling) for o in kaart.overgangen} == {
        ("professional", "veilig-thuis", False),
        ("veilig-thuis", "lokaal-team", False),
        ("lokaal-team", "veilig-thuis", True),
        ("politie", "veilig-thuis", False),
    }
    assert rows == [["professional", "politie"], ["veilig-thuis"], ["lokaal-team"]]
