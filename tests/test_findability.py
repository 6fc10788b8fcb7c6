"""Findability on the mini fixture: the deploy build (forge environment set) and a local build.

Canonical links, sitemap and robots.txt, descriptions, link previews, the edit and "meld een fout"
links, and the schema.org data, checked with a real JSON-LD processor (PyLD) that never goes online.
"""

from __future__ import annotations

import dataclasses
import html
import json
import os
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from pyld import jsonld

from generator.render import render_site
from generator.render.findability import split
from generator.serve import make_server
from generator.siteaddress import SiteAddress
from tests.helpers import ROOT, TODAY, catalog_of, make_project

SITE = "https://gia.example.gitlab.io/wegwijzer/"
REPO = "https://gitlab.com/gia/wegwijzer"
GITLAB_ENV = {"GITLAB_CI": "true", "CI_PAGES_URL": SITE.rstrip("/"), "CI_PROJECT_URL": REPO, "CI_DEFAULT_BRANCH": "main"}
# schema.org's context, reduced to what these pages use; served locally so PyLD never goes online.
SCHEMA_CONTEXT = {
    "@context": {
        "@vocab": "https://schema.org/",
        "item": {"@type": "@id"},
        "mainEntityOfPage": {"@type": "@id"},
        "url": {"@type": "@id"},
    }
}


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), f"PyLD wilde {url} ophalen"
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}


@pytest.fixture(scope="module")
def deployed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project built by the CLI as the GitLab pages job does: with GitLab's CI variables set."""
    root = make_project(tmp_path_factory.mktemp("deploy") / "mini")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "GIA_", "CI_", "GITLAB_"))}
    env |= GITLAB_ENV | {"SOURCE_DATE_EPOCH": "1795564800"}  # 2026-11-25, the fixture's "today"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "build"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def sitemap(site: Path) -> BeautifulSoup:
    soup = BeautifulSoup((site / "sitemap.xml").read_bytes(), "xml")  # lxml, installed with PyLD
    assert soup.find("urlset")["xmlns"] == "http://www.sitemaps.org/schemas/sitemap/0.9"
    return soup


