"""Problems found anywhere in the pipeline, collected first and reported together.

Every stage appends `Issue`s to one `Report`; only the CLI turns the report into output and an
exit code. Messages are written for editors (beleidsmedewerkers): Dutch, pointing at file, line,
column and field, with one or two sentences on what is wrong and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


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
        """Return the two-line editor format: location + code + field, then the explanation."""
        where = f"{self.path}:{self.line}:{self.column}"
        head = f"{where}: {self.severity.value} [{self.code}]"
        if self.field:
            head += f" {self.field}"
        return f"{head}\n    {self.message}"

    def format_github(self) -> str:
        """Return a GitHub Actions workflow command, so the problem shows on the changed line."""
        kind = "error" if self.is_error else "warning"
        title = f"{self.code} {self.field}".strip()
        message = self.message.replace("%", "%25").replace("\r", "").replace("\n", "%0A")
        return f"::{kind} file={self.path},line={max(self.line, 1)},col={max(self.column, 1)},title={title}::{message}"


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
