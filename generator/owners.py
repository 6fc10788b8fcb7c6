"""Stage 4 of the pipeline (check), and the CODEOWNERS files: who keeps which record current.

load → validate → model/catalog → **check** → render → write → mkdocs build → pagefind

A record names its owner by id (``eigenaar: redactie-gia-wegwijzer``), and so does a hand-written page
in its front matter; the owners are records too
(``partners/eigenaars``), with a name for the beheer page and the accounts that review a change on
the forge. One owner may be the standaard: it keeps every record without an owner of its own. From
that, ``python -m generator ids`` writes ``.github/CODEOWNERS`` and ``.gitlab/CODEOWNERS`` (the two
forges read the same simple lines), so a pull request that changes a record asks its owner to review
it. The check here reports unknown owners, a second standaard, and CODEOWNERS files that lag behind
the records (a warning: review routing is a convenience, it never blocks a change). Owners without
accounts yet are listed as a comment: no account is ever made up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from pathlib import Path
from typing import Any

from generator.catalog import Catalog
from generator.issues import Issue, Severity
from generator.load import ContentPage
from generator.messages import suggest

FILES = {"github": Path(".github") / "CODEOWNERS", "gitlab": Path(".gitlab") / "CODEOWNERS"}
_HEAD = (
    "# Gegenereerd door `make ids` uit partners/eigenaars en het veld eigenaar van elk record\n"
    "# (generator/owners.py); niet met de hand bewerken. Wie een record bijhoudt, wordt gevraagd mee te kijken\n"
    "# als een pull request dat record verandert.\n"
)


def standaard(catalog: Catalog) -> Any:
    """The owner of records without one of their own (the first marked standaard), or None."""
    return next((e for _, e in sorted(catalog.of("eigenaars").items()) if e.standaard), None)


def owner_of(catalog: Catalog, rec: Any) -> Any:
    """The owner record of ``rec``: its own, else the standaard; None when neither exists."""
    own = getattr(rec, "eigenaar", None)
    return catalog.of("eigenaars").get(own) if own else standaard(catalog)


def page_owners(pages: Iterable[ContentPage]) -> dict[str, str]:
    """Owner id of each hand-written page that names one, by its path in the project."""
    return {f"content/{p.path}": p.meta["eigenaar"] for p in pages if isinstance(p.meta.get("eigenaar"), str)}


def codeowners(catalog: Catalog, forge: str, pages: Mapping[str, str] | None = None) -> str:
    """The CODEOWNERS text for ``forge`` ("github" or "gitlab"): the standaard first, specific files after it.

    Args:
        pages: Owner id per hand-written page (`page_owners`); their owners review them like records.
    """
    lines = [_HEAD]
    owners = catalog.of("eigenaars")
    silent = sorted(e.naam for e in owners.values() if not getattr(e, forge))
    if silent:
        lines.append(f"# Nog zonder accounts op {forge}: {', '.join(silent)}.\n")
    default = standaard(catalog)
    if default is not None and getattr(default, forge):
        accounts = " ".join(getattr(default, forge))
        lines.append(f"\n# Standaard: {default.naam}\n/partners/ {accounts}\n/content/ {accounts}\n")
    # Last match wins in CODEOWNERS: each record with its own owner comes after the standaard line.
    specific = []
    for kind in sorted(catalog.records):
        for _, rec in sorted(catalog.of(kind).items()):
            owner = owners.get(rec.eigenaar) if rec.eigenaar else None
            if owner is not None and getattr(owner, forge):
                specific.append(f"/{rec.bestand} {' '.join(getattr(owner, forge))}")
    if specific:
        lines.append("\n# Records met een eigen eigenaar\n" + "\n".join(specific) + "\n")
    own_pages = [
        f"/{path} {' '.join(getattr(owners[own], forge))}"
        for path, own in sorted((pages or {}).items())
        if own in owners and owners[own] is not default and getattr(owners[own], forge)
    ]
    if own_pages:
        lines.append("\n# Pagina's met een eigen eigenaar\n" + "\n".join(own_pages) + "\n")
    return "".join(lines)


def write_codeowners(root: Path, catalog: Catalog, pages: Mapping[str, str] | None = None) -> int:
    """Write both CODEOWNERS files; returns how many changed."""
    changed = 0
    for forge, rel in FILES.items():
        text = codeowners(catalog, forge, pages)
        path = root / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed += 1
    return changed


def check_owners(
    catalog: Catalog,
    written: dict[str, bytes],
    pages: Mapping[str, str] | None = None,
    rejected: Set[tuple[str, str]] = frozenset(),
) -> list[Issue]:
    """Unknown owners, more than one standaard, and CODEOWNERS files that differ from the records.

    Unknown owners of hand-written pages are reported by `generator.check_pages`, with the page's other problems.

    Args:
        written: The CODEOWNERS files as they are in the project, by path (absent ones left out).
        pages: Owner id per hand-written page (`page_owners`).
        rejected: (kind, id) of records with an error of their own, not in the catalogue. An owner among them
            exists; CODEOWNERS is not compared while any record is missing from the catalogue.
    """
    issues: list[Issue] = []
    owners = {**catalog.of("eigenaars"), **{rid: None for kind, rid in rejected if kind == "eigenaars"}}
    for (kind, rid), raw in sorted(catalog.raw.items()):
        own = getattr(catalog.of(kind)[rid], "eigenaar", None)
        if own and own not in owners:
            line, column = raw.locate(("eigenaar",))
            message = f"Er is geen eigenaar met id '{own}' (gezocht in partners/eigenaars).{suggest(own, owners)}"
            if not suggest(own, owners):
                message += " Maak er een aan met: make nieuw soort=eigenaar id=…"
            issues.append(Issue(raw.path, line, column, "onbekend-id", "eigenaar", message))
    marked = [rid for rid, e in sorted(owners.items()) if e is not None and e.standaard]
    for rid in marked[1:]:
        raw = catalog.raw[("eigenaars", rid)]
        line, column = raw.locate(("standaard",))
        message = f"Ook '{marked[0]}' is de standaard-eigenaar. Er is er één: haal 'standaard: true' hier of daar weg."
        issues.append(Issue(raw.path, line, column, "dubbele-standaard", "standaard", message))
    for forge, rel in FILES.items() if not rejected else ():
        have = written.get(rel.as_posix())
        if have is not None and have.decode("utf-8", "replace") != codeowners(catalog, forge, pages):
            message = (
                "Dit bestand past niet meer bij de eigenaars van de records (een nieuw record, een andere eigenaar of "
                "andere accounts). Draai `make ids` en zet het mee in je commit. Dit houdt niets tegen."
            )
            issues.append(Issue(rel.as_posix(), 1, 1, "codeowners-verouderd", "", message, Severity.WAARSCHUWING))
    return issues
