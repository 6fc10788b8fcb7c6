"""What changed between two catalogues, in Dutch sentences (for pull requests and the wijzigingen page).

Used by `generator.history` after the load → validate → catalog stages have run on both sides: an
older version (a git commit) and a newer one (the working tree or the next commit). Pure: it compares
two `Catalog`s and returns sentences, in a fixed order — by kind as in `KINDS`, then by id, then
field by field — so the same change always reads the same.

Values come from the validated YAML (``catalog.raw``), so every field is compared, also the ones the
site does not show. Addresses are never quoted: an opvang address must not end up in a pull request.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from generator.catalog import Catalog
from generator.kinds import KINDS

# Kinds whose singular is a het-word: "Nieuw begrip", not "Nieuwe begrip".
_HET_WORDS = frozenset({"begrip", "brondocument", "gebied"})
# The field that names a record, per kind (the rest use `naam`).
_NAME_FIELD = {"begrippen": "term", "documenten": "titel", "uitvoeringsagenda": "titel"}
# Fields with their own sentences; the rest is summed up as "<veld> gewijzigd".
_OWN_SENTENCES = frozenset({"id", "naam", "term", "titel", "contact", "werkgebied", "eerdere_ids"})
_PHONE_VALUE_FIELDS = ("nummer", "geverifieerd")
# The other fields of a phone number, in readers' words (the wijzigingen page is public).
_PHONE_WORDS = {"anoniem": "anoniem mogelijk", "geverifieerd": "controle", "weergave": "schrijfwijze"}


Labels = Mapping[str, Mapping[str, str]]  # kind → field → the field's name for readers ("let_op" → "let op")


def field_labels(documents: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """Each kind's fields by the title its schema gives them, lower case: the words the wijzigingen page uses."""
    out: dict[str, dict[str, str]] = {}
    for kind, info in KINDS.items():
        properties = (documents.get(info.schema) or {}).get("properties") or {}
        out[kind] = {f: str(p["title"]).lower() for f, p in properties.items() if isinstance(p, dict) and p.get("title")}
    return out


def describe_changes(old: Catalog, new: Catalog, areas: Catalog | None = None, labels: Labels | None = None) -> list[str]:
    """Sentences for every record that is new, removed or changed from ``old`` to ``new``.

    Args:
        areas: Catalogue used to name werkgebied ids (default: ``new``, then ``old``).
        labels: Field names for readers (`field_labels`); without them a sentence names the YAML key.
    """
    sentences: list[str] = []
    for kind in KINDS:
        before, after = old.of(kind), new.of(kind)
        # A rename (the new record lists the old id in eerdere_ids) is one change, not a removal and an addition.
        renamed = {o: rid for rid in set(after) - set(before) for o in after[rid].eerdere_ids if o in before and o not in after}
        for rid in sorted(set(before) | set(after)):
            if rid in renamed:
                sentences.append(f"{_label(kind)} {_name(kind, old, rid)} heeft een nieuw webadres; het oude stuurt door.")
                a, b = old.raw[(kind, rid)].data, new.raw[(kind, renamed[rid])].data
                sentences.extend(_record_changes(kind, a, b, _name(kind, new, renamed[rid]), (areas, new, old), labels))
            elif rid in renamed.values():
                continue
            elif rid not in before:
                sentences.append(f"{_new_word(kind)} {KINDS[kind].singular}: {_name(kind, new, rid)}.")
            elif rid not in after:
                sentences.append(f"{_label(kind)} {_name(kind, old, rid)} verwijderd.")
            else:
                a, b = old.raw[(kind, rid)].data, new.raw[(kind, rid)].data
                sentences.extend(_record_changes(kind, a, b, _name(kind, new, rid), (areas, new, old), labels))
    return sentences


def _label(kind: str) -> str:
    return KINDS[kind].singular.capitalize()


def _new_word(kind: str) -> str:
    return "Nieuw" if KINDS[kind].singular in _HET_WORDS else "Nieuwe"


def _name(kind: str, catalog: Catalog, rid: str) -> str:
    value = catalog.raw[(kind, rid)].data.get(_NAME_FIELD.get(kind, "naam"))
    return " ".join(str(value).split()) if value else rid


def _and(words: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} en {words[-1]}"


def _record_changes(
    kind: str, a: dict[str, Any], b: dict[str, Any], name: str, areas: tuple[Catalog | None, ...], labels: Labels | None = None
) -> Iterator[str]:
    label = _label(kind)
    name_field = _NAME_FIELD.get(kind, "naam")
    if a.get(name_field) != b.get(name_field):
        yield f"{label} {_name_text(a.get(name_field))} heet nu {name}."
    yield from _contact_changes(a.get("contact") or {}, b.get("contact") or {}, name)
    yield from _area_changes(a.get("werkgebied") or [], b.get("werkgebied") or [], name, areas)
    if kind == "ketenroutes":
        yield from _step_changes(a.get("stappen") or [], b.get("stappen") or [], name)
    skip = _OWN_SENTENCES | ({"stappen"} if kind == "ketenroutes" else set())
    own = (labels or {}).get(kind, {})
    changed = sorted(own.get(k, k) for k in set(a) | set(b) if k not in skip and a.get(k) != b.get(k))
    if changed:
        yield f"{label} {name}: {_and(changed)} gewijzigd."


