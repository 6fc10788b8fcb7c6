"""Stage 8 of the pipeline: the Pagefind search index, made deterministic.

load → validate → model/catalog → check → render → write → mkdocs build → **pagefind**

Pagefind (from the pagefind-bin wheel) indexes the built HTML. Its filter files list the values of a
filter in hash-map order, which changes from run to run, and their file names are hashes of that
content; so the same site gave a different index each time. After indexing, `canonicalise` sorts
filter values and filters by name, re-encodes them (CBOR, gzip without a timestamp) and renames the
files after a hash of the sorted content, rewriting the references in the meta and entry files.
The search behaves the same; the same input now gives the same bytes.

Pages carry hidden search terms (other names, name tokens, related words) that Pagefind weighs but
must not show: excerpts are cut from a page's stored text around the best-weighted hits, and those
are often the hidden terms ("verpleeg · huis"). The theme writes them last, after the whole-name
tokens (which zoeken.js looks up in the stored text and leaves out of excerpts) and a marker word;
`trim_excerpts` cuts each stored text at the marker and keeps the cut-off terms in a field of their
own (``verborgen``), which Pagefind passes through untouched: the search page needs them to tell a
word a page really holds from one Pagefind matched on a few letters, and to build an excerpt from the
visible hits only (zoeken.js). Word positions before the marker stay the same, so hits in the visible
text are marked as before. The index itself is untouched, so ranking stays as it was.

Pagefind cuts its word index into chunks of about 25 KB (compressed); a search fetches the chunk of
each word, after Pagefind's WebAssembly has read the metadata. On a phone network those chunks were the
longest wait before the first result (issue 14). `split_chunks` cuts them smaller, never inside a group
of words with the same first three letters: a word of three letters or more then finds all its longer
forms ("veilig" → "veiligheid") in its own chunk, as Pagefind's stemmed search expects.

Last, `link_index` writes the index version into the preload links of the search page, so a phone
fetches Pagefind's files together with the page, and the table of chunks by first letters, so the
search page can fetch a query's chunks while Pagefind itself still loads (issue 14).
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import cbor2

from generator.issues import Issue
from generator.render.escape import html_attr

SIGNATURE = b"pagefind_dcd"
MARKER = "xqverborgen"  # written by overrides/main.html just before the readable hidden terms
SEARCH_PAGE = "zoeken/index.html"
PLACEHOLDER = "GIA-ZOEKINDEX"  # the index version in the search page's preload links (overrides/main.html)
CHUNKS_PLACEHOLDER = "GIA-ZOEKDELEN"  # the table of index chunks in the search page (zoeken-vooraf.html)
# An index chunk holds whole groups of words with the same first PREFIX letters, about CHUNK_BYTES of
# CBOR (half that once compressed): a query of two words then fetches some 10 KB instead of 50 KB.
PREFIX = 3
CHUNK_BYTES = 16_000
# Folders whose pages carry no data-pagefind-body (the "Wie bel ik?" guide repeats the record pages;
# assets and open data are no pages). Skipping them halves Pagefind's time on the real site.
NOT_INDEXED = frozenset({"wie-bel-ik", "assets", "pagefind", "open-data", "search"})


def page_glob(site_dir: Path) -> str:
    """Pagefind's file glob: every top-level folder of the site except those in NOT_INDEXED."""
    folders = sorted(p.name for p in site_dir.iterdir() if p.is_dir() and p.name not in NOT_INDEXED)
    return "{" + ",".join(folders) + "}/**/*.html" if folders else "**/*.html"


