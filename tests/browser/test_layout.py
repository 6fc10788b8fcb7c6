"""Issue 14, visual regression: every page type at 360 and 1280 px, in Chromium.

Per page type and width: the page does not scroll sideways, is not taller than the limit, keeps the
crisis numbers in view after scrolling, has nothing floating over its text, its diagram labels are
whole, separate and at least 12 px, and axe-core finds no WCAG 2.1 AA violation (at 1280 px the page
types of test_a11y are checked there). A full-page screenshot of each goes to test-artefacts/
(git-ignored) for a reviewer; the figures go to test-artefacts/layout.txt.
"""

from __future__ import annotations

import html as htmllib
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.browser.layout import HEADER, HEIGHT_LIMIT, WIDTHS, measure, open_disclosures, row
from tests.browser.support import PAGE_TYPES, Guard, Site, new_context
from tests.browser.test_a11y import AXE_OPTIONS, describe
from tests.helpers import ROOT

pytestmark = pytest.mark.browser

ARTEFACTS = ROOT / "test-artefacts"
LAYOUT_TYPES = [*PAGE_TYPES, "overzicht", "ketenroute-smal", "agenda-thema", "agenda-selectie"]
MIN_LABEL_PX = 12
FIGURES: dict[tuple[str, int], str] = {}
SHOTS: list[Path] = []


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture(scope="module", autouse=True)
def figures_file() -> Iterator[None]:
    """Write the measured figures of this run next to the screenshots."""
    yield
    if FIGURES:
        ARTEFACTS.mkdir(exist_ok=True)
        lines = [HEADER, *(FIGURES[key] for key in sorted(FIGURES, key=lambda k: (k[1], LAYOUT_TYPES.index(k[0]))))]
        (ARTEFACTS / "layout.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def open_page(browser: Browser, guard: Guard, url: str, width: int) -> Page:
    context = new_context(browser, guard, viewport={"width": width, "height": 640 if width < 600 else 720})
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    return page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", LAYOUT_TYPES)
def test_page_type_reads_well_at_this_width(
    kind: str, width: int, page_types: dict[str, str], real_site: Site, browser: Browser, guard: Guard, axe: Axe
) -> None:
    page = open_page(browser, guard, real_site.url(page_types[kind]), width)
    try:
        shot = ARTEFACTS / "screenshots" / f"{kind}-{width}.jpg"
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot), full_page=True, type="jpeg", quality=70)
        SHOTS.append(shot)
        figures = measure(page)
        FIGURES[(kind, width)] = row(kind, width, figures)
        where = f"{page_types[kind]} at {width} px"
        assert figures["sideways"] <= 0, f"{where} scrolls sideways by {figures['sideways']} px"
        assert figures["height"] <= HEIGHT_LIMIT, f"{where} is {figures['height']} px tall"
        assert figures["crisis_after_scroll"], f"{where}: 112 and 0800-2000 are out of view after scrolling"
        assert figures["floating"] == [], f"{where}: {figures['floating']} float over the text"
        assert figures["overlaps"] == [], f"{where}: labels overlap: {figures['overlaps'][:5]}"
        assert figures["truncated"] == [], f"{where}: labels cut off: {figures['truncated'][:5]}"
        if figures["min_font"] is not None:
            assert figures["min_font"] >= MIN_LABEL_PX - 0.05, f"{where}: labels down to {figures['min_font']:.1f} px"
        if width < 600 or kind not in PAGE_TYPES:
            results = axe.run(page, options=AXE_OPTIONS).response
            assert results["violations"] == [], f"{where}:\n{describe(results['violations'])}"
    finally:
        page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_every_route_drawing_has_whole_separate_labels(width: int, real_site: Site, browser: Browser, guard: Guard) -> None:
    paths = sorted(
        "/" + p.parent.relative_to(real_site.site).as_posix() + "/"
        for p in (real_site.site / "ketenroutes").glob("*/index.html")
        if 'class="gia-route"' in p.read_text(encoding="utf-8")
    )
    assert len(paths) > 20
    page = open_page(browser, guard, real_site.url(paths[0]), width)
    problems = []
    try:
        for path in paths:
            page.goto(real_site.url(path), wait_until="load")
            open_disclosures(page)
            figures = measure(page)
            assert figures["labels"] > 0, path
            if figures["overlaps"] or figures["truncated"] or figures["min_font"] < MIN_LABEL_PX - 0.05:
                problems.append((path, figures["overlaps"][:3], figures["truncated"][:3], figures["min_font"]))
            assert figures["sideways"] <= 0, f"{path} scrolls sideways at {width} px"
    finally:
        page.context.close()
    assert problems == []


def test_on_a_phone_a_wide_drawing_waits_behind_toon_schema(
    page_types: dict[str, str], real_site: Site, browser: Browser, guard: Guard
) -> None:
    phone = open_page(browser, guard, real_site.url(page_types["ketenroute"]), 360)
    try:
        toggle = phone.locator("details.gia-schema-toon > summary")
        assert toggle.is_visible()
        assert toggle.inner_text().startswith("Toon schema")
        drawing = phone.locator("svg.gia-route")
        assert not drawing.is_visible()
        # The numbered text version follows directly; the drawing opens on request and scrolls in its frame.
        toggle.click()
        assert drawing.is_visible()
        frame = phone.locator("details.gia-schema-toon .gia-schema")
        assert frame.evaluate("e => e.scrollWidth > e.clientWidth")
        assert phone.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    finally:
        phone.context.close()
    desktop = open_page(browser, guard, real_site.url(page_types["ketenroute"]), 1280)
    try:
        assert desktop.locator("svg.gia-route").is_visible()
        assert not desktop.locator("details.gia-schema-toon > summary").is_visible()
    finally:
        desktop.context.close()


def test_search_excerpts_show_no_hidden_search_terms(real_site: Site, browser: Browser, guard: Guard) -> None:
    page = open_page(browser, guard, real_site.url("/"), 1280)
    hidden_pairs = re.compile(r'class="gia-zoektermen" data-pagefind-weight="(?:9|10|4)" hidden>([^<]*)<')
    try:
        checked = 0
        for query in ("verpleeghuis", "vvt", "amhk", "zvh", "huwelijksdwang"):
            page.goto(real_site.url(f"/zoeken/?q={query}"), wait_until="networkidle")
            page.locator(".gia-resultaat").first.wait_for()
            for result in page.locator(".gia-resultaat").all()[:5]:
                excerpt = result.locator(".gia-resultaat__uittreksel").inner_text()
                href = result.locator("a.gia-resultaat__titel").get_attribute("href") or ""
                html = (real_site.site / href.strip("/") / "index.html").read_text(encoding="utf-8")
                assert "xq" not in excerpt.lower(), (query, href, excerpt)
                for hidden in hidden_pairs.findall(html):
                    terms = [t.strip() for t in htmllib.unescape(hidden).split(" · ")]
                    for a, b in itertools.pairwise(terms):
                        assert f"{a} · {b}" not in excerpt, (query, href, excerpt)
                assert excerpt.strip(), (query, href)
                checked += 1
        assert checked >= 15
    finally:
        page.context.close()


def screenshots() -> list[Path]:
    """The screenshots this run wrote (for the terminal summary)."""
    return sorted(SHOTS)
