"""Stage 3 of the pipeline (part 1): typed, frozen records built from validated YAML.

load → validate → **model**/catalog → check → render → write → mkdocs build → pagefind

Field names are the YAML keys, so the schema and the model can be compared one to one
(`tests/test_contracts.py`). Each record also knows the file it came from (`bestand`), for
messages and "bewerk dit record" links. Types are converted once, here: dates become `date`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

Ids = tuple[str, ...]
Texts = tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Bron:
    """One source: a document (with lines), a public web page (seen on a date) or a recorded check."""

    document: str | None = None
    regels: str | None = None
    sectie: str | None = None
    url: str | None = None
    bekeken_op: date | None = None
    titel: str | None = None
    gecontroleerd: str | None = None
    door: str | None = None
    op: date | None = None
    toelichting: str | None = None

    @property
    def soort(self) -> str:
        """'document', 'web' or 'controle' (the check stage reports a bron that is none or several)."""
        if self.document:
            return "document"
        return "web" if self.url else "controle"


@dataclass(frozen=True, slots=True, kw_only=True)
class Aandachtspunt:
    """One let-op line with its own sources; `soort` says whether it is guidance or a gap in the sources."""

    tekst: str
    soort: str = "richtlijn"
    bronnen: tuple[Bron, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Feit:
    """One fact in our own words with the sources that state it (a law, a public page, a document)."""

    tekst: str
    bronnen: tuple[Bron, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Aanmelden:
    """How a case reaches an overleg: the kind of route, whom to contact and where that is written.

    `route` is 'beschreven' (the sources say it), 'algemene-route' (they do not; the page gives the way
    that works, usually Veilig Thuis) or 'geen-inbreng' (no single cases are brought in here).
    """

    route: str
    bronnen: tuple[Bron, ...]
    via: Ids = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Maatregel:
    """Public facts of a measure (tijdelijk huisverbod, kinderbeschermingsmaatregel), each with its own sources."""

    wie_beslist: Feit
    duur: Feit
    wanneer: Feit | None = None
    wat_gebeurt_er: Feit | None = None
    hulpverlener: Feit | None = None
    veilig_thuis: Feit | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Hoofdstuk:
    regel: int
    kop: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Bronverschil:
    onderwerp: str
    toelichting: str
    bronnen: tuple[Bron, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Geverifieerd:
    op: date
    door: str
    bron: str
    methode: str | None = None
    herzien_na_dagen: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Tijdvak:
    dagen: Texts
    van: str
    tot: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Beschikbaarheid:
    altijd: bool = False
    tijden: tuple[Tijdvak, ...] = ()
    toelichting: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Telefoon:
    doel: str
    nummer: str
    weergave: str
    beschikbaarheid: Beschikbaarheid
    geverifieerd: Geverifieerd
    gratis: bool = False
    anoniem: bool = False
    toelichting: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Adres:
    straat: str
    postcode: str
    plaats: str
    openbaar_bevestigd: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    telefoon: tuple[Telefoon, ...] = ()
    email: str | None = None
    adres: Adres | None = None


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
class Stap:
    id: str
    actor: str
    actie: str
    omschrijving: str | None = None
    label: str | None = None  # short name in the drawing instead of the actie word, when that does not tell steps apart
    eindpunt: bool = False
    bronnen: tuple[Bron, ...] = ()
    afgeleid: bool = False
    gewenst: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Overgang:
    van: str
    naar: str
    voorwaarde: str | None = None
    termijn: str | None = None
    terugkoppeling: bool = False
    bronnen: tuple[Bron, ...] = ()
    afgeleid: bool = False
    gewenst: bool = False


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
class Gemeente:
    id: str
    naam: str
    cbs_code: str
    centrumgemeente: str | None = None
    ook_bekend_als: Texts = ()
    eerdere_ids: Ids = ()  # gemeenten that merged into this one, or its own earlier id (generator.renames)


@dataclass(frozen=True, slots=True, kw_only=True)
class Subregio:
    id: str
    naam: str
    gemeenten: tuple[Gemeente, ...]
    centrumgemeente: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Centrumtaak:
    taak: str
    bronnen: tuple[Bron, ...]


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
class Programmalijn:
    id: str
    naam: str
    nummer: int | None = None
    beschrijving: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Activiteit:
    id: str
    programmalijn: str
    thema: str
    activiteit: str
    niveau: Texts
    status: str
    bronnen: tuple[Bron, ...]
    subregios: Ids = ()
    trekker: str | None = None
    partners: Texts = ()
    organisaties: Ids = ()
    planning: str | None = None


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
class Advies:
    tekst: str
    bronnen: tuple[Bron, ...]
    urgentie: Texts = ()
    vormen: Ids = ()
    werkgebied: Ids = ()


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
