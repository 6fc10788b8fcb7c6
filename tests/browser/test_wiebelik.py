"""Issue 10: "Wie bel ik?" on the built real site — hand-written scenarios and invariants over every answer.

The expected answers in tests/data/wiebelik_scenarios.yaml are written by hand from the source
documents (each scenario cites its lines, and the test checks those lines say what is claimed), never
computed with the code under test. Everything is read from the HTML that `build` wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from playwright.sync_api import Page

from tests.browser import pdf
from tests.browser.support import Site
from tests.helpers import ROOT, SHARED, CallRules, catalog_of

pytestmark = pytest.mark.browser
SCENARIOS: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / "tests" / "data" / "wiebelik_scenarios.yaml").read_text(encoding="utf-8")
)
RECORD_LINK = re.compile(r"/(?:organisaties|voorzieningen|routeertafels)/([a-z0-9-]+)/")
# Measures someone decides (the burgemeester, the kinderrechter), written down by hand: never someone to call.
MEASURES = {"tijdelijk-huisverbod", "kinderbeschermingsmaatregel"}


@dataclass
class AnswerPage:
    """What a reader sees on one answer page, read from its HTML."""

    call: list[str]  # data-actor of every entry of "Bel in deze volgorde"
    entries: list[Tag]
    then: list[str]
    soup: BeautifulSoup

    def role(self, rol: str) -> Tag:
        section = self.soup.find("details", id=f"rol-{rol}")
        assert isinstance(section, Tag), f"no section for role {rol}"
        return section

    def experts(self) -> set[str]:
        heading = self.soup.find("h2", id="ook-deskundig")
        listing = heading.find_next_sibling("ul") if isinstance(heading, Tag) else None
        return linked_records(listing) if isinstance(listing, Tag) else set()

    def let_op(self) -> str:
        box = self.soup.select_one(".admonition.danger")
        return box.get_text(" ") if box else ""


def read_answer(site: Path, vorm: str, urgentie: str, gemeente: str) -> AnswerPage:
    html = (site / "wie-bel-ik" / vorm / urgentie / gemeente / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    entries = soup.select("ol.gia-bellijst > li")
    then = [li["data-actor"] for li in soup.select("ol.gia-vervolg > li")]
    return AnswerPage([str(li["data-actor"]) for li in entries], entries, [str(t) for t in then], soup)


def linked_records(tag: Tag) -> set[str]:
    return {m.group(1) for a in tag.find_all("a", href=True) if (m := RECORD_LINK.search(str(a["href"])))}


@cache
def seed_lines(number: str) -> list[str]:
    (path,) = (SHARED / "seeds").glob(f"{number}_*.txt")
    return path.read_text(encoding="utf-8").split("\n")


def _id(s: dict[str, Any]) -> str:
    return "/".join(x for x in (s.get("rol"), s["vorm"], s["urgentie"], s["gemeente"]) if x)


def test_the_scenario_set_is_large_and_every_scenario_cites_what_its_sources_say() -> None:
    assert len(SCENARIOS) >= 40
    assert {s["urgentie"] for s in SCENARIOS} == {"acuut", "zorgen", "advies"}
    assert {s["rol"] for s in SCENARIOS if s.get("rol")} >= {
        "onderwijs",
        "huisarts-medisch",
        "sociaal-wijkteam",
        "kinderopvang-jeugd",
        "politie",
        "anders",
    }
    for scenario in SCENARIOS:
        assert scenario["bronnen"], _id(scenario)
        assert scenario["waarom"], _id(scenario)
        for bron in scenario["bronnen"]:
            if "url" in bron:
                assert bron["url"].startswith("https://"), _id(scenario)
                assert bron["bekeken_op"], _id(scenario)
                continue
            first, _, last = str(bron["regels"]).partition("-")
            text = " ".join(" ".join(seed_lines(bron["document"])[int(first) - 1 : int(last or first)]).split()).lower()
            assert " ".join(bron["bevat"].split()).lower() in text, f"{_id(scenario)}: {bron}"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[_id(s) for s in SCENARIOS])
def test_scenario(scenario: dict[str, Any], real_site: Site) -> None:
    page = read_answer(real_site.site, scenario["vorm"], scenario["urgentie"], scenario["gemeente"])
    if "eerst" in scenario:
        assert page.call[:1] == [scenario["eerst"]], page.call
    wanted = scenario.get("bellen", [])
    assert [a for a in page.call if a in wanted] == wanted, f"{page.call} moet {wanted} in deze volgorde bevatten"
    assert set(scenario.get("ook_bellen", [])) <= set(page.call), page.call
    assert not set(page.call) & set(scenario.get("niet_bellen", [])), page.call
    everywhere = linked_records(page.soup) | set(page.call) | set(page.then)
    assert not everywhere & set(scenario.get("nergens", []))
    assert set(scenario.get("daarna", [])) <= set(page.then), page.then
    for text in scenario.get("let_op_niet_bevat", []):
        assert text not in page.let_op()
    if scenario.get("rol"):
        section = page.role(scenario["rol"])
        text = " ".join(section.get_text().split())
        for wanted_text in scenario.get("rol_bevat", []):
            assert wanted_text in text, text
        for unwanted in scenario.get("rol_niet_bevat", []):
            assert unwanted not in text, text
        assert set(scenario.get("rol_noemt", [])) <= linked_records(section)


def answer_pages(site: Path) -> Iterator[tuple[str, str, str, AnswerPage]]:
    for index in sorted(site.glob("wie-bel-ik/*/*/*/index.html")):
        vorm, urgentie, gemeente = index.parts[-4:-1]
        yield vorm, urgentie, gemeente, read_answer(site, vorm, urgentie, gemeente)


def test_invariants_hold_on_every_answer_page(real_site: Site, record_property: Any) -> None:
    """112 first at acute danger; the region's Veilig Thuis at zorgen and advies; only callable entries;
    no specialist for a vorm that neither its expertise, nor a route for that vorm, nor a beslissing covers;
    no measure in the call list or among 'Ook deskundig' (it belongs under 'Wat er daarna gebeurt')."""
    catalog = catalog_of(ROOT)
    rules = CallRules(catalog)
    pages = entries = 0
    without_phone: list[str] = []
    without_vt: list[str] = []
    not_112: list[str] = []
    uncovered: list[str] = []
    measures: list[str] = []
    for vorm, urgentie, gemeente, page in answer_pages(real_site.site):
        where = f"{vorm}/{urgentie}/{gemeente}"
        pages += 1
        entries += len(page.entries)
        for li in page.entries:
            if not li.select('a[href^="tel:"]'):
                without_phone.append(f"{where}: {li['data-actor']}")
        if urgentie == "acuut":
            first = page.entries[0].select_one('a[href^="tel:"]') if page.entries else None
            if first is None or first["href"] != "tel:112":
                not_112.append(where)
        elif not any(
            li["data-actor"] in rules.region_vt[gemeente] and li.select('a[href="tel:+318002000"]') for li in page.entries
        ):
            without_vt.append(where)
        uncovered += [f"{where}: {a}" for a in page.call if not rules.may_call(vorm, a)]
        measures += [f"{where}: {m}" for m in (set(page.call) | page.experts()) & MEASURES]
    print(
        f"wie bel ik: {pages} antwoordpagina's, {entries} regels in 'Bel in deze volgorde', {len(without_phone)} zonder "
        f"telefoonnummer, {len(without_vt)} zorgen/advies zonder Veilig Thuis van de regio, {len(not_112)} acuut niet "
        f"eerst 112, {len(uncovered)} niet gedekt door expertise, route of beslissing"
    )
    record_property("antwoordpaginas", pages)
    record_property("bellijst_regels", entries)
    assert pages == len(catalog.vormen()) * 3 * len(catalog.gemeenten)
    assert without_phone == []
    assert without_vt == []
    assert not_112 == []
    assert uncovered == []
    assert measures == [], "a measure is never someone to call"


def heaviest_print(site: Path) -> tuple[str, str]:
    """(URL path, role) of the answer page whose printed part is longest: call list, let op and its longest role."""
    best = (0, "", "")
    for vorm, urgentie, gemeente, page in answer_pages(site):
        printed = sum(len(li.get_text()) for li in page.entries) + len(page.let_op())
        roles = sorted(page.soup.select("details.gia-rol"), key=lambda d: len(d.get_text()))
        size = printed + len(roles[-1].get_text())
        if size > best[0]:
            best = (size, f"/wie-bel-ik/{vorm}/{urgentie}/{gemeente}/", str(roles[-1]["id"]).removeprefix("rol-"))
    return best[1], best[2]


def test_the_heaviest_answer_prints_on_one_a4_with_only_the_chosen_role(real_site: Site, page: Page) -> None:
    path, rol = heaviest_print(real_site.site)
    page.goto(real_site.url(f"{path}?rol={rol}"), wait_until="networkidle")
    chosen = page.locator(f"details#rol-{rol}")
    assert chosen.get_attribute("open") is not None
    role_text = " ".join(chosen.locator("li").first.inner_text().split())
    document = page.pdf(format="A4")
    assert pdf.page_count(document) == 1, path
    text = " ".join(pdf.text(document).split())
    # Compared without spaces: an abbreviation (<abbr>KNMG</abbr>-meldcode) is its own text run in the PDF.
    assert "".join(role_text[:60].split()) in "".join(text.split())
    for number in ("112", "0800-2000"):
        assert number in text
    others = [t for t in page.locator("details.gia-rol:not(.gia-rol--gekozen) .gia-rol__wie").all_text_contents() if t.strip()]
    assert len(others) >= 5
    assert not any(" ".join(t.split())[:50] in text for t in others), "a role that was not chosen is printed"


def test_the_role_chosen_first_travels_to_the_answer(real_site: Site, page: Page) -> None:
    page.goto(real_site.url("/wie-bel-ik/"), wait_until="networkidle")
    # Each step waits for its page: the next link must be the one on the new page (which carries ?rol=),
    # not the same-named link on the page being left.
    page.get_by_role("navigation", name="Wat is je werk?").get_by_role("link", name="Onderwijs").click()
    page.wait_for_url("**/wie-bel-ik/?rol=onderwijs")
    page.get_by_role("link", name="Kindermishandeling", exact=True).click()
    page.wait_for_url("**/wie-bel-ik/kindermishandeling/?rol=onderwijs")
    page.get_by_role("link", name="Acuut gevaar").click()
    page.wait_for_url("**/wie-bel-ik/kindermishandeling/acuut/?rol=onderwijs")
    page.get_by_role("link", name="Heerlen").click()
    page.wait_for_url("**/wie-bel-ik/kindermishandeling/acuut/heerlen/?rol=onderwijs")
    assert page.locator("details#rol-onderwijs").get_attribute("open") is not None
    assert page.locator("details#rol-politie").get_attribute("open") is None
    assert page.locator("ol.gia-bellijst > li").first.get_attribute("data-actor") == "politie"
    # The chosen role opens, but the page does not scroll past "Bel in deze volgorde" to get there.
    assert page.evaluate("window.scrollY") == 0
