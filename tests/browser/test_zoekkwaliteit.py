"""Issue 5: search quality on the real site, in real Chromium, through the search page's own code.

The query set (tests/data/zoekvragen.yaml) holds real Dutch queries with the page that should come
first. Targets: at least 95 % in the top 3 and 100 % in the top 10. Every record page must also be
found by its own name, and the page must explain begrippen and show the crisis numbers when needed.

Issue 10: professionals type what they see, not the name of a vorm. The situation set
(tests/data/situaties.yaml) holds such descriptions with the pages that answer them; at least 85 % must
have one of those in the answer box or the first three results. Words that are on no page give a plain
"niets gevonden" with the way to Wie bel ik, not pages that happen to share a few letters.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page

from tests.browser.support import Site
from tests.helpers import ROOT, catalog_of

pytestmark = pytest.mark.browser
QUERIES: list[dict[str, str]] = yaml.safe_load((ROOT / "tests" / "data" / "zoekvragen.yaml").read_text(encoding="utf-8"))
SITUATIONS: list[dict[str, Any]] = yaml.safe_load((ROOT / "tests" / "data" / "situaties.yaml").read_text(encoding="utf-8"))


def results(page: Page, query: str, filters: dict[str, str] | None = None) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.evaluate("([q, f]) => window.giaZoek.urls(q, f)", [query, filters or {}])
    return found


def rank(found: list[dict[str, Any]], expected: str) -> int | None:
    for position, result in enumerate(found, 1):
        if result["url"] == expected or expected in result["sub"]:
            return position
    return None


def test_query_set_is_large_and_varied() -> None:
    assert len(QUERIES) >= 60
    kinds = {q["soort"] for q in QUERIES}
    assert {"naam", "afkorting", "oude-naam", "synoniem", "samenstelling", "vraag", "gemeente", "begrip"} <= kinds


def test_search_quality_top3_and_top10(search_page: Page, record_property: Any) -> None:
    ranks = {q["vraag"]: rank(results(search_page, q["vraag"]), q["verwacht"]) for q in QUERIES}
    top1 = sum(1 for r in ranks.values() if r == 1) / len(ranks)
    top3 = sum(1 for r in ranks.values() if r is not None and r <= 3) / len(ranks)
    misses = {q: r for q, r in ranks.items() if r is None or r > 10}
    record_property("top1", f"{top1:.3f}")
    record_property("top3", f"{top3:.3f}")
    print(f"zoekkwaliteit: {len(ranks)} vragen, top 1 {top1:.1%}, top 3 {top3:.1%}")
    assert not misses, f"niet in de top 10: {misses}"
    assert top3 >= 0.95, {q: r for q, r in ranks.items() if r is None or r > 3}


def test_every_record_page_is_found_by_its_own_name(search_page: Page) -> None:
    catalog = catalog_of(ROOT)
    unreachable = []
    for kind in ("organisaties", "routeertafels", "voorzieningen", "expertise", "ketenroutes"):
        for record in catalog.of(kind).values():
            url = f"/{kind}/{record.id}/"
            if rank(results(search_page, record.naam), url) is None:
                unreachable.append(url)
    for gemeente, info in catalog.gemeenten.items():
        if rank(results(search_page, info.gemeente.naam), f"/gemeenten/{gemeente}/") is None:
            unreachable.append(f"/gemeenten/{gemeente}/")
    assert unreachable == []


def test_filters_narrow_the_results(search_page: Page) -> None:
    everything = results(search_page, "Veilig Thuis")
    only_hm = results(search_page, "Veilig Thuis", {"regio": "Hollands Midden"})
    assert only_hm
    assert len(only_hm) <= len(everything)
    assert only_hm[0]["url"] == "/organisaties/veilig-thuis-hollands-midden/"
    assert "/organisaties/veilig-thuis-zuid-limburg/" not in {r["url"] for r in only_hm}


def test_begrip_query_shows_its_definition_above_the_results(browser: Browser, real_site: Site) -> None:
    page = browser.new_page()
    page.goto(real_site.url("/zoeken/?q=MDA%2B%2B"))
    box = page.locator(".gia-antwoordblok")
    box.wait_for()
    assert "MDA++" in box.inner_text() or "Multi" in box.inner_text()
    assert box.locator("a").get_attribute("href").startswith("/begrippen/")
    # The explanation comes before the list of results.
    assert page.evaluate(
        "document.querySelector('#gia-antwoord').compareDocumentPosition(document.querySelector('#gia-zoekresultaten')) & 4"
    )
    page.close()


@pytest.mark.parametrize(
    ("query", "crisis"),
    [
        ("eerwraak", True),
        ("wie bel ik bij huwelijksdwang", True),
        ("mijn buurman slaat zijn vrouw", True),
        ("zzqqy", True),
        ("Gouda", False),
        ("uitvoeringsagenda", False),
    ],
)
def test_crisis_block_for_violence_and_for_no_results(browser: Browser, real_site: Site, query: str, crisis: bool) -> None:
    page = browser.new_page()
    page.goto(real_site.url("/zoeken/?q=" + query.replace(" ", "+")))
    page.locator("#gia-zoekstatus:not(:empty):not(:text-is('Zoeken…'))").wait_for()
    block = page.locator("#gia-crisis-zoek")
    assert block.is_visible() is crisis
    if crisis:
        assert block.locator('a[href="tel:112"]').is_visible()
        assert block.locator('a[href="tel:+318002000"]').is_visible()
    page.close()


def test_search_from_the_header_with_the_keyboard(browser: Browser, real_site: Site) -> None:
    page = browser.new_page()
    page.goto(real_site.url("/organisaties/"))
    page.locator("#gia-kopzoek-veld").focus()
    page.keyboard.type("loverboy")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=loverboy")
    page.locator(".gia-resultaat__titel").first.wait_for()
    page.locator("#gia-zoekveld").focus()
    reached = False
    for _ in range(25):  # Tab onwards from the search field until the first result has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('gia-resultaat__titel')"):
            reached = True
            break
    assert reached
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")
    page.close()


def test_described_situations_reach_the_answer_box_or_top_3(search_page: Page, record_property: Any) -> None:
    assert len(SITUATIONS) >= 40
    misses, first_wrong = {}, {}
    for q in SITUATIONS:
        box: list[str] = search_page.evaluate("([q]) => window.giaZoek.answerUrls(q)", [q["vraag"]])
        top3 = [r["url"] for r in results(search_page, q["vraag"])[:3]]
        if not set(q["verwacht"]) & {*box, *top3}:
            misses[q["vraag"]] = box[:2] + top3
        # What a professional reads first: the first vorm (or page) the answer box names.
        if box[:1] and box[0] not in q["verwacht"]:
            first_wrong[q["vraag"]] = box[0]
    score = 1 - len(misses) / len(SITUATIONS)
    first = 1 - len(first_wrong) / len(SITUATIONS)
    record_property("situaties", f"{score:.3f}")
    record_property("situaties_eerste", f"{first:.3f}")
    print(f"situaties: {len(SITUATIONS)} beschrijvingen, antwoordblok of top 3 {score:.1%}, eerste in het blok goed {first:.1%}")
    assert score >= 0.85, misses
    assert first >= 0.75, first_wrong


@pytest.mark.parametrize("query", ["Moviera", "radicalisering", "zorgmijder", "sexting"])
def test_a_word_on_no_page_says_so_and_offers_wie_bel_ik(
    query: str, browser: Browser, real_site: Site, search_page: Page
) -> None:
    assert results(search_page, query) == []
    page = browser.new_page()
    page.goto(real_site.url("/zoeken/?q=" + query))
    page.locator("#gia-zoekstatus:not(:empty):not(:text-is('Zoeken…'))").wait_for()
    box = page.locator("#gia-antwoord .gia-antwoordblok")
    assert "Niets gevonden" in box.inner_text()
    assert query in box.inner_text()
    assert box.locator("a").get_attribute("href") == "/wie-bel-ik/"
    assert page.locator("#gia-crisis-zoek").is_visible()
    assert page.locator(".gia-resultaat").count() == 0
    page.close()


def test_an_unknown_word_next_to_a_known_one_is_left_out_and_named(browser: Browser, real_site: Site) -> None:
    page = browser.new_page()
    page.goto(real_site.url("/zoeken/?q=sexting+Heerlen"))
    page.locator("#gia-zoekstatus:not(:empty):not(:text-is('Zoeken…'))").wait_for()
    assert "Geen pagina noemt “sexting”" in page.locator("#gia-zoekstatus").inner_text()
    assert page.locator(".gia-resultaat__titel").first.get_attribute("href") == "/gemeenten/heerlen/"
    page.close()


def test_a_vorm_and_a_gemeente_lead_to_that_answer(browser: Browser, real_site: Site) -> None:
    page = browser.new_page()
    page.goto(real_site.url("/zoeken/?q=stalking+Maastricht"))
    box = page.locator("#gia-antwoord .gia-antwoordblok")
    box.wait_for()
    assert box.locator("a", has_text="Stalking").first.get_attribute("href") == "/expertise/stalking/"
    box.locator("a", has_text="Zorgen of een vermoeden in Maastricht").click()
    page.wait_for_url("**/wie-bel-ik/stalking/zorgen/maastricht/")
    assert page.locator("ol.gia-bellijst > li").first.get_attribute("data-actor") == "veilig-thuis-zuid-limburg"
    page.close()


def test_a_described_situation_shows_which_vorm_it_resembles(browser: Browser, real_site: Site) -> None:
    page = browser.new_page()
    page.goto(real_site.url("/zoeken/?q=de+buren+horen+elke+avond+geschreeuw+en+klappen"))
    page.locator("#gia-zoekstatus:not(:empty):not(:text-is('Zoeken…'))").wait_for()
    box = page.locator("#gia-antwoord .gia-antwoordblok")
    assert box.get_attribute("aria-label").startswith("Lijkt op")
    assert box.locator('a[href="/wie-bel-ik/huiselijk-geweld/"], a[href="/wie-bel-ik/partnergeweld/"]').count() >= 1
    assert page.locator("#gia-crisis-zoek").is_visible()
    page.close()
