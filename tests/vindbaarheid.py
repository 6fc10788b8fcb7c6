"""``make vindbaarheid``: findability figures of the real site, built as GitLab Pages would build it.

Not a test (it measures and prints, like ``make bench``). The real project is copied, built with
GitLab's CI variables (the site's address is the local server, so canonical links and the sitemap
point at what is served), served locally, and judged by tools nobody here wrote: Lighthouse (SEO) and
linkinator (broken links, only on the site's own address: no request leaves the machine), plus the
W3C Nu checker per page type. Also counted: sitemap against indexable pages, descriptions, previews,
and organisaties whose number is in their schema.org data.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile
import threading
from collections import Counter
from datetime import date
from pathlib import Path

from generator.pipeline import build_project
from generator.serve import make_server
from generator.siteaddress import resolve
from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, PROJECT_PARTS
from tests.browser.test_html_valid import THEME_ERRORS, nu_errors, one_page_per_type
from tests.helpers import ROOT

TOOLS = ROOT / "tools" / "meten" / "node_modules" / ".bin"
PREVIEW_TAGS = ("og:title", "og:description", "og:url", "og:type", "og:locale", "og:site_name")
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
_JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
_TEXT = re.compile(r"<[^>]+>")


def _copy_project(target: Path) -> Path:
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)
    return target


def _page_stats(site: Path) -> dict[str, object]:
    pages = sorted(site.rglob("index.html"))
    indexable: dict[str, str] = {}
    previews = canonical = cut_words = 0
    for index in pages:
        text = index.read_text(encoding="utf-8")
        if '<meta name="robots" content="noindex"' in text:
            continue
        match = _DESCRIPTION.search(text)
        description = html.unescape(match.group(1)) if match else ""
        indexable[index.parent.relative_to(site).as_posix()] = description
        canonical += '<link rel="canonical"' in text
        previews += all(f'property="{tag}"' in text for tag in PREVIEW_TAGS)
        words = re.findall(r"\w+", description)
        if description.endswith("…") and words:
            # A description cut inside a word ends on a fragment that the page itself never writes whole.
            body = html.unescape(_TEXT.sub(" ", text))
            cut_words += not re.search(rf"\b{re.escape(words[-1])}\b", body)
    sitemap = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    lengths = [len(d) for d in indexable.values()]
    return {
        "pagina's (html)": len(pages),
        "indexeerbaar": len(indexable),
        "in sitemap": len(sitemap),
        "sitemap met lastmod": (site / "sitemap.xml").read_text(encoding="utf-8").count("<lastmod>"),
        "beschrijvingen": len(indexable),
        "verschillend": len(set(indexable.values())),
        "langste": max(lengths),
        "> 160 tekens": sum(n > 160 for n in lengths),
        "midden in een woord afgebroken": cut_words,
        "met canonical": canonical,
        "met alle og-tags": previews,
    }


def _phones_in_jsonld(site: Path) -> tuple[int, int]:
    with_number = carried = 0
    for index in sorted((site / "organisaties").glob("*/index.html")):
        text = index.read_text(encoding="utf-8")
        if "<th>Herkomst van het nummer</th>" not in text:  # the contact table: the organisation has a number
            continue
        with_number += 1
        data = json.loads(_JSONLD.search(text).group(1))  # type: ignore[union-attr]
        carried += any("telephone" in item for item in data["@graph"])
    return with_number, carried


def _lighthouse(url: str) -> float:
    flags = " ".join([*CHROMIUM_ARGS])
    result = subprocess.run(
        [str(TOOLS / "lighthouse"), url, "--only-categories=seo", "--output=json", "--quiet", f"--chrome-flags={flags}"],
        capture_output=True,
        text=True,
        check=False,
        env={"CHROME_PATH": CHROMIUM, "PATH": "/usr/bin:/bin", "HOME": tempfile.gettempdir()},
        timeout=300,
    )
    report = json.loads(result.stdout)
    failed = [a for a in report["audits"].values() if a.get("score") is not None and a["score"] < 1]
    for audit in failed:
        print(f"      niet gehaald: {audit['id']}: {audit['title']}")
    return float(report["categories"]["seo"]["score"] * 100)


def _linkinator(base: str) -> str:
    only_here = f"^(?!{re.escape(base)})"  # never follow a link to another host
    result = subprocess.run(
        [str(TOOLS / "linkinator"), base, "--recurse", "--skip", only_here, "--format", "json", "--concurrency", "20"],
        capture_output=True,
        text=True,
        check=False,
        timeout=3000,
    )
    report = json.loads(result.stdout)
    states = Counter(link["state"] for link in report["links"])
    broken = [link["url"] for link in report["links"] if link["state"] == "BROKEN"]
    return f"{states['OK']} in orde, {states['BROKEN']} kapot, {states['SKIPPED']} overgeslagen (andere hosts)" + (
        f"; kapot: {broken[:10]}" if broken else ""
    )


def main() -> None:
    """Build, serve and measure; print the figures."""
    with tempfile.TemporaryDirectory(prefix="gia-vindbaarheid-") as tmp:
        root = _copy_project(Path(tmp))
        server = make_server(root / "site", 0)
        host, port = server.server_address[:2]
        base = f"http://{host!s}:{port}/"
        env = {"GITLAB_CI": "true", "CI_PAGES_URL": base, "CI_PROJECT_URL": "https://gitlab.example.org/gia/wegwijzer"}
        run = build_project(root, date.today(), address=resolve(root, env))
        assert run.published, [i.format_text() for i in run.report.issues]
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            site = root / "site"
            print("Vindbaarheid van de echte site (gebouwd met de omgeving van GitLab CI)")
            for name, value in _page_stats(site).items():
                print(f"  {name:<32} {value}")
            with_number, carried = _phones_in_jsonld(site)
            print(f"  {'organisaties met nummer':<32} {with_number}, waarvan {carried} met het nummer in schema.org-data")
            types = one_page_per_type(site)
            errors = nu_errors(list(types.values()))
            per_file = Counter(str(m.get("url", "")).split(str(site))[-1] for m in errors if m["message"] not in THEME_ERRORS)
            theme = Counter(str(m.get("url", "")).split(str(site))[-1] for m in errors if m["message"] in THEME_ERRORS)
            print(f"  Nu-checker, {len(types)} paginasoorten:")
            for kind, path in sorted(types.items()):
                rel = str(path).split(str(site))[-1]
                print(f"    {kind:<22} {per_file[rel]} fouten (+{theme[rel]} benoemde themafouten)  {rel}")
            answers = sorted(p for p in (site / "wie-bel-ik").glob("*/*/*/index.html"))
            routes = sorted(
                p for p in (site / "ketenroutes").glob("*/index.html") if "gia-page--ketenroute" in p.read_text(encoding="utf-8")
            )
            orgs = sorted(
                p
                for p in (site / "organisaties").glob("*/index.html")
                if "<th>Herkomst van het nummer</th>" in p.read_text(encoding="utf-8")
            )
            print("  Lighthouse SEO:")
            for label, page in (
                ("home", site / "index.html"),
                ("wie bel ik", answers[0]),
                ("zoeken", site / "zoeken" / "index.html"),
                ("organisatie", orgs[0]),
                ("ketenroute", routes[0]),
            ):
                url = base + page.parent.relative_to(site).as_posix().removeprefix(".") + ("/" if page.parent != site else "")
                url = url.replace("//", "/").replace("http:/", "http://")
                print(f"    {label:<12} {_lighthouse(url):5.0f}  {url}")
            print(f"  linkinator: {_linkinator(base)}")
        finally:
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    main()
