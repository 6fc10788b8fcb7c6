"""Part of stage 5 (render): how a page says where each line comes from and how current it is.

* `source_note` — the small source reference after an aandachtspunt or route step (document and section,
  web page and date, 'algemene richtlijn', or plainly 'nog zonder bron'), never indexed for search;
* `bron_ids` — the ``data-bron`` value of such a line: document ids and web addresses;
* `marks` — 'afgeleid' (the editors' own reasoning) and 'gewenst' (a plan, not yet practice);
* `verificatie` — honest words for how a phone number was checked;
* `Currency` / `currency_of` — the year of a record's newest source and its last review date, for the
  GOV.UK-style line at the top of its page and the oldest-first list on the beheer page.

Git dates come from the load stage (`generator.history.last_changed`); nothing here reads files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from generator.catalog import Catalog
from generator.kinds import KINDS
from generator.model import Bron, Telefoon
from generator.render.environment import anchor, attr, datum, md_inline

OLD_AFTER_YEARS = 3  # sources older than this many years get a visible "controleer of dit nog zo is"
SOORT_NAMES = {"regiovisie": "de regiovisie", "uitvoeringsagenda": "de uitvoeringsagenda"}
MARK_TEXT = {"afgeleid": "afgeleid", "gewenst": "gewenst"}
# Methods of a phone check that mean someone looked at the number itself (not: recorded a well-known number).
CHECK_METHODS = frozenset({"gebeld", "website", "door-partner-doorgegeven"})


def bron_ids(bronnen: tuple[Bron, ...]) -> str:
    """Space-separated document ids and web addresses of ``bronnen``, for a ``data-bron`` attribute."""
    ids = [b.document or b.url or f"controle-{b.gecontroleerd}" for b in bronnen]
    return attr(" ".join(dict.fromkeys(i for i in ids if i)))


def cited(bronnen: Iterable[Bron], cite: Callable[[Bron], str]) -> str:
    """Several sources in one line, each once ("A; B"): two line ranges of one section read as one."""
    return "; ".join(dict.fromkeys(cite(b) for b in bronnen))


def source_note(bronnen: tuple[Bron, ...], cite: Callable[[Bron], str], soort: str = "richtlijn") -> str:
    """The small reference after one line: its sources, or what kind of line it is when it has none."""
    if soort == "lacune":
        text = "niet beschreven in de brondocumenten"
    elif not bronnen:
        text = "nog zonder bron"
    else:
        text = cited(bronnen, cite)
        text = f"algemene richtlijn: {text}" if soort == "algemene-richtlijn" else f"bron: {text}"
    return f'<small class="gia-bron" data-pagefind-ignore>({text})</small>'


def marks(item: Any) -> list[str]:
    """'afgeleid' and/or 'gewenst' for a route step or transition (also one without sources is derived)."""
    found = []
    if getattr(item, "afgeleid", False) or not getattr(item, "bronnen", ()):
        found.append("afgeleid")
    if getattr(item, "gewenst", False):
        found.append("gewenst")
    return found


def mark_labels(item: Any) -> str:
    """Visible labels for a route step or transition: ' <span class="gia-label">afgeleid</span>'."""
    return "".join(f" {mark_labels_of(m)}" for m in marks(item))


def route_legend(route: Any) -> str:
    """A line under 'De route stap voor stap' that explains the labels used on this route (empty without any)."""
    used = {m for item in (*route.stappen, *route.overgangen) for m in marks(item)}
    parts = []
    if "afgeleid" in used:
        parts.append(
            f"Wat {mark_labels_of('afgeleid')} heet, staat niet zo in de brondocumenten: de redactie leidt het af "
            "uit wat er wel staat. In het schema is het gestippeld."
        )
    if "gewenst" in used:
        parts.append(f"Wat {mark_labels_of('gewenst')} heet, beschrijft de bron als plan of wens, nog niet als praktijk.")
    return f'<p class="gia-legenda">{" ".join(parts)}</p>\n\n' if parts else ""


def mark_labels_of(mark: str) -> str:
    """The label of one mark as it appears on the page."""
    return f'<span class="gia-label gia-label--{mark}">{MARK_TEXT[mark]}</span>'


def verificatie(tel: Telefoon) -> str:
    """How a phone number was checked, in words that claim no more than happened."""
    g = tel.geverifieerd
    when = datum(g.op)
    if g.methode == "landelijk-bekend-nummer":
        return f"landelijk nummer (vastgelegd op {when})"
    if g.methode == "website":
        return f"volgens de {anchor(g.bron, 'eigen website')} (bekeken op {when})"
    if g.methode == "gebeld":
        return f"gecontroleerd op {when} door {md_inline(g.door)}"
    if g.methode == "door-partner-doorgegeven":
        return f"doorgegeven door de organisatie (vastgelegd op {when})"
    if g.methode == "brondocument":
        return f"volgens het brondocument (vastgelegd op {when})"
    return f"vastgelegd op {when}"


@dataclass(frozen=True, slots=True)
class Currency:
    """How current one record is.

    Attributes:
        years: The distinct years of its sources, ascending (document year, date a web page was seen or a check).
        newest: Readers' name of the newest source ('de regiovisie'), for the note on old sources.
        reviewed: Last review: the last commit to its file, or (without git) the newest check recorded in it.
        checked: True when ``reviewed`` is a recorded check of the facts, False when it is the last commit.
        old: True when even the newest source is more than `OLD_AFTER_YEARS` years old.
    """

    years: tuple[int, ...]
    newest: str
    reviewed: date | None
    checked: bool
    old: bool


def all_bronnen(rec: Any) -> Iterator[Bron]:
    """Every bron of a record: its own, and those of its aandachtspunten, steps, transitions and activities."""
    yield from rec.bronnen
    for v in rec.bronverschillen:
        yield from v.bronnen
    for part in ("let_op", "stappen", "overgangen", "activiteiten"):
        for item in getattr(rec, part, ()):
            yield from item.bronnen


def _dated(catalog: Catalog, bron: Bron) -> tuple[int, str] | None:
    if bron.document:
        doc = catalog.of("documenten").get(bron.document)
        if doc is None or doc.jaar is None:
            return None
        return doc.jaar, SOORT_NAMES.get(doc.soort, "een document")
    seen = bron.bekeken_op or bron.op
    return (seen.year, "een webpagina" if bron.url else "een controle") if seen else None


def currency(catalog: Catalog, rec: Any, changed: date | None, today: date | None) -> Currency:
    """The `Currency` of one record; ``changed`` is the date of the last commit that touched its file.

    The last review is that commit (it also records every check); without git, the newest check recorded in the
    record itself: a phone number checked at the organisation or its website, a web page or check as its source.
    """
    dated = sorted(d for b in all_bronnen(rec) if (d := _dated(catalog, b)) is not None)
    checks = [d for b in rec.bronnen if (d := b.bekeken_op or b.op) is not None]
    contact = getattr(rec, "contact", None)
    if contact is not None:
        checks += [t.geverifieerd.op for t in contact.telefoon if t.geverifieerd.methode in CHECK_METHODS]
    reviewed = changed or max(checks, default=None)
    newest_year = dated[-1][0] if dated else None
    return Currency(
        years=tuple(sorted({y for y, _ in dated})),
        newest=dated[-1][1] if dated else "",
        reviewed=reviewed,
        checked=changed is None and reviewed is not None,
        old=bool(today and newest_year is not None and today.year - newest_year > OLD_AFTER_YEARS),
    )


def currency_of(catalog: Catalog, dates: Mapping[str, date] | None, today: date | None) -> dict[str, Currency]:
    """`Currency` of every record, by its file path."""
    return {
        rec.bestand: currency(catalog, rec, (dates or {}).get(rec.bestand), today)
        for kind in KINDS
        if kind != "documenten"
        for rec in catalog.of(kind).values()
    }


def years_text(years: tuple[int, ...]) -> str:
    """'2019', '2014 en 2019' or '2014, 2019 en 2024' (each year named: a range would hide the gaps)."""
    names = [str(y) for y in years]
    return " en ".join(names) if len(names) <= 2 else f"{', '.join(names[:-1])} en {names[-1]}"


def currency_block(c: Currency | None, reviewed_word: str | None = None) -> str:
    """The line at the top of a page: last review · source years, plus a note when the sources are old."""
    if c is None or (not c.years and c.reviewed is None):
        return ""
    parts = []
    if c.reviewed is not None:
        word = reviewed_word or ("Laatst gecontroleerd" if c.checked else "Laatst bijgewerkt")
        parts.append(f"{word} op {datum(c.reviewed)}")
    if c.years:
        parts.append(f"{'gebaseerd' if parts else 'Gebaseerd'} op bronnen uit {years_text(c.years)}")
    out = f'<p class="gia-actueel" data-pagefind-ignore>{" · ".join(parts)}.</p>\n'
    if c.old:
        out += (
            f'<p class="gia-verouderd" data-pagefind-ignore><strong>Gebaseerd op {c.newest} van {c.years[-1]}</strong>'
            " — controleer of dit nog zo is.</p>\n"
        )
    return out


def content_currency(meta: dict[str, Any], catalog: Catalog, today: date | None) -> Currency | None:
    """`Currency` of a hand-written page: its `laatst_beoordeeld` and the years of the documents in its `bron`."""
    reviewed = meta.get("laatst_beoordeeld")
    if isinstance(reviewed, str):
        reviewed = date.fromisoformat(reviewed)
    ids = meta.get("bron") or []
    documents = [catalog.of("documenten").get(i) for i in ([ids] if isinstance(ids, str) else ids)]
    dated = sorted((d.jaar, SOORT_NAMES.get(d.soort, "een document")) for d in documents if d is not None and d.jaar)
    if not isinstance(reviewed, date) and not dated:
        return None
    newest_year = dated[-1][0] if dated else None
    return Currency(
        years=tuple(sorted({y for y, _ in dated})),
        newest=dated[-1][1] if dated else "",
        reviewed=reviewed if isinstance(reviewed, date) else None,
        checked=True,
        old=bool(today and newest_year is not None and today.year - newest_year > OLD_AFTER_YEARS),
    )


def content_with_currency(page: Any, catalog: Catalog, today: date | None) -> str:
    """A hand-written page with its currency line under the title (or right after the front matter)."""
    block = currency_block(content_currency(page.meta, catalog, today), "Laatst beoordeeld")
    if not block:
        return str(page.text)
    text = str(page.text)
    head, sep, body = text.partition("\n---\n") if text.startswith("---\n") else ("", "", text)
    lines = body.split("\n")
    # The title is the first '# ' line before any code block (a '# comment' inside YAML examples is no title).
    fence = next((i for i, line in enumerate(lines) if line.startswith("```")), len(lines))
    at = next((i + 1 for i, line in enumerate(lines[:fence]) if line.startswith("# ")), 0)
    while at < len(lines) and lines[at].startswith("{"):  # an attribute list belonging to the title
        at += 1
    lines[at:at] = ["", block.rstrip("\n"), ""]
    return head + sep + "\n".join(lines)
