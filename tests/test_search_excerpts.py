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


def fragments(site: Path) -> dict[str, str]:
    """Page URL -> the stored text excerpts are cut from."""
    out = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        fragment = json.loads(gzip.decompress(path.read_bytes())[len(SIGNATURE) :])
        out[fragment["url"]] = fragment["content"]
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
