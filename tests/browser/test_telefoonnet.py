"""Fast on a phone network (issue 14, item 5), as behaviour in Chromium; the timings themselves are a
measurement of ``make bench`` (tests/telefoonnet.py), never a test.

- The search page fetches each of Pagefind's files once: what its <head> preloads is what Pagefind
  uses (no worker fetching them again, no entry file with a fresh time stamp).
- The answer-box data is fetched only after Pagefind's first index request: it never holds up results.
- Focusing the header's search field warms the search: the files arrive while the reader types.
- All of it from the site's own host.
"""

from __future__ import annotations

from collections import Counter

import pytest
from playwright.sync_api import Browser, Page, Request

from tests.browser.support import Guard, Site, new_context

pytestmark = pytest.mark.browser


def _recorder(page: Page) -> list[str]:
    seen: list[str] = []

    def record(request: Request) -> None:
        seen.append(request.url)

    page.on("request", record)
    return seen


def _path(site: Site, url: str) -> str:
    return url.removeprefix(site.base)


def test_the_search_page_fetches_each_pagefind_file_once(browser: Browser, real_site: Site) -> None:
    guard = Guard(real_site)
    context = new_context(browser, guard)
    page = context.new_page()
    seen = _recorder(page)
    page.goto(real_site.url("/zoeken/?q=eergerelateerd+geweld"))
    page.locator(".gia-resultaat").first.wait_for()
    page.locator("#gia-zoekstatus:not(:empty):not(:text-is('Zoeken…'))").wait_for()
    paths = [_path(real_site, u) for u in seen]
    counts = Counter(p.split("?", 1)[0] for p in paths)
    for name in ("/pagefind/pagefind.js", "/pagefind/pagefind-entry.json", "/pagefind/wasm.nl.pagefind", "/zoeken/woorden.json"):
        assert counts[name] == 1, (name, paths)
    metas = [p for p in paths if p.endswith(".pf_meta")]
    assert len(metas) == 1, paths
    assert "/pagefind/pagefind-worker.js" not in counts  # Pagefind runs on the page's own thread
    # The answer boxes load after the search has asked for its first index chunk, and they do arrive.
    first_chunk = next(i for i, p in enumerate(paths) if p.endswith(".pf_index"))
    assert paths.index("/zoeken/hulp.json") > first_chunk
    assert page.locator(".gia-antwoordblok").count() == 1
    assert guard.blocked == []
    context.close()


def test_focusing_the_header_search_warms_the_search_page(browser: Browser, real_site: Site) -> None:
    guard = Guard(real_site)
    context = new_context(browser, guard)
    page = context.new_page()
    page.goto(real_site.url("/organisaties/"))
    page.wait_for_load_state("networkidle")
    seen = _recorder(page)
    # The index files come second: their names are in Pagefind's entry file, fetched first.
    with page.expect_request(lambda r: r.url.endswith("/pagefind/wasm.nl.pagefind")):
        page.locator("#gia-kopzoek-veld").focus()
    warmed = {_path(real_site, u).split("?", 1)[0] for u in seen}
    assert {
        "/pagefind/pagefind.js",
        "/pagefind/pagefind-entry.json",
        "/pagefind/wasm.nl.pagefind",
        "/assets/javascripts/zoeken.js",
        "/zoeken/woorden.json",
        "/zoeken/hulp.json",
    } <= warmed
    assert any(p.endswith(".pf_meta") for p in warmed)
    # Nothing of it ran: the page is still the list of organisaties, and no search happened.
    assert not any(p.endswith(".pf_index") for p in warmed)
    page.keyboard.type("loverboy")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=loverboy")
    page.locator(".gia-resultaat").first.wait_for()
    assert guard.blocked == []
    context.close()


