"""Fast on a phone network (issue 14), the parts that need no browser: the server compresses like a
real host, the search page names the index files it preloads, and the answer-box data is separate
from the small word lists every query needs. Timings: ``make bench`` (tests/telefoonnet.py)."""

from __future__ import annotations

import gzip
import html
import itertools
import json
import re
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import cbor2
import pytest

from generator.headers import csp
from generator.render.searchhelp import name_hash
from generator.searchindex import (
    CHUNK_BYTES,
    CHUNKS_PLACEHOLDER,
    PLACEHOLDER,
    PREFIX,
    _encode,
    _read,
    chunk_table,
    split_chunks,
)
from generator.serve import make_server


@pytest.fixture(scope="module")
def site(built_mini_template: Path) -> Path:
    return built_mini_template / "site"


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    server = make_server(site, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.parametrize("path", ["/", "/organisaties/meldpunt-voorbeeld/", "/assets/javascripts/zoeken.js", "/zoeken/hulp.json"])
def test_text_is_gzipped_for_a_browser_that_accepts_it(base: str, site: Path, path: str) -> None:
    status, headers, body = get(base + path, **{"Accept-Encoding": "gzip, deflate, br"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Vary"] == "Accept-Encoding"
    assert int(headers["Content-Length"]) == len(body)
    file = site / path.lstrip("/") / "index.html" if path.endswith("/") else site / path.lstrip("/")
    assert gzip.decompress(body) == file.read_bytes()
    assert len(body) < file.stat().st_size
    # Compressed or not, every response carries the site's security headers.
    assert headers["Content-Security-Policy"] == csp()
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("accept", [None, "identity", "gzip;q=0", "br"])
def test_no_gzip_for_a_client_that_does_not_ask_for_it(base: str, site: Path, accept: str | None) -> None:
    status, headers, body = get(base + "/", **({"Accept-Encoding": accept} if accept else {}))
    assert status == 200
    assert "Content-Encoding" not in headers
    assert body == (site / "index.html").read_bytes()


def test_pagefind_files_go_out_as_pagefind_compressed_them(base: str, site: Path) -> None:
    index = next((site / "pagefind" / "index").glob("*.pf_index"))
    status, headers, body = get(f"{base}/pagefind/index/{index.name}", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert "Content-Encoding" not in headers
    assert body == index.read_bytes()


def test_an_unchanged_file_is_not_sent_again(base: str) -> None:
    _, headers, _ = get(base + "/", **{"Accept-Encoding": "gzip"})
    status, again, body = get(base + "/", **{"Accept-Encoding": "gzip", "If-Modified-Since": headers["Last-Modified"]})
    assert status == 304
    assert body == b""
    assert again["Content-Security-Policy"] == csp()


def test_a_missing_page_is_still_the_dutch_404(base: str) -> None:
    status, _, body = get(base + "/bestaat-niet/", **{"Accept-Encoding": "gzip"})
    assert status == 404
    assert "Deze pagina bestaat niet" in body.decode("utf-8")


def test_the_search_page_preloads_the_index_files_that_exist(site: Path) -> None:
    html = (site / "zoeken" / "index.html").read_text(encoding="utf-8")
    assert PLACEHOLDER not in html
    head = html.split("</head>", 1)[0]
    preloads = re.findall(r'<link rel="(preload|modulepreload)" href="([^"]+)"', head)
    hrefs = [href for _, href in preloads]
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    version = entry["languages"]["nl"]["hash"]
    assert f"../pagefind/pagefind-entry.json?ts={version}" in hrefs
    assert f"../pagefind/pagefind.{version}.pf_meta" in hrefs
    for href in hrefs:
        assert (site / "zoeken" / href.split("?", 1)[0]).resolve().is_file(), href
    assert {"../pagefind/pagefind.js", "../pagefind/wasm.nl.pagefind", "woorden.json", "../assets/javascripts/zoeken.js"} <= set(
        hrefs
    )
    # Right after the policy that governs them, before the stylesheets and scripts.
    assert head.index("Content-Security-Policy") < head.index('rel="modulepreload"') < head.index('rel="stylesheet"')
    # Other pages preload nothing of the search.
    assert "pagefind-entry.json" not in (site / "index.html").read_text(encoding="utf-8")


def test_every_query_needs_only_the_small_word_lists(site: Path) -> None:
    words = json.loads((site / "zoeken" / "woorden.json").read_text(encoding="utf-8"))
    answers = json.loads((site / "zoeken" / "hulp.json").read_text(encoding="utf-8"))
    assert set(words) == {
        "context",
        "gemeenten",
        "geweld",
        "namen",
        "personen",
        "richting",
        "stopwoorden",
        "vulwoorden",
        "werkwoorden",
    }
    # The mini kaart has partnergeweld, not the two vormen of parent and child the direction rule tells apart.
    assert words["richting"]["vormen"] == {"ouder-ouder": "partnergeweld"}
    assert set(answers) == {"antwoorden", "situaties"}
    assert ["Noordstad", "noordstad", "Noordstad"] in words["gemeenten"]
    assert {"wie", "bel", "ik"} <= set(words["stopwoorden"])
    assert "eergerelateerd" in words["geweld"]
    # Every whole-name token a page carries is listed (as a hash); so a name is never missed.
    carried = set(re.findall(r"xq[a-z0-9]+", " ".join(p.read_text(encoding="utf-8") for p in site.rglob("index.html"))))
    carried.discard("xqverborgen")  # the excerpt marker, no name
    assert "xqmeldpuntvoorbeeld" in carried
    assert {name_hash(k) for k in carried} <= set(words["namen"])


def test_the_name_hash_is_fnv1a_folded_to_16_bits() -> None:
    # Values computed with the same function in JavaScript (zoeken.js nameHash), under Node.
    assert name_hash("xqraadvoordekinderbescherming") == 45834
    assert name_hash("xqmeezuidlimburg") == 38705
    assert name_hash("xqcoöperatie") == 45521


def _meta(site: Path) -> list:  # type: ignore[type-arg]
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    return _read(site / "pagefind" / f"pagefind.{entry['languages']['nl']['hash']}.pf_meta")  # type: ignore[no-any-return]


def test_index_chunks_hold_whole_groups_of_first_letters(site: Path) -> None:
    table = _meta(site)[2]
    chunks = [_read(site / "pagefind" / "index" / f"{name}.pf_index")[0] for _, _, name in table]
    assert sorted(p.name for p in (site / "pagefind" / "index").iterdir()) == sorted(f"{n}.pf_index" for _, _, n in table)
    words = [w[0] for chunk in chunks for w in chunk]
    assert words == sorted(words)
    assert len(words) == len(set(words))
    keys = [{w[0][:PREFIX] for w in chunk} for chunk in chunks]
    for before, after in itertools.pairwise(keys):
        assert not before & after  # a word finds its longer forms in its own chunk
    for (first, last, _), chunk in zip(table, chunks, strict=True):
        assert first == chunk[0][0][:PREFIX]
        assert last == chunk[-1][0]
    assert all(after[0] > before[1] for before, after in itertools.pairwise(table))


def test_splitting_keeps_every_word_and_cuts_near_the_target_size(tmp_path: Path) -> None:
    index = tmp_path / "pagefind"
    (index / "index").mkdir(parents=True)
    postings = [[n, [-25, 3, 4, 5, 6, 7, 8], []] for n in range(40)]
    words = [[f"{a}{b}{c}x", postings, []] for a in "abcdefgh" for b in "aeiou" for c in "kl"]
    (index / "index" / "nl_oud1.pf_index").write_bytes(_encode([words[:30]]))
    (index / "index" / "nl_oud2.pf_index").write_bytes(_encode([words[30:]]))
    table = split_chunks(index, "nl", [["aakx", "aukx", "nl_oud1"], ["aulx", "hulx", "nl_oud2"]])
    assert not (index / "index" / "nl_oud1.pf_index").exists()
    chunks = [_read(index / "index" / f"{name}.pf_index")[0] for _, _, name in table]
    assert [w for chunk in chunks for w in chunk] == words
    assert len(table) > 2
    # A chunk closes once it reaches the target: only the last may be smaller than it.
    assert all(len(cbor2.dumps(chunk)) >= CHUNK_BYTES for chunk in chunks[:-1])


def test_the_search_page_carries_the_chunk_table_escaped(site: Path) -> None:
    page = (site / "zoeken" / "index.html").read_text(encoding="utf-8")
    assert CHUNKS_PLACEHOLDER not in page
    attribute = re.search(r'data-gia-zoekdelen="([^"]*)"', page)
    assert attribute
    rows = json.loads(html.unescape(attribute.group(1)))
    assert rows == [[first[:PREFIX], last[:PREFIX], name] for first, last, name in _meta(site)[2]]


def test_words_from_page_text_cannot_leave_the_attribute(tmp_path: Path) -> None:
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "pagefind-entry.json").write_text('{"languages":{"nl":{"hash":"nl_1"}}}', encoding="utf-8")
    meta = ["1.5.2", [], [['"><script>', "'&x", "nl_a"]], [], [], []]
    (tmp_path / "pagefind" / "pagefind.nl_1.pf_meta").write_bytes(_encode(meta))
    value = chunk_table(tmp_path, "nl")
    assert not set(value) & set("<>\"'")
    assert json.loads(html.unescape(value)) == [['"><', "'&x", "nl_a"]]
