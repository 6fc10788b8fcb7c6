"""Quick exit ("Snel weg"): the page is replaced by a neutral site, by mouse, by Shift ×3, without JavaScript.

The neutral site is never contacted: the request guard answers it locally and records the address.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.support import Guard, Site, new_context

pytestmark = pytest.mark.browser

LEFT = "() => document.documentElement.classList.contains('gia-verlaten')"


def open_two_pages(page: Page, real_site: Site, page_types: dict[str, str]) -> int:
    """Home, then an organisation page (the one to flee from); returns history.length there."""
    page.goto(real_site.url(page_types["home"]), wait_until="networkidle")
    page.goto(real_site.url(page_types["organisatie"]), wait_until="networkidle")
    length: int = page.evaluate("history.length")
    assert length >= 2
    return length


def assert_replaced(page: Page, real_site: Site, page_types: dict[str, str], guard: Guard, length: int) -> None:
    """On the neutral page, with no new history entry; Back skips the page that was left."""
    page.wait_for_url(real_site.snel_weg_url)
    assert guard.neutral_hits == [real_site.snel_weg_url]
    assert page.evaluate("history.length") == length, "the quick exit added a history entry"
    page.go_back(wait_until="load")
    assert page.url == real_site.url(page_types["home"]), "Back should skip the page that was left"


def test_click_on_snel_weg_replaces_the_page(page_types: dict[str, str], real_site: Site, page: Page, guard: Guard) -> None:
    length = open_two_pages(page, real_site, page_types)
    page.locator("a.gia-snelweg").click()
    assert_replaced(page, real_site, page_types, guard, length)


def test_three_shift_presses_replace_the_page(page_types: dict[str, str], real_site: Site, page: Page, guard: Guard) -> None:
    length = open_two_pages(page, real_site, page_types)
    for _ in range(3):
        page.keyboard.press("Shift")
    assert_replaced(page, real_site, page_types, guard, length)


@pytest.mark.parametrize(
    "keys",
    [
        pytest.param(["Shift", "Shift+A", "Shift"], id="capital-between-shifts"),
        pytest.param(["Shift", "Shift", "Shift+V"], id="capital-as-third-shift"),
        pytest.param(["Shift+V", "Shift+T", "Shift+M"], id="three-capitals"),
    ],
)
def test_typing_capitals_does_not_exit(
    keys: list[str], page_types: dict[str, str], real_site: Site, page: Page, guard: Guard
) -> None:
    url = real_site.url(page_types["organisatie"])
    page.goto(url, wait_until="networkidle")
    field = page.locator("#gia-kopzoek-veld")
    field.focus()
    for key in keys:
        page.keyboard.press(key)
    assert not page.evaluate(LEFT), "the quick exit fired"
    assert page.url == url
    assert guard.neutral_hits == []
    assert field.input_value() == "".join(k.removeprefix("Shift+") for k in keys if k != "Shift")


@pytest.fixture
def no_js_context(browser: Browser, guard: Guard) -> Iterator[BrowserContext]:
    ctx = new_context(browser, guard, java_script_enabled=False)
    yield ctx
    ctx.close()


def test_without_javascript_snel_weg_is_a_plain_link(
    page_types: dict[str, str], real_site: Site, no_js_context: BrowserContext, guard: Guard
) -> None:
    page = no_js_context.new_page()
    page.goto(real_site.url(page_types["organisatie"]), wait_until="load")
    assert page.evaluate("typeof window.__md_scope") == "undefined", "the page's scripts ran"
    for selector in ("a.gia-snelweg", "a.gia-skip-snelweg"):
        assert page.locator(selector).get_attribute("href") == real_site.snel_weg_url
    page.locator("a.gia-snelweg").click()
    page.wait_for_url(real_site.snel_weg_url)
    assert guard.neutral_hits == [real_site.snel_weg_url]
