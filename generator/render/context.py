"""Part of stage 5 (render): the helpers every template gets — links, labels, sources, hours.

A `PageContext` is made per page, because links are relative to the page that contains them
(MkDocs checks relative ``.md`` links in strict mode, so a broken link fails the build).
"""

from __future__ import annotations

import posixpath
from typing import Any

from jinja2 import Environment

from generator import model
from generator.catalog import Catalog
from generator.export.common import has_contact
from generator.kinds import KINDS, LANDELIJK
from generator.labels import DAYS, DOEL_LABELS, SOORT_LABELS, STATUS_WORDS
from generator.relations import Relations
from generator.render.environment import datum, host_of, relative
from generator.render.escape import external_link, front_matter_value, html_attr, html_text, md_inline
from generator.render.sources import bron_ids, cited, currency_block, mark_labels, marks, route_legend, source_note, verificatie

KIND_OF_CLASS: dict[type, str] = {
    model.Organisatie: "organisaties",
    model.Routeertafel: "routeertafels",
    model.Voorziening: "voorzieningen",
    model.Expertise: "expertise",
    model.Ketenroute: "ketenroutes",
    model.Document: "documenten",
    model.Gebied: "gebieden",
}


def record_path(kind: str, record_id: str) -> str:
    """Docs-relative path of the page of one record."""
    if kind == "gebieden":
        return f"gemeenten/index.md#{record_id}"
    return f"{KINDS[kind].url}/{record_id}.md"


def front_matter(meta: dict[str, Any]) -> str:
    """YAML front matter block for a generated page (keys in the given order).

    Each value is written as JSON, which is valid YAML and ten times faster to produce than yaml.dump.
    The theme prints ``title`` and ``description`` escaped (``overrides/main.html``): they stay plain text here.
    """
    body = "".join(f"{key}: {front_matter_value(value)}\n" for key, value in meta.items())
    return f"---\n{body}---\n<!-- GEGENEREERD: bewerk de YAML in partners/, niet deze pagina. -->\n"


def render_page(
    env: Environment, catalog: Catalog, rel: Relations, path: str, template: str, meta: dict[str, Any], **variables: Any
) -> tuple[str, str]:
    """(path, Markdown) of one page: its front matter, the template helpers for that path, and ``variables``."""
    ctx = PageContext(catalog, rel, path)
    return path, env.get_template(template).render(front_matter=front_matter(meta), **ctx.helpers(), **variables)


