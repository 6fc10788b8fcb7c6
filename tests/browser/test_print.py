"""Crisis numbers on a small phone and on paper, and one-page printouts of the pages people print."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser import pdf
from tests.browser.support import Guard, Site, new_context, within_viewport

pytestmark = pytest.mark.browser

CRISIS_LINKS = ('.gia-crisis a[href="tel:112"]', '.gia-crisis a[href="tel:+318002000"]')
SCREEN_ONLY = (
    ".md-header__inner",  # the header's navigation; its crisis row is printed
    ".md-tabs",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".gia-snelweg",
    ".gia-kopzoek",
)


@pytest.fixture
def small_context(browser: Browser, guard: Guard) -> Iterator[BrowserContext]:
    """A 320×640 phone screen."""
    ctx = new_context(browser, guard, viewport={"width": 320, "height": 640})
    yield ctx
    ctx.close()


@pytest.mark.parametrize("kind", ["home", "organisatie", "wie-bel-ik"])
def test_crisis_numbers_visible_without_scrolling_at_320px(
    kind: str, page_types: dict[str, str], real_site: Site, small_context: BrowserContext
) -> None:
    page = small_context.new_page()
    page.goto(real_site.url(page_types[kind]), wait_until="networkidle")
    assert page.evaluate("[window.scrollX, window.scrollY]") == [0, 0]
    for selector in CRISIS_LINKS:
        link = page.locator(selector)
        assert link.is_visible(), selector
        box = link.bounding_box()
        assert box is not None
        assert within_viewport(page, box), f"{selector} at {box} is not in the 320×640 viewport"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, "the page scrolls sideways at 320 px"


@pytest.mark.parametrize("kind", ["home", "organisatie"])
def test_print_shows_crisis_numbers_and_hides_navigation(
    kind: str, page_types: dict[str, str], real_site: Site, page: Page
) -> None:
    page.goto(real_site.url(page_types[kind]), wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in CRISIS_LINKS:
        link = page.locator(selector)
        assert link.is_visible(), selector
        box = link.bounding_box()
        assert box is not None
        assert box["width"] > 0
        assert box["height"] > 0
    for selector in SCREEN_ONLY:
        shown = [n for n in range(page.locator(selector).count()) if page.locator(selector).nth(n).is_visible()]
        assert shown == [], f"{selector} is printed"


@pytest.mark.parametrize("kind", ["wie-bel-ik", "organisatie"])
def test_printout_is_one_a4_page_with_checked_numbers(kind: str, page_types: dict[str, str], real_site: Site, page: Page) -> None:
    page.goto(real_site.url(page_types[kind]), wait_until="networkidle")
    # The first verified number in the content, as shown on screen.
    number = page.locator(".md-content a.gia-tel").first.inner_text().strip()
    document = page.pdf(format="A4")
    assert pdf.page_count(document) == 1
    text = pdf.text(document)
    # How and when the number was checked is printed too ("landelijk nummer (vastgelegd op …)", "gecontroleerd op …").
    assert re.search(r"(gecontroleerd|vastgelegd|bekeken) op \d", text.lower())
    for shown in ("112", "0800-2000", number):
        assert shown in text, shown
