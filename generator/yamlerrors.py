"""Part of stage 1 (load): a YAML syntax error as a Dutch message at the line where the editor must act.

load → validate → model/catalog → check → render → write → mkdocs build → pagefind

`generator.load` parses with libyaml (``CSafeLoader``), whose problem texts differ from PyYAML's
pure-Python parser ("found character that cannot start any token" without saying it is a tab), and
whose position is where parsing gave up, not where the mistake is:

* a tab in the indentation is reported as a character that "cannot start any token" (or one that
  "violates indentation") — the tab itself is at the mark;
* a quote that is not closed swallows the following lines up to the next quote of the same kind, and
  parsing fails there ("did not find expected key", lines further down), or at the end of the file;
* ``naam:Test`` (no space after the colon) is one plain word for YAML; parsing fails on the *next*
  line ("could not find expected ':'"), while the context mark is the line that needs the space.

So the error is read together with the text: the character at the mark, the scanner's tokens up to
the failure (a quoted text that spans lines and ends where parsing failed is the unclosed quote).
"""

from __future__ import annotations

import re

import yaml

_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?=[^\s:/])")

# Errors that can follow a missing space after a colon, and how many lines back that colon may stand.
_KEY_PROBLEMS = ("could not find expected ':'", "mapping values are not allowed", "did not find expected key")
_LOOK_BACK = 3

_PROBLEMS = {
    "mapping values are not allowed": "Hier staat een dubbele punt die YAML niet verwacht. "
    "Zet tekst met een dubbele punt tussen aanhalingstekens, of controleer de inspringing.",
    "could not find expected ':'": "YAML verwacht hier 'veld: waarde'. Controleer of er een dubbele punt ontbreekt.",
    "found undefined alias": "Hier staat een * (verwijzing); dat is niet toegestaan. Zet tekst met * tussen aanhalingstekens.",
    "did not find expected key": "De inspringing klopt hier niet. Zorg dat velden op hetzelfde niveau even ver inspringen.",
    "expected <block end>": "De inspringing klopt hier niet. Zorg dat velden op hetzelfde niveau even ver inspringen.",
    "found unexpected end of stream": "Het bestand houdt onverwacht op. Vaak ontbreekt een afsluitend aanhalingsteken of haakje.",
    "did not find expected '-' indicator": "Een lijst loopt hier niet goed door. Begin elk lijstitem met '- ' op dezelfde inspringing.",
    "expected a single document in the stream": "Dit bestand bevat meer dan één record (---). Zet elk record in een eigen bestand.",
    "found unknown escape character": "Hier staat een backslash (\\) die YAML niet begrijpt. Gebruik enkele aanhalingstekens of verwijder de \\.",
    "found character that cannot start any token": "Dit teken mag hier niet aan het begin staan (bijvoorbeeld @ of `). "
    "Zet de tekst tussen aanhalingstekens.",
}

TAB = "Hier staat een tab. YAML springt alleen in met spaties: vervang de tab door spaties (in deze bestanden twee per niveau)."


def _quote_name(quote: str) -> str:
    return 'dubbel aanhalingsteken (")' if quote == '"' else "enkel aanhalingsteken (')"


def _open_quote(text: str, fail_line: int) -> yaml.ScalarToken | None:
    """The quoted text that runs over several lines and ends on ``fail_line`` (0-based): an unclosed quote."""
    found = None
    try:
        for token in yaml.scan(text, Loader=yaml.CSafeLoader):
            if token.start_mark.line > fail_line:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.end_mark.line > token.start_mark.line
                and token.end_mark.line >= fail_line
            ):
                found = token
    except yaml.YAMLError:
        pass  # the scanner stops where the parser did; the tokens before it are what we need
    return found


def translate_yaml_error(exc: yaml.YAMLError) -> str:
    """Explain a YAML error in Dutch from its text alone (no position known)."""
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or str(exc)
    context = str(getattr(exc, "context", "") or "")
    if "'\\t'" in problem or "tab character" in problem:
        return TAB
    for english, dutch in _PROBLEMS.items():
        if english in problem or english in context:
            return dutch
    return f"De YAML-opbouw klopt hier niet ({problem}). Controleer inspringing, dubbele punten en aanhalingstekens."


def explain_yaml_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """(line, column, Dutch message) of a syntax error, at the place the editor has to change (1-based)."""
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line, mark.column) if mark else (0, 0)
    lines = text.split("\n")

    def char_at(row: int, col: int) -> str:
        return lines[row][col] if 0 <= row < len(lines) and 0 <= col < len(lines[row]) else ""

    if "tab" in problem or char_at(line, column) == "\t":
        return line + 1, column + 1, TAB
    if context == "while scanning a quoted scalar" and exc.context_mark is not None:
        start = exc.context_mark
        quote = char_at(start.line, start.column) or '"'
        return (
            start.line + 1,
            start.column + 1,
            f"Deze tekst begint met een {_quote_name(quote)} dat nergens wordt afgesloten. "
            f"Zet hetzelfde aanhalingsteken aan het eind van de tekst, of haal het weg.",
        )
    if any(text in problem for text in _KEY_PROBLEMS):
        # 'naam:Test' is one word for YAML, so parsing fails a line or two further down.
        for row in range(line, max(line - _LOOK_BACK, 0) - 1, -1):
            match = _NO_SPACE.match(lines[row]) if 0 <= row < len(lines) else None
            if match:
                key, rest = match.group(2), lines[row][match.end() :].strip()
                return row + 1, match.end() + 1, f"Na de dubbele punt achter '{key}' hoort een spatie. Schrijf '{key}: {rest}'."
    if context == "while scanning a simple key" and exc.context_mark is not None:
        start = exc.context_mark
        return start.line + 1, start.column + 1, _PROBLEMS["could not find expected ':'"]
    token = _open_quote(text, line)
    if token is not None:
        quote = token.style or '"'
        start = token.start_mark
        return (
            start.line + 1,
            start.column + 1,
            f"De tekst die hier met een {_quote_name(quote)} begint, wordt op deze regel niet afgesloten; "
            f"YAML leest daardoor door tot het volgende {quote} op regel {token.end_mark.line + 1}. "
            f"Zet het afsluitende {quote} aan het eind van de tekst op deze regel.",
        )
    return line + 1, column + 1, translate_yaml_error(exc)
