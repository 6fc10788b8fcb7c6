"""Readability of the built site: Flesch–Douma (textstat, Dutch) over the prose of a page.

Used by the readability test (tests/browser/test_leesbaarheid.py) and as a small report tool:

    .venv/bin/python -m tests.leesbaarheid site/        # per page type: median, share ≥ 60, lowest pages

What counts as prose: the paragraphs and list items of the page's main text. Left out: navigation,
headings, tables (data, not sentences), the sources block and edit line, hidden search words, the
page-type line, and lists of names (record cards, list items that are mostly links or at most three words, and
paragraphs that start with a list label such as "Ook genoemd:" or "Bronnen:"). Every block
is one or more sentences: a block without closing punctuation gets a full stop, so a list item never
runs on into the next one (textstat splits sentences on . ! ? only).
"""

from __future__ import annotations

import json
import re
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

import textstat
from bs4 import BeautifulSoup, Tag

textstat.set_lang("nl")  # flesch_reading_ease is then Flesch–Douma: 206.835 − 0.93·ASL − 77·ASW

GOAL = 60.0  # B1: at least this on nine pages in ten
FLOOR = 50.0  # and no page below this
MAX_DEFINITION_WORDS = 25

# Page type -> the folder of its pages in the built site (the overview index.html itself excluded).
PAGE_TYPES: dict[str, str] = {
    "onboarding": "onboarding",
    "expertise": "expertise",
    "voorziening": "voorzieningen",
    "routeertafel": "routeertafels",
    "gemeente": "gemeenten",
    "meldcode": "meldcode",
}
# Folders whose index page is itself a content page (not an overview of records).
INDEX_IS_CONTENT = frozenset({"onboarding", "meldcode"})

NOT_PROSE = (
    "nav, table, svg, script, style, form, h1, h2, h3, h4, h5, h6, .admonition-title, .headerlink, "
    ".gia-bronnen, .gia-bewerk, .gia-soort, .gia-bron, .gia-zoektermen, .gia-landelijk, [hidden], "
    ".gia-actueel, .gia-kaarten, .md-source-file, summary"
)
BLOCKS = ("p", "li", "dd", "dt")
# A paragraph that starts with one of these labels lists names (other names, sources), it is not prose.
NAME_LIST_LABELS = ("Ook genoemd:", "Ook bekend als:", "Ook:", "Bronnen:", "Bron:", "Geldt voor:", "Zie ook:")
SENTENCE_END = re.compile(r"[.!?…]['’”)]*$")


@dataclass(frozen=True)
class Score:
    """Readability of one page."""

    path: str  # site path, e.g. /expertise/stalking/
    kind: str
    fre: float  # Flesch–Douma
    words: int
    sentences: int
    longest: int  # words in the longest sentence


def _own_text(block: Tag) -> str:
    """Text of a block without the text of nested lists (those are blocks of their own)."""
    parts: list[str] = []
    for child in block.children:
        if isinstance(child, Tag):
            if child.name in ("ul", "ol", "dl", "p", "div"):
                continue
            parts.append(child.get_text(" "))
        else:
            parts.append(str(child))
    return " ".join(" ".join(parts).split())


def _is_name_list_item(block: Tag, text: str) -> bool:
    """A list item that names things: a few words, or mostly links ("Zorg: A, B, C", "X: acuut · zorgen")."""
    if block.name != "li":
        return False
    if len(text.split()) <= 3:
        return True
    own = [c for c in block.children if not (isinstance(c, Tag) and c.name in ("ul", "ol"))]
    links = [c for c in own if isinstance(c, Tag) and c.name == "a"]
    outside = " ".join(str(c) if not isinstance(c, Tag) else ("" if c.name == "a" else c.get_text(" ")) for c in own)
    words = len(re.findall(r"\w+", outside))
    linked = sum(len(re.findall(r"\w+", a.get_text(" "))) for a in links)
    return words <= 3 or (len(links) >= 2 and words < linked)


