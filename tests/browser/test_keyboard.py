"""Keyboard use: tab order from the top, visible focus, the header search, the ketenroute diagram."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import Site, assert_visible_focus, focused, within_viewport

pytestmark = pytest.mark.browser


def tab_until(page: Page, done: Any, limit: int) -> list[dict[str, Any]]:
    """Press Tab until ``done(info)`` holds for the focused element; every stop must show its focus."""
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = focused(page)
        assert_visible_focus(info)
        stops.append(info)
        if done(info):
            return stops
    raise AssertionError(f"not reached in {limit} Tab presses; last stops: {[s['cls'] or s['tag'] for s in stops[-10:]]}")


def position(stops: list[dict[str, Any]], test: Any, what: str) -> int:
    for n, info in enumerate(stops):
        if test(info):
            return n
    raise AssertionError(f"{what} not in the tab order: {[s['cls'] or s['id'] or s['tag'] for s in stops]}")


@pytest.mark.parametrize("kind", ["home", "organisatie"])
def test_tab_order_from_the_top(kind: str, page_types: dict[str, str], real_site: Site, page: Page) -> None:
    page.goto(real_site.url(page_types[kind]), wait_until="networkidle")
    hidden = page.locator("a.gia-skip-snelweg").bounding_box()
    assert hidden is not None
    assert hidden["x"] + hidden["width"] <= 0, "the quick-exit skip link should be off-screen until focused"

    stops = tab_until(page, lambda info: "gia-skip-snelweg" in info["cls"], limit=5)
    # Focused, the quick-exit skip link shows itself: inside the viewport and not covered.
    x, y, width, height = stops[-1]["box"]
    assert within_viewport(page, stops[-1]["box"]), stops[-1]
    on_top = page.evaluate(
        "([x, y]) => { const e = document.elementFromPoint(x, y); return !!e && !!e.closest('.gia-skip-snelweg'); }",
        [x + width / 2, y + height / 2],
    )
    assert on_top, "the focused quick-exit skip link is covered by something else"

    stops += tab_until(page, lambda info: "md-tabs__link" in info["cls"], limit=30)
    skip = position(stops, lambda i: "md-skip" in i["cls"], "the skip link to the content")
    exit_skip = position(stops, lambda i: "gia-skip-snelweg" in i["cls"], "the hidden quick-exit skip link")
    search = position(stops, lambda i: i["id"] == "gia-kopzoek-veld", "the header search field")
    exit_button = position(stops, lambda i: "gia-snelweg" in i["cls"].split(), "the Snel weg button")
    tabs = len(stops) - 1
    assert skip < exit_skip < search < exit_button < tabs
    assert stops[exit_skip]["href"] == stops[exit_button]["href"] == real_site.snel_weg_url
    assert stops[exit_skip]["text"] == "Verlaat deze site snel"
    assert stops[exit_button]["text"].startswith("Snel weg")

    # The navigation tabs follow one another in the tab order.
    tab_links = page.locator(".md-tabs__link")
    assert tab_links.count() >= 5
    names = [stops[-1]["text"]]
    for _ in range(tab_links.count() - 1):
        page.keyboard.press("Tab")
        info = focused(page)
        assert_visible_focus(info)
        assert "md-tabs__link" in info["cls"], info
        names.append(info["text"])
    assert names == [t.strip() for t in tab_links.all_inner_texts()]


def test_enter_in_header_search_opens_search_page(page_types: dict[str, str], real_site: Site, page: Page) -> None:
    page.goto(real_site.url(page_types["organisatie"]), wait_until="networkidle")
    tab_until(page, lambda info: info["id"] == "gia-kopzoek-veld", limit=15)
    page.keyboard.type("veilig thuis")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    address = urlsplit(page.url)
    assert address.path == "/zoeken/"
    assert parse_qs(address.query) == {"q": ["veilig thuis"]}


def test_ketenroute_diagram_is_reachable_and_its_nodes_are_not_tab_stops(
    page_types: dict[str, str], real_site: Site, page: Page
) -> None:
    page.goto(real_site.url(page_types["ketenroute"]), wait_until="networkidle")
    stops = tab_until(page, lambda info: "gia-schema" in info["cls"].split(), limit=400)
    assert not any(stop["inSvg"] for stop in stops), "a node of the diagram took keyboard focus"
    region = page.locator("div.gia-schema").first
    assert region.get_attribute("role") == "region"
    assert (region.get_attribute("aria-label") or "").startswith("Schema: ")
    # The picture is an image with a name and a description, and holds nothing focusable.
    svg = region.locator("svg.gia-route[role=img]")
    assert svg.locator("title").count() >= 1
    assert svg.locator("desc").count() == 1
    assert svg.locator("a, [tabindex]").count() == 0
    # Its node links sit in an aria-hidden layer, out of the tab order.
    links = region.locator("svg.gia-route__links[aria-hidden=true] a")
    assert links.count() > 0
    assert set(links.evaluate_all("as => as.map(a => a.getAttribute('tabindex'))")) == {"-1"}


def test_ketenroute_nodes_are_clickable_with_the_mouse(page_types: dict[str, str], real_site: Site, page: Page) -> None:
    page.goto(real_site.url(page_types["ketenroute"]), wait_until="networkidle")
    link = page.locator("div.gia-schema svg.gia-route__links a").first
    href = link.get_attribute("href")
    assert href
    target = page.evaluate("h => new URL(h, location.href).href", href)
    # Click where the node is drawn: the picture underneath shows the step, the link layer takes the click.
    link.scroll_into_view_if_needed()
    box = link.locator("rect").bounding_box()
    assert box is not None
    drawn = page.evaluate(
        "([x, y]) => document.elementsFromPoint(x, y).some(e => e.closest && e.closest('.gia-route__stap'))",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert drawn, "no step of the picture under the link"
    with page.expect_navigation():
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert page.url == target


@pytest.mark.parametrize("kind", ["wie-bel-ik", "organisatie", "home"])
def test_on_a_phone_every_tab_stop_is_on_screen(kind: str, page_types: dict[str, str], real_site: Site, browser: Any) -> None:
    """At 360 px the navigation is a drawer off the left edge: closed, its links must not take the focus."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(real_site.url(page_types[kind]), wait_until="networkidle")
    off_screen = []
    for _ in range(25):
        page.keyboard.press("Tab")
        info = focused(page)
        if info["tag"] == "body":
            break
        x, y, width, height = info["box"]
        # Sideways wholly on the screen; up and down at least partly (the browser scrolls a stop into view).
        if "gia-skip-snelweg" not in info["cls"] and not (x >= 0 and x + width <= 360 and y < 800 and y + height > 0):
            off_screen.append((info["cls"] or info["tag"], info["box"]))
    assert off_screen == [], off_screen
    # Opened, the drawer's links take the focus again.
    page.locator("label.md-header__button[for='__drawer']").click()
    # Fully on the screen only once the slide-in is over (the drawer is narrower than the phone).
    expect(page.locator(".md-sidebar--primary .md-nav--primary > .md-nav__title")).to_be_in_viewport(ratio=1)
    on_screen = page.locator(".md-sidebar--primary a.md-nav__link").evaluate_all(
        "links => links.map((a, i) => [i, a.getBoundingClientRect()]).filter(([, r]) => r.width > 0 && r.left >= 0"
        " && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight).map(([i]) => i)"
    )
    assert on_screen, "no link of the opened drawer lies on the screen"
    page.locator(".md-sidebar--primary a.md-nav__link").nth(on_screen[0]).focus()
    drawer_link = focused(page)
    assert drawer_link["tag"] == "a", drawer_link  # visible again: the link can take the focus
    assert within_viewport(page, drawer_link["box"]), drawer_link
    context.close()
