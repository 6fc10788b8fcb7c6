"""Dutch labels for the enum values in the schemas, shared by the render and export stages.

Editors write short codes (``advies-en-meldpunt``); readers see words ("Advies- en meldpunt").
A code without a label here falls back to the code with its first letter capitalised.
"""

from __future__ import annotations

DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")

# How a record's status reads after its name ("bestaand" says nothing and is left out).
STATUS_WORDS = {"gepland": "gepland", "onbekend": "of het nog bestaat, is niet bekend", "opgeheven": "opgeheven"}

DOEL_LABELS = {
    "spoed": "Spoed: direct gevaar",
    "crisis": "Crisis (acuut)",
    "advies-en-melding": "Advies vragen of melden",
    "advies": "Advies vragen",
    "aanmelden": "Aanmelden",
    "algemeen": "Algemeen",
    "geen-spoed": "Geen spoed",
}

URGENTIE_LABELS = {
    "acuut": "Acuut gevaar",
    "zorgen": "Zorgen of een vermoeden",
    "advies": "Advies vragen",
}

SOORT_LABELS = {
    "advies-en-meldpunt": "Advies- en meldpunt",
    "openbaar-ministerie": "Openbaar Ministerie",
    "raad-voor-de-kinderbescherming": "Raad voor de Kinderbescherming",
    "gecertificeerde-instelling": "Gecertificeerde instelling",
    "lokaal-team": "Lokaal team",
    "zorg-en-veiligheidshuis": "Zorg- en Veiligheidshuis",
    "ggd": "GGD",
    "ggz": "GGZ",
    "maatschappelijke-opvang": "Maatschappelijke opvang",
    "bestuurlijk-orgaan": "Bestuurlijk orgaan",
    "vorm-van-geweld": "Vorm van geweld",
    "centrum-seksueel-geweld": "Centrum Seksueel Geweld",
    "multidisciplinaire-aanpak": "Multidisciplinaire aanpak",
    "lerend-netwerk": "Lerend netwerk",
    "bestuurlijk-overleg": "Bestuurlijk overleg",
    "ambulante-hulp": "Ambulante hulp",
    "specialistische-hulp": "Specialistische hulp",
    "publieke-bron": "Openbare bron",
    "wet-of-beleid": "Wet of beleid",
}

KIND_TITLES = {
    "organisaties": "Organisaties",
    "routeertafels": "Routeertafels",
    "voorzieningen": "Voorzieningen",
    "expertise": "Vormen van geweld en thema's",
    "ketenroutes": "Ketenroutes",
}

ACTIE_LABELS = {
    "signaleren": "Signaleren",
    "advies-vragen": "Advies",
    "melden": "Melding",
    "triage": "Triage",
    "onderzoeken": "Onderzoek",
    "overleggen": "Overleg",
    "in-gesprek": "Gesprek",  # meldcode step 3: talking with those involved, not a meeting of professionals
    "wegen": "Wegen",  # meldcode step 4: weighing with the afwegingskader, not an investigation
    "verwijzen": "Verwijzen",
    "beschermen": "Bescherming",
    "behandelen": "Hulp en behandeling",
    "herstel-nazorg": "Herstel en nazorg",
    "strafrechtelijk-optreden": "Strafrechtelijk optreden",
    "regie-voeren": "Regie",
    "opvangen": "Opvang",
    "besluiten": "Besluit",
}

ROLE_LABELS = {
    "professional": "Professional",
    "burger": "Burger",
    "slachtoffer": "Slachtoffer",
    "pleger": "Pleger",
    "omstander": "Omstander",
    "kind": "Kind",
    "gezin": "Gezin",
    "melder": "Melder",
}
