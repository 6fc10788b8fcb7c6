"""Part of stage 1 (load): turn a composed YAML node tree into plain data with positions.

`yaml.compose` gives nodes that carry their line and column; this module builds dicts, lists and
scalars from them while recording where each key and value stood. It is also where the safety rules
for editor input live: no duplicate keys, no anchors or aliases (they make "alias bombs" possible and
editors never need them), no tags beyond the standard scalar ones (``!!python/object`` and the like),
and dates kept as the string the editor typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from generator.files import MAX_DEPTH

_T = "tag:yaml.org,2002:"
_CONVERT = SafeConstructor()
_SCALARS: dict[str, Callable[[Any], Any]] = {
    _T + "str": lambda node: node.value,
    _T + "int": _CONVERT.construct_yaml_int,
    _T + "float": _CONVERT.construct_yaml_float,
    _T + "bool": _CONVERT.construct_yaml_bool,
    _T + "null": lambda node: None,
    # Dates stay the text the editor typed; the schema checks their form (format: date).
    _T + "timestamp": lambda node: node.value,
}

Position = tuple[int, int]
FieldPath = tuple[str | int, ...]
TOO_DEEP = (
    f"De velden in dit bestand zijn te diep in elkaar gezet (meer dan {MAX_DEPTH} niveaus). Een record heeft er "
    "hoogstens een paar; controleer de inspringing en de haakjes [ ] en { }."
)


class NodeError(Exception):
    """A problem in the YAML structure that stops this file from loading."""

    def __init__(self, node: yaml.Node, code: str, field: str, message: str) -> None:
        super().__init__(message)
        self.line = node.start_mark.line + 1
        self.column = node.start_mark.column + 1
        self.code = code
        self.field = field
        self.message = message


def _tag_message(tag: str) -> str:
    return f"De markering '{tag.replace(_T, '!!')}' is niet toegestaan. Verwijder alles vanaf de ! tot de waarde."


def first_alias(text: str) -> tuple[int, int] | None:
    """Line and column of the first alias (*naam) in ``text``, for a precise message."""
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            return event.start_mark.line + 1, event.start_mark.column + 1
    return None


def dotted(path: FieldPath) -> str:
    """Format a field path for editors: ``contact.telefoon[0].nummer``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def build_value(
    node: yaml.Node,
    path: FieldPath,
    keys: dict[FieldPath, Position],
    values: dict[FieldPath, Position],
    seen: set[int],
) -> Any:
    """Build plain data from ``node``, recording positions in ``keys`` and ``values``.

    Raises:
        NodeError: On an alias, an unknown tag, a duplicate or non-text key, or nesting deeper than ``MAX_DEPTH``.
    """
    if len(path) > MAX_DEPTH:
        # Bounded recursion: a few hundred levels would otherwise end in Python's RecursionError.
        raise NodeError(node, "te-diep-genest", dotted(path[:3]) + "…", TOO_DEEP)
    if id(node) in seen:
        # The composer hands out the same node object for every alias of one anchor.
        raise NodeError(
            node,
            "alias-niet-toegestaan",
            dotted(path),
            "Ankers en verwijzingen (& en *) zijn in records niet toegestaan. Schrijf de waarde gewoon uit.",
        )
    seen.add(id(node))
    values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode):
        convert = _SCALARS.get(node.tag)
        if convert is None:
            raise NodeError(node, "onbekende-tag", dotted(path), _tag_message(node.tag))
        return convert(node)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _T + "seq":
            raise NodeError(node, "onbekende-tag", dotted(path), _tag_message(node.tag))
        return [build_value(item, (*path, i), keys, values, seen) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        if node.tag != _T + "map":
            raise NodeError(node, "onbekende-tag", dotted(path), _tag_message(node.tag))
        return _build_mapping(node, path, keys, values, seen)
    raise NodeError(node, "yaml-syntax", dotted(path), "Dit deel van het bestand kan niet gelezen worden.")


def _build_mapping(
    node: yaml.MappingNode,
    path: FieldPath,
    keys: dict[FieldPath, Position],
    values: dict[FieldPath, Position],
    seen: set[int],
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (_T + "str", _T + "int", _T + "bool"):
            raise NodeError(
                key_node, "ongeldige-sleutel", dotted(path), "Een veldnaam moet gewone tekst zijn, zoals 'naam' of 'telefoon'."
            )
        if key_node.value == "<<":
            raise NodeError(
                key_node,
                "alias-niet-toegestaan",
                dotted(path),
                "Samenvoegen met '<<' is in records niet toegestaan. Schrijf de velden gewoon uit.",
            )
        key = str(key_node.value)
        child = (*path, key)
        if key in out:
            first = keys[child]
            raise NodeError(
                key_node,
                "dubbele-sleutel",
                dotted(child),
                f"Het veld '{key}' staat twee keer in dit blok (eerst op regel {first[0]}). Voeg ze samen tot één veld.",
            )
        keys[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        out[key] = build_value(value_node, child, keys, values, seen)
    return out
