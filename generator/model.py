"""Stage 3 of the pipeline (part 1): typed, frozen records built from validated YAML.

load → validate → **model**/catalog → check → render → write → mkdocs build → pagefind

Field names are the YAML keys, so the schema and the model can be compared one to one
(`tests/test_contracts.py`). Each record also knows the file it came from (`bestand`), for
messages and "bewerk dit record" links. Types are converted once, here: dates become `date`.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model_parts import (
    Aandachtspunt,
    Aanmelden,
    Activiteit,
    Adres,
    Advies,
    Beschikbaarheid,
    Bron,
    Bronverschil,
    Centrumtaak,
    Contact,
    Feit,
    Gemeente,
    Geverifieerd,
    Hoofdstuk,
    Ids,
    Maatregel,
    Overgang,
    Programmalijn,
    Stap,
    Subregio,
    Telefoon,
    Texts,
    Tijdvak,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """Fields every record kind has."""

    id: str
    bestand: str
    bronnen: tuple[Bron, ...] = ()
    bronverschillen: tuple[Bronverschil, ...] = ()
    eigenaar: str | None = None
    eerdere_ids: Ids = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Organisatie(Record):
    naam: str
    soort: str
    beschrijving: str
    werkgebied: Ids
    ook_bekend_als: Texts = ()
    rol: str | None = None
    website: str | None = None
    contact: Contact | None = None
    expertise: Ids = ()
    onderdeel_van: str | None = None
    status: str | None = None
    opgegaan_in: str | None = None
    zoektermen: Texts = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Expertise(Record):
    naam: str
    soort: str
    uitleg: str
    synoniemen: Texts = ()
    signalen: Texts = ()
    situaties: Texts = ()
    let_op: tuple[Aandachtspunt, ...] = ()
    aanpak: str | None = None
    begrippen: Ids = ()
    zoektermen: Texts = ()
    volgorde: int | None = None  # place among the vormen in Wie bel ik? and on the home page


@dataclass(frozen=True, slots=True, kw_only=True)
class Routeertafel(Record):
    naam: str
    doel: str
    werkgebied: Ids
    ook_bekend_als: Texts = ()
    soort: str | None = None
    instroomcriteria: Texts = ()
    wie_mag_aanmelden: Texts = ()
    hoe_aanmelden: str | None = None
    aanmelden: Aanmelden | None = None
    deelnemers: Ids = ()
    organisator: str | None = None
    casusregie: str | None = None
    frequentie: str | None = None
    expertise: Ids = ()
    status: str | None = None
    opgegaan_in: str | None = None
    zoektermen: Texts = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Voorziening(Record):
    naam: str
    soort: str
    beschrijving: str
    vertrouwelijk_adres: bool
    werkgebied: Ids
    ook_bekend_als: Texts = ()
    aanbieder: str | None = None
    voor_wie: str | None = None
    toegang: str | None = None
    maatregel: Maatregel | None = None
    contact: Contact | None = None
    expertise: Ids = ()
    status: str | None = None
    opgegaan_in: str | None = None
    zoektermen: Texts = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Ketenroute(Record):
    naam: str
    beschrijving: str
    werkgebied: Ids
    stappen: tuple[Stap, ...]
    overgangen: tuple[Overgang, ...]
    expertise: Ids = ()
    urgentie: Texts = ()
    let_op: tuple[Aandachtspunt, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Gebied(Record):
    naam: str
    subregios: tuple[Subregio, ...]
    beschrijving: str | None = None
    centrumgemeenten: Ids = ()
    centrumtaken: tuple[Centrumtaak, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Begrip(Record):
    term: str
    definitie: str
    afkortingen: Texts = ()
    synoniemen: Texts = ()
    zie_ook: Ids = ()
    verwijst_naar: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Document(Record):
    titel: str
    soort: str
    korte_titel: str | None = None
    regio: str | None = None
    periode: str | None = None
    jaar: int | None = None
    bestand_tekst: str | None = None
    hoofdstukken: tuple[Hoofdstuk, ...] = ()
    url: str | None = None
    toelichting: str | None = None

    def heading_at(self, line: int) -> str | None:
        """Heading of the section in which ``line`` stands (None before the first heading or without headings)."""
        heading = None
        for h in self.hoofdstukken:
            if h.regel > line:
                break
            heading = h.kop
        return heading


@dataclass(frozen=True, slots=True, kw_only=True)
class Uitvoeringsagenda(Record):
    titel: str
    regio: str
    periode: str
    programmalijnen: tuple[Programmalijn, ...]
    activiteiten: tuple[Activiteit, ...]
    beschrijving: str | None = None
    stand: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Beslissing(Record):
    """A reviewable decision for "Wie bel ik?" where the routes alone cannot give the right answer."""

    titel: str
    vormen: Ids
    besluit: str
    actoren: Ids
    waarom: str
    urgentie: Texts = ()
    werkgebied: Ids = ()
    via: str | None = None
    na: str | None = None
    voor_jou: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Beroepsgroep(Record):
    """A professional role in "Wie bel ik?", with what to do now per urgentie."""

    naam: str
    volgorde: int
    wie: str
    nu: tuple[Advies, ...]
    deskundige_collega: str | None = None
    actoren: Ids = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Eigenaar(Record):
    """A team or function that keeps records current; its forge accounts review changes (CODEOWNERS)."""

    naam: str
    organisatie: str | None = None
    standaard: bool = False
    github: Texts = ()
    gitlab: Texts = ()
    toelichting: str | None = None


# Code imports every model type from here, the parts of `generator.model_parts` too.
# fmt: off
__all__ = [
    "Aandachtspunt", "Aanmelden", "Activiteit", "Adres", "Advies", "Begrip", "Beroepsgroep", "Beschikbaarheid",
    "Beslissing", "Bron", "Bronverschil", "Centrumtaak", "Contact", "Document", "Eigenaar", "Expertise", "Feit",
    "Gebied", "Gemeente", "Geverifieerd", "Hoofdstuk", "Ids", "Ketenroute", "Maatregel", "Organisatie",
    "Overgang", "Programmalijn", "Record", "Routeertafel", "Stap", "Subregio", "Telefoon", "Texts", "Tijdvak",
    "Uitvoeringsagenda", "Voorziening",
]
# fmt: on
