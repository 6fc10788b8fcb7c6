"""Stage 4 of the pipeline (reading part): does a cited passage talk about what the claim says?

load → validate → model/catalog → **check** → render → write → mkdocs build → pagefind

Only runs when the source texts are available (developers and CI have them in ../shared/seeds).
Each claim that cites document lines — an aandachtspunt, a route step or transition, the toelichting
of a bron, an activity of the agenda, a sentence of a record's description — is compared with the
lines it cites (a description sentence also with the sources of the block that backs it: the intake
block of a routeertafel, the facts of a measure): both are cut into content words (no stop words),
stemmed with the Snowball stemmer for Dutch, and a citation whose lines share not one stem with the
claim gets the warning
`bron-lijkt-niet-te-kloppen`. That is deliberately lenient (one shared word is enough, parts of
compounds count, the line before and after the range count too): it finds line numbers that point at
the wrong place, not paraphrases. Deciding whether a passage really supports a claim stays with people.

Each text is cut and stemmed once per run (the stemmer runs in C through PyStemmer): about 0.2 s of CPU on
the real data.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, fields
from typing import Any

from generator.catalog import Catalog
from generator.issues import Issue, Severity
from generator.kinds import KINDS
from generator.load import FieldPath
from generator.model import Aanmelden, Bron, Document, Maatregel
from generator.sourcewords import Reader, shares
from generator.yamlnodes import dotted

# Claim fields read sentence by sentence against all document sources of the record.
PROSE_FIELDS = ("beschrijving", "uitleg", "rol", "doel", "definitie", "aanpak", "voor_wie", "toegang", "hoe_aanmelden")
# Blocks of a record whose own sources back prose fields of that record: the intake block of a routeertafel
# backs how a case is brought in; the facts of a measure (who decides, how long, …) back what the voorziening says.
BACKING = {"aanmelden": ("hoe_aanmelden",), "maatregel": ("beschrijving", "voor_wie", "toegang")}
MAATREGEL_FACTS = tuple(f.name for f in fields(Maatregel))
MIN_SENTENCE_WORDS = 4  # shorter sentences ("Bel 112.") carry too few words to judge

_HYPHENATED = re.compile(r"(\w)-\s*\n\s*(\w)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# Sentences about the sources themselves ("De bron zegt niets over …", "Staat in de begrippenlijst") are not
# claims about the subject; they are left out of the sentence check.
_ABOUT_SOURCES = re.compile(r"\b(bron\w*|document\w*|stukken|begrippenlijst|afkorting\w*|voluit)\b", re.IGNORECASE)
_SOURCE_NAMES = re.compile(r"\b(regiovisie|visie|uitvoeringsagenda|agenda)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(niet|geen|niets|nergens)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Citation:
    """One document citation of a claim: where the bron is, which document and which lines."""

    where: FieldPath
    document: Document
    first: int
    last: int
    heading: bool = True  # the heading of the section counts as part of the passage (not when checking a heading)


@dataclass(frozen=True, slots=True)
class Claim:
    """A piece of text of a record and the citations it rests on."""

    kind: str
    rid: str
    where: FieldPath
    text: str
    citations: tuple[Citation, ...]
    together: bool = False  # True: the citations are read as one passage (a description with all record sources)
    subject: str = ""  # the record's name: a bron's toelichting ('cijfers 2013') is about the record's subject
    elsewhere: str = ""  # what the record's web pages and checks support, in the editors' words (their toelichting)


def citation(catalog: Catalog, where: FieldPath, bron: Bron) -> Citation | None:
    """The document and lines a bron cites, or None for a web page, a check or a document without text."""
    doc = catalog.of("documenten").get(bron.document) if bron.document else None
    if doc is None or not bron.regels or not doc.bestand_tekst:
        return None
    first, _, last = str(bron.regels).partition("-")
    return Citation(where, doc, int(first), int(last or first))


def citations(catalog: Catalog, where: FieldPath, bronnen: tuple[Bron, ...]) -> tuple[Citation, ...]:
    """The document citations among ``bronnen``, each with the field path of its bron."""
    return tuple(c for i, b in enumerate(bronnen) if (c := citation(catalog, (*where, i), b)) is not None)


def claims(catalog: Catalog, only: Collection[tuple[str, str]] | None = None) -> Iterator[Claim]:
    """Every claim in the catalogue that cites document lines (of the records ``only`` names, when given)."""
    for kind in KINDS:
        for rid, rec in catalog.of(kind).items():
            if only is None or (kind, rid) in only:
                yield from _record_claims(catalog, kind, rid, rec)


def _record_claims(catalog: Catalog, kind: str, rid: str, rec: Any) -> Iterator[Claim]:
    for i, bron in enumerate(rec.bronnen):
        c = citation(catalog, ("bronnen", i), bron)
        if c is not None and bron.toelichting:
            yield Claim(kind, rid, (*c.where, "toelichting"), bron.toelichting, (c,), subject=_name(rec))
    record_bronnen = [(("bronnen", i), b) for i, b in enumerate(rec.bronnen)]
    for field in PROSE_FIELDS:
        text = getattr(rec, field, None)
        if isinstance(text, str):
            yield from _prose_claims(catalog, kind, rid, field, text, [*record_bronnen, *_backing(rec, field)])
    for j, verschil in enumerate(rec.bronverschillen):
        found = citations(catalog, ("bronverschillen", j, "bronnen"), verschil.bronnen)
        yield Claim(kind, rid, ("bronverschillen", j, "toelichting"), verschil.toelichting, found, together=True)
    for j, punt in enumerate(getattr(rec, "let_op", ())):
        yield Claim(kind, rid, ("let_op", j), punt.tekst, citations(catalog, ("let_op", j, "bronnen"), punt.bronnen))
    for part, text_field in (("stappen", "omschrijving"), ("overgangen", "voorwaarde")):
        for j, item in enumerate(getattr(rec, part, ())):
            text = getattr(item, text_field)
            if text:
                yield Claim(kind, rid, (part, j, text_field), text, citations(catalog, (part, j, "bronnen"), item.bronnen))
    for j, act in enumerate(getattr(rec, "activiteiten", ())):
        where = ("activiteiten", j)
        # An activity's sources also back its trekker, partners and status: one of them must match, not each.
        found = citations(catalog, (*where, "bronnen"), act.bronnen)
        yield Claim(kind, rid, (*where, "activiteit"), act.activiteit, found, together=True)
    for j, kop in enumerate(getattr(rec, "hoofdstukken", ())):
        if rec.bestand_tekst:
            yield Claim(
                kind,
                rid,
                ("hoofdstukken", j, "kop"),
                kop.kop,
                (Citation(("hoofdstukken", j, "regel"), rec, kop.regel, kop.regel, heading=False),),
            )


def _backing(rec: Any, field: str) -> list[tuple[FieldPath, Bron]]:
    """The sources of the record's blocks that back ``field`` (the intake block, the facts of a measure)."""
    found: list[tuple[FieldPath, Bron]] = []
    for block, backed in BACKING.items():
        value = getattr(rec, block, None)
        if value is None or field not in backed:
            continue
        if isinstance(value, Aanmelden):
            found += [((block, "bronnen", i), b) for i, b in enumerate(value.bronnen)]
        elif isinstance(value, Maatregel):
            for name in MAATREGEL_FACTS:
                feit = getattr(value, name)
                found += [((block, name, "bronnen", i), b) for i, b in enumerate(feit.bronnen if feit else ())]
    return found


