"""Contributed text can never run, redirect or load: the payload corpus in Chromium, without the CSP.

Issue 11's acceptance test. Every payload of `tests.payloads` goes into every text and URL field of
every record kind (`tests.payload_project`). What `check` refuses must be refused with its file and
field; what it accepts is built and every page that carries a payload is opened in Chromium with the
Content-Security-Policy taken away (no header, and the <meta> stripped from every response), as on a
host without headers or a reviewer's bare file server. Then nothing may happen: no dialog, no
navigation away, no request to another host, and nothing in the DOM that could run or load
(handlers, script, frames, meta refresh, base, javascript:/data: links). The names must show as text
in the page's heading and title, the descriptions in its text. The search page is run for the
injected terms too: its answer box and results show the payloads as text.

A canary page with an inline script proves the harness would see a payload that ran.
"""

from __future__ import annotations

import functools
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route
from playwright.sync_api import Error as PlaywrightError

from generator.serve import SiteHandler
from tests.browser.conftest import PAYLOAD_COUNTS
from tests.payload_project import Attribution, Built, attribute, build_projects, payload_base
from tests.payloads import PAYLOADS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')
# What a page may never contain once a payload is on it: things that run, load, redirect or re-base.
SCAN = """() => {
  const found = [];
  const scheme = /^[\\s\\u0000-\\u001f]*(javascript|vbscript|data):/i;
  for (const el of document.querySelectorAll("*")) {
    const tag = el.localName;
    if (["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "style"].includes(tag)) found.push(tag);
    if (tag === "script" && !el.hasAttribute("src") && el.type !== "application/json") found.push("inline script");
    if (tag === "meta" && el.hasAttribute("http-equiv")) found.push("meta http-equiv " + el.getAttribute("http-equiv"));
    if (tag === "form" && new URL(el.action, location.href).origin !== location.origin) found.push("form to " + el.action);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on") || name === "srcdoc" || name === "formaction") found.push(tag + "[" + name + "]");
      if (["href", "src", "action", "xlink:href", "data", "poster"].includes(name) && scheme.test(attr.value)) {
        found.push(tag + "[" + name + "=" + attr.value.slice(0, 40) + "]");
      }
    }
  }
  return found;
}"""
TEXT = "() => document.querySelector('article').innerText"
HEADING = "() => document.querySelector('article h1').innerText"
# Where each kind's records have their pages.
PAGES = {
    "organisaties": "organisaties",
    "voorzieningen": "voorzieningen",
    "routeertafels": "routeertafels",
    "expertise": "expertise",
    "ketenroutes": "ketenroutes",
    "begrippen": "begrippen",
    "documenten": "bronnen",
}
HEADINGS = ("naam", "term")  # the page's <h1> and <title>
VISIBLE = ("titel", "korte_titel", "beschrijving", "uitleg", "doel", "definitie", "rol", "aanpak", "voor_wie", "toegang")


def flat(text: str) -> str:
    return " ".join(text.split())


class _Unprotected(SiteHandler):
    """The site as a host without security headers serves it."""

    def end_headers(self) -> None:
        super(SiteHandler, self).end_headers()


class Visitor:
    """Opens pages of one served site with the CSP removed and records everything that happens."""

    def __init__(self, browser: Browser, base: str) -> None:
        self.base = base
        self.dialogs: list[str] = []
        self.navigations: list[str] = []
        self.foreign: list[str] = []
        self.context: BrowserContext = browser.new_context(viewport={"width": 1280, "height": 720}, java_script_enabled=True)
        self.context.route("**/*", self._route)
        self.page: Page = self.context.new_page()
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.expected = ""
        self.page.on("framenavigated", self._navigated)

    def _route(self, route: Route) -> None:
        url = route.request.url
        if not (url == self.base or url.startswith(self.base + "/")):
            self.foreign.append(url)
            route.abort()
            return
        try:
            if route.request.resource_type != "document":
                route.continue_()  # the server sends no CSP header; only pages carry the <meta>
                return
            response = route.fetch()
            headers = {k: v for k, v in response.headers.items() if k.lower() != "content-security-policy"}
            route.fulfill(response=response, headers=headers, body=CSP_META.sub("", response.text()))
        except PlaywrightError:
            pass  # the page moved on before this response (a favicon, say) was needed

    def _navigated(self, frame: Any) -> None:
        if frame == self.page.main_frame and frame.url.split("#")[0].split("?")[0] != self.expected:
            self.navigations.append(frame.url)

    def open(self, path: str) -> list[str]:
        """Load ``path``; return what the DOM holds that could run or load."""
        self.expected = (self.base + path).split("?")[0]
        self.page.goto(self.base + path, wait_until="domcontentloaded")
        assert self.page.evaluate("() => !document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')")
        findings: list[str] = self.page.evaluate(SCAN)
        return findings

    def search(self, query: str) -> list[str]:
        """Run the site search for ``query`` and wait until it has shown its answer."""
        findings = self.open("/zoeken/?q=" + query)
        self.page.wait_for_function(
            "() => { const s = document.getElementById('gia-zoekstatus');"
            " return s && s.textContent && s.textContent !== 'Zoeken…' && document.documentElement.dataset.giaZoekKlaar; }"
        )
        self.page.wait_for_function(
            "() => document.querySelectorAll('#gia-zoekresultaten li').length > 0"
            " || document.getElementById('gia-zoekstatus').textContent.startsWith('Geen')"
        )
        return findings + self.page.evaluate(SCAN)

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def payload_sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Attribution, list[Built]]:
    work = tmp_path_factory.mktemp("payloads")
    base = payload_base(work / "basis")
    attribution = attribute(base)
    return attribution, build_projects(base, attribution, work)


