"""Part of stage 7 (mkdocs build): MkDocs' English warnings as Dutch issues at the file an editor opens.

load → validate → model/catalog → check → render → write → **mkdocs build** → pagefind

MkDocs names the generated page in ``.build/docs``; editors need the file in the repository that
holds the link: the hand-written page in ``content/``, or the record a page was made from, with the
line where the link (or the id it points to) stands. A message this module does not know is passed
on in full, at the page's file when that is known, else at mkdocs.yml.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from pathlib import Path

from generator.issues import Issue

_DOC_LINK = re.compile(
    r"^Doc file '(?P<doc>[^']+)' contains (?:a link|an absolute link|an unrecognized relative link) '(?P<href>[^']+)'"
)
_STRICT = re.compile(r"^Aborted with (\d+) warnings? in strict mode!?$")
_PROBLEMS = (
    ("is not found among documentation files", "link-kapot", "De link naar ‘{href}’ wijst naar een pagina die niet bestaat."),
    ("does not contain an anchor", "link-kapot", "De link naar ‘{href}’ wijst naar een plek op die pagina die er niet is."),
    (
        "there is no such anchor on this page",
        "link-kapot",
        "De link naar ‘{href}’ wijst naar een plek op deze pagina die er niet is.",
    ),
    (
        "which is excluded from the built site",
        "link-kapot",
        "De link naar ‘{href}’ wijst naar een pagina die niet op de site komt.",
    ),
    (
        "contains an absolute link",
        "link-absoluut",
        "De link ‘{href}’ begint met / en werkt daardoor niet op elke plek waar de site staat; link naar het .md-bestand.",
    ),
    (
        "unrecognized relative link",
        "link-onbekend",
        "De link ‘{href}’ wijst niet naar een pagina van de site; link naar het .md-bestand van die pagina.",
    ),
)
_HINT = " Is een record hernoemd of verwijderd? Pas dan de link aan, of zet het oude id terug."


def _line_of(text: str, *needles: str) -> int:
    """The first line (1-based) that holds one of ``needles`` (tried in order); 1 when none does."""
    lines = text.splitlines()
    for needle in needles:
        if needle:
            for number, line in enumerate(lines, start=1):
                if needle in line:
                    return number
    return 1


def translate(message: str, root: Path, sources: Mapping[str, str]) -> Issue:
    """One MkDocs warning as an issue at the repository file that holds the cause.

    Args:
        sources: Docs path of each page → the repository file it comes from (content page or record).
    """
    text = message.strip()
    strict = _STRICT.match(text)
    if strict:
        count = strict.group(1)
        return Issue(
            "mkdocs.yml",
            1,
            1,
            "mkdocs",
            "",
            f"De site is niet gebouwd: MkDocs vond {count} {'probleem' if count == '1' else 'problemen'} (zie de andere meldingen).",
        )
    match = _DOC_LINK.match(text)
    if match is None:
        return Issue("mkdocs.yml", 1, 1, "mkdocs", "", f"MkDocs meldt een probleem; de site is niet bijgewerkt. Melding: {text}")
    doc, href = match.group("doc"), match.group("href")
    source = sources.get(doc)
    code, words = "mkdocs", f"MkDocs meldt: {text}"
    for tail, known_code, template in _PROBLEMS:
        if tail in text:
            code, words = known_code, template.format(href=href)
            break
    if source is None:
        return Issue("mkdocs.yml", 1, 1, code, "", f"Op de gemaakte pagina {doc}: {words}")
    try:
        content = (root / source).read_text(encoding="utf-8")
    except OSError:
        content = ""
    if source.startswith("content/"):
        return Issue(source, _line_of(content, f"({href}", href), 1, code, "", words)
    # A generated page: the link came from an id in the record (a renamed or removed record, mostly).
    target = posixpath.basename(href.split("#", 1)[0]).removesuffix(".md")
    return Issue(source, _line_of(content, target), 1, code, "", words + (_HINT if code == "link-kapot" else ""))
