"""Stage 3 of the pipeline (part 2): one `Catalog` holding every validated record.

load → validate → model/**catalog** → check → render → write → mkdocs build → pagefind

`build_catalog` converts validated YAML data into the frozen dataclasses of `generator.model`
(generically, from the dataclass type hints) and indexes them by kind and id. The catalog is the
only input of the check, render and graph stages.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator import model
from generator.kinds import LANDELIJK
from generator.load import RawRecord

MODEL_CLASSES: dict[str, type[model.Record]] = {
    "documenten": model.Document,
    "gebieden": model.Gebied,
    "expertise": model.Expertise,
    "organisaties": model.Organisatie,
    "routeertafels": model.Routeertafel,
    "voorzieningen": model.Voorziening,
    "ketenroutes": model.Ketenroute,
    "begrippen": model.Begrip,
    "uitvoeringsagenda": model.Uitvoeringsagenda,
    "beslissingen": model.Beslissing,
    "beroepsgroepen": model.Beroepsgroep,
    "eigenaars": model.Eigenaar,
}

# YAML keys that collide with a model attribute of another meaning.
_RENAMED = {("documenten", "bestand"): "bestand_tekst"}


@dataclass(frozen=True, slots=True)
class GemeenteInfo:
    """A gemeente with the regio and subregio it belongs to."""

    gemeente: model.Gemeente
    subregio: model.Subregio
    regio: model.Gebied


@dataclass(slots=True)
class Catalog:
    """Every record of the kaart, by kind and id, plus the raw records for positions."""

    records: dict[str, dict[str, Any]] = field(default_factory=lambda: {k: {} for k in MODEL_CLASSES})
    raw: dict[tuple[str, str], RawRecord] = field(default_factory=dict)
    gemeenten: dict[str, GemeenteInfo] = field(default_factory=dict)
    subregios: dict[str, tuple[model.Subregio, model.Gebied]] = field(default_factory=dict)
    _expanded: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)

    def of(self, kind: str) -> dict[str, Any]:
        """All records of one kind, by id (insertion order = file order)."""
        return self.records[kind]

    def gemeenten_in(self, werkgebied: typing.Iterable[str]) -> frozenset[str]:
        """Expand a werkgebied (regio, subregio, gemeente ids or 'landelijk') to gemeente ids (memoised)."""
        key = tuple(werkgebied)
        if key not in self._expanded:
            self._expanded[key] = self._expand(key)
        return self._expanded[key]

    def _expand(self, werkgebied: tuple[str, ...]) -> frozenset[str]:
        out: set[str] = set()
        for area in werkgebied:
            if area == LANDELIJK:
                return frozenset(self.gemeenten)
            if area in self.gemeenten:
                out.add(area)
            elif area in self.subregios:
                out.update(g.id for g in self.subregios[area][0].gemeenten)
            elif area in self.records["gebieden"]:
                regio: model.Gebied = self.records["gebieden"][area]
                out.update(g.id for s in regio.subregios for g in s.gemeenten)
        return frozenset(out)

    def vormen(self) -> list[model.Expertise]:
        """The vormen van geweld (expertise of soort vorm-van-geweld): those with a volgorde first, then by name."""
        items = (e for e in self.records["expertise"].values() if e.soort == "vorm-van-geweld")
        return sorted(items, key=lambda e: (e.volgorde is None, e.volgorde or 0, e.naam.lower(), e.id))

    def area_name(self, area: str) -> str:
        """Human name of a werkgebied id."""
        if area == LANDELIJK:
            return "heel Nederland"
        if area in self.gemeenten:
            return self.gemeenten[area].gemeente.naam
        if area in self.subregios:
            return self.subregios[area][0].naam
        regio = self.records["gebieden"].get(area)
        return regio.naam if regio else area


def build_catalog(records: list[RawRecord]) -> Catalog:
    """Turn validated raw records into a `Catalog`. Duplicate ids keep the first (check reports them)."""
    catalog = Catalog()
    for raw in records:
        cls = MODEL_CLASSES[raw.kind]
        data = {_RENAMED.get((raw.kind, k), k): v for k, v in raw.data.items()}
        item = convert(cls, {**data, "bestand": raw.path})
        catalog.records[raw.kind].setdefault(item.id, item)
        catalog.raw.setdefault((raw.kind, item.id), raw)
    for regio in catalog.records["gebieden"].values():
        for sub in regio.subregios:
            catalog.subregios.setdefault(sub.id, (sub, regio))
            for gemeente in sub.gemeenten:
                catalog.gemeenten.setdefault(gemeente.id, GemeenteInfo(gemeente, sub, regio))
    return catalog


def convert(cls: type[Any], data: dict[str, Any]) -> Any:
    """Build dataclass ``cls`` from schema-valid ``data``, converting nested values by type hint."""
    return cls(**{name: conv(data[name]) for name, conv in _fields(cls) if name in data})


_FIELDS: dict[type[Any], tuple[tuple[str, Callable[[Any], Any]], ...]] = {}


def _fields(cls: type[Any]) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """(field name, converter) of a model class, worked out once per class, not once per value."""
    if cls not in _FIELDS:
        hints = typing.get_type_hints(cls)  # each class resolves its names in its own module
        _FIELDS[cls] = tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))
    return _FIELDS[cls]


@functools.cache
def _converter(hint: Any) -> Callable[[Any], Any]:
    """A function that turns a YAML value into the value ``hint`` describes (None stays None)."""
    origin = typing.get_origin(hint)
    if origin is tuple:
        item = _converter(typing.get_args(hint)[0])
        return lambda v: None if v is None else tuple(item(x) for x in v)
    if origin in (typing.Union, types.UnionType):
        return _converter(next(a for a in typing.get_args(hint) if a is not type(None)))
    if hint is date:
        return lambda v: None if v is None else date.fromisoformat(v)
    if hint is str:
        return lambda v: None if v is None else str(v)
    if dataclasses.is_dataclass(hint):
        cls = typing.cast("type", hint)
        # A plain text where a block with 'tekst' may stand (an aandachtspunt without its own source yet).
        return lambda v: None if v is None else convert(cls, {"tekst": v} if isinstance(v, str) else v)
    return lambda v: v