@pytest.fixture
def serve() -> Iterator[Any]:
    servers: list[Any] = []

    def start(site: Path) -> str:
        from http.server import ThreadingHTTPServer

        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Unprotected, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _record_pages(built: Built) -> dict[str, dict[str, str]]:
    """Site path → {field: injected value} of the top-level fields of every record that has a page."""
    pages: dict[str, dict[str, str]] = {}
    for (path, where), value in built.values.items():
        kind, stem = path.split("/")[1], path.rsplit("/", 1)[-1].removesuffix(".yaml")
        if kind in PAGES and len(where) == 1:
            pages.setdefault(f"/{PAGES[kind]}/{stem}/", {})[str(where[0])] = value
    return pages


def _shown_as_text(visitor: Visitor, path: str, fields: dict[str, str]) -> int:
    """The payloads in a record's name and descriptions are on its page as the text they are; how many were compared."""
    compared = 0
    for field, value in fields.items():
        if field in HEADINGS:
            assert flat(visitor.page.evaluate(HEADING)) == flat(value), (path, field)
            assert visitor.page.title() == f"{flat(value)} - GIA Wegwijzer", (path, field)
        elif field in VISIBLE:
            assert flat(value) in flat(visitor.page.evaluate(TEXT)), (path, field)
        compared += field in HEADINGS or field in VISIBLE
    return compared


def test_the_harness_sees_a_payload_that_runs(
    browser: Browser, payload_sites: tuple[Attribution, list[Built]], serve: Any
) -> None:
    _, built = payload_sites
    site = built[0].root / "site"
    page = (site / "index.html").read_text(encoding="utf-8")
    canary = CSP_META.sub(lambda m: m.group(0) + "<script>alert('kanarie')</script>", page, count=1)
    (site / "kanarie").mkdir()
    (site / "kanarie" / "index.html").write_text(canary, encoding="utf-8")
    visitor = Visitor(browser, serve(site))
    try:
        findings = visitor.open("/kanarie/")
    finally:
        visitor.close()
        shutil.rmtree(site / "kanarie")
    assert "inline script" in findings
    assert visitor.dialogs == ["kanarie"]


def test_every_payload_is_refused_with_its_place_or_shown_as_text(
    browser: Browser, payload_sites: tuple[Attribution, list[Built]], serve: Any
) -> None:
    attribution, built = payload_sites
    assert not attribution.unexpected, [(p.marker, i.format_text()) for p, i in attribution.unexpected[:5]]
    for payload, (path, _), issue in attribution.refused:
        assert issue.path == path, (payload.marker, issue.format_text())
        assert issue.line >= 1, (payload.marker, issue.format_text())
    assert {p.marker for p in PAYLOADS} >= {p.marker for v in attribution.accepted.values() for p in v}
    ran: dict[str, list[str]] = {}
    opened = compared = 0
    for project in built:
        assert project.run.published, [i.format_text() for i in project.run.report.errors]
        site = project.root / "site"
        visitor = Visitor(browser, serve(site))
        try:
            expected = _record_pages(project)
            for html in sorted(site.rglob("*.html")):
                if "xss" not in html.read_text(encoding="utf-8"):
                    continue
                rel = html.relative_to(site).as_posix()
                path = "/" + rel.removesuffix("index.html")
                findings = visitor.open(path)
                opened += 1
                if findings:
                    ran[path] = findings
                compared += _shown_as_text(visitor, path, expected.get(path, {}))
            # The answer box explains a begrip or vorm typed in full; the results list pages with a marker.
            terms = [
                v
                for (p, w), v in project.values.items()
                if (w in (("term",), ("naam",)) and "/expertise/" in p) or w == ("term",)
            ]
            for query in terms[:2]:
                findings = visitor.search(quote(query))
                ran.update({"zoeken: " + query: findings} if findings else {})
                assert flat(query) in flat(visitor.page.locator("#gia-antwoord").inner_text()), query
            for query in ("xss03", "xss25"):
                findings = visitor.search(query)
                ran.update({"zoeken: " + query: findings} if findings else {})
                assert visitor.page.locator("#gia-zoekresultaten li").count() > 0, query
            for what, seen in (
                ("dialoog", visitor.dialogs),
                ("weg naar", visitor.navigations),
                ("ander domein", visitor.foreign),
            ):
                ran.update({f"{project.root.name}: {what}": seen} if seen else {})
        finally:
            visitor.close()
    inert = sum(len(payloads) for payloads in attribution.accepted.values())
    PAYLOAD_COUNTS.update(refused=len(attribution.refused), inert=inert, ran=len(ran), pages=opened, builds=len(built))
    assert ran == {}, ran
    assert opened > 50
    assert compared > 30  # names and descriptions of every record with a page, in more than one build
