"""Stage 1 of the pipeline: read every record file and keep where each value stands.

load → validate → model/catalog → check → render → write → mkdocs build → pagefind

This is the only module that reads ``partners/`` and ``content/``. Each YAML file becomes a
`RawRecord`: plain Python data plus the line and column of every key and value, so later stages can
point editors at ``file:line:column``. Dates stay strings (the schema checks them), duplicate keys,
anchors/aliases and non-standard tags are refused.

Why PyYAML's C parser and not ruamel.yaml's round-trip loader: both give positions, but ruamel's
pure-Python parser measured 2.3 ms per record here against 0.07 ms for ``yaml.compose`` with
``CSafeLoader`` — 11 s against 0.4 s for 5,000 records, and `check` must stay under 2 s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.files import MAX_RECORD_BYTES, MAX_TEXT_BYTES, project_files, refusal, texts_folder
from generator.issues import Issue
from generator.kinds import KINDS
from generator.loadcache import RecordCache
from generator.yamlerrors import explain_yaml_error, translate_yaml_error
from generator.yamlnodes import TOO_DEEP, NodeError, build_value, first_alias

Position = tuple[int, int]
FieldPath = tuple[str | int, ...]


# Files `python -m generator ids` makes from the records: the id lists for VS Code and CODEOWNERS.
DERIVED_FILES = (".vscode/ids/ids.schema.json", ".github/CODEOWNERS", ".gitlab/CODEOWNERS")
NOT_UTF8 = (
    "Dit bestand is niet als UTF-8 opgeslagen. Sla het op als UTF-8 (in de meeste editors: 'Opslaan met codering' → UTF-8)."
)
NOT_A_RECORD = "Een record begint met velden als 'id: …' en 'naam: …', niet met een lijst of losse tekst."


@dataclass(slots=True)
class RawRecord:
    """One YAML file as loaded: data plus positions of every key and value.

    Attributes:
        kind: Folder name of the record kind (``organisaties``…).
        path: Path relative to the project root, with forward slashes.
        data: The parsed mapping (only str/int/float/bool/None/list/dict; dates as strings).
        keys: Position of each mapping key, by field path.
        values: Position of each value, by field path (the root mapping is ``()``).
        origin: For a record whose data came from `generator.loadcache`: its file, parsed again for
            positions the first time a message needs one (most records never need one).
        digest: SHA-256 of the file's bytes (empty for a record not read from a file): the key under which
            results that depend on this file alone may be kept between runs.
    """

    kind: str
    path: str
    data: dict[str, Any]
    keys: dict[FieldPath, Position] = field(default_factory=dict)
    values: dict[FieldPath, Position] = field(default_factory=dict)
    origin: Path | None = None
    digest: bytes = b""

    def locate(self, where: FieldPath, *, key: bool = False) -> Position:
        """Return line and column of a field, or of its nearest existing parent.

        Args:
            where: Field path, e.g. ``("contact", "telefoon", 0, "nummer")``.
            key: Point at the key instead of the value (for unknown or misspelled fields).
        """
        if self.origin is not None:
            parsed = load_record(self.kind, self.path, self.origin.read_bytes(), [])
            self.origin = None
            if parsed is not None:
                self.keys, self.values = parsed.keys, parsed.values
        table = self.keys if key else self.values
        probe = tuple(where)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))


@dataclass(frozen=True, slots=True)
class ContentPage:
    """A hand-written Markdown page from ``content/``.

    Attributes:
        path: Path relative to ``content/`` (forward slashes).
        text: The whole file, front matter included.
        meta: Its YAML front matter (empty when there is none).
    """

    path: str
    text: str
    meta: dict[str, Any]


@dataclass(slots=True)
class Loaded:
    """Everything the load stage read.

    Attributes:
        documents: Line count of each source text found, by file name (empty when no texts folder exists).
        texts: The lines of each source text found, by file name, for the check that reads citations.
        texts_dir: The folder the source texts were read from, or None when it was not found.
        derived: Files made from the records and committed with them (`DERIVED_FILES`), by path, to see
            whether they lag behind the records.
        unread: (kind, id) of record files that could not be read (refused, not UTF-8, broken YAML). The id
            is the file name, which `validate` requires to equal the id; later checks treat these records
            as present, so one typo gives one message instead of one per place that names the record.
    """

    records: list[RawRecord] = field(default_factory=list)
    documents: dict[str, int] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=dict)
    texts_dir: Path | None = None
    content: list[ContentPage] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    derived: dict[str, bytes] = field(default_factory=dict)
    unread: set[tuple[str, str]] = field(default_factory=set)


def load_project(root: Path) -> Loaded:
    """Read all records under ``root/partners`` and pages under ``root/content``.

    Files are read in sorted order so every later stage sees the same sequence. A file that is no
    regular file (a symbolic link, for one) or too large is reported and not opened (`generator.files`).
    A file parsed in an earlier run with the same bytes comes from `generator.loadcache`.
    """
    loaded = Loaded()
    partners = root / "partners"

    def readable(path: Path, limit: int) -> bool:
        problem = refusal(root, path, limit)
        if problem is not None:
            loaded.issues.append(problem)
        return problem is None

    cache = RecordCache(root)
    for folder in KINDS:
        for file in project_files(root, partners / folder, ".yaml", recursive=False):
            loaded.unread.add((folder, file.stem))
            if readable(file, MAX_RECORD_BYTES):
                rel = file.relative_to(root).as_posix()
                raw = file.read_bytes()
                data = cache.get(raw)
                record = RawRecord(folder, rel, data, origin=file) if data else load_record(folder, rel, raw, loaded.issues)
                if record is not None:
                    loaded.records.append(record)
                    loaded.unread.discard((folder, file.stem))
                    record.digest = cache.key(raw)
                    if not data:
                        cache.put(raw, record.data)
    cache.save()
    loaded.texts_dir = texts_folder(root)
    # ../shared/seeds lies outside the checkout, beyond any pull request; texts a project carries itself
    # (test fixtures do, in partners/documenten/teksten) are read with the same care as records.
    own = partners / "documenten" / "teksten"
    shared = loaded.texts_dir if loaded.texts_dir is not None and loaded.texts_dir.is_dir() else None
    text_files = sorted(shared.glob("*.txt")) if shared is not None else []
    text_files += [f for f in project_files(root, own, ".txt", recursive=False) if readable(f, MAX_TEXT_BYTES)]
    for text_file in text_files:
        if text_file.name not in loaded.texts:
            lines = text_file.read_bytes().decode("utf-8", "replace").split("\n")
            loaded.texts[text_file.name] = lines
            loaded.documents[text_file.name] = len(lines)
    if shared is None and own.is_dir() and not own.is_symlink():
        loaded.texts_dir = own
    content = root / "content"
    for page in project_files(root, content, ".md", recursive=True):
        if readable(page, MAX_RECORD_BYTES):
            rel = page.relative_to(content).as_posix()
            text = page.read_text(encoding="utf-8")
            loaded.content.append(ContentPage(rel, text, front_matter(text)))
    for rel in DERIVED_FILES:
        for found in project_files(root, (root / rel).parent, (root / rel).name, recursive=False):
            if found.name == (root / rel).name and readable(found, MAX_RECORD_BYTES):
                loaded.derived[rel] = found.read_bytes()
    return loaded


def load_record(kind: str, path: str, raw: bytes, issues: list[Issue]) -> RawRecord | None:
    """Parse one record file; on failure append an issue and return None."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        issues.append(Issue(path, line, column, "geen-utf8", "", NOT_UTF8))
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" in str(exc.problem):
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            issues.append(Issue(path, line, column, "te-diep-genest", "", TOO_DEEP))
        else:
            line, column, message = explain_yaml_error(exc, text)
            issues.append(Issue(path, line, column, "yaml-syntax", "", message))
        return None
    except yaml.YAMLError as exc:
        issues.append(Issue(path, 1, 1, "yaml-syntax", "", translate_yaml_error(exc)))
        return None
    if node is None:
        issues.append(Issue(path, 1, 1, "leeg-bestand", "", "Dit bestand is leeg. Vul het record in of verwijder het bestand."))
        return None
    if not isinstance(node, yaml.MappingNode):
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        issues.append(Issue(path, line, column, "geen-record", "", NOT_A_RECORD))
        return None
    record = RawRecord(kind, path, {})
    try:
        record.data = build_value(node, (), record.keys, record.values, set())
    except NodeError as exc:
        line, column = exc.line, exc.column
        if exc.code == "alias-niet-toegestaan":
            # The composer gives the anchored node, not the alias; point at where *naam is used.
            line, column = first_alias(text) or (line, column)
        issues.append(Issue(path, line, column, exc.code, exc.field, exc.message))
        return None
    return record


def front_matter(text: str) -> dict[str, Any]:
    """Return the YAML front matter of a Markdown page, or an empty dict."""
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---", 4)
    if end == -1:
        return {}
    meta = yaml.load(text[4:end], Loader=yaml.CSafeLoader)
    return meta if isinstance(meta, dict) else {}
