"""Issue 4: ketenroutes as graphs — checks, drawings that match their text, and "Wie bel ik?" from the routes."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.catalog import Catalog
from generator.graph import layers
from generator.pipeline import check_project
from generator.relations import build_relations
from generator.render import render_site
from generator.wiebelik import CALL_ACTIONS, answer
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


def route_order(route_id: str, catalog: Catalog) -> list[str]:
    route = catalog.of("ketenroutes")[route_id]
    by_id = {s.id: s for s in route.stappen}
    return [by_id[sid].actor for layer in layers(route) for sid in layer]


def expected_calls(catalog: Catalog, routes: list[str], gemeente: str) -> list[str]:
    """Oracle from the route data: per route in order, the contact steps of records that serve the gemeente."""
    out: list[str] = []
    for rid in routes:
        route = catalog.of("ketenroutes")[rid]
        by_id = {s.id: s for s in route.stappen}
        for sid in (sid for layer in layers(route) for sid in layer):
            stap = by_id[sid]
            record = catalog.of("organisaties").get(stap.actor) or catalog.of("voorzieningen").get(stap.actor)
            if record is None or stap.actor in out or stap.actie not in CALL_ACTIONS:
                continue
            if gemeente in catalog.gemeenten_in(record.werkgebied):
                out.append(stap.actor)
    return out


def assert_follows_routes(result, catalog: Catalog) -> None:  # type: ignore[no-untyped-def]
    """Entries from the same route appear in that route's order; the walk never skips a matching route."""
    seen_routes = [r.id for r in result.routes]
    position = {rid: route_order(rid, catalog) for rid in seen_routes}
    last: dict[str, int] = {}
    for entry in result.call:
        index = position[entry.route.id].index(entry.record.id)
        assert index >= last.get(entry.route.id, -1)
        last[entry.route.id] = index
        assert entry.stap.actie in CALL_ACTIONS


def test_wie_bel_ik_eergerelateerd_geweld_acuut_heerlen(real: Catalog) -> None:
    rel = build_relations(real)
    result = answer(real, rel, "eergerelateerd-geweld", "acuut", "heerlen")
    routes = [r.id for r in result.routes]
    # Only acute routes for this vorm that cover Heerlen, the specific one before the general one.
    assert routes
    assert all("acuut" in real.of("ketenroutes")[r].urgentie for r in routes)
    assert all("heerlen" in real.gemeenten_in(real.of("ketenroutes")[r].werkgebied) for r in routes)
    assert all("eergerelateerd-geweld" in real.of("ketenroutes")[r].expertise for r in routes)
    first = result.call[0].record
    assert first.id == "politie"
    assert any(t.nummer == "112" for t in first.contact.telefoon)
    assert [e.record.id for e in result.call] == expected_calls(real, routes, "heerlen")
    assert_follows_routes(result, real)
    assert all("heerlen" in real.gemeenten_in(e.record.werkgebied) for e in (*result.call, *result.then))
    page = render_site(real, []).pages["wie-bel-ik/eergerelateerd-geweld/acuut/heerlen.md"]
    listed = [li["data-actor"] for li in BeautifulSoup(page, "html.parser").select("ol.gia-bellijst li")]
    assert listed == [e.record.id for e in result.call]
    assert "tel:112" in page


def test_wie_bel_ik_ouderenmishandeling_advies_leiden(real: Catalog) -> None:
    rel = build_relations(real)
    result = answer(real, rel, "ouderenmishandeling", "advies", "leiden")
    assert result.call[0].record.id == "veilig-thuis-hollands-midden"
    assert [e.record.id for e in result.call] == expected_calls(real, [r.id for r in result.routes], "leiden")
    assert not result.general
    for entry in (*result.call, *result.then):
        covered = real.gemeenten_in(entry.record.werkgebied)
        assert "leiden" in covered
        assert not covered & {"heerlen", "maastricht"} or "landelijk" in entry.record.werkgebied
    assert_follows_routes(result, real)
    page = render_site(real, []).pages["wie-bel-ik/ouderenmishandeling/advies/leiden.md"]
    assert page.index("Veilig Thuis Hollands Midden") < page.index("Wat er daarna kan gebeuren")
    assert "tel:+318002000" in page
