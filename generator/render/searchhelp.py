"""Part of stage 5 (render): the data the search page needs besides the Pagefind index, in two files.

`zoeken/woorden.json` is small and needed for every query: the gemeenten (so "stalking Maastricht"
leads to the answer for Maastricht and to results there), the words that mark a query as being about
violence (then the crisis block shows), Dutch question and filler words to drop, verb forms, and a
16-bit hash of every whole-name search token (``name_hash``): a query of three or more words is looked
up as a name only when its token may be one, so a question does not fetch the names' index chunk.
`zoeken/hulp.json` is the larger answer-box data: every vorm van geweld and every begrip with all the
words that should trigger it, and what each vorm looks like in practice (its names, search words,
signals and situations, weighted, so "de buren horen elke avond geschreeuw en klappen" finds the
vorm). The search page shows the first results before it fetches the answer boxes: on a slow phone
network the results do not wait for data they do not use. All of it comes from the YAML records,
except the word lists in `generator.render.searchwords`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from generator.catalog import Catalog
from generator.labels import SOORT_LABELS
from generator.render.searchwords import (
    ACT_WORDS,
    CHILD_WORDS,
    CONTEXT_WORDS,
    DIRECTION_VORMEN,
    FILLER_WORDS,
    PARENT_WORDS,
    PERSON_WORDS,
    STOPWORDS,
    SUBORDINATORS,
    VERB_FORMS,
    VIOLENCE_WORDS,
)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w+]+", text.lower()) if len(w) > 2}


def _summary(text: str, limit: int = 260) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"


def _violence_words(catalog: Catalog) -> list[str]:
    """Words that make a query about violence: the fixed list and the words of each vorm's names."""
    violence = set(VIOLENCE_WORDS)
    for exp in catalog.of("expertise").values():
        if exp.soort == "vorm-van-geweld":
            for term in (exp.naam, *exp.synoniemen):
                violence |= _words(term) - set(STOPWORDS)
    return sorted(violence)


def name_hash(key: str) -> int:
    """FNV-1a over the code points of a name token, folded to 16 bits (zoeken.js computes the same)."""
    h = 0x811C9DC5
    for ch in key:
        h = ((h ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return (h >> 16) ^ (h & 0xFFFF)


def search_words(catalog: Catalog, name_keys: Iterable[str] = ()) -> str:
    """JSON for every query: gemeenten, violence words, stopwords, filler words, verb forms, name hashes."""
    places = [
        [info.gemeente.naam, gid, name]
        for gid, info in sorted(catalog.gemeenten.items())
        for name in (info.gemeente.naam, *info.gemeente.ook_bekend_als)
    ]
    vormen = {e.id for e in catalog.vormen()}
    direction = {
        "ouders": PARENT_WORDS,
        "kinderen": CHILD_WORDS,
        "daden": ACT_WORDS,
        "bijzinnen": SUBORDINATORS,
        "vormen": {way: vorm for way, vorm in DIRECTION_VORMEN.items() if vorm in vormen},
    }
    data = {
        "richting": direction,
        "gemeenten": places,
        "werkwoorden": VERB_FORMS,
        "vulwoorden": FILLER_WORDS,
        "personen": PERSON_WORDS,
        "context": CONTEXT_WORDS,
        "geweld": _violence_words(catalog),
        "stopwoorden": STOPWORDS,
        "namen": sorted({name_hash(key) for key in name_keys}),
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def search_help(catalog: Catalog) -> str:
    """JSON for the answer boxes: every vorm and begrip with its trigger words, and situations per vorm."""
    answers = []
    situations = []
    # Vormen first: when a word is both a vorm and a begrip ("stalking"), the vorm's box wins.
    for exp in sorted(catalog.of("expertise").values(), key=lambda e: (e.soort != "vorm-van-geweld", e.id)):
        entry = {
            "naam": exp.naam,
            "soort": SOORT_LABELS.get(exp.soort, exp.soort),
            "woorden": sorted({exp.naam, *exp.synoniemen}),
            "uitleg": _summary(exp.uitleg),
            "url": f"expertise/{exp.id}/",
        }
        if exp.soort == "vorm-van-geweld":
            entry |= {"id": exp.id, "wiebelik": f"wie-bel-ik/{exp.id}/"}
            # What the vorm looks like in practice, by weight: its names, search words, signals, explanation.
            situations.append(
                {
                    "id": exp.id,
                    "velden": [
                        [3, " ".join((exp.naam, *exp.synoniemen))],
                        [2.5, " ".join(exp.zoektermen)],
                        [1.5, " ".join((*exp.signalen, *exp.situaties))],
                        [0.5, exp.uitleg],
                    ],
                }
            )
        answers.append(entry)
    for begrip in sorted(catalog.of("begrippen").values(), key=lambda b: b.id):
        answers.append(
            {
                "naam": begrip.term,
                "soort": "Begrip",
                "woorden": sorted({begrip.term, *begrip.afkortingen, *begrip.synoniemen}),
                "uitleg": _summary(begrip.definitie),
                "url": f"begrippen/{begrip.id}/",
            }
        )
    data = {"antwoorden": answers, "situaties": situations}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
