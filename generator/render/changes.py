"""Part of stage 5 (render): the "Wat is er veranderd?" page and its Atom feed.

The commits come from `generator.history.load_changes` (load stage); this module only turns them
into text, so it stays pure like the rest of render. Readers see what changed in the records, in the
sentences `python -m generator verschil` writes, dated; not the commit message, which developers
write for each other. ``None`` means the project is no git
repository: the page says the history is not available and the feed has no entries.

The feed is Atom 1.0. Ids are ``urn:uuid`` values derived from the commit id, so an entry keeps its
id across builds; links are absolute when the site's address is known (feed readers need that), else
relative to the feed (it lives at the site root).
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from generator.history import Change
from generator.render.context import front_matter
from generator.render.environment import datum, make_env
from generator.siteaddress import SiteAddress

PAGE = "wijzigingen.md"
FEED = "feed.xml"
# A commit that imports hundreds of records would make an unreadable page; the rest is counted.
MAX_SENTENCES = 25
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # Atom needs an <updated>; this one marks "no entries yet"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "gia-wegwijzer:wijzigingen")
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters XML 1.0 forbids


def public(changes: list[Change] | None) -> list[Change] | None:
    """What readers see of each commit: the sentences about the records.

    Never the commit message (developers' words, often English), nor the ⚠ remarks meant for reviewers.
    """
    if changes is None:
        return None
    shown = [dataclasses.replace(c, sentences=tuple(s for s in c.sentences if not s.startswith("⚠"))) for c in changes]
    return [c for c in shown if c.sentences]


def render_changes(changes: list[Change] | None, address: SiteAddress | None = None) -> tuple[str, str]:
    """Return (Markdown of wijzigingen.md, XML of feed.xml) for the given commits, newest first."""
    changes = public(changes)
    meta = {
        "title": "Wat is er veranderd?",
        "description": "De laatste wijzigingen in de records van de sociale kaart, per wijziging in gewone zinnen.",
        "paginasoort": "beheer",
    }
    page = (
        make_env().get_template("wijzigingen.md.j2").render(changes=changes, limit=MAX_SENTENCES, front_matter=front_matter(meta))
    )
    return page, _feed(changes or [], (address or SiteAddress()).site_url or "")


def _sentences(change: Change) -> list[str]:
    shown = list(change.sentences[:MAX_SENTENCES])
    if len(change.sentences) > MAX_SENTENCES:
        shown.append(f"… en nog {len(change.sentences) - MAX_SENTENCES} andere wijzigingen.")
    return shown


def _clip(sentence: str, limit: int = 90) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _feed(changes: list[Change], base: str) -> str:
    updated = max((c.date for c in changes), default=_EPOCH)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">',
        "  <title>GIA Wegwijzer: wat is er veranderd?</title>",
        "  <subtitle>Wijzigingen in de records van de sociale kaart, in gewone zinnen.</subtitle>",
        f"  <id>urn:uuid:{_NAMESPACE}</id>",
        f"  <updated>{updated.isoformat()}</updated>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(base + "feed.xml")}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(base + "wijzigingen/")}/>',
        "  <author><name>Redactie GIA Wegwijzer</name></author>",
    ]
    for change in changes:
        title = f"{datum(change.date)}: {_clip(change.sentences[0])}"
        lines += [
            "  <entry>",
            f"    <title>{_text(title)}</title>",
            f"    <id>urn:uuid:{uuid.uuid5(_NAMESPACE, change.commit)}</id>",
            f"    <updated>{change.date.isoformat()}</updated>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(f"{base}wijzigingen/#wijziging-{change.short}")}/>',
            f'    <content type="text">{_text(chr(10).join(_sentences(change)))}</content>',
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
