"""Stage 4 of the pipeline: records renamed or removed while other files still name them.

load → validate → model/catalog → **check** → render → write → mkdocs build → pagefind

Renaming a record means a new file name and id; every record and hand-written page that names the
old id then points at nothing. The per-field checks report each such place as an unknown id and
suggest the nearest other id, which is rarely the new one. This module sees the whole picture:

* an id named in ``eerdere_ids`` of a record: the site already reads it as the new id
  (`generator.renames`); one warning "'oud' heet nu 'nieuw'" lists every place to tidy up;
* an id whose file existed at the version the work started from (`generator.gitids`), or that is
  named in two or more places: one message listing every place, content pages included, with
  what to do for a rename (``eerdere_ids``) and for a removal (``status: opgeheven``);
* links in ``content/`` to the page of a record that does not exist, at their line and column;
* ``eerdere_ids`` that clash with a current id, and ``opgegaan_in`` without ``status: opgeheven``;
  the same for the ``eerdere_ids`` of a gemeente (a herindeling), whose old ids no area may still have.

The per-place messages about a grouped id are replaced by the one message, so editors read it once.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from generator.catalog import Catalog
from generator.gitids import Earlier, likely_successor
from generator.issues import Issue, Severity
from generator.kinds import ACTOR_ROLES, KINDS
from generator.load import ContentPage
from generator.messages import suggest
from generator.renames import Renamed, gemeente_entries, plans
from generator.schemawalk import references
from generator.yamlnodes import dotted

_LINK = re.compile(r"\]\(\s*<?([^)\s>#]+\.md)(?:#[^)\s>]*)?>?(?:\s+\"[^\"]*\")?\s*\)")
_PAGE = {kind.url: folder for folder, kind in KINDS.items() if kind.url and folder != "gebieden"}
_UNKNOWN = ("onbekend-id", "onbekende-actor")
_SHOWN = 15  # places listed in one message; the rest are counted


@dataclass(frozen=True, slots=True, order=True)
class Place:
    """Where an id is named: a record field or a link on a hand-written page."""

    path: str
    line: int
    column: int
    field: str = ""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" + (f" ({self.field})" if self.field else "")


def content_links(pages: list[ContentPage]) -> list[tuple[Place, str, str]]:
    """(place, kind folder, id) of every link from a hand-written page to the page of a record."""
    found = []
    for page in pages:
        folder = posixpath.dirname(page.path)
        for number, line in enumerate(page.text.split("\n"), start=1):
            for match in _LINK.finditer(line):
                target = posixpath.normpath(posixpath.join(folder, match.group(1)))
                head, _, name = target.partition("/")
                if head in _PAGE and "/" not in name and name != "index.md":  # index.md: the overview of a kind
                    found.append((Place(f"content/{page.path}", number, match.start(1) + 1), _PAGE[head], name[:-3]))
    return found


class RenameCheck:
    """One run of the check over a catalogue and the hand-written pages."""

    def __init__(self, catalog: Catalog, rejected: set[tuple[str, str]], earlier: Earlier | None) -> None:
        self.catalog = catalog
        self.rejected = rejected
        self.earlier = earlier
        self.issues: list[Issue] = []
        self.renamed: dict[str, tuple[str, str]] = {}  # old id -> (file that lists it, current id)
        self.kinds_of: dict[str, tuple[str, ...]] = {}  # missing id -> the kinds it should be one of
        self.old_places: dict[str, list[Place]] = defaultdict(list)  # old id -> places that still name it

    def exists(self, rid: str, kinds: tuple[str, ...]) -> bool:
        """True for an id of one of ``kinds`` (or a role), also when its file failed the schema."""
        if "@rol" in kinds and rid in ACTOR_ROLES:
            return True
        return any(rid in self.catalog.of(k) or (k, rid) in self.rejected for k in kinds if k in KINDS)

    def own_fields(self) -> None:
        """``eerdere_ids`` that clash, and ``opgegaan_in`` that is not an ending."""
        claimed: dict[str, str] = {}
        for (kind, rid), raw in sorted(self.catalog.raw.items()):
            rec = self.catalog.of(kind)[rid]
            for i, old in enumerate(getattr(rec, "eerdere_ids", ())):
                line, column = raw.locate(("eerdere_ids", i))
                if self.exists(old, (kind,)) or old == rid:
                    message = (
                        f"'{old}' is nog het id van een {KINDS[kind].singular}; een eerder id hoort bij geen enkel record meer."
                    )
                elif old in claimed:
                    message = f"'{old}' staat ook bij eerdere_ids in {claimed[old]}. Een oud id wijst naar één nieuw record."
                else:
                    claimed[old] = raw.path
                    self.renamed[old] = (raw.path, rid)
                    continue
                self.issues.append(Issue(raw.path, line, column, "dubbel-id", f"eerdere_ids[{i}]", message))
            target = getattr(rec, "opgegaan_in", None)
            if target:
                line, column = raw.locate(("opgegaan_in",))
                if not self.exists(target, (kind,)) or target == rid:
                    known = self.catalog.of(kind)
                    text = f"Er is geen andere {KINDS[kind].singular} met id '{target}'.{suggest(target, known)}"
                    self.issues.append(Issue(raw.path, line, column, "onbekend-id", "opgegaan_in", text))
                if getattr(rec, "status", None) != "opgeheven":
                    text = "Wie opgaat in een ander, bestaat niet meer: zet er ook 'status: opgeheven' bij."
                    self.issues.append(Issue(raw.path, line, column, "opgegaan-in", "opgegaan_in", text))
        self._gemeenten(claimed)

    def _gemeenten(self, claimed: dict[str, str]) -> None:
        """Old ids of gemeenten (a herindeling): each names no current area and belongs to one gemeente."""
        for regio in sorted(self.catalog.of("gebieden")):
            raw = self.catalog.raw[("gebieden", regio)]
            for where, entry in gemeente_entries(raw.data):
                for i, old in enumerate(entry.get("eerdere_ids") or ()):
                    path = (*where, "eerdere_ids", i)
                    if old in self.catalog.gemeenten or old in self.catalog.subregios or old in self.catalog.of("gebieden"):
                        message = f"'{old}' is nog het id van een gebied; een eerder id hoort bij geen enkele gemeente meer."
                    elif old in claimed:
                        message = f"'{old}' staat ook bij eerdere_ids in {claimed[old]}. Een oud id wijst naar één gemeente."
                    else:
                        claimed[old] = raw.path
                        self.renamed[old] = (raw.path, str(entry.get("id")))
                        continue
                    self.issues.append(Issue(raw.path, *raw.locate(path), "dubbel-id", dotted(path), message))

    def places(self, schemas: dict[str, dict[str, Any]], pages: list[ContentPage]) -> dict[str, list[Place]]:
        """Every place that names an id no record has, by that id."""
        by_kind = plans(schemas)
        missing: dict[str, list[Place]] = defaultdict(list)
        for (kind, _), raw in sorted(self.catalog.raw.items()):
            for path, rid, kinds in references(raw.data, by_kind[kind]):
                if set(kinds) <= {*KINDS, "@rol"} and not self.exists(rid, kinds):
                    missing[rid].append(Place(raw.path, *raw.locate(path), dotted(path)))
                    self.kinds_of.setdefault(rid, tuple(k for k in kinds if k in KINDS))
        for place, kind, rid in content_links(pages):
            if not self.exists(rid, (kind,)):
                missing[rid].append(place)
                self.kinds_of.setdefault(rid, (kind,))
        return missing

    def fold(self, missing: dict[str, list[Place]], issues: list[Issue]) -> list[Issue]:
        """``issues`` with the unknown-id messages of grouped ids replaced by one message per id."""
        grouped: set[tuple[str, str]] = set()
        for rid, places in sorted(missing.items()):
            if rid in self.renamed:  # a link on a hand-written page: its old address still leads to the new page
                self.old_places[rid] += places
                continue
            kinds = self.kinds_of[rid]
            was = self.earlier.path_of(kinds, rid) if self.earlier is not None else None
            if was or len(places) > 1:
                message = self._gone(rid, kinds, places, was)
            else:
                if places[0].path.startswith("content/"):
                    label = KINDS[kinds[0]].singular
                    text = f"Deze link wijst naar de pagina van een {label} met id '{rid}', maar die is er niet."
                    text += suggest(rid, self.catalog.of(kinds[0])) or f" Kijk in partners/{kinds[0]} welk id bedoeld is."
                    self.issues.append(Issue(places[0].path, places[0].line, places[0].column, "onbekend-id", "", text))
                continue
            first = min(places)
            self.issues.append(Issue(first.path, first.line, first.column, "id-verdwenen", first.field, message))
            grouped |= {(p.path, p.field) for p in places}
        kept = [i for i in issues if not (i.code in _UNKNOWN and (i.path, i.field) in grouped)]
        return kept + self.issues

    def old_ids(self) -> None:
        """One warning per old id still named somewhere: the site already follows it, the text should too."""
        for rid, places in sorted(self.old_places.items()):
            where, new = self.renamed[rid]
            first = min(places)
            message = (
                f"'{rid}' heet nu '{new}' ({where}, bij eerdere_ids). De site volgt het "
                f"nieuwe id al; vervang '{rid}' door '{new}' op {_count(places)}: {_list(places)}."
            )
            self.issues.append(
                Issue(first.path, first.line, first.column, "id-hernoemd", first.field, message, Severity.WAARSCHUWING)
            )

    def _gone(self, rid: str, kinds: tuple[str, ...], places: list[Place], was: str | None) -> str:
        shown = (was.split("/")[1],) if was else kinds
        label = KINDS[shown[0]].singular if len(shown) == 1 else "record"
        text = (
            f"Er is geen {label} met id '{rid}'{' meer' if was else ''}, maar {_count(places)} noemen het nog: {_list(places)}."
        )
        successor = None
        if was and self.earlier is not None:
            kind = was.split("/")[1]
            new_files = {
                r: raw.data for (k, r), raw in self.catalog.raw.items() if k == kind and not self.earlier.path_of((k,), r)
            }
            successor = likely_successor(self.earlier.data_of(kind, was), new_files)
            text += f" In {self.earlier.ref} stond het record nog in {was}: het is verwijderd of hernoemd."
        if successor:
            return text + (
                f" Het lijkt hernoemd naar '{successor}'. Zet in dat record 'eerdere_ids: [{rid}]' (dan blijft het oude "
                f"webadres werken) en vervang '{rid}' op deze plekken door '{successor}'."
            )
        return text + (
            f" Hernoemd? Zet 'eerdere_ids: [{rid}]' in het record met het nieuwe id en vervang '{rid}' op deze plekken. "
            f"Opgeheven? Laat het record staan met 'status: opgeheven', of haal '{rid}' op deze plekken weg."
        )


def _count(places: list[Place]) -> str:
    return "1 plek" if len(places) == 1 else f"{len(places)} plekken"


def _list(places: list[Place]) -> str:
    shown = "; ".join(str(p) for p in sorted(places)[:_SHOWN])
    return shown + (f"; en nog {len(places) - _SHOWN}" if len(places) > _SHOWN else "")


def check_renames(
    catalog: Catalog,
    pages: list[ContentPage],
    schemas: dict[str, dict[str, Any]],
    issues: list[Issue],
    rejected: set[tuple[str, str]],
    *,
    renamed: dict[str, list[Renamed]] | None = None,
    earlier: Earlier | None = None,
) -> list[Issue]:
    """``issues`` (of the other checks) with renamed and removed ids explained once, plus this module's own.

    Args:
        renamed: References to old ids that `generator.renames.apply_renames` read as the new id.
        earlier: The record files at the version the work started from.
    """
    check = RenameCheck(catalog, rejected, earlier)
    check.own_fields()
    for rid, changes in (renamed or {}).items():
        check.old_places[rid] += [Place(c.record.path, *c.record.locate(c.path), dotted(c.path)) for c in changes]
    links = content_links(pages)
    if any(i.code in _UNKNOWN for i in issues) or not all(check.exists(rid, (kind,)) for _, kind, rid in links):
        issues = check.fold(check.places(schemas, pages), issues)
    else:
        issues = issues + check.issues  # nothing points at a missing id: no need to walk every record
    check.issues = []
    check.old_ids()
    return issues + check.issues
