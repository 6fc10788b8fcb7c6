"""How fast the site is on a phone network (issue 14): part of ``make bench``, a measurement, never a test.

Chromium (Debian's, through Playwright) opens pages cold, in a fresh profile each time, from the
site's own server (`generator.serve`, which compresses like a real host), with the network throttled
through the DevTools protocol to Lighthouse's "slow 4G": 150 ms round trip, 1.6 Mbit/s down,
750 kbit/s up. It reports:

- search: from opening ``/zoeken/?q=…`` to the first result on screen (target ≤ 2 s);
- the answer box of that search (it comes after the first results, which do not wait for its data);
- search from the header: from pressing Enter in the header's search field (after focusing it and
  typing, as a reader does) to the first result on the search page;
- a Wie-bel-ik answer page: from opening it to the end of its load event (target ≤ 1.5 s);

each with the bytes transferred until then, and every request to another host (there must be none).
Run on its own: ``.venv/bin/python -m tests.telefoonnet site/``. With ``--waterfall 'Veilig Thuis'``
it shows instead every request of one cold search page on the same network: when it was asked for,
when its answer began and ended (ms since the page was asked for), its size on the wire, what asked
for it, and whether it came before the first result; that is where the wait for a result can be read.
"""

from __future__ import annotations

import statistics
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

from generator.serve import make_server
from tests.browser.support import CHROMIUM, CHROMIUM_ARGS

SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
QUERIES = ("eergerelateerd geweld", "Veilig Thuis", "kind met blauwe plekken")
ANSWER_PAGES = (
    "wie-bel-ik/eergerelateerd-geweld/acuut/maastricht/",
    "wie-bel-ik/kindermishandeling/zorgen/leiden/",
    "wie-bel-ik/ouderenmishandeling/advies/heerlen/",
)
RUNS = 3  # each figure is the median of this many cold runs
SEARCH_GOAL_S = 2.0
ANSWER_GOAL_S = 1.5

# Records the moments the first search result and the answer box are in the page, on the page's own
# clock (ms since navigation).
FIRST_RESULT = """
new MutationObserver((changes, observer) => {
  if (window.__giaEersteResultaat === undefined && document.querySelector(".gia-resultaat")) {
    window.__giaEersteResultaat = performance.now();
  }
  if (window.__giaAntwoordblok === undefined && document.querySelector(".gia-antwoordblok")) {
    window.__giaAntwoordblok = performance.now();
  }
  if (window.__giaEersteResultaat !== undefined && window.__giaAntwoordblok !== undefined) observer.disconnect();
}).observe(document, { childList: true, subtree: true });
"""
BYTES = """() => performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
  .reduce((sum, entry) => sum + (entry.transferSize || 0), 0)"""


@dataclass(frozen=True)
class Figure:
    what: str
    seconds: float
    kilobytes: float | None
    goal: float | None

    def line(self) -> str:
        goal = f" (doel ≤ {self.goal:.1f} s{'' if self.seconds <= self.goal else ', NIET GEHAALD'})" if self.goal else ""
        size = f"{self.kilobytes:6.0f} KB" if self.kilobytes is not None else " " * 9
        return f"  {self.what:<58} {self.seconds:5.2f} s {size}{goal}"


