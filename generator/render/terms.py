"""Part of stage 5 (render): link the first use of each domain term on a reader page to its explanation.

A newcomer reads "centrumgemeente" or "procesregisseur" long before they know what it means. On the
pages written for them (onboarding, the meldcode, the gemeente pages, vormen van geweld, overleggen and
voorzieningen) the first time a begrip from partners/begrippen occurs in running text, it becomes a link
to that begrip (or to the record the begrip points to). Abbreviations with a tooltip are explained by
the tooltip already; everyday words on `ALLEDAAGS` need no link. Text that is a link already counts as
linked. The check of this rule is `tests/browser/test_begrippen_uitleg.py`, over the built pages.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.catalog import Catalog
from generator.render.context import record_path
from generator.render.environment import relative

# Pages whose running text gets its terms linked: the pages a newcomer reads to learn the work.
READER_PAGES = re.compile(
    r"(onboarding/.*|meldcode/.*|gemeenten/(?!index)[^/]+|expertise/(?!index)[^/]+|voorzieningen/(?!index)[^/]+|routeertafels/(?!index)[^/]+)\.md"
)

# Forms on the begrippen list that readers know from everyday Dutch (or that name a document): no link needed.
ALLEDAAGS = frozenset(
    """
    advies adviezen adviesvraag gezin gezinnen huishouden melding meldingen onderzoek ondersteuning preventie
    regie regievoering nazorg scholing mutatie mutaties drang dwang contactpersoon keurmerk uitbuiting
    reclassering ambulant jeugdzorg jeugdhulp ketenpartner ketenpartners netwerkpartners samenwerkingspartners
    vrouwenopvang veerkracht zeden zedenzaken regiovisie uitvoeringsplan uitvoeringsagenda deelplannen
    mantelzorg ontvoering opschalen afschalen opschaling systeemgericht handelingsbekwaam
    """.split()  # noqa: SIM905 - a word list editors can extend without quotes and commas
) | frozenset(
    {
        "sociale omgeving",
        "eigen kracht",
        "verenigde naties",
        "plan van aanpak",
        "plannen van aanpak",
        "sociaal netwerk",
        "sociale netwerk",
        "vrouwen opvang",
        "straf en zorg",
        "landelijk stelsel",
    }
)

# Skipped when linking: front matter, code, headings, HTML blocks, tables (data, not running text),
# admonition titles, snippets and abbreviation lists.
_SKIP_LINE = re.compile(r"^\s*(#|<|\||!!!|\?\?\?|\*\[|--8<--|-{3,}\s*$)")
# Parts of a line that are not running text: bold labels ("**Wat doet Veilig Thuis?**"), links, code,
# inline HTML elements and tags, attribute lists, URLs.
_PROTECTED = re.compile(
    r"\*\*(?:[^*]|\*(?!\*))+\*\*"
    r"|!?\[(?P<linktext>(?:\\.|[^\]\\])*)\]\([^)]*\)(?:\{[^}]*\})?"
    r"|`[^`]*`"
    r"|<(?P<tag>a|small|code|abbr|summary|kbd)\b[^>]*>.*?</(?P=tag)>"
    r"|<[^>]+>"
    r"|\{[^}]*\}"
    r"|https?://\S+"
)


@dataclass(frozen=True)
class Terms:
    """The begrippen as one pattern, with where each matched form leads."""

    insensitive: re.Pattern[str]
    sensitive: re.Pattern[str]
    by_form: dict[str, str]  # lowercased form (or exact abbreviation) -> begrip id
    target: dict[str, str]  # begrip id -> docs path of its explanation
    tooltip: frozenset[str]  # abbreviations explained by their tooltip already
    explains: dict[str, frozenset[str]]  # docs path of a record page -> begrip ids that page itself explains

    def begrip_of(self, form: str) -> str | None:
        """The begrip a matched form belongs to."""
        return self.by_form.get(form) or self.by_form.get(form.lower()) or self.by_form.get(form.replace("&", "&amp;"))


def build_terms(catalog: Catalog, tooltip: Iterable[str]) -> Terms:
    """Index every term, synonym and abbreviation of the begrippen (everyday words left out)."""
    by_form: dict[str, str] = {}
    exact: dict[str, str] = {}
    target: dict[str, str] = {}
    explains: dict[str, set[str]] = {}
    for begrip in sorted(catalog.of("begrippen").values(), key=lambda b: b.id):
        page = record_path("begrippen", begrip.id)
        if begrip.verwijst_naar:
            for kind in ("organisaties", "routeertafels", "voorzieningen", "expertise", "ketenroutes"):
                if begrip.verwijst_naar in catalog.of(kind):
                    page = record_path(kind, begrip.verwijst_naar)
                    explains.setdefault(page, set()).add(begrip.id)
        explains.setdefault(record_path("begrippen", begrip.id), set()).add(begrip.id)
        target[begrip.id] = page
        for form in (begrip.term, *begrip.synoniemen):
            form = " ".join(form.split())
            if form.isupper() and len(form) > 1:
                exact.setdefault(form, begrip.id)
            elif len(form) >= 4 and form.lower() not in ALLEDAAGS:
                by_form.setdefault(form.lower(), begrip.id)
        for afk in begrip.afkortingen:
            exact.setdefault(" ".join(afk.split()), begrip.id)
    # Page text is Markdown, in which '&' is written as '&amp;' ("HG&KM" reads "HG&amp;KM").
    exact.update({f.replace("&", "&amp;"): b for f, b in list(exact.items()) if "&" in f})
    by_form.update({f.replace("&", "&amp;"): b for f, b in list(by_form.items()) if "&" in f})

    def pattern(forms: Iterable[str], flags: int) -> re.Pattern[str]:
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        # Not inside a word, a hyphenated word or an HTML entity ("HG&amp;KM" is one word, not "KM").
        return re.compile(rf"(?<![\w&;-])(?:{alternatives})(?![\w&-])", flags)

    return Terms(
        insensitive=pattern(by_form, re.IGNORECASE),
        sensitive=pattern(exact, 0),
        by_form={**by_form, **exact},
        target=target,
        tooltip=frozenset(tooltip),
        explains={page: frozenset(ids) for page, ids in explains.items()},
    )


def link_first_uses(text: str, path: str, terms: Terms, also_explains: Iterable[str] = ()) -> str:
    """Link the first running-text use of each begrip on the page at ``path`` (a docs-relative .md path)."""
    done = set(terms.explains.get(path, ())) | set(also_explains)
    out: list[str] = []
    in_front_matter = text.startswith("---\n")
    in_code = in_cards = False
    for n, line in enumerate(text.split("\n")):
        if in_front_matter:
            in_front_matter = not (n > 0 and line == "---")
            out.append(line)
            continue
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        # Cards list records (name, soort, werkgebied, phone): names, not running text.
        if line.startswith('<div class="gia-kaarten"'):
            in_cards = True
        elif in_cards and line.startswith("</div>"):
            in_cards = False
        if in_code or in_cards or _SKIP_LINE.match(line):
            out.append(line)
            continue
        if line.count("**") % 2:
            # A bold label that runs over two lines: leave this line alone rather than guess where it ends.
            out.append(line)
            continue
        out.append(_link_line(line, path, terms, done))
    return "\n".join(out)


def _link_line(line: str, path: str, terms: Terms, done: set[str]) -> str:
    parts: list[str] = []
    pos = 0
    for m in _PROTECTED.finditer(line):
        parts.append(_link_free(line[pos : m.start()], path, terms, done))
        if m.group("linktext") is not None:
            _mark(m.group("linktext"), terms, done)  # a term in a link's text is linked already
        parts.append(m.group(0))
        pos = m.end()
    parts.append(_link_free(line[pos:], path, terms, done))
    return "".join(parts)


def _matches(text: str, terms: Terms) -> list[re.Match[str]]:
    found = [*terms.insensitive.finditer(text), *terms.sensitive.finditer(text)]
    found.sort(key=lambda m: (m.start(), -len(m.group(0))))
    kept: list[re.Match[str]] = []
    end = -1
    for m in found:
        if m.start() >= end:
            kept.append(m)
            end = m.end()
    return kept


def _mark(text: str, terms: Terms, done: set[str]) -> None:
    for m in _matches(text, terms):
        begrip = terms.begrip_of(m.group(0))
        if begrip:
            done.add(begrip)


def _link_free(text: str, path: str, terms: Terms, done: set[str]) -> str:
    out: list[str] = []
    pos = 0
    for m in _matches(text, terms):
        form = m.group(0)
        begrip = terms.begrip_of(form)
        if begrip is None or begrip in done:
            continue
        done.add(begrip)
        if form in terms.tooltip:
            continue  # the abbreviation's tooltip explains it
        href = relative(terms.target[begrip], path)
        out.append(text[pos : m.start()])
        out.append(f"[{form}]({href})")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def reader_page(path: str) -> bool:
    """Whether the page at ``path`` is one whose terms get linked."""
    return bool(READER_PAGES.fullmatch(posixpath.normpath(path)))