class PageContext:
    """Template helpers bound to one page path."""

    def __init__(self, catalog: Catalog, rel: Relations, here: str) -> None:
        self.catalog = catalog
        self.rel = rel
        self.here = here

    def url(self, target: str) -> str:
        """Relative link to a docs-relative path (anchors kept)."""
        path, _, anchor = target.partition("#")
        link = relative(path, self.here)
        return f"{link}#{anchor}" if anchor else link

    def target(self, item: Any) -> tuple[str, str] | None:
        """(docs path, name) for a record object or an id, or None when unknown."""
        if isinstance(item, model.Begrip):
            return record_path("begrippen", item.id), item.term
        if isinstance(item, model.Gemeente):
            return f"gemeenten/{item.id}.md", item.naam
        if not isinstance(item, str):
            kind = KIND_OF_CLASS.get(type(item))
            if kind is None:
                return None  # a kind without pages of its own (beslissingen, beroepsgroepen)
            return record_path(kind, item.id), str(getattr(item, "naam", None) or getattr(item, "titel", item.id))
        found = self.rel.kind_of(item)
        if found:
            return record_path(found, item), str(self.catalog.of(found)[item].naam)
        if item in self.catalog.gemeenten:
            return f"gemeenten/{item}.md", self.catalog.gemeenten[item].gemeente.naam
        for kind in ("begrippen", "documenten", "gebieden"):
            rec = self.catalog.of(kind).get(item)
            if rec is not None:
                return self.target(rec)
        return None

    def link(self, item: Any) -> str:
        """Markdown link to a record (by object or id); plain escaped text when unknown."""
        found = self.target(item)
        if found is None:
            return md_inline(item if isinstance(item, str) else getattr(item, "naam", None) or getattr(item, "titel", item.id))
        path, name = found
        return f"[{md_inline(name)}]({self.url(path)})"

    def name(self, item: Any) -> str:
        """The escaped name of a record (by object or id), without a link."""
        found = self.target(item)
        return md_inline(found[1] if found else item)

    def site_url(self, target: str) -> str:
        """Relative URL in the built site (directory URLs), for raw HTML and SVG links.

        MkDocs rewrites ``.md`` links in Markdown but not inside HTML, so those need final URLs.
        """
        path, _, anchor = target.partition("#")
        rel = posixpath.relpath(_page_dir(path), _page_dir(self.here))
        href = "./" if rel == "." else rel + "/"
        return f"{href}#{anchor}" if anchor else href

    def html_link(self, item: Any) -> str:
        """HTML link for use inside raw HTML blocks."""
        found = self.target(item)
        if found is None:
            return html_text(item)
        path, name = found
        return f'<a href="{html_attr(self.site_url(path))}">{html_text(name)}</a>'

    def werkgebied(self, areas: tuple[str, ...]) -> str:
        """Readable werkgebied with links to gemeente pages."""
        parts = []
        for area in areas:
            if area == LANDELIJK:
                parts.append("heel Nederland (landelijk)")
            elif area in self.catalog.gemeenten:
                parts.append(self.link(area))
            else:
                parts.append(md_inline(self.catalog.area_name(area)))
        return ", ".join(parts)

    def bron_doc(self, document: str) -> str:
        """Link to a source document page."""
        doc = self.catalog.of("documenten").get(document)
        if doc is None:
            return md_inline(document)
        return f"[{md_inline(doc.korte_titel or doc.titel)}]({self.url(record_path('documenten', doc.id))})"

    def bron(self, bron: model.Bron) -> str:
        """One source in words readers can use: document and section, web page and date, or who checked when.

        Line numbers stay in the YAML (editors use them); readers get the heading of the section.
        """
        if bron.document:
            text = self.bron_doc(bron.document)
            heading = bron.sectie or section_of(self.catalog.of("documenten").get(bron.document), bron.regels)
            return text + (f", onder ‘{md_inline(heading)}’" if heading else "")
        if bron.url:
            name = bron.titel or host_of(bron.url)
            seen = f", bekeken op {datum(bron.bekeken_op)}" if bron.bekeken_op else ""
            return f"webpagina {external_link(bron.url, name)}{seen}"
        how = "telefonisch nagevraagd" if bron.gecontroleerd == "telefonisch" else "per e-mail nagevraagd"
        who = f" door {md_inline(bron.door)}" if bron.door else ""
        when = f" op {datum(bron.op)}" if bron.op else ""
        return f"{how}{who}{when}"

    def punt(self, t: model.Aandachtspunt) -> str:
        """One aandachtspunt: its text with a small source reference; its sources in ``data-bron``."""
        return (
            f'<span class="gia-punt" data-soort="{html_attr(t.soort)}" data-bron="{bron_ids(t.bronnen)}">'
            f"{md_inline(t.tekst)} {source_note(t.bronnen, self.bron, t.soort)}</span>"
        )

    def herkomst(self, item: model.Stap | model.Overgang) -> str:
        """Data attributes of a route step or transition: its sources and whether it is derived or desired."""
        found = " ".join(marks(item))
        return f'data-bron="{bron_ids(item.bronnen)}"' + (f' data-herkomst="{found}"' if found else "")

    def actueel(self, rec: Any) -> str:
        """The "laatst bijgewerkt · gebaseerd op bronnen uit …" line of a record page."""
        return currency_block(self.rel.currency.get(rec.bestand))

    @staticmethod
    def bereikbaar(b: model.Beschikbaarheid) -> str:
        """Availability in words: 'dag en nacht (24/7)' or 'ma–vr 09:00–17:00'."""
        if b.altijd:
            text = "dag en nacht (24/7)"
        elif b.tijden:
            text = "; ".join(f"{_days(t.dagen)} {t.van}–{t.tot}" for t in b.tijden)
        else:
            text = "tijden nog niet geverifieerd"
        return text + (f" ({md_inline(b.toelichting)})" if b.toelichting else "")

    def helpers(self) -> dict[str, Any]:
        """Everything templates may call."""
        return {
            "url": self.url,
            "site_url": self.site_url,
            "link": self.link,
            "name_of": self.name,
            "html_link": self.html_link,
            "werkgebied": self.werkgebied,
            "bron": self.bron,
            "bronnen_regel": lambda bronnen: cited(bronnen, self.bron),
            "bron_doc": self.bron_doc,
            "bereikbaar": self.bereikbaar,
            "punt": self.punt,
            "herkomst": self.herkomst,
            "herkomst_labels": mark_labels,
            "route_legend": route_legend,
            "bron_noot": lambda item: " " + source_note(item.bronnen, self.bron) if item.bronnen else "",
            "actueel": self.actueel,
            "verificatie": verificatie,
            "rel": self.rel,
            "cat": self.catalog,
            "telefoons": lambda rec: rec.contact.telefoon if getattr(rec, "contact", None) else (),
            "doel_label": lambda d: DOEL_LABELS.get(d, d),
            "soort_label": lambda s: SOORT_LABELS.get(s, s.replace("-", " ").capitalize()),
            # A status in words ("" for bestaand or none): never the bare code, so no "(onbekend)" after a name.
            "status_woord": lambda s: STATUS_WORDS.get(s or "", ""),
            "in_adresboek": has_contact,  # the same rule as the vCard export: only where a card has contact data
        }


def _days(days: tuple[str, ...]) -> str:
    order = [d for d in DAYS if d in days]
    idx = [DAYS.index(d) for d in order]
    if len(idx) > 2 and idx == list(range(idx[0], idx[-1] + 1)):
        return f"{order[0]}–{order[-1]}"
    return ", ".join(order)


def _page_dir(path: str) -> str:
    """URL folder of a docs page: 'a/b.md' → 'a/b', 'a/index.md' → 'a', 'index.md' → '.'."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return stem or "."


def section_of(doc: model.Document | None, regels: str | None) -> str | None:
    """Heading of the section of ``doc`` in which line ``regels`` (first line of a range) stands."""
    if doc is None or not regels:
        return None
    return doc.heading_at(int(str(regels).split("-")[0]))
