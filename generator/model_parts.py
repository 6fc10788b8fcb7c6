"""Stage 3 of the pipeline (part 1a): what records are made of.

load → validate → **model**/catalog → check → render → write → mkdocs build → pagefind

Sources, aandachtspunten, contact details, opening hours, route steps, gemeenten, activities: the parts
records share or hold. The record kinds are in `generator.model`, which makes these names available too,
so code imports every model type from there.
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
class Advies:
    tekst: str
    bronnen: tuple[Bron, ...]
    urgentie: Texts = ()
    vormen: Ids = ()
    werkgebied: Ids = ()
