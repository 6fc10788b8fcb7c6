"""Part of stage 5 (render): the data the search page needs besides the Pagefind index.

`zoeken/hulp.json` holds the answer boxes (every begrip and every vorm van geweld, with all the words
that should trigger it), the words that mark a query as being about violence (then the crisis block
shows) and Dutch question words to drop from whole questions like "wie bel ik bij huwelijksdwang".
One source of truth: all of it comes from the YAML records, except the short word lists below.
"""

from __future__ import annotations

import json
import re

from generator.catalog import Catalog
from generator.labels import SOORT_LABELS

# Words of a question that carry no meaning for the search ("wie bel ik bij …", "wat doe ik als …").
STOPWORDS = sorted(
    [
        "wie",
        "wat",
        "waar",
        "wanneer",
        "hoe",
        "welke",
        "welk",
        "bel",
        "bellen",
        "ik",
        "je",
        "jij",
        "u",
        "we",
        "wij",
        "bij",
        "met",
        "van",
        "voor",
        "over",
        "naar",
        "in",
        "op",
        "aan",
        "om",
        "een",
        "de",
        "het",
        "der",
        "den",
        "is",
        "zijn",
        "er",
        "doe",
        "doen",
        "moet",
        "moeten",
        "kan",
        "kun",
        "kunnen",
        "mag",
        "als",
        "dat",
        "die",
        "dit",
        "deze",
        "mijn",
        "iemand",
        "hulp",
        "vraag",
        "vragen",
        "contact",
        "opnemen",
        "informatie",
        "info",
        "iets",
        "ga",
        "gaan",
        "terecht",
        "melden",
        "meld",
        "meldt",
        "geval",
        "vermoeden",
        "zorgen",
        "maak",
        "maken",
        "zich",
        "me",
        "mij",
        "ons",
        "onze",
        "helpt",
        "helpen",
        "hulpverlening",
        "raadplegen",
        "wil",
        "willen",
        "graag",
        "weten",
    ]
)

# Words that make a query about violence even when no expertise name matches (spreektaal included).
VIOLENCE_WORDS = frozenset(
    [
        "geweld",
        "mishandeling",
        "mishandeld",
        "mishandelen",
        "mishandelt",
        "misbruik",
        "misbruikt",
        "slaan",
        "slaat",
        "sloeg",
        "geslagen",
        "schoppen",
        "schopt",
        "bedreiging",
        "bedreigd",
        "bedreigt",
        "dreiging",
        "dreigt",
        "onveilig",
        "onveiligheid",
        "verkrachting",
        "verkracht",
        "aanranding",
        "aangerand",
        "stalking",
        "gestalkt",
        "stalkt",
        "uitbuiting",
        "uitgebuit",
        "dwang",
        "eerwraak",
        "femicide",
        "huisverbod",
        "loverboy",
        "mensenhandel",
        "verwaarlozing",
        "verwaarloosd",
        "vechtscheiding",
        "kindermishandeling",
        "huiselijk",
        "gewurgd",
        "wurgen",
        "opgesloten",
        "angst",
        "bang",
        "gevaar",
        "onderdrukt",
        "vernederd",
    ]
)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w+]+", text.lower()) if len(w) > 2}


def _summary(text: str, limit: int = 260) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"


def search_help(catalog: Catalog) -> str:
    """JSON for the search page: answer boxes, violence words and stopwords."""
    answers = []
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
    violence = set(VIOLENCE_WORDS)
    for exp in sorted(catalog.of("expertise").values(), key=lambda e: e.id):
        answers.append(
            {
                "naam": exp.naam,
                "soort": SOORT_LABELS.get(exp.soort, exp.soort),
                "woorden": sorted({exp.naam, *exp.synoniemen}),
                "uitleg": _summary(exp.uitleg),
                "url": f"expertise/{exp.id}/",
            }
        )
        if exp.soort == "vorm-van-geweld":
            for term in (exp.naam, *exp.synoniemen):
                violence |= _words(term) - set(STOPWORDS)
    data = {"antwoorden": answers, "geweld": sorted(violence), "stopwoorden": STOPWORDS}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