def run_pagefind(site_dir: Path) -> list[Issue]:
    """Index ``site_dir`` with Pagefind, then make the index deterministic."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--glob", page_glob(site_dir), "--silent"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return [Issue("site", 1, 1, "pagefind", "", f"Pagefind kon de zoekindex niet maken: {result.stderr.strip()[-500:]}")]
    canonicalise(site_dir / "pagefind")
    trim_excerpts(site_dir / "pagefind")
    link_index(site_dir)
    return []


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path} is geen Pagefind-bestand")
    return cbor2.loads(data[len(SIGNATURE) :])


def _encode(value: Any) -> bytes:
    return gzip.compress(SIGNATURE + cbor2.dumps(value, canonical=True), mtime=0)


def _digest(data: bytes, length: int) -> str:
    return hashlib.sha256(data).hexdigest()[:length]


def canonicalise(index: Path) -> None:
    """Sort and rename Pagefind's filter files so the index is byte-for-byte reproducible."""
    entry_path = index / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = index / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        renamed = []
        for name, file_hash in sorted(meta[3], key=lambda f: str(f[0])):
            filter_path = index / "filter" / f"{file_hash}.pf_filter"
            filter_name, values = _read(filter_path)
            data = _encode([filter_name, sorted(([v, sorted(pages)] for v, pages in values), key=lambda v: str(v[0]))])
            new_hash = f"{language}_{_digest(data, 7)}"
            filter_path.unlink()
            (index / "filter" / f"{new_hash}.pf_filter").write_bytes(data)
            renamed.append([name, new_hash])
        meta[3] = renamed
        meta[2] = split_chunks(index, language, meta[2])
        data = _encode(meta)
        meta_path.unlink()
        info["hash"] = f"{language}_{_digest(data, 10)}"
        (index / f"pagefind.{info['hash']}.pf_meta").write_bytes(data)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def split_chunks(index: Path, language: str, chunks: list[list[str]]) -> list[list[str]]:
    """Replace Pagefind's index chunks by smaller ones; returns their table (first word, last word, name).

    Pagefind's words are sorted, chunk after chunk; they are regrouped by their first PREFIX letters
    and the groups packed in order, a chunk being closed once it reaches CHUNK_BYTES. A chunk's range
    starts at the first letters of its first word, so the ranges leave no gaps between the groups.
    """
    words: list[list[Any]] = []
    for _, _, name in chunks:
        path = index / "index" / f"{name}.pf_index"
        words.extend(_read(path)[0])
        path.unlink()
    table: list[list[str]] = []
    packed: list[list[Any]] = []
    size = 0

    def close() -> None:
        data = _encode([packed])
        name = f"{language}_{_digest(data, 7)}"
        (index / "index" / f"{name}.pf_index").write_bytes(data)
        table.append([packed[0][0][:PREFIX], packed[-1][0], name])

    for _, group in itertools.groupby(words, key=lambda word: str(word[0])[:PREFIX]):
        members = list(group)
        if packed and size >= CHUNK_BYTES:
            close()
            packed, size = [], 0
        packed.extend(members)
        size += len(cbor2.dumps(members))
    if packed:
        close()
    return table


def chunk_table(site_dir: Path, language: str) -> str:
    """The index chunks by first letters, for the search page: JSON escaped for an HTML attribute.

    Each row is the first PREFIX letters of a chunk's first and last word and the chunk's name. The
    words come from page text: escaped, they can never leave the attribute that carries them.
    """
    entry = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = _read(site_dir / "pagefind" / f"pagefind.{entry['languages'][language]['hash']}.pf_meta")
    rows = [[first[:PREFIX], last[:PREFIX], name] for first, last, name in meta[2]]
    return html_attr(json.dumps(rows, ensure_ascii=False, separators=(",", ":")))


def link_index(site_dir: Path) -> None:
    """Write the index version into the search page's preload links (overrides/main.html, GIA-ZOEKINDEX).

    The search page preloads Pagefind's entry and metadata files so they load with the page, not one
    after another once its script runs. Their names hold the version of the index (the metadata
    file's hash, which `canonicalise` made a hash of its content), known only now. zoeken.js gives
    Pagefind the same version, so Pagefind asks for exactly the entry file that was preloaded. The
    table of index chunks (GIA-ZOEKDELEN, `chunk_table`) is written in beside it.
    """
    page = site_dir / SEARCH_PAGE
    if not page.is_file():
        return
    html = page.read_text(encoding="utf-8")
    lang = re.search(r'<html lang="([a-z-]+)"', html)
    languages = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
    language = lang.group(1) if lang and lang.group(1) in languages else next(iter(languages), None)
    if language is not None and PLACEHOLDER in html:
        html = html.replace(PLACEHOLDER, languages[language]["hash"])
        page.write_text(html.replace(CHUNKS_PLACEHOLDER, chunk_table(site_dir, language)), encoding="utf-8")


def trim_excerpts(index: Path) -> None:
    """Cut each page's stored text (what excerpts are made of) at the marker before its hidden terms.

    The terms cut off are kept in the fragment's ``verborgen`` field, which excerpts never use. The file keeps its name: Pagefind names it after the text it indexed, which this only rearranges.
    """
    for path in sorted((index / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        if not data.startswith(SIGNATURE):
            raise ValueError(f"{path} is geen Pagefind-bestand")
        fragment = json.loads(data[len(SIGNATURE) :])
        cut = fragment["content"].find(MARKER)
        if cut < 0 or (cut and not fragment["content"][cut - 1].isspace()):
            continue
        fragment["verborgen"] = fragment["content"][cut + len(MARKER) :].strip()
        fragment["content"] = fragment["content"][:cut].rstrip()
        text = json.dumps(fragment, ensure_ascii=False, separators=(",", ":"))
        path.write_bytes(gzip.compress(SIGNATURE + text.encode("utf-8"), mtime=0))