def _prose_claims(
    catalog: Catalog, kind: str, rid: str, field: str, text: str, bronnen: list[tuple[FieldPath, Bron]]
) -> Iterator[Claim]:
    """The sentences of one prose field, each read against all document sources that back the field together."""
    found = tuple(c for where, b in bronnen if (c := citation(catalog, where, b)) is not None)
    # A sentence may rest on a web page or a check instead of a document; their toelichting says what they support.
    # Without that toelichting the sentence cannot be judged, so the field is left alone.
    others = [b for _, b in bronnen if not b.document]
    if not found or not all(b.toelichting for b in others):
        return
    elsewhere = " ".join(b.toelichting or "" for b in others)
    for sentence in _SENTENCE.split(text):
        if not _ABOUT_SOURCES.search(sentence) and not (_SOURCE_NAMES.search(sentence) and _NEGATION.search(sentence)):
            yield Claim(kind, rid, (field,), sentence, found, together=True, elsewhere=elsewhere)


def _name(rec: Any) -> str:
    return str(getattr(rec, "naam", None) or getattr(rec, "term", None) or getattr(rec, "titel", None) or "")


def check_citations(
    catalog: Catalog, texts: dict[str, list[str]], only: Collection[tuple[str, str]] | None = None
) -> list[Issue]:
    """Warn about citations whose lines share no content word with the claim they support.

    Args:
        only: (kind, id) of the records to read; all when None (`generator.citecache` reads only changed ones).
    """
    reader = Reader(texts)
    issues = []
    for claim in claims(catalog, only):
        words = set(reader.words(claim.text))
        if not claim.citations or len(words) < (MIN_SENTENCE_WORDS if claim.together and not claim.subject else 1):
            continue
        words |= reader.words(claim.subject)
        groups = [claim.citations] if claim.together else [(c,) for c in claim.citations]
        for group in groups:
            passage = reader.group(group)
            if claim.elsewhere:
                passage = passage | reader.words(claim.elsewhere)
            if passage and not shares(words, passage):
                issues.append(_issue(catalog, claim, group))
    return issues


def _issue(catalog: Catalog, claim: Claim, group: tuple[Citation, ...]) -> Issue:
    raw = catalog.raw[(claim.kind, claim.rid)]
    excerpt = " ".join(claim.text.split())
    excerpt = excerpt if len(excerpt) <= 90 else excerpt[:87] + "…"
    cited = "; ".join(f"{_lines(c)} van '{c.document.id}'" for c in group)
    if claim.together:
        where = claim.where
        message = (
            f"De zin '{excerpt}' deelt geen enkel woord met de bronnen van dit record ({cited}). "
            f"Staat dit wel in een document? Voeg dan die bron toe; zo niet, herschrijf of schrap de zin."
        )
    else:
        where = (*group[0].where, "regels") if group[0].where[0] != "hoofdstukken" else group[0].where
        message = (
            f"'{excerpt}' ({dotted(claim.where)}) deelt geen enkel woord met {cited}. "
            f"Kloppen de regelnummers? Zoek de plek in het document waar dit staat."
        )
    line, column = raw.locate(where)
    return Issue(raw.path, line, column, "bron-lijkt-niet-te-kloppen", dotted(where), message, Severity.WAARSCHUWING)


def _lines(c: Citation) -> str:
    return f"regel {c.first}" if c.first == c.last else f"regels {c.first}-{c.last}"
