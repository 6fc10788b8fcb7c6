"""The phone menu (issue 18): at 360 px the menu button opens a drawer with the site's navigation on every
page type, the home page and zoeken included (they hide their sidebar on wide screens only)."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser

from tests.browser.support import PAGE_TYPES, Guard, Site, new_context, within_viewport

pytestmark = pytest.mark.browser

# Top-level sections every drawer must offer (mkdocs.yml nav).
SECTIONS = ("Wie bel ik?", "Sociale kaart", "Kennisbank", "Nieuw in het lokale team")


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_menu_drawer_has_links_at_360px(kind: str, page_types: dict[str, str], real_site: Site, browser: Browser) -> None:
    context = new_context(browser, Guard(real_site), viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(real_site.url(page_types[kind]), wait_until="networkidle")
        button = page.locator('label.md-header__button[for="__drawer"]')
        assert button.is_visible(), "no menu button in the header at 360 px"
        button.click()
        drawer = page.locator(".md-sidebar--primary")
        drawer.locator(".md-nav__link").first.wait_for(state="visible", timeout=5000)
        # The drawer slides in: wait until it has arrived (its left edge on the screen), not a fixed time.
        page.wait_for_function(
            "() => { const d = document.querySelector('.md-sidebar--primary');"
            " return !!d && d.getBoundingClientRect().left >= 0; }",
            timeout=5000,
        )
        links = drawer.locator("a.md-nav__link, label.md-nav__link")
        visible = [links.nth(i) for i in range(links.count()) if links.nth(i).is_visible()]
        texts = {" ".join(v.inner_text().split()) for v in visible}
        assert len(visible) >= 5, f"{kind}: drawer shows {len(visible)} links: {sorted(texts)}"
        assert set(SECTIONS) <= texts, f"{kind}: drawer lacks {set(SECTIONS) - texts}"
        first = visible[0].bounding_box()
        assert first is not None
        assert within_viewport(page, first), f"{kind}: drawer link outside the screen: {first}"
        # And a link in it works: the first one that is not covered by a sub-menu and leads elsewhere.
        for link in visible:
            box = link.bounding_box()
            if box is None or link.evaluate("e => e.tagName") != "A":
                continue
            target = urljoin(page.url, str(link.get_attribute("href")))
            on_top = page.evaluate(
                "([x, y, e]) => e.contains(document.elementFromPoint(x, y))",
                [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, link.element_handle()],
            )
            if on_top and target.split("#")[0] != page.url.split("#")[0].split("?")[0]:
                link.click()
                page.wait_for_url(target, timeout=5000)
                break
        else:
            raise AssertionError(f"{kind}: no link in the drawer can be tapped")
    finally:
        context.close()
