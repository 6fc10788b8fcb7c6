"""Browser fixtures: the real project, built once and served locally, and one headless Chromium.

Every test here runs in Debian's Chromium (test tools cannot download browsers here) against the
site built from the real partners/ and content/ folders, served with the site's own security headers.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from generator.cli import today
from generator.pipeline import build_project
from generator.serve import make_server
from generator.siteaddress import SiteAddress
from tests.browser.support import (
    AXE_RULES,
    CHROMIUM,
    CHROMIUM_ARGS,
    PROJECT_PARTS,
    Guard,
    Site,
    mkdocs_extra,
    new_context,
    page_type_paths,
)
from tests.helpers import ROOT

FORGE_REPO = "https://gitlab.example.org/gia/wegwijzer"  # never contacted: only written into links


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The real project, copied (without site/, .build/, .venv/), built and served on a free port."""
    root = tmp_path_factory.mktemp("echte-site")
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    # Built as the forge would publish it: its own address (canonical links, sitemap, previews) and a
    # repository for the edit and "meld een fout" links. The port is taken first, so the address is known.
    server = make_server(root / "site", 0)
    host, port = server.server_address[:2]
    address = SiteAddress(site_url=f"http://{host!s}:{port}/", repo_url=FORGE_REPO, forge="gitlab", branch="main")
    run = build_project(root, today(), address=address)
    assert run.published, [i.format_text() for i in run.report.issues]

    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield Site(root=root, base=f"http://{host!s}:{port}", snel_weg_url=mkdocs_extra(root)["snel_weg_url"])
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# Filled by the payload test (issue 11): how the corpus fared, reported at the end of the run.
PAYLOAD_COUNTS: dict[str, int] = {}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Report how much axe-core checked, how the payload corpus fared and where the layout screenshots are."""
    from tests.browser.test_layout import ARTEFACTS, screenshots

    shots = screenshots()
    if shots:
        terminalreporter.write_line(f"schermafdrukken ({len(shots)}) en maten: {ARTEFACTS.relative_to(ROOT)}/")
        for shot in shots:
            terminalreporter.write_line(f"  {shot.relative_to(ROOT)}")
    if PAYLOAD_COUNTS:
        c = PAYLOAD_COUNTS
        terminalreporter.write_line(
            f"payloads: {c['refused']} geweigerd door check, {c['inert']} als tekst getoond, {c['ran']} uitgevoerd "
            f"({c['pages']} pagina's in {c['builds']} bouwsels geopend zonder CSP)"
        )
    if AXE_RULES:
        union = set().union(*AXE_RULES.values())
        per_page = ", ".join(f"{kind} {len(rules)}" for kind, rules in AXE_RULES.items())
        terminalreporter.write_line(f"axe-core: {len(union)} rules run over {len(AXE_RULES)} page types ({per_page})")


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    """One headless Chromium for the whole session."""
    chromium = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture
def guard(real_site: Site) -> Guard:
    return Guard(real_site)


@pytest.fixture
def context(browser: Browser, guard: Guard) -> Iterator[BrowserContext]:
    """A fresh browser profile (1280×720) whose requests cannot leave the machine."""
    ctx = new_context(browser, guard, viewport={"width": 1280, "height": 720})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture(scope="session")
def page_types(real_site: Site) -> dict[str, str]:
    """Page type -> site path of one real page of that type: the first (in sorted order) that qualifies."""
    return page_type_paths(real_site.site)


@pytest.fixture(scope="session")
def search_page(browser: Browser, real_site: Site) -> Iterator[Page]:
    """One search page of the real site, ready: window.giaZoek runs the same code as the visible search."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(real_site.url("/zoeken/"))
    page.wait_for_function("document.documentElement.dataset.giaZoekKlaar === '1'")
    yield page
    context.close()