def _name_text(value: Any) -> str:
    return " ".join(str(value).split())


def _phones(contact: dict[str, Any]) -> dict[tuple[str, int], dict[str, Any]]:
    """Phone numbers keyed by (doel, n-th number with that doel), so a reordered list is no change."""
    out: dict[tuple[str, int], dict[str, Any]] = {}
    for tel in contact.get("telefoon") or []:
        doel = str(tel.get("doel", ""))
        n = sum(1 for d, _ in out if d == doel)
        out[(doel, n)] = tel
    return out


def _contact_changes(a: dict[str, Any], b: dict[str, Any], name: str) -> Iterator[str]:
    before, after = _phones(a), _phones(b)
    for key in sorted(set(before) | set(after)):
        doel = key[0] if key[1] == 0 else f"{key[0]}, {key[1] + 1}e nummer"
        of = f"Telefoonnummer van {name} ({doel})"
        old, new = before.get(key), after.get(key)
        if old is None and new is not None:
            yield f"Nieuw telefoonnummer voor {name} ({doel}): {new.get('weergave')}."
        elif new is None and old is not None:
            yield f"{of} verwijderd."
        elif old is not None and new is not None:
            yield from _phone_changes(of, old, new)
    if a.get("email") != b.get("email"):
        if not b.get("email"):
            yield f"E-mailadres van {name} verwijderd."
        elif not a.get("email"):
            yield f"E-mailadres van {name} toegevoegd: {b['email']}."
        else:
            yield f"E-mailadres van {name} gewijzigd van {a['email']} naar {b['email']}."
    if a.get("adres") != b.get("adres"):
        what = "verwijderd" if not b.get("adres") else "toegevoegd" if not a.get("adres") else "gewijzigd"
        yield f"Adres van {name} {what}."


def _phone_changes(of: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[str]:
    old_check, new_check = old.get("geverifieerd") or {}, new.get("geverifieerd") or {}
    if old.get("nummer") != new.get("nummer"):
        yield f"{of} gewijzigd van {old.get('weergave')} naar {new.get('weergave')}."
        if old_check.get("op") == new_check.get("op"):
            # The site shows geverifieerd.op as "gecontroleerd op": a new number with the old date would lie.
            yield f"⚠ {of} gewijzigd, maar de datum van de controle is niet bijgewerkt."
    if old_check.get("op") != new_check.get("op"):
        yield f"{of} gecontroleerd op {new_check.get('op')} door {new_check.get('door')}."
    rest = {k for k in set(old) | set(new) if k not in _PHONE_VALUE_FIELDS and old.get(k) != new.get(k)}
    if old_check != new_check and old_check.get("op") == new_check.get("op"):
        rest.add("geverifieerd")  # door, bron or methode changed without a new date
    if old.get("nummer") != new.get("nummer"):
        rest.discard("weergave")  # already in the sentence above
    if rest:
        yield f"{of}: {_and(sorted(_PHONE_WORDS.get(k, k) for k in rest))} gewijzigd."


def _area_changes(a: list[str], b: list[str], name: str, areas: tuple[Catalog | None, ...]) -> Iterator[str]:
    added = [x for x in b if x not in a]
    removed = [x for x in a if x not in b]
    parts = []
    if added:
        parts.append(f"{_and([_area_name(x, areas) for x in added])} toegevoegd")
    if removed:
        parts.append(f"{_and([_area_name(x, areas) for x in removed])} verwijderd")
    if parts:
        yield f"Werkgebied van {name}: {'; '.join(parts)}."


def _area_name(area: str, catalogs: tuple[Catalog | None, ...]) -> str:
    for catalog in catalogs:
        if catalog is not None:
            named = catalog.area_name(area)
            if named != area:
                return named
    return area


def _step_changes(a: list[dict[str, Any]], b: list[dict[str, Any]], name: str) -> Iterator[str]:
    before = {str(s.get("id")): s for s in a}
    after = {str(s.get("id")): s for s in b}
    for step in b:
        sid = str(step.get("id"))
        if sid not in before:
            yield f"Ketenroute {name}: nieuwe stap '{sid}' ({step.get('actor')}: {step.get('actie')})."
        elif before[sid] != step:
            yield f"Ketenroute {name}: stap '{sid}' gewijzigd."
    for step in a:
        sid = str(step.get("id"))
        if sid not in after:
            yield f"Ketenroute {name}: stap '{sid}' verwijderd."
