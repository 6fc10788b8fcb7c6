"""Part of stage 2 (validate): Dutch explanations for JSON Schema errors.

One function per JSON Schema keyword the schemas use. A schema may override the wording for one
field with ``x-melding`` and the code with ``x-code``; that is how "alleen https://" or "schrijf
het nummer als +31…" reach editors without special cases here. `tests/test_contracts.py` checks
that every keyword used in `schema/` has a template.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

TYPE_NAMES = {
    "string": "tekst",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "true of false (zonder aanhalingstekens)",
    "array": "een lijst (regels die beginnen met '- ')",
    "object": "een blok met velden",
    "null": "niets",
}


def describe_value(value: Any) -> str:
    """Name the kind of value the editor typed, in Dutch, with a short quote."""
    if isinstance(value, bool):
        kind = "true/false"
    elif isinstance(value, (int, float)):
        kind = "een getal"
    elif isinstance(value, str):
        kind = "tekst"
    elif isinstance(value, list):
        kind = "een lijst"
    elif isinstance(value, dict):
        kind = "een blok met velden"
    else:
        return "niets (een leeg veld)"
    shown = repr(value) if not isinstance(value, (list, dict)) else ""
    if len(shown) > 60:
        shown = shown[:57] + "…'"
    return f"{kind} ({shown})" if shown else kind


def suggest(word: str, options: Iterable[str]) -> str:
    """Return ' Bedoelde je 'x'?' for a near miss, or an empty string."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" Bedoelde je '{close[0]}'?" if close else ""


def _type(e: ValidationError) -> str:
    value: Any = e.validator_value
    expected = value if isinstance(value, list) else [value]
    wanted = " of ".join(TYPE_NAMES.get(str(t), str(t)) for t in expected)
    return f"Hier hoort {wanted}, maar er staat {describe_value(e.instance)}."


def _enum(e: ValidationError) -> str:
    value: Any = e.validator_value
    options = [str(o) for o in value]
    return f"'{e.instance}' is geen toegestane waarde. Kies uit: {', '.join(options)}.{suggest(str(e.instance), options)}"


def _required(e: ValidationError) -> str:
    return "Dit verplichte veld ontbreekt."  # the field name is added by `validate`


def _pattern(e: ValidationError) -> str:
    return f"De waarde {describe_value(e.instance)} heeft niet de juiste vorm."


def _format(e: ValidationError) -> str:
    return f"{describe_value(e.instance)} is geen geldige {e.validator_value}."


def _min_items(e: ValidationError) -> str:
    n = e.validator_value
    return f"Deze lijst moet minstens {n} {'item' if n == 1 else 'items'} bevatten."


def _min_length(e: ValidationError) -> str:
    return "Dit veld is leeg. Vul tekst in of verwijder het veld."


def _max_length(e: ValidationError) -> str:
    return f"Deze tekst is te lang: maximaal {e.validator_value} tekens."


def _unique(e: ValidationError) -> str:
    return "Een waarde staat twee keer in deze lijst. Laat er één staan."


def _min_properties(e: ValidationError) -> str:
    return "Dit blok is leeg. Vul minstens één veld in of verwijder het blok."


def _range(e: ValidationError) -> str:
    return f"Het getal {e.instance} ligt buiten het toegestane bereik ({e.validator} {e.validator_value})."


def _not(e: ValidationError) -> str:
    return "Deze combinatie van velden is niet toegestaan."


def _dependencies(e: ValidationError) -> str:
    # jsonschema says "'bekeken_op' is a dependency of 'url'"; name both fields the Dutch way.
    needed: Any = e.validator_value
    instance = e.instance if isinstance(e.instance, dict) else {}
    for field, wanted in dict(needed).items():
        missing = [w for w in wanted if field in instance and w not in instance]
        if missing:
            names = " en ".join(f"'{m}'" for m in missing)
            return f"Bij '{field}' hoort ook {names}. Vul {'die' if len(missing) > 1 else 'dat veld'} in, of haal '{field}' weg."
    return "Deze combinatie van velden is niet compleet."


def _const(e: ValidationError) -> str:
    return f"Hier hoort precies {e.validator_value!r}."


TEMPLATES: dict[str, tuple[str, Callable[[ValidationError], str]]] = {
    "type": ("verkeerd-type", _type),
    "enum": ("ongeldige-waarde", _enum),
    "required": ("ontbrekend-veld", _required),
    "additionalProperties": ("onbekend-veld", _required),  # handled field by field in `validate`
    "pattern": ("ongeldig-formaat", _pattern),
    "format": ("ongeldig-formaat", _format),
    "minItems": ("te-weinig-items", _min_items),
    "minLength": ("lege-tekst", _min_length),
    "maxLength": ("te-lang", _max_length),
    "uniqueItems": ("dubbel-item", _unique),
    "minProperties": ("leeg-blok", _min_properties),
    "minimum": ("buiten-bereik", _range),
    "maximum": ("buiten-bereik", _range),
    "not": ("niet-toegestaan", _not),
    "const": ("ongeldige-waarde", _const),
    "dependencies": ("onvolledige-bron", _dependencies),
}


def explain(error: ValidationError) -> tuple[str, str]:
    """Return (code, Dutch message) for one schema error, honouring ``x-code``/``x-melding``."""
    keyword = str(error.validator)
    code, template = TEMPLATES.get(keyword, ("schema", lambda e: f"Deze waarde klopt niet ({e.message})."))
    schema: dict[str, Any] = dict(error.schema) if isinstance(error.schema, dict) else {}
    if keyword in ("pattern", "format", "not", "minItems", "minLength", "const"):
        code = str(schema.get("x-code", code))
        if "x-melding" in schema:
            return code, str(schema["x-melding"])
    return code, template(error)