def pages(site: Path) -> dict[str, BeautifulSoup]:
    return {
        p.parent.relative_to(site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
        for p in sorted(site.rglob("index.html"))
    }


def structured(soup: BeautifulSoup) -> list[dict[str, Any]]:
    script = soup.find("script", type="application/ld+json")
    assert script is not None
    expanded = jsonld.expand(json.loads(script.string), {"documentLoader": offline_loader})
    assert isinstance(expanded, list)
    return expanded


def of_type(items: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(i for i in items if f"https://schema.org/{name}" in i.get("@type", []))


def test_every_indexable_page_is_in_the_sitemap_with_its_canonical_address(deployed: Path) -> None:
    indexable, hidden = set(), set()
    for rel, soup in pages(deployed).items():
        url = SITE + (f"{rel}/" if rel != "." else "")
        if soup.find("meta", attrs={"name": "robots", "content": "noindex"}):
            hidden.add(url)
            assert soup.find("link", rel="canonical") is None
        else:
            indexable.add(url)
            assert soup.find("link", rel="canonical")["href"] == url
            assert soup.find("meta", property="og:url")["content"] == url
    listed = {loc.text for loc in sitemap(deployed).find_all("loc")}
    assert listed == indexable
    assert {SITE + "beheer/", SITE + "te-verifieren/", SITE + "wijzigingen/"} <= hidden
    assert SITE + "open-data/" in indexable
    robots = (deployed / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE}sitemap.xml" in robots.splitlines()
    assert "Disallow: /" not in robots


def test_lastmod_is_the_records_own_date_not_the_build_day(deployed: Path) -> None:
    entries = {url.find("loc").text: getattr(url.find("lastmod"), "text", None) for url in sitemap(deployed).find_all("url")}
    # The newest date in meldpunt-voorbeeld.yaml (its phone number was checked on 2026-11-01); the
    # fixture is no git repository, so there is no commit date, and the build ran "on" 2026-11-25.
    text = (ROOT / "tests/fixtures/mini/partners/organisaties/meldpunt-voorbeeld.yaml").read_text(encoding="utf-8")
    newest = max(re.findall(r"\b(20\d\d-\d\d-\d\d)\b", text))
    assert newest != TODAY.isoformat()
    assert entries[SITE + "organisaties/meldpunt-voorbeeld/"] == newest


def test_record_pages_link_to_the_editor_and_the_report_form_without_file_paths(deployed: Path) -> None:
    soup = pages(deployed)["organisaties/meldpunt-voorbeeld"]
    edit = soup.find("a", string="Wijzig deze gegevens")
    assert edit["href"] == f"{REPO}/-/edit/main/partners/organisaties/meldpunt-voorbeeld.yaml"
    report = soup.find("a", string="Meld een fout")
    assert report["href"].startswith(f"{REPO}/-/issues/new?")
    assert "organisaties%2Fmeldpunt-voorbeeld%2F" in report["href"]
    visible = soup.find("article").get_text(" ")
    assert "partners/" not in visible
    assert soup.select_one(".gia-bronbestand") is None
    footer = soup.select_one(".gia-footer")
    assert footer.find("a", href=REPO) is not None
    assert "CC0 1.0" in footer.get_text()
    assert "EUPL-1.2" in footer.get_text()


def test_feed_links_are_absolute(deployed: Path) -> None:
    feed = (deployed / "feed.xml").read_text(encoding="utf-8")
    assert f'href="{SITE}feed.xml"' in feed
    assert f'href="{SITE}wijzigingen/"' in feed


def test_descriptions_are_short_whole_unique_and_previews_complete(deployed: Path) -> None:
    seen: dict[str, str] = {}
    for rel, soup in pages(deployed).items():
        description = soup.find("meta", attrs={"name": "description"})["content"]
        assert 0 < len(description) <= 160, (rel, description)
        assert description not in seen, (rel, seen.get(description), description)
        seen[description] = rel
        assert soup.find("meta", property="og:description")["content"] == description
        for prop, expected in (("og:locale", "nl_NL"), ("og:site_name", "GIA Wegwijzer"), ("og:type", "website")):
            assert soup.find("meta", property=prop)["content"] == expected
        assert soup.find("meta", property="og:title")["content"]
    answer = pages(deployed)["wie-bel-ik/eergerelateerd-geweld/acuut/noordstad"]
    text = answer.find("meta", attrs={"name": "description"})["content"]
    assert text.startswith("Eergerelateerd geweld in Noordstad, acuut gevaar: bel ")
    assert "112" in text


def test_organisatie_carries_its_own_number_and_area_in_schema_org_data(deployed: Path) -> None:
    items = structured(pages(deployed)["organisaties/meldpunt-voorbeeld"])
    org = of_type(items, "Organization")
    assert org["https://schema.org/name"] == [{"@value": "Meldpunt Voorbeeld"}]
    assert org["https://schema.org/telephone"] == [{"@value": "+318002000"}]
    assert org["@id"] == SITE + "organisaties/meldpunt-voorbeeld/#gegevens"
    served = {a["https://schema.org/name"][0]["@value"] for a in org["https://schema.org/areaServed"]}
    assert served == {"Noorddorp", "Noordstad", "Zuidveen"}
    crumbs = of_type(items, "BreadcrumbList")["https://schema.org/itemListElement"]
    assert [c["https://schema.org/item"][0]["@id"] for c in crumbs] == [
        SITE,
        SITE + "organisaties/",
        SITE + "organisaties/meldpunt-voorbeeld/",
    ]


def test_every_page_has_breadcrumbs_and_no_crisis_number_of_the_strap(deployed: Path) -> None:
    for rel, soup in pages(deployed).items():
        items = structured(soup)
        assert of_type(items, "BreadcrumbList"), rel
        if not rel.startswith("organisaties/") and not rel.startswith("voorzieningen/"):
            assert not any("https://schema.org/telephone" in json.dumps(i) for i in items), rel


def test_confidential_opvang_has_no_address_anywhere_in_its_data(deployed: Path) -> None:
    soup = pages(deployed)["voorzieningen/opvang-voorbeeld"]
    items = structured(soup)
    service = of_type(items, "Service")
    assert "https://schema.org/address" not in service
    assert "address" not in soup.find("script", type="application/ld+json").string.lower()


def test_script_end_in_a_name_cannot_leave_the_json_ld(mini: Path) -> None:
    # The schema refuses '<' in a name; the JSON-LD sink must hold even if a name got past it.
    catalog = catalog_of(mini)
    org = catalog.of("organisaties")["meldpunt-voorbeeld"]
    catalog.of("organisaties")[org.id] = dataclasses.replace(org, naam="Meld</script><script>x()</script>")
    site = render_site(catalog, [], None, TODAY, SiteAddress(SITE, REPO, "gitlab"))
    meta, _ = split(site.pages["organisaties/meldpunt-voorbeeld.md"])
    assert "<" not in meta["jsonld"]
    assert ">" not in meta["jsonld"]
    data = jsonld.expand(json.loads(meta["jsonld"]), {"documentLoader": offline_loader})
    names = [i["https://schema.org/name"][0]["@value"] for i in data if "https://schema.org/name" in i]
    assert "Meld</script><script>x()</script>" in names


def test_a_local_build_has_no_canonical_and_shows_no_file_path(built_mini: Path) -> None:
    # Issue 14: a file path is a workshop word, also in a build without a repository (it used to be named
    # once in the footer). Editors find the file from the page's address, as the handleiding explains.
    soup = pages(built_mini / "site")["organisaties/meldpunt-voorbeeld"]
    assert soup.find("link", rel="canonical") is None
    assert soup.find("meta", property="og:url") is None
    assert soup.select_one(".gia-bewerk") is None
    text = soup.get_text(" ")
    assert "meldpunt-voorbeeld.yaml" not in text
    assert "partners/" not in text
    assert soup.select_one(".gia-bronbestand") is None
    assert "<url>" not in (built_mini / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "Sitemap:" not in (built_mini / "site" / "robots.txt").read_text(encoding="utf-8")


def test_a_preview_keeps_every_page_out_of_search_engines(mini_catalog: Any) -> None:
    site = render_site(mini_catalog, [], None, TODAY, SiteAddress(SITE, REPO, "gitlab", preview=True))
    assert all(split(text)[0].get("robots") == "noindex" for path, text in site.pages.items() if path.endswith(".md"))
    assert "Disallow: /" in site.pages["robots.txt"]


def test_descriptions_escape_quotes_in_the_attribute(deployed: Path) -> None:
    # A " in a definition once broke the description tag; the theme escapes it for the attribute.
    raw = next((deployed / "begrippen").rglob("index.html")).read_text(encoding="utf-8")
    tag = re.search(r'<meta name="description" content="([^"]*)">', raw)
    assert tag is not None
    assert html.unescape(tag.group(1)) == BeautifulSoup(raw, "html.parser").find("meta", attrs={"name": "description"})["content"]


def test_a_missing_page_gets_the_dutch_404_with_crisis_numbers_and_search(built_mini: Path) -> None:
    server = make_server(built_mini / "site", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"http://{host!s}:{port}/organisaties/bestaat-niet/", timeout=10)
        assert missing.value.code == 404
        soup = BeautifulSoup(missing.value.read().decode("utf-8"), "html.parser")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert soup.find("h1").get_text() == "Deze pagina bestaat niet (meer)"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.select_one('.gia-page a[href="tel:112"]') is not None
    assert soup.select_one('.gia-page a[href="tel:+318002000"]') is not None
    form = soup.select_one('.gia-page form[role="search"]')
    assert form is not None
    assert form.find("input", type="search")["name"] == "q"
