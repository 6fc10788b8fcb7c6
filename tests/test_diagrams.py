"""Issue 14: route drawings laid out by Graphviz dot — whole labels, nothing overlapping, deterministic, Dutch errors."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from generator.catalog import Catalog
from generator.pipeline import build_project
from generator.render import layout, render_site
from generator.render.routesvg import PHONE_WIDTH
from generator.render.sources import marks
from generator.render.textfit import text_width, wrap
from tests.helpers import ROOT, TODAY, catalog_of


@pytest.fixture(scope="module")
def real() -> Catalog:
    return catalog_of(ROOT)


@pytest.fixture(scope="module")
def pages(real: Catalog) -> dict[str, str]:
    return render_site(real, []).pages


@pytest.fixture(scope="module")
def drawings(pages: dict[str, str]) -> dict[str, Tag]:
    """Every drawing of the real site (route pages and ketenkaarten), by page path."""
    out = {}
    for path, text in pages.items():
        svg = BeautifulSoup(text, "html.parser").find("svg", class_="gia-route") if "gia-route" in text else None
        if isinstance(svg, Tag):
            out[path] = svg
    return out


def _box(element: Tag) -> tuple[float, float, float, float]:
    rect = element if element.name == "rect" else element.find("rect")
    assert isinstance(rect, Tag)
    return tuple(float(str(rect[k])) for k in ("x", "y", "width", "height"))  # type: ignore[return-value]


def _lines(element: Tag) -> list[str]:
    return [t.get_text() for t in element.find_all("tspan")]


def test_every_route_and_ketenkaart_is_drawn(real: Catalog, drawings: dict[str, Tag]) -> None:
    routes = {f"ketenroutes/{r}.md" for r in real.of("ketenroutes")}
    assert routes <= set(drawings)
    assert any(path.startswith("ketenroutes/kaart-") for path in drawings)


def test_boxes_and_labels_never_overlap_and_stay_on_the_canvas(drawings: dict[str, Tag]) -> None:
    for path, svg in drawings.items():
        width, height = float(str(svg["width"])), float(str(svg["height"]))
        shapes = [(g.get("data-stap") or "label", _box(g)) for g in svg.select("g.gia-route__stap, g.gia-route__voorwaarde")]
        assert shapes, path
        for name, (x, y, w, h) in shapes:
            assert min(x, y) >= 0, (path, name)
            assert x + w <= width + 0.5, (path, name)
            assert y + h <= height + 0.5, (path, name)
        for (a, (ax, ay, aw, ah)), (b, (bx, by, bw, bh)) in itertools.combinations(shapes, 2):
            overlap = min(ax + aw, bx + bw) - max(ax, bx) > 0.5 and min(ay + ah, by + bh) - max(ay, by) > 0.5
            assert not overlap, f"{path}: {a} and {b} overlap"


def test_labels_are_whole_and_fit_their_boxes(real: Catalog, drawings: dict[str, Tag]) -> None:
    route = real.of("ketenroutes")["eergerelateerd-geweld-zuid-limburg"]
    svg = drawings["ketenroutes/eergerelateerd-geweld-zuid-limburg.md"]
    # An arrow's label is its condition and term, after the 'afgeleid'/'gewenst' marks of its sources.
    conditions = {" · ".join(filter(None, (*marks(o), o.voorwaarde, o.termijn))) for o in route.overgangen} - {""}
    shown = set()
    for group in svg.select("g.gia-route__voorwaarde"):
        title = group.find("title")
        assert isinstance(title, Tag)
        lines = _lines(group)
        # The lines read back as the whole condition: nothing cut off, no "…".
        assert re.sub(r"(?<=-) ", "", " ".join(lines)) == title.get_text(), lines
        shown.add(title.get_text())
    assert shown == conditions
    for path, drawing in drawings.items():
        assert "…" not in drawing.get_text(), path
        for group in drawing.select("g.gia-route__stap"):
            _, _, w, _ = _box(group)
            texts = group.find_all("text")
            widest = max(
                text_width(line, float(str(t["font-size"])), t.get("font-weight") == "700") for t in texts for line in _lines(t)
            )
            assert widest <= w, (path, group["data-stap"])


def test_drawings_fit_a_phone_or_wait_behind_toon_schema(real: Catalog, pages: dict[str, str]) -> None:
    for rid in real.of("ketenroutes"):
        soup = BeautifulSoup(pages[f"ketenroutes/{rid}.md"], "html.parser")
        svg = soup.find("svg", class_="gia-route")
        assert isinstance(svg, Tag)
        disclosure = svg.find_parent("details", class_="gia-schema-toon")
        if float(str(svg["width"])) <= PHONE_WIDTH:
            assert disclosure is None, rid
            assert svg.find_parent("div", class_="gia-schema--past") is not None, rid
        else:
            assert isinstance(disclosure, Tag), rid
            assert "Toon schema" in disclosure.get_text(), rid


def test_wrap_keeps_every_word_and_breaks_long_words_after_hyphens() -> None:
    text = "Landelijk Knooppunt Huwelijksdwang en Achterlating (LKHA) bij Zorg-en-Veiligheidshuis-Zuid-Limburg"
    lines = wrap(text, 14, 120, bold=True)
    assert len(lines) > 2
    assert re.sub(r"(?<=-) ", "", " ".join(lines)) == text
    assert "Zorg-en-" in lines or any(line.endswith("-") for line in lines)
    assert all(text_width(line, 14, True) <= 120 for line in lines if " " in line)
    assert wrap("", 13, 100) == [""]


def test_same_input_gives_the_same_drawing(real: Catalog, pages: dict[str, str]) -> None:
    layout._dot_json.cache_clear()  # lay out again, with fresh dot processes
    again = render_site(real, []).pages
    assert [again[p] for p in pages if p.startswith("ketenroutes/")] == [pages[p] for p in pages if p.startswith("ketenroutes/")]


def test_missing_graphviz_is_a_dutch_message_and_keeps_the_site(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (mini / "site").mkdir()
    (mini / "site" / "index.html").write_text("vorige versie", encoding="utf-8")
    layout._dot_json.cache_clear()
    monkeypatch.setattr(layout.shutil, "which", lambda name: None)
    run = build_project(mini, TODAY, pagefind=False)
    layout._dot_json.cache_clear()
    assert not run.published
    [issue] = [i for i in run.report.issues if i.code == "graphviz"]
    assert issue.message.startswith("Graphviz ontbreekt: het programma 'dot' tekent de schema's van de ketenroutes.")
    assert "apt-get install graphviz" in issue.message
    assert (mini / "site" / "index.html").read_text(encoding="utf-8") == "vorige versie"