@contextmanager
def served(site: Path) -> Iterator[str]:
    server = make_server(site, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class Phone:
    """Cold pages on an emulated slow-4G network; remembers every request that left the site."""

    def __init__(self, browser: Browser, base: str) -> None:
        self.browser = browser
        self.base = base
        self.elsewhere: list[str] = []

    @contextmanager
    def page(self) -> Iterator[Page]:
        context = self.browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.on("request", lambda r: None if r.url.startswith((self.base, "data:")) else self.elsewhere.append(r.url))
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        page.add_init_script(FIRST_RESULT)
        try:
            yield page
        finally:
            context.close()

    def search(self, query: str) -> tuple[float, float, float | None]:
        """Seconds to the first result, KB until then, seconds to the answer box (None: the query has none)."""
        with self.page() as page:
            page.goto(f"{self.base}/zoeken/?q={query.replace(' ', '+')}", wait_until="commit")
            page.wait_for_function("() => window.__giaEersteResultaat !== undefined", timeout=60_000)
            ms = page.evaluate("window.__giaEersteResultaat")
            kb = page.evaluate(BYTES) / 1024
            page.locator("#gia-zoekstatus:not(:empty):not(:text-is('Zoeken…'))").wait_for(timeout=60_000)
            box = page.evaluate("window.__giaAntwoordblok === undefined ? null : window.__giaAntwoordblok")
        return ms / 1000, kb, None if box is None else box / 1000

    def search_from_header(self, query: str) -> tuple[float, float]:
        with self.page() as page:
            page.goto(f"{self.base}/", wait_until="load")
            page.focus("#gia-kopzoek-veld")
            page.keyboard.type(query, delay=120)  # about as fast as a professional types on a phone
            before = page.evaluate("Date.now()")
            page.keyboard.press("Enter")
            page.wait_for_function("() => window.__giaEersteResultaat !== undefined", timeout=60_000)
            at = page.evaluate("performance.timeOrigin + window.__giaEersteResultaat")
            kb = page.evaluate(BYTES) / 1024
        return (at - before) / 1000, kb

    def answer(self, path: str) -> tuple[float, float]:
        with self.page() as page:
            page.goto(f"{self.base}/{path}", wait_until="load")
            ms = page.evaluate('performance.getEntriesByType("navigation")[0].loadEventEnd')
            kb = page.evaluate(BYTES) / 1024
        return ms / 1000, kb

    def waterfall(self, query: str) -> list[str]:
        """Every request of one cold search page for ``query``, in the order they were asked for."""
        requests: dict[str, dict[str, object]] = {}
        with self.page() as page:

            def seen(event: dict[str, Any]) -> None:
                requests.setdefault(event["requestId"], _asked(event, self.base))

            def begun(event: dict[str, Any]) -> None:
                requests.get(event["requestId"], {}).update(begun=event["timestamp"])

            def ended(event: dict[str, Any]) -> None:
                requests.get(event["requestId"], {}).update(ended=event["timestamp"], size=event["encodedDataLength"])

            # A second DevTools session on the same page, only to watch: the network is throttled by page().
            cdp = page.context.new_cdp_session(page)
            cdp.on("Network.requestWillBeSent", seen)
            cdp.on("Network.responseReceived", begun)
            cdp.on("Network.loadingFinished", ended)
            cdp.send("Network.enable")
            page.goto(f"{self.base}/zoeken/?q={query.replace(' ', '+')}", wait_until="commit")
            page.wait_for_function("() => window.__giaEersteResultaat !== undefined", timeout=60_000)
            first = page.evaluate("window.__giaEersteResultaat")
            page.locator("#gia-zoekstatus:not(:empty):not(:text-is('Zoeken…'))").wait_for(timeout=60_000)
        rows = sorted(
            (r for r in requests.values() if not str(r["url"]).startswith("data:")), key=lambda r: float(str(r["asked"]))
        )
        start = float(str(rows[0]["asked"])) if rows else 0.0

        def ms(row: dict[str, object], key: str) -> float:
            return (float(str(row.get(key, row["asked"]))) - start) * 1000

        lines = [f"wachtrij voor {query!r} (ms sinds het opvragen van de pagina; * = voor het eerste resultaat, {first:.0f} ms):"]
        lines += [
            f"  {'*' if ms(r, 'ended') <= first else ' '} {ms(r, 'asked'):5.0f} {ms(r, 'begun'):5.0f} {ms(r, 'ended'):5.0f} "
            f"{float(str(r.get('size', 0))) / 1024:5.1f} KB  {str(r['url'])[:60]:<60} {r['by']}"
            for r in rows
        ]
        return lines


def _asked(event: dict[str, Any], base: str) -> dict[str, object]:
    """A request as the waterfall shows it: its path, when it was asked for and by what."""
    initiator = event.get("initiator", {})
    frames = (initiator.get("stack") or {}).get("callFrames") or []
    by = (
        f"{frames[0]['url'].rsplit('/', 1)[-1]}:{frames[0]['functionName']}"
        if frames
        else initiator.get("url", "").rsplit("/", 1)[-1]
    )
    return {
        "url": event["request"]["url"].removeprefix(base),
        "asked": event["timestamp"],
        "by": f"{initiator.get('type')} {by}".strip(),
    }


def _median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def measure(site: Path, runs: int = RUNS) -> tuple[list[Figure], list[str]]:
    """The figures for ``site`` and the requests that went to another host."""
    figures = []
    with served(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        phone = Phone(browser, base)
        for query in QUERIES:
            found = [phone.search(query) for _ in range(runs)]
            s, kb = _median([(f[0], f[1]) for f in found])
            figures.append(Figure(f"zoeken {query!r}: eerste resultaat", s, kb, SEARCH_GOAL_S))
            boxes = [f[2] for f in found if f[2] is not None]
            if boxes:
                figures.append(Figure(f"zoeken {query!r}: antwoordblok", statistics.median(boxes), None, None))
        s, kb = _median([phone.search_from_header(QUERIES[0]) for _ in range(runs)])
        figures.append(Figure(f"zoeken vanuit de kop {QUERIES[0]!r}: Enter → resultaat", s, kb, SEARCH_GOAL_S))
        for path in ANSWER_PAGES:
            if (site / path / "index.html").is_file():
                s, kb = _median([phone.answer(path) for _ in range(runs)])
                figures.append(Figure(f"antwoord /{path}: geladen", s, kb, ANSWER_GOAL_S))
        browser.close()
    return figures, phone.elsewhere


def report(site: Path, runs: int = RUNS) -> str:
    figures, elsewhere = measure(site, runs)
    searches = [f.seconds for f in figures if f.what.startswith("zoeken '") and f.what.endswith("eerste resultaat")]
    answers = [f.seconds for f in figures if f.what.startswith("antwoord")]
    lines = [f"telefoonnet (150 ms RTT, 1,6 Mbit/s, koud, mediaan van {runs}):", *(f.line() for f in figures)]
    lines.append(f"  verzoeken aan andere hosts: {len(elsewhere)}")
    lines.append(
        f"telefoonnet: zoeken_eerste_resultaat_s={max(searches):.2f} antwoordpagina_s={max(answers, default=0):.2f} "
        f"andere_hosts={len(elsewhere)}"
    )
    return "\n".join(lines)


def waterfall(site: Path, query: str) -> str:
    with served(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        lines = Phone(browser, base).waterfall(query)
        browser.close()
    return "\n".join(lines)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if "--waterfall" in arguments:
        at = arguments.index("--waterfall")
        query = arguments[at + 1] if len(arguments) > at + 1 else QUERIES[0]
        del arguments[at : at + 2]
        print(waterfall(Path(arguments[0] if arguments else "site"), query))
    else:
        print(report(Path(arguments[0] if arguments else "site")))
