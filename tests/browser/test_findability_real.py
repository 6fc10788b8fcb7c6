"""Findability of the real site, built as the forge publishes it (address and repository known).

The figures the issue asks for, held by tests: every indexable page in the sitemap, with a canonical
link and a full link preview; descriptions at most 160 characters, unique, never cut inside a word;
every organisatie with a verified number carries it in its schema.org data.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter

import pytest

from tests.browser.support import Site

pytestmark = pytest.mark.browser

PREVIEW = ("og:title", "og:description", "og:url", "og:type", "og:locale", "og:site_name")
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')
_JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
_TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def indexable(real_site: Site) -> dict[str, str]:
    """URL → HTML of every page that search engines may list."""
    found = {}
    for index in sorted(real_site.site.rglob("index.html")):
        text = index.read_text(encoding="utf-8")
        if '<meta name="robots" content="noindex"' not in text:
            rel = index.parent.relative_to(real_site.site).as_posix()
            found[f"{real_site.base}/{'' if rel == '.' else rel + '/'}"] = text
    return found


def test_sitemap_lists_exactly_the_indexable_pages_each_with_canonical_and_preview(
    real_site: Site, indexable: dict[str, str]
) -> None:
    sitemap = (real_site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<loc>([^<]+)</loc>", sitemap)) == set(indexable)
    assert len(indexable) > 2000  # the real kaart: thousands of pages, not an empty sitemap
    for url, text in indexable.items():
        canonical = _CANONICAL.search(text)
        assert canonical is not None, url
        assert canonical.group(1) == url
        assert all(f'property="{tag}"' in text for tag in PREVIEW), url
    robots = (real_site.site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {real_site.base}/sitemap.xml" in robots


def test_descriptions_are_unique_short_and_end_on_a_whole_word(indexable: dict[str, str]) -> None:
    descriptions = {}
    for url, text in indexable.items():
        match = _DESCRIPTION.search(text)
        assert match is not None, url
        descriptions[url] = html.unescape(match.group(1))
    repeated = {d: n for d, n in Counter(descriptions.values()).items() if n > 1}
    assert repeated == {}
    assert max(len(d) for d in descriptions.values()) <= 160
    for url, description in descriptions.items():
        words = re.findall(r"\w+", description)
        if description.endswith("…"):
            # A cut inside a word leaves a fragment that the page never writes as a whole word.
            page_text = html.unescape(_TAG.sub(" ", indexable[url]))
            assert re.search(rf"\b{re.escape(words[-1])}\b", page_text), (url, description)


def test_wie_bel_ik_answers_name_vorm_urgentie_gemeente_and_a_number(real_site: Site) -> None:
    answers = sorted((real_site.site / "wie-bel-ik").glob("*/*/*/index.html"))
    assert len(answers) > 1000
    with_number = 0
    for index in answers:
        text = index.read_text(encoding="utf-8")
        match = _DESCRIPTION.search(text)
        assert match is not None
        description = html.unescape(match.group(1))
        assert re.match(r"^.+ in .+, (acuut gevaar|zorgen of een vermoeden|advies vragen): bel ", description), description
        # Whom to call first, as the page lists it: when that party has a checked number, the snippet names it.
        first = re.search(r'<ol class="gia-bellijst">\s*<li[^>]*>(.*?)</li>', text, re.S)
        assert first is not None, index
        number = re.search(r'<a [^>]*class="gia-tel"[^>]*>([^<]+)</a>', first.group(1))
        if number:
            assert html.unescape(number.group(1)) in description, (index, description)
            with_number += 1
    assert with_number > len(answers) / 2


def test_organisaties_with_a_verified_number_carry_it_in_schema_org_data(real_site: Site) -> None:
    checked = 0
    for index in sorted((real_site.site / "organisaties").glob("*/index.html")):
        text = index.read_text(encoding="utf-8")
        numbers = re.findall(r'<a class="gia-tel" href="tel:([^"]+)"', text.split('<div class="md-content"', 1)[1])
        if not numbers or "<th>Herkomst van het nummer</th>" not in text:
            continue
        graph = json.loads(_JSONLD.search(text).group(1))["@graph"]  # type: ignore[union-attr]
        organisation = next(item for item in graph if "telephone" in item)
        assert organisation["telephone"] == numbers[0], index
        # Only numbers the page itself lists for this organisation; the crisis strap is outside md-content.
        assert set(re.findall(r'"telephone":"([^"]+)"', json.dumps(graph, separators=(",", ":")))) <= set(numbers), index
        checked += 1
    assert checked >= 1
