"""Problems found anywhere in the pipeline, collected first and reported together.

Every stage appends `Issue`s to one `Report`; only the CLI turns the report into output and an
exit code. Messages are written for editors (beleidsmedewerkers): Dutch, pointing at file, line,
column and field, with one or two sentences on what is wrong and what to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

# Characters that could make report output lie: control characters (a terminal escape, a carriage
# return that overwrites the line), Unicode line separators and the bidirectional overrides that
# show text in another order than it is. Editors' keys and values end up in messages.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` with every character that could disguise report output shown as U+FFFD; newlines stay."""
    return _UNSAFE.sub("\ufffd", text)


def _one_line(text: str) -> str:
    """``text`` cleaned and on one line (line breaks shown as ⏎)."""
    return clean(text).replace("\n", " ⏎ ")


def _command_data(text: str) -> str:
    """Escape the message of a GitHub workflow command (after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _command_property(text: str) -> str:
    """Escape a property value of a GitHub workflow command (``file=``, ``title=``)."""
    return _command_data(text).replace(":", "%3A").replace(",", "%2C")


class Severity(Enum):
    """How bad a problem is: a `fout` blocks publishing, a `waarschuwing` never does."""

    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem in one place.

    Attributes:
        path: File path relative to the project root, with forward slashes.
        line: 1-based line number (0 when the problem concerns the whole file).
        column: 1-based column number.
        code: Short stable code in square brackets, e.g. ``onbekend-veld``.
        field: Dotted field path, e.g. ``contact.telefoon[0].nummer`` (empty for the whole file).
        message: One or two Dutch sentences: what is wrong and what to do.
        severity: ``fout`` or ``waarschuwing``.
    """

    path: str
    line: int
    column: int
    code: str
    field: str
    message: str
    severity: Severity = Severity.FOUT

    @property
    def is_error(self) -> bool:
        """True when this issue blocks the build."""
        return self.severity is Severity.FOUT

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order issues by file, position and code so output is deterministic."""
        return (self.path, self.line, self.column, self.code)

    def format_text(self) -> str:
        """Return the two-line editor format: location + code + field, then the explanation.

        Both lines stay single lines, so no text from a record can start a line of its own: CI runners
        read a line starting with ``::`` (even after spaces) as a workflow command, and a fake location
        would send editors to the wrong place.
        """
        where = f"{self.path}:{self.line}:{self.column}"
        head = f"{where}: {self.severity.value} [{self.code}]"
        if self.field:
            head += f" {self.field}"
        return f"{_one_line(head)}\n    {_one_line(self.message)}"

    def format_github(self) -> str:
        """Return a GitHub Actions workflow command, so the problem shows on the changed line.

        Message and properties are escaped as the workflow-command format requires (``%``, CR, LF, and in
        properties also ``:`` and ``,``), so a YAML key cannot end the command and start another.
        """
        kind = "error" if self.is_error else "warning"
        title = _command_property(clean(f"{self.code} {self.field}".strip()))
        where = f"file={_command_property(clean(self.path))},line={max(self.line, 1)},col={max(self.column, 1)}"
        return f"::{kind} {where},title={title}::{_command_data(clean(self.message))}"


@dataclass(slots=True)
class Report:
    """All issues of one run, in the order they were found."""

    issues: list[Issue] = field(default_factory=list)

    def add(self, issue: Issue) -> None:
        """Record one issue."""
        self.issues.append(issue)

    def extend(self, issues: list[Issue]) -> None:
        """Record several issues."""
        self.issues.extend(issues)

    @property
    def errors(self) -> list[Issue]:
        """Issues that block publishing."""
        return [i for i in self.issues if i.is_error]

    @property
    def warnings(self) -> list[Issue]:
        """Issues that are shown but never block."""
        return [i for i in self.issues if not i.is_error]

    def has_errors(self) -> bool:
        """True when at least one `fout` was found."""
        return any(i.is_error for i in self.issues)

    def sorted(self) -> list[Issue]:
        """Issues sorted by location, for stable output."""
        return sorted(self.issues, key=Issue.sort_key)
