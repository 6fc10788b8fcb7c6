"""Privacy in a real browser: no request leaves the site, nothing is stored, the CSP allows only the site."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.browser.support import PAGE_TYPES, Guard, Site

pytestmark = pytest.mark.browser

# Every source a directive may name: the site itself, nothing, Pagefind's WebAssembly, inline images.
ALLOWED_SOURCES = {"'self'", "'none'", "'wasm-unsafe-eval'", "data:"}
STORAGE = "() => [localStorage.length, sessionStorage.length, document.cookie]"


def directives(policy: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            out[words[0].lower()] = words[1:]
    return out


def assert_only_self(policy: str) -> dict[str, list[str]]:
    parsed = directives(policy)
    assert parsed.get("default-src") == ["'self'"], policy
    for name, sources in parsed.items():
        assert set(sources) <= ALLOWED_SOURCES, f"{name} allows {sorted(set(sources) - ALLOWED_SOURCES)}"
    return parsed


def search_from_header(page: Page, query: str) -> None:
    """Type a query in the header search field and press Enter, as a visitor does."""
    field = page.locator("#gia-kopzoek-veld")
    field.fill(query)
    with page.expect_navigation(wait_until="networkidle"):
        field.press("Enter")


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_stays_on_the_site_and_stores_nothing(
    kind: str, page_types: dict[str, str], real_site: Site, context: BrowserContext, page: Page, guard: Guard
) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    response = page.goto(real_site.url(page_types[kind]), wait_until="networkidle")
    assert response is not None
    assert response.ok, response.status

    assert page.evaluate(STORAGE) == [0, 0, ""]
    if kind in ("home", "zoeken"):
        search_from_header(page, "huiselijk geweld")
        assert "/zoeken/?q=huiselijk+geweld" in page.url
        search_from_header(page, "veilig thuis")
        assert page.evaluate(STORAGE) == [0, 0, ""]

    assert requests, "no requests recorded"
    assert [url for url in requests if not (real_site.same_origin(url) or url.startswith("data:"))] == []
    assert guard.blocked == []
    assert context.cookies() == []


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_csp_header_and_meta_allow_only_the_site(kind: str, page_types: dict[str, str], real_site: Site, page: Page) -> None:
    response = page.goto(real_site.url(page_types[kind]), wait_until="domcontentloaded")
    assert response is not None
    header = response.headers.get("content-security-policy")
    assert header, "no Content-Security-Policy header"
    metas = page.locator('meta[http-equiv="Content-Security-Policy"]')
    assert metas.count() == 1
    meta = metas.get_attribute("content") or ""

    from_header = assert_only_self(header)
    from_meta = assert_only_self(meta)
    assert from_header.pop("frame-ancestors") == ["'none'"]  # only a header can set this one
    assert from_header == from_meta
    for name in ("script-src", "style-src", "connect-src", "img-src", "font-src", "object-src", "base-uri", "form-action"):
        assert name in from_meta, name
