"""Every domain term is explained or linked at its first use on a reader page (issue 18).

Over the built pages a newcomer reads (onboarding, the meldcode, gemeenten, vormen van geweld,
voorzieningen, overleggen): the first time a term, synonym or abbreviation from partners/begrippen occurs
in the running text, it must sit inside a link, or inside an abbreviation whose tooltip explains that
form, unless the page is itself the explanation of that begrip. Everyday words are on the allowlist in
generator/render/terms.py. Headings, bold labels, tables, source blocks and hidden search words are not
running text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag

from generator.render.knowledge import tooltip_abbreviations
from generator.render.terms import Terms, build_terms
from tests.browser.support import Site
from tests.helpers import catalog_of

pytestmark = pytest.mark.browser

FOLDERS = ("onboarding", "meldcode", "gemeenten", "expertise", "voorzieningen", "routeertafels")
NOT_RUNNING_TEXT = (
    "nav, table, svg, script, style, form, h1, h2, h3, h4, h5, h6, .admonition-title, .headerlink, .gia-bronnen, "
    ".gia-bewerk, .gia-soort, .gia-bron, .gia-zoektermen, [hidden], .gia-actueel, .gia-verouderd, .gia-kaarten, summary, strong"
)
BLOCKS = ("p", "li", "dd", "dt")


@pytest.fixture(scope="module")
def terms(real_site: Site) -> Terms:
    catalog = catalog_of(real_site.root)
    return build_terms(catalog, tooltip_abbreviations(catalog))


def pages(site: Path) -> Iterator[tuple[str, Path]]:
    for folder in FOLDERS:
        for index in sorted((site / folder).rglob("index.html")):
            rel = index.parent.relative_to(site).as_posix()
            if rel == folder and folder not in ("onboarding", "meldcode"):
                continue  # an overview of records, not a page to read
            yield rel, index


def docs_path(rel: str) -> str:
    """The Markdown path a built page came from (onboarding/ → onboarding/index.md, expertise/x → expertise/x.md)."""
    return f"{rel}/index.md" if rel in ("onboarding", "meldcode") else f"{rel}.md"


def runs(main: Tag) -> Iterator[list[NavigableString]]:
    """Text nodes of the running text, grouped per block (a term may span an <abbr> and the text after it)."""
    group: list[NavigableString] = []
    block = None
    for node in main.find_all(string=True):
        parent = node.find_parent(BLOCKS)
        if parent is None:
            continue  # spaces between blocks; spaces between two links inside a block are kept
        if parent is not block and group:
            yield group
            group = []
        block = parent
        group.append(node)
    if group:
        yield group


def explained(node: NavigableString, form: str) -> bool:
    """Inside a link, or inside an abbreviation whose tooltip names this form (not just repeats it)."""
    if node.find_parent("a") is not None:
        return True
    abbr = node.find_parent("abbr")
    title = str(abbr.get("title", "")) if abbr is not None else ""
    return bool(title) and (abbr.get_text() == form or form in title) and title != form


def unexplained(html: str, path: str, terms: Terms, explains: set[str]) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("article.md-content__inner")
    assert main is not None
    for junk in main.select(NOT_RUNNING_TEXT):
        junk.decompose()
    done = set(terms.explains.get(path, ())) | explains
    missing = []
    for group in runs(main):
        text = "".join(group)
        starts = []
        offset = 0
        for node in group:
            starts.append(offset)
            offset += len(node)
        found = sorted(
            [*terms.insensitive.finditer(text), *terms.sensitive.finditer(text)], key=lambda m: (m.start(), -len(m.group(0)))
        )
        end = -1
        for m in found:
            if m.start() < end:
                continue
            end = m.end()
            begrip = terms.begrip_of(m.group(0))
            if begrip is None or begrip in done:
                continue
            done.add(begrip)
            node = group[max(i for i, s in enumerate(starts) if s <= m.start())]
            if not explained(node, m.group(0)):
                missing.append(f"{m.group(0)!r} ({begrip}) in: …{text[max(0, m.start() - 40) : m.end() + 20]}…")
    return missing


def test_first_use_of_every_term_is_explained(real_site: Site, terms: Terms) -> None:
    from generator.load import load_project

    content = {p.path: {str(i) for i in p.meta.get("uitleg_bij") or ()} for p in load_project(real_site.root).content}
    problems: dict[str, list[str]] = {}
    checked = 0
    for rel, index in pages(real_site.site):
        path = docs_path(rel)
        missing = unexplained(index.read_text(encoding="utf-8"), path, terms, content.get(path, set()))
        checked += 1
        if missing:
            problems[rel] = missing
    print(f"{checked} pagina's gecontroleerd, {len(problems)} met een term die niet uitgelegd is")
    assert checked > 100
    assert problems == {}, "\n".join(f"{rel}:\n  " + "\n  ".join(m) for rel, m in sorted(problems.items()))


def test_the_mda_plus_plus_tooltip_explains_mda_plus_plus(real_site: Site) -> None:
    html = (real_site.site / "onboarding" / "eerste-week" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    tips = [a for a in soup.select("article abbr") if a.get_text() == "MDA" and re.match(r"\+\+", str(a.next_sibling or ""))]
    assert tips, "no MDA++ with a tooltip on the page"
    assert all("MDA++: " in str(a["title"]) for a in tips)
