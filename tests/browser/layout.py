"""What a page looks like in the browser, as numbers: height, sideways scrolling, diagram labels, crisis numbers.

Shared by the visual regression test (test_layout.py) and by a command that prints the figures for a
built site, so before/after comparisons use the same measurements:

    .venv/bin/python -m tests.browser.layout site/ [--screenshots test-artefacts/]

Diagram labels are the ``<text>`` elements of the route drawings and the agenda chart. A label is
*truncated* when it ends in "…", sticks out of its drawing, or is not a whole run of words of the
drawing's description or of a title in it (a name cut after 34 characters fails that). Two labels
*overlap* when their boxes on screen share more than a sliver.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

WIDTHS = (360, 1280)
HEIGHT_LIMIT = 20_000  # px at 360 px wide: longer pages are split (issue 14)
CRISIS_LINKS = ('a[href="tel:112"]', 'a[href="tel:+318002000"]')

LABELS_JS = """() => {
  const norm = (s) => s.replace(/\\s+/g, " ").trim();
  const escape = (s) => s.replace(/[.*+?^${}()|[\\]\\\\]/g, "\\\\$&");
  const out = { labels: 0, overlaps: [], truncated: [], outOfView: 0, minFont: null };
  for (const svg of document.querySelectorAll(".md-content svg[role=img]")) {
    const frame = svg.getBoundingClientRect();
    if (!frame.width || !frame.height) continue;  // not rendered (e.g. inside a closed disclosure)
    const known = norm([...svg.querySelectorAll("desc, title")].map((e) => e.textContent).join(" | "));
    const scroller = svg.closest(".gia-schema__scroll, .gia-schema") || svg.parentElement;
    const view = scroller.getBoundingClientRect();
    const boxes = [];
    for (const text of svg.querySelectorAll("text")) {
      const lines = text.querySelectorAll("tspan").length
        ? [...text.querySelectorAll("tspan")].map((t) => norm(t.textContent)) : [norm(text.textContent)];
      const box = text.getBoundingClientRect();
      if (!box.width) continue;
      out.labels += 1;
      const scale = text.getScreenCTM() ? Math.abs(text.getScreenCTM().a) : 1;
      const font = parseFloat(getComputedStyle(text).fontSize) * scale;
      out.minFont = out.minFont === null ? font : Math.min(out.minFont, font);
      const whole = lines.every((l) => !l || new RegExp("(^|[^\\\\p{L}\\\\p{N}])" + escape(l) + (l.endsWith("-") ? "" : "($|[^\\\\p{L}\\\\p{N}])"), "u").test(known));
      const inside = box.left >= frame.left - 1 && box.right <= frame.right + 1 && box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1;
      if (lines.some((l) => l.endsWith("…")) || !whole || !inside) out.truncated.push(lines.join(" / "));
      if (box.left < view.left - 1 || box.right > view.right + 1) out.outOfView += 1;
      boxes.push([box, lines.join(" / ")]);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, la] = boxes[i], [b, lb] = boxes[j];
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) out.overlaps.push(la + " × " + lb);
      }
    }
  }
  return out;
}"""

CRISIS_JS = """(selectors) => selectors.map((sel) => {
  for (const link of document.querySelectorAll(sel)) {
    const box = link.getBoundingClientRect();
    if (!box.width || box.bottom <= 0 || box.top >= innerHeight || box.left < 0 || box.right > innerWidth) continue;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (hit && (hit === link || link.contains(hit))) return true;
  }
  return false;
})"""

# Elements that float over the text (fixed or sticky) other than the header and the crisis bar, and
# that cover a line of body text.
FLOATING_JS = """() => {
  const allowed = (el) => el.closest("header, .md-header, [data-md-component=announce], .md-tabs, .md-sidebar, .md-overlay, .gia-crisisbalk");
  const texts = [...document.querySelectorAll(".md-content p, .md-content li, .md-content td")]
    .map((e) => e.getBoundingClientRect()).filter((b) => b.width && b.bottom > 0 && b.top < innerHeight);
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const pos = getComputedStyle(el).position;
    if ((pos !== "fixed" && pos !== "sticky") || allowed(el)) continue;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!box.width || !box.height || style.visibility === "hidden" || style.opacity === "0") continue;
    if (texts.some((t) => Math.min(t.right, box.right) - Math.max(t.left, box.left) > 1 && Math.min(t.bottom, box.bottom) - Math.max(t.top, box.top) > 1)) {
      out.push(el.tagName.toLowerCase() + "." + [...el.classList].join("."));
    }
  }
  return out;
}"""


def open_disclosures(page: Page) -> None:
    """Open every drawing that sits behind a "toon schema" disclosure, so its labels are measured too."""
    page.evaluate("() => document.querySelectorAll('details.gia-schema-toon').forEach((d) => { d.open = true; })")


def measure(page: Page) -> dict[str, Any]:
    """The figures of the loaded page: height, sideways overflow, labels, crisis numbers after scrolling, floaters."""
    height = int(page.evaluate("() => document.documentElement.scrollHeight"))
    sideways = int(page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))
    open_disclosures(page)
    labels: dict[str, Any] = page.evaluate(LABELS_JS)
    # Scroll well down, then a little up (Material shows its "back to top" button on the way up).
    page.evaluate("() => window.scrollTo(0, Math.floor(document.documentElement.scrollHeight / 2))")
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(400)  # let the scroll and Material's scroll handlers settle before looking
    crisis = page.evaluate(CRISIS_JS, list(CRISIS_LINKS))
    floating = page.evaluate(FLOATING_JS)
    page.evaluate("() => window.scrollTo(0, 0)")
    return {
        "height": height,
        "sideways": sideways,
        "labels": labels["labels"],
        "overlaps": labels["overlaps"],
        "truncated": labels["truncated"],
        "out_of_view": labels["outOfView"],
        "min_font": labels["minFont"],
        "crisis_after_scroll": all(crisis),
        "floating": floating,
    }


def row(kind: str, width: int, m: dict[str, Any]) -> str:
    font = f"{m['min_font']:.1f}" if m["min_font"] is not None else "-"
    return (
        f"{kind:<22} {width:>5} {m['height']:>8} {m['sideways']:>5} {m['labels']:>6} {len(m['overlaps']):>7} "
        f"{len(m['truncated']):>6} {m['out_of_view']:>7} {font:>6} {'ja' if m['crisis_after_scroll'] else 'nee':>7} "
        f"{len(m['floating']):>6}"
    )


HEADER = (
    f"{'paginasoort':<22} {'breed':>5} {'hoogte':>8} {'opzij':>5} {'labels':>6} {'overlap':>7} {'afgek':>6} "
    f"{'buiten':>7} {'minpx':>6} {'crisis':>7} {'zwevend':>6}"
)


def main(argv: list[str] | None = None) -> int:
    """Serve a built site and print the figures per page type and width."""
    from generator.serve import make_server
    from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, page_type_paths

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("site", type=Path)
    parser.add_argument("--screenshots", type=Path, default=None)
    parser.add_argument("--only", nargs="*", default=None, help="only these page types (none: only --extra)")
    parser.add_argument("--extra", nargs="*", default=[], help="extra site paths to measure, as name=/path/")
    args = parser.parse_args(argv)
    server = make_server(args.site, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    extra = dict(e.split("=", 1) for e in args.extra)
    targets = {} if args.only == [] else page_type_paths(args.site)
    if args.only:
        targets = {k: v for k, v in targets.items() if k in args.only}
    targets.update(extra)
    print(HEADER)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 720 if width > 600 else 640})
                page = context.new_page()
                for kind, path in targets.items():
                    page.goto(base + path, wait_until="networkidle")
                    figures = measure(page)
                    print(row(kind, width, figures), flush=True)
                    for item in figures["overlaps"][:3] + figures["truncated"][:3]:
                        print(f"    {item}")
                    if args.screenshots:
                        args.screenshots.mkdir(parents=True, exist_ok=True)
                        page.screenshot(path=str(args.screenshots / f"{kind}-{width}.png"), full_page=False)
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
