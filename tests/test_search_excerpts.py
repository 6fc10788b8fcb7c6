"""Issue 14: the text Pagefind makes result excerpts from ends before the hidden search terms."""

from __future__ import annotations

import gzip
import html
import itertools
import json
import re
from pathlib import Path

from generator.searchindex import MARKER, SIGNATURE

HIDDEN = re.compile(r'class="gia-zoektermen" data-pagefind-weight="(9|4)" hidden>([^<]*)<')


def fragments(site: Path, field: str = "content") -> dict[str, str]:
    """Page URL -> the stored text excerpts are cut from (or another field of the stored page)."""
    out = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        fragment = json.loads(gzip.decompress(path.read_bytes())[len(SIGNATURE) :])
        out[fragment["url"]] = fragment.get(field, "")
    return out


def test_stored_text_keeps_name_tokens_and_drops_readable_hidden_terms(built_mini: Path) -> None:
    site = built_mini / "site"
    stored = fragments(site)
    checked = 0
    for url, text in stored.items():
        page = (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
        assert MARKER not in text, url
        for _, hidden in HIDDEN.findall(page):
            terms = html.unescape(hidden).split(" · ")
            for a, b in itertools.pairwise(terms):
                assert f"{a} · {b}" not in text, url
            checked += 1
    assert checked > 0
    # The whole-name token stays: the search page looks it up in this text.
    assert "xqmeldpuntvoorbeeld" in stored["/organisaties/meldpunt-voorbeeld/"]
    # Visible text is untouched.
    assert "AMHK Voorbeeld" in stored["/organisaties/meldpunt-voorbeeld/"]


def test_the_hidden_terms_are_kept_beside_the_stored_text(built_mini: Path) -> None:
    # The search page tells a word a page holds from a near match by these (zoeken.js), so they are
    # kept whole, outside the text excerpts are cut from.
    site = built_mini / "site"
    hidden = fragments(site, "verborgen")
    checked = 0
    for url, kept in hidden.items():
        page = (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
        for _, terms in HIDDEN.findall(page):
            assert html.unescape(terms) in kept, url
            checked += 1
        assert MARKER not in kept, url
    assert checked > 0
