"""Browser fixtures: the real project, built once and served locally, and one headless Chromium.

Every test here runs in Debian's Chromium (test tools cannot download browsers here) against the
site built from the real partners/ and content/ folders, served with the site's own security headers.
"""

from __future__ import annotations

import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from generator.cli import today
from generator.pipeline import build_project
from generator.serve import make_server
from tests.browser.support import AXE_RULES, CHROMIUM, CHROMIUM_ARGS, PROJECT_PARTS, Guard, Site, mkdocs_extra, new_context
from tests.helpers import ROOT


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
    run = build_project(root, today())
    assert run.published, [i.format_text() for i in run.report.issues]

    server = make_server(root / "site", 0)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield Site(root=root, base=f"http://{host!s}:{port}", snel_weg_url=mkdocs_extra(root)["snel_weg_url"])
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Report how much axe-core checked, for the record."""
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


# Which concrete page stands for each page type: read from the built site, not assumed.
PAGE_CLASS = re.compile(r'class="gia-page gia-page--([a-z-]+)')
VERIFIED_PHONE = r'class="gia-tel" href="tel:'


@pytest.fixture(scope="session")
def page_types(real_site: Site) -> dict[str, str]:
    """Page type -> site path of one real page of that type: the first (in sorted order) that qualifies."""
    site = real_site.site
    kinds: dict[str, list[tuple[str, Path]]] = {}
    for index in sorted(site.rglob("index.html")):
        match = PAGE_CLASS.search(index.read_text(encoding="utf-8"))
        if match:
            rel = index.parent.relative_to(site).as_posix()
            kinds.setdefault(match.group(1), []).append(("/" if rel == "." else f"/{rel}/", index))

    def first(kind: str, path: str = r"/.*", *contains: str) -> str:
        for url, index in kinds.get(kind, []):
            html = index.read_text(encoding="utf-8") if contains else ""
            if re.fullmatch(path, url) and all(re.search(c, html) for c in contains):
                return url
        raise AssertionError(f"the built site has no page of type {kind!r} at {path!r} with {contains!r}")

    return {
        "home": first("home", "/"),
        "zoeken": first("zoeken") + "?q=veilig",
        # An organisation with a verified phone number (its contact table says where the number comes from).
        "organisatie": first("organisatie", r"/organisaties/[^/]+/", VERIFIED_PHONE, r"<th>Herkomst van het nummer</th>"),
        "expertise": first("expertise", r"/expertise/[^/]+/"),
        "routeertafel": first("routeertafel", r"/routeertafels/[^/]+/"),
        "voorziening": first("voorziening", r"/voorzieningen/[^/]+/"),
        "ketenroute": first(
            "ketenroute", r"/ketenroutes/[^/]+/", r'<div class="gia-schema" tabindex="0"', r'<svg class="gia-route" role="img"'
        ),
        "ketenkaart": first("ketenkaart", r"/ketenroutes/[^/]+/", r'<svg class="gia-route" role="img"'),
        "gemeente": first("gemeente", r"/gemeenten/[^/]+/"),
        "begrippen": first("begrippen", "/begrippen/"),
        "regiovisie": first("inhoud", r"/regiovisie/[^/]+/"),
        "uitvoeringsagenda": first("uitvoeringsagenda", "/uitvoeringsagenda/"),
        "onboarding": first("inhoud", "/onboarding/"),
        # A result of "Wie bel ik?" (situatie / urgentie / gemeente) with a verified phone number.
        "wie-bel-ik": first("wie-bel-ik", r"/wie-bel-ik/[^/]+/[^/]+/[^/]+/", r'class="gia-gecontroleerd"'),
        "veilig-internetten": first("inhoud", "/veilig-internetten/"),
        "toegankelijkheid": first("inhoud", "/toegankelijkheid/"),
    }
