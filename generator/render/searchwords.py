"""Part of stage 5 (render): the word lists of the search page's help (`generator.render.searchhelp`).

Everything else the search page knows comes from the records; these few lists are Dutch grammar and
everyday language, not data about the kaart: question words to drop, words that mark a query as being
about violence, and the forms of the verbs professionals use to describe what they see.
"""

from __future__ import annotations

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

# Forms of everyday verbs that describe violence, by the stem the search page compares them on.
# Dutch strong verbs change their vowel ("slaat", "sloeg", "geslagen"), which no suffix rule catches.
VERB_FORMS = {
    "sla": ["slaan", "slaat", "sla", "sloeg", "sloegen", "geslagen", "klap", "klappen"],
    "schop": ["schoppen", "schopt", "schopte", "geschopt"],
    "knijp": ["knijpen", "knijpt", "kneep", "geknepen"],
    "dwing": ["dwingen", "dwingt", "dwong", "dwongen", "gedwongen", "dwang"],
    "dreig": ["dreigen", "dreigt", "dreigde", "gedreigd", "bedreigen", "bedreigt", "bedreigd", "bedreiging", "dreiging"],
    "misbruik": ["misbruiken", "misbruikt", "misbruikte", "misbruik"],
    "verkracht": ["verkrachten", "verkracht", "verkrachtte", "verkrachting"],
    "trouw": ["trouwen", "trouwt", "getrouwd", "huwelijk", "huwen"],
    "vecht": ["vechten", "vecht", "vocht", "gevochten"],
    "schreeuw": ["schreeuwen", "schreeuwt", "geschreeuw", "gillen", "gegil", "gilt"],
    "verwaarloos": ["verwaarlozen", "verwaarloost", "verwaarloosd", "verwaarlozing"],
    "vernederd": ["vernederen", "vernedert", "vernederd", "vernedering", "kleineren", "kleineert", "kleingemaakt"],
    "achterlat": ["achterlaten", "achtergelaten", "achterlating", "laat achter"],
    "besnijd": ["besnijden", "besneden", "besnijdenis"],
    "stalk": ["stalken", "stalkt", "gestalkt", "stalking", "achtervolgen", "achtervolgt", "volgt", "opwachten"],
    # Not a verb: "oudere" and "ouderen" (the elderly) would otherwise share the stem of "ouder" (a parent).
    "oudere": ["oudere", "ouderen", "bejaarde", "bejaarden"],
}

# Who does it to whom. A query that names a parent and a child, with a violent act between them, is about
# kindermishandeling when the parent acts and about kind-oudermishandeling when the child does: "vader
# slaat kind" and "kind slaat vader" share every word, so the search page reads the order (and "wordt …
# door", and the verb-last order after "als", "dat" …) to tell them apart. Vormen absent from the kaart
# are left out of the rule (`generator.render.searchhelp`).
PARENT_WORDS = ["vader", "moeder", "ouder", "ouders", "papa", "mama", "stiefvader", "stiefmoeder", "pleegouder", "pleegouders"]
CHILD_WORDS = [
    "kind", "kinderen", "zoon", "dochter", "zoontje", "dochtertje", "baby", "peuter", "kleuter",
    "tiener", "puber", "leerling", "stiefzoon", "stiefdochter", "pleegkind",
]  # fmt: skip
ACT_WORDS = sorted(
    {form for base in ("sla", "schop", "knijp", "dreig", "misbruik", "vernederd") for form in VERB_FORMS[base]}
    - {"klap", "klappen", "dreiging", "bedreiging", "misbruik", "vernedering"}
    | {
        "mishandelt",
        "mishandeld",
        "mishandelen",
        "duwt",
        "duwen",
        "geduwd",
        "trapt",
        "trappen",
        "getrapt",
        "scheldt",
        "uitgescholden",
    }
)
SUBORDINATORS = ["als", "dat", "omdat", "wanneer", "terwijl", "nadat", "doordat"]
DIRECTION_VORMEN = {"ouder-kind": "kindermishandeling", "kind-ouder": "kind-oudermishandeling", "ouder-ouder": "partnergeweld"}

# Words that describe a situation without saying anything about which vorm it is ("zij wordt steeds
# door haar …"): left out when a described situation is compared with the vormen, not when searching.
FILLER_WORDS = sorted([
    "wordt", "worden", "werd", "werden", "door", "zij", "hij", "ze", "haar", "hem", "zijn", "hun", "elkaar", "niet",
    "geen", "nog", "ook", "steeds", "elke", "elk", "alle", "erg", "heel", "hard", "veel", "vaak", "soms", "altijd",
    "weer", "zegt", "zeggen", "heeft", "hebben", "had", "maar", "want", "omdat", "dan", "waar", "bij", "uit", "tot",
    "tegen", "zonder", "naar", "toe", "even", "gewoon", "iets", "niets",
    # Everyday verbs that carry the sentence, not the situation ("ze vertelt dat …", "hij komt …").
    "vertelt", "vertellen", "vertelde", "verteld", "komt", "komen", "kwam", "doet",
    "doen", "deed", "geeft", "geven", "gaf", "krijgt", "krijgen", "kreeg", "gaat", "ging", "alleen",
])  # fmt: skip

# The people a professional works with, named by that work: a school says "leerling", a huisarts
# "patiënt" whatever happens to them. They count half when a situation is compared with the vormen, so
# that achterlating (whose signals mention a leerling who does not come back after the holidays) does not
# lead for every question a school asks.
CONTEXT_WORDS = ["leerling", "leerlingen", "patiënt", "patiënte", "patiënten"]

# People named by who they are, neither parent nor child: when one of them acts ("als een collega een kind
# slaat", "kind wordt door de buurman geslagen"), the child undergoes it, so the query is not about
# kind-oudermishandeling (the search page's direction rule).
PERSON_WORDS = sorted([
    "vrouw", "vrouwen", "man", "mannen", "meisje", "meisjes", "jongen", "jongens", "mens", "mensen", "persoon",
    "patiënt", "patiënte", "cliënt", "cliënte", "buurman", "buurvrouw", "collega", "begeleider", "leraar", "juf", "meester",
])  # fmt: skip