def prose_of(html: str) -> list[str]:
    """The prose blocks of a built page's main text, each ending in sentence punctuation."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("article.md-content__inner") or soup
    for junk in main.select(NOT_PROSE):
        junk.decompose()
    blocks = []
    for block in main.find_all(BLOCKS):
        text = _own_text(block)
        if not text or _is_name_list_item(block, text) or text.startswith(NAME_LIST_LABELS):
            continue
        text = text.rstrip(" :;,—–-")
        if not SENTENCE_END.search(text):
            text += "."
        blocks.append(text)
    return blocks


def sentences_of(text: str) -> list[str]:
    """Sentences as textstat counts them (split on . ! ?), without the very short ones it ignores."""
    found = re.findall(r"\b[^.!?]+[.!?]*", text)
    return [s for s in found if textstat.lexicon_count(s) > 2]


def score(path: str, kind: str, html: str) -> Score | None:
    """Flesch–Douma of a page's prose (None when the page has no prose at all)."""
    text = " ".join(prose_of(html))
    if not text:
        return None
    sentences = sentences_of(text)
    return Score(
        path=path,
        kind=kind,
        fre=round(textstat.flesch_reading_ease(text), 1),
        words=textstat.lexicon_count(text),
        sentences=len(sentences),
        longest=max((textstat.lexicon_count(s) for s in sentences), default=0),
    )


def pages_of(site: Path, kind: str) -> list[tuple[str, Path]]:
    """(site path, file) of every page of one type in a built site, in sorted order."""
    folder = PAGE_TYPES[kind]
    out = []
    for index in sorted((site / folder).rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        if rel == folder and folder not in INDEX_IS_CONTENT:
            continue
        out.append((f"/{rel}/", index))
    return out


def scores(site: Path, kinds: tuple[str, ...] = tuple(PAGE_TYPES)) -> list[Score]:
    """Scores of every page of the given types."""
    out = []
    for kind in kinds:
        for path, index in pages_of(site, kind):
            found = score(path, kind, index.read_text(encoding="utf-8"))
            if found is not None:
                out.append(found)
    return out


def definitions(site: Path) -> list[tuple[str, str]]:
    """(term, definition) of every begrip answer box the search page can show."""
    data = json.loads((site / "zoeken" / "hulp.json").read_text(encoding="utf-8"))
    return [(a["naam"], a["uitleg"]) for a in data["antwoorden"] if a["soort"] == "Begrip"]


def long_definition_sentences(site: Path, limit: int = MAX_DEFINITION_WORDS) -> list[tuple[str, int]]:
    """(term, words) for every answer-box definition with a sentence longer than ``limit`` words."""
    out = []
    for term, text in definitions(site):
        longest = max((textstat.lexicon_count(s) for s in sentences_of(text.rstrip(" …"))), default=0)
        if longest > limit:
            out.append((term, longest))
    return out


def summary(found: list[Score]) -> str:
    """Per page type: pages, median, share at or above the goal, pages below the floor, the three lowest."""
    lines = []
    for kind in dict.fromkeys(s.kind for s in found):
        mine = [s for s in found if s.kind == kind]
        values = [s.fre for s in mine]
        ok = sum(v >= GOAL for v in values)
        low = sorted(mine, key=lambda s: s.fre)[:3]
        lines.append(
            f"{kind:13} {len(mine):3} pagina's  mediaan {statistics.median(values):5.1f}  "
            f"≥{GOAL:.0f}: {ok:3} ({100 * ok / len(mine):3.0f} %)  <{FLOOR:.0f}: {sum(v < FLOOR for v in values):3}  "
            f"laagst: " + ", ".join(f"{s.path} {s.fre}" for s in low)
        )
    return "\n".join(lines)


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    result = scores(site)
    print(summary(result))
    defs = definitions(site)
    fres = [textstat.flesch_reading_ease(t) for _, t in defs]
    longest = long_definition_sentences(site)
    print(
        f"definities    {len(defs):3} antwoordvakken  gemiddeld {statistics.mean(fres):5.1f}  "
        f"met een zin van meer dan {MAX_DEFINITION_WORDS} woorden: {len(longest)}"
        + (f" (langste {max(n for _, n in longest)} woorden)" if longest else "")
    )
    if "-v" in sys.argv:
        for s in sorted(result, key=lambda s: (s.kind, s.fre)):
            print(f"  {s.kind:12} {s.fre:6.1f}  {s.words:5} woorden  langste zin {s.longest:3}  {s.path}")
