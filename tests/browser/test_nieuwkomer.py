"""A newcomer finds the answers to their first-month questions within two clicks of their gemeente's page.

The questions (tests/data/nieuwkomervragen.yaml) were written from the source documents; each cites the
lines that answer it, and the test first confirms those lines say so. Then it starts at
gemeenten/<gemeente>/ in the built real site and follows the links in the page text (not the menu, the
header or the footer), at most two clicks deep, until a page's text matches the answer.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.browser.support import Site
from tests.helpers import ROOT, SHARED

pytestmark = pytest.mark.browser

QUESTIONS = yaml.safe_load((ROOT / "tests" / "data" / "nieuwkomervragen.yaml").read_text(encoding="utf-8"))
MAX_CLICKS = 2


def seed_lines(document: str, regels: str) -> str:
    """The cited lines of a source document, as one whitespace-normalised text."""
    record = yaml.safe_load((ROOT / "partners" / "documenten" / f"{document}.yaml").read_text(encoding="utf-8"))
    lines = (SHARED / "seeds" / record["bestand"]).read_text(encoding="utf-8").split("\n")
    first, _, last = str(regels).partition("-")
    return " ".join(" ".join(lines[int(first) - 1 : int(last or first)]).split())


@cache
def page_of(site: Path, url_path: str) -> tuple[str, tuple[str, ...]]:
    """(text of the main content, site paths it links to) of one built page."""
    file = site / url_path.strip("/") / "index.html" if url_path.strip("/") else site / "index.html"
    if not file.is_file():
        return "", ()
    soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one("article.md-content__inner")
    if main is None:
        return "", ()
    for hidden in main.select("[hidden]"):
        hidden.decompose()
    links = []
    for a in main.find_all("a", href=True):
        href = urljoin(url_path, str(a["href"]))
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.endswith("/"):
            continue  # other hosts, phone numbers, downloads
        links.append(parts.path)
    # get_text(" ") puts a space before punctuation after a link ("Leiden , voor"): take it out again.
    text = re.sub(r"\s+([,.;:!?)])", r"\1", " ".join(main.get_text(" ").split()))
    return text, tuple(dict.fromkeys(links))


def clicks_to_answer(site: Path, start: str, answer: re.Pattern[str]) -> tuple[int, list[str]] | None:
    """Fewest clicks from ``start`` to a page whose text matches ``answer`` (breadth first), with the path."""
    frontier = [(start, [start])]
    seen = {start}
    for clicks in range(MAX_CLICKS + 1):
        following = []
        for url, trail in frontier:
            text, links = page_of(site, url)
            if answer.search(text):
                return clicks, trail
            for link in links:
                if link not in seen:
                    seen.add(link)
                    following.append((link, [*trail, link]))
        frontier = following
    return None


def test_there_are_at_least_twenty_questions() -> None:
    assert len(QUESTIONS) >= 20
    assert len({q["vraag"] for q in QUESTIONS}) == len(QUESTIONS)


@pytest.mark.parametrize("q", QUESTIONS, ids=[q["vraag"][:60] for q in QUESTIONS])
def test_the_cited_lines_answer_the_question(q: dict[str, object]) -> None:
    bron = q["bron"]
    assert isinstance(bron, dict)
    text = seed_lines(str(bron["document"]), str(bron["regels"]))
    assert " ".join(str(bron["bevat"]).split()).lower() in text.lower(), text


@pytest.mark.parametrize("q", QUESTIONS, ids=[q["vraag"][:60] for q in QUESTIONS])
def test_answered_within_two_clicks_of_the_gemeente_page(q: dict[str, object], real_site: Site) -> None:
    start = f"/gemeenten/{q['gemeente']}/"
    assert page_of(real_site.site, start)[0], f"no gemeente page at {start}"
    found = clicks_to_answer(real_site.site, start, re.compile(str(q["antwoord"]), re.DOTALL))
    assert found is not None, f"{q['vraag']}: not found within {MAX_CLICKS} clicks of {start}"
    clicks, trail = found
    assert clicks <= MAX_CLICKS, trail
