"""Valid HTML: the W3C Nu HTML checker (npm vnu-jar, on Debian's Java) over one page of every page type.

Every page type found in the built real site (each ``gia-page--<type>`` class, not a fixed list) plus
the 404 page. Two errors come from mkdocs-material templates that cannot be overridden without a copy
of a large template; they are named here with the reason, and must still occur (a stale entry fails
too), so that every other error, and any new one, fails the test.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.browser.support import Site
from tests.helpers import ROOT

pytestmark = pytest.mark.browser

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGE_CLASS = re.compile(r'class="gia-page gia-page--([a-z0-9-]+)')

# Exact Nu messages that mkdocs-material 9.8.2 causes, with why they are not fixed by an override.
THEME_ERRORS = {
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”, "
    "“hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.": (
        "base.html writes the hidden #__drawer and #__search checkboxes with autocomplete=off in <body>, outside any"
        " block: removing it means copying the whole 260-line base template, which every Material upgrade changes."
    ),
    "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.": (
        "partials/nav-item.html gives section labels (navigation.sections) an empty tabindex; the fix is inside the"
        " 170-line recursive nav macro, so it would mean owning Material's whole navigation."
    ),
}


def one_page_per_type(site: Path) -> dict[str, Path]:
    """Page type → the first page of that type (sorted paths), plus the 404 page."""
    found: dict[str, Path] = {}
    for index in sorted(site.rglob("index.html")):
        match = PAGE_CLASS.search(index.read_text(encoding="utf-8"))
        if match:
            found.setdefault(match.group(1), index)
    found["404"] = site / "404.html"
    return found


def nu_errors(files: list[Path]) -> list[dict[str, object]]:
    java = shutil.which("java")
    assert java, "Java ontbreekt: `make test` installeert het (default-jre-headless)"
    assert VNU.exists(), "vnu.jar ontbreekt: `make test` installeert het (npm ci)"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout)
    return [m for m in report["messages"] if m.get("type") == "error" or m.get("subType") == "fatal"]


def test_every_page_type_is_valid_html(real_site: Site) -> None:
    pages = one_page_per_type(real_site.site)
    # The kinds of page the portal is made of must all be here, or this test checks less than it says.
    assert {"home", "organisatie", "voorziening", "wie-bel-ik", "ketenroute", "begrippen", "beheer", "404"} <= set(pages)
    errors = nu_errors(list(pages.values()))
    unexpected = [
        f"{Path(str(m.get('url', ''))).parent.name}:{m.get('lastLine')}: {m['message']}"
        for m in errors
        if m["message"] not in THEME_ERRORS
    ]
    assert unexpected == [], "\n".join(unexpected)
    seen = Counter(str(m["message"]) for m in errors)
    stale = [message for message in THEME_ERRORS if not seen[message]]
    assert stale == [], f"Material maakt deze fout niet meer; haal hem uit THEME_ERRORS: {stale}"
    # The autocomplete error is the two checkboxes of base.html: exactly two on every page, no more.
    autocomplete = next(iter(THEME_ERRORS))
    assert seen[autocomplete] == 2 * len(pages)