def _index_chunks(browser: Browser, site: Site, query: str) -> tuple[set[str], str]:
    """The index chunks a cold search page fetches for ``query``, and its first result."""
    guard = Guard(site)
    context = new_context(browser, guard)
    page = context.new_page()
    seen = _recorder(page)
    page.goto(site.url("/zoeken/?q=" + query.replace(" ", "+")))
    page.locator("#gia-zoekstatus:not(:empty):not(:text-is('Zoeken…'))").wait_for()
    first = page.locator(".gia-resultaat__titel").first.get_attribute("href") or ""
    context.close()
    return {u for u in seen if u.endswith(".pf_index")}, first


def test_a_question_skips_the_names_chunk_a_long_name_still_uses_it(browser: Browser, real_site: Site) -> None:
    question, _ = _index_chunks(browser, real_site, "wie bel ik bij huwelijksdwang")
    name, first = _index_chunks(browser, real_site, "Raad voor de Kinderbescherming")
    # The question has one meaningful word: one chunk. The name needs its words' chunks and the names' chunk.
    assert len(question) == 1
    assert first == "/organisaties/raad-voor-de-kinderbescherming/"
    names_chunk = name - question
    assert names_chunk
    words_only, _ = _index_chunks(browser, real_site, "Raad Kinderbescherming")
    assert name - words_only  # two words: no name lookup, so a chunk fewer


@pytest.mark.parametrize("query", ["Veilig Thuis", "eergerelateerd geweld", "kind met blauwe plekken", "huiselijk geweld Leiden"])
def test_the_search_page_fetches_a_querys_index_chunks_before_pagefind_asks(
    browser: Browser, real_site: Site, query: str
) -> None:
    """The page's own script preloads the chunks from the table in the <head>; Pagefind asks for none
    beyond them (a chunk fetched twice or one more would show up as a second request)."""
    guard = Guard(real_site)
    context = new_context(browser, guard)
    page = context.new_page()
    chunks: list[tuple[str, str]] = []
    page.on("request", lambda r: chunks.append((r.url, r.resource_type)) if r.url.endswith(".pf_index") else None)
    page.goto(real_site.url("/zoeken/?q=" + query.replace(" ", "+")))
    page.locator("#gia-zoekstatus:not(:empty):not(:text-is('Zoeken…'))").wait_for()
    assert page.locator(".gia-resultaat").count() > 0
    urls = [url for url, _ in chunks]
    assert urls
    assert len(urls) == len(set(urls)), urls
    preloaded = set(page.eval_on_selector_all("link[rel=preload][href$='.pf_index']", "links => links.map(l => l.href)"))
    assert set(urls) <= preloaded, (urls, preloaded)
    assert guard.blocked == []
    context.close()


@pytest.mark.parametrize("address", ["/zoeken/?q=Veilig+Thuis", "/zoeken/"])
def test_materials_bundle_waits_for_the_first_result_and_then_runs(browser: Browser, real_site: Site, address: str) -> None:
    """On the search page Material's bundle comes after the first result (with a query) and then starts
    as on every other page: the html element turns from no-js to js and the phone menu opens."""
    guard = Guard(real_site)
    context = new_context(browser, guard)
    page = context.new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    # How many results were on the page when the bundle's script element came into it.
    page.add_init_script("""
new MutationObserver((changes) => {
  for (const change of changes) for (const node of change.addedNodes) {
    if (node.localName === "script" && (node.getAttribute("src") || "").includes("/javascripts/bundle.")) {
      (window.__giaBundel = window.__giaBundel || []).push(document.querySelectorAll(".gia-resultaat").length);
    }
  }
}).observe(document, { childList: true, subtree: true });
""")
    page.goto(real_site.url(address))
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    added = page.evaluate("window.__giaBundel")
    assert len(added) == 1
    if "?q=" in address:
        assert added[0] > 0
    page.locator('label.md-header__button[for="__drawer"]').click()
    page.locator(".md-sidebar--primary .md-nav__link").first.wait_for(state="visible")
    assert guard.blocked == []
    context.close()
