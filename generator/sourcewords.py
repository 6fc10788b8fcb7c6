"""Part of stage 4 (check, reading part): the content words of a claim and of the lines it cites.

load → validate → model/catalog → **check** → render → write → mkdocs build → pagefind

`generator.citations` asks whether a cited passage talks about what a claim says. This module gives
both sides as sets of stems: text cut into words, stop words left out, each word stemmed with the
Snowball stemmer for Dutch (in C through PyStemmer), every source text once per run and in bulk.
`shares` is the lenient comparison: one stem in common is enough, parts of compounds and stems that
agree in their first letters count too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import snowballstemmer

if TYPE_CHECKING:
    from generator.citations import Citation

# Words that say nothing about the subject of a sentence. Stems of these never count as shared.
STOP_WORDS = frozenset(
    """
    aan al alle alleen als altijd andere ben bij binnen boven daar daarbij daarin daarmee dan dat de deze die dit
    doen doet door dus een eens elk elke en er even geen gaan gaat had hebben heeft hem hen het hier hierbij hij
    hoe hun ieder iedere ik in is je jij kan komen komt kunnen maar mag meer met mijn moet moeten na naar niet
    nog nu of om omdat onder ons onze ook op over per soms steeds te tegen ten ter tot tussen u uit uw vaak van
    veel via voor waar waarbij waarin waarop wanneer was waren wat we wel werd wie wij wil willen worden wordt
    zal ze zelf zich zij zijn zo zoals zonder zou zullen
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
COMPOUND_PART = 5  # a stem this long counts as shared when it is part of a longer word (opvang, vrouwenopvang)
PREFIX = 6  # stems that agree in their first six letters count as shared (vergrijzing, vergrijst)
WORD = re.compile(r"[^\W_]+")


class Reader:
    """Content words of claims and of line ranges of the source texts, each text stemmed once, in bulk."""

    def __init__(self, texts: dict[str, list[str]]) -> None:
        self.texts = texts
        self.stemmer = snowballstemmer.stemmer("dutch_porter")
        self.vocabulary: dict[str, str | None] = {}  # token → stem, None for stop words
        self.lines: dict[str, list[frozenset[str]]] = {}
        self.groups: dict[tuple[tuple[str, int, int, bool], ...], frozenset[str]] = {}
        self.said: dict[str, frozenset[str]] = {}

    def stems(self, tokens: list[str]) -> frozenset[str]:
        """Stems of the content words among lowercased ``tokens``."""
        vocabulary = self.vocabulary
        new = list({t for t in tokens if t not in vocabulary})
        if new:
            for token, stem in zip(new, self.stemmer.stemWords(new), strict=True):
                content = token not in STOP_WORDS and len(token) >= 2  # two letters: OM, VT, G4
                self.vocabulary[token] = stem if content else None
        return frozenset(filter(None, map(vocabulary.__getitem__, tokens)))

    def words(self, text: str) -> frozenset[str]:
        """Stems of the content words of ``text`` (a record's name is asked for with each of its claims: kept)."""
        found = self.said.get(text)
        if found is None:
            found = self.said[text] = self.stems(WORD.findall(text.lower()))
        return found

    def file_lines(self, file: str) -> list[frozenset[str]]:
        """Stems per line of one text; a word split over two lines ('kindermishan-' 'deling') counts on the first."""
        if file not in self.lines:
            lowered = [line.lower() for line in self.texts.get(file, [])]
            tokens = [WORD.findall(line) for line in lowered]
            for n, line_tokens in enumerate(tokens[:-1]):
                if line_tokens and tokens[n + 1] and lowered[n].rstrip().endswith("-"):
                    line_tokens.append(line_tokens[-1] + tokens[n + 1][0])
            self.stems([t for line_tokens in tokens for t in line_tokens])  # the whole text through the stemmer at once
            stem = self.vocabulary.__getitem__
            self.lines[file] = [frozenset(filter(None, map(stem, line_tokens))) for line_tokens in tokens]
        return self.lines[file]

    def group(self, citations: tuple[Citation, ...]) -> frozenset[str]:
        """Stems of the cited lines of ``citations`` together, the line before and after each range included.

        The heading of the section counts too ('Bijlage 1: Deelnemers werkgroepen' above a list of names).
        """
        key = tuple((c.document.bestand_tekst or "", c.first, c.last, c.heading) for c in citations)
        if key not in self.groups:
            found: set[str] = set()
            for c, (file, first, last, heading) in zip(citations, key, strict=True):
                if file in self.texts:
                    found.update(*self.file_lines(file)[max(0, first - 2) : last + 1])
                    if heading:
                        found.update(self.words(c.document.heading_at(first) or ""))
            self.groups[key] = frozenset(found)
        return self.groups[key]


def shares(claim: set[str], passage: frozenset[str]) -> bool:
    """True when one content stem of the claim is in the passage, also as part of a compound or by its first letters."""
    if claim & passage:
        return True
    long_claim = [c for c in claim if len(c) >= COMPOUND_PART]
    if {c[:PREFIX] for c in long_claim if len(c) >= PREFIX} & {p[:PREFIX] for p in passage if len(p) >= PREFIX}:
        return True
    return any(c in p or (len(p) >= COMPOUND_PART and p in c) for c in long_claim for p in passage)
