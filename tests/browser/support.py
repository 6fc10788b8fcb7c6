"""Shared pieces of the browser tests: the served site, the request guard, page types, focus checks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import Browser, BrowserContext, Page, Route

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PROJECT_PARTS = ("partners", "content", "schema", "overrides", "mkdocs.yml")
NEUTRAL_PAGE = "<!doctype html><title>Weerbericht</title><p>Neutrale pagina (onderschept door de test).</p>"


@dataclass(frozen=True)
class Site:
    """The built real site and where it is served."""

    root: Path
    base: str  # http://127.0.0.1:<port>, no trailing slash
    snel_weg_url: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    def url(self, path: str) -> str:
        return self.base + path

    def same_origin(self, url: str) -> bool:
        return url == self.base or url.startswith(self.base + "/")


def mkdocs_extra(root: Path) -> dict[str, Any]:
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    return dict(config["extra"])


class Guard:
    """Keeps every request on the machine: the site's own origin is served, the neutral page of the
    quick exit is answered locally (and remembered), anything else is aborted (and remembered)."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.neutral_hits: list[str] = []
        self.blocked: list[str] = []

    def __call__(self, route: Route) -> None:
        url = route.request.url
        if self.site.same_origin(url) or url.startswith("data:"):
            route.continue_()
        elif url == self.site.snel_weg_url:
            self.neutral_hits.append(url)
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=NEUTRAL_PAGE)
        else:
            self.blocked.append(url)
            route.abort()


def new_context(browser: Browser, guard: Guard, **options: Any) -> BrowserContext:
    """A fresh browser profile whose every request goes through ``guard``."""
    context = browser.new_context(**options)
    context.route("**/*", guard)
    return context


# Page type -> ids of the axe-core rules run on it (filled by the accessibility test, reported at the end).
AXE_RULES: dict[str, set[str]] = {}

PAGE_TYPES = [
    "home",
    "zoeken",
    "organisatie",
    "expertise",
    "routeertafel",
    "voorziening",
    "ketenroute",
    "ketenkaart",
    "gemeente",
    "begrippen",
    "regiovisie",
    "uitvoeringsagenda",
    "onboarding",
    "wie-bel-ik",
    "veilig-internetten",
    "toegankelijkheid",
]

FOCUSED = """() => {
  const e = document.activeElement;
  const style = getComputedStyle(e);
  const box = e.getBoundingClientRect();
  return {
    tag: e.tagName.toLowerCase(), id: e.id, cls: typeof e.className === "string" ? e.className : "",
    href: e.getAttribute("href"), text: (e.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 60),
    focusVisible: e.matches(":focus-visible"), outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth) || 0, boxShadow: style.boxShadow,
    box: [box.x, box.y, box.width, box.height], inSvg: !!e.closest("svg"),
  };
}"""


def focused(page: Page) -> dict[str, Any]:
    """What has keyboard focus now, and how its focus indicator is drawn."""
    info: dict[str, Any] = page.evaluate(FOCUSED)
    return info


def assert_visible_focus(info: dict[str, Any]) -> None:
    """A keyboard-focused element matches :focus-visible and draws an outline or a box shadow."""
    assert info["tag"] != "body", "focus fell back to <body>"
    assert info["focusVisible"], info
    outline = info["outlineStyle"] != "none" and info["outlineWidth"] > 0
    assert outline or info["boxShadow"] != "none", f"no visible focus indicator on {info}"


def within_viewport(page: Page, box: list[float] | dict[str, float]) -> bool:
    """Whether a box ([x, y, width, height] or Playwright's dict) has size and lies wholly in the viewport."""
    x, y, width, height = (box["x"], box["y"], box["width"], box["height"]) if isinstance(box, dict) else box
    viewport = page.viewport_size
    assert viewport is not None
    return width > 0 and height > 0 and x >= 0 and y >= 0 and x + width <= viewport["width"] and y + height <= viewport["height"]


PAGE_CLASS = re.compile(r'class="gia-page gia-page--([a-z-]+)')
VERIFIED_PHONE = r'class="gia-tel" href="tel:'


def page_type_paths(site: Path) -> dict[str, str]:
    """Page type -> site path of one real page of that type in the built ``site``: the first (in sorted
    order) that qualifies. Read from the built site, not assumed."""
    kinds: dict[str, list[tuple[str, Path]]] = {}
    for index in sorted(site.rglob("index.html")):
        match = PAGE_CLASS.search(index.read_text(encoding="utf-8"))
        if match:
            rel = index.parent.relative_to(site).as_posix()
            kinds.setdefault(match.group(1), []).append(("/" if rel == "." else f"/{rel}/", index))

    def first(kind: str, path: str = r"/.*", *contains: str) -> str:
        for url, index in kinds.get(kind, []):
            html = index.read_text(encoding="utf-8") if contains else ""
            if re.fullmatch(path, url) and all(re.search(c, html) for c in contains):
                return url
        raise AssertionError(f"the built site has no page of type {kind!r} at {path!r} with {contains!r}")

    return {
        "home": first("home", "/"),
        "zoeken": first("zoeken") + "?q=veilig",
        # An organisation with a verified phone number (its contact table has "Herkomst van het nummer").
        "organisatie": first("organisatie", r"/organisaties/[^/]+/", VERIFIED_PHONE, r"<th>Herkomst van het nummer</th>"),
        "expertise": first("expertise", r"/expertise/[^/]+/"),
        "routeertafel": first("routeertafel", r"/routeertafels/[^/]+/"),
        "voorziening": first("voorziening", r"/voorzieningen/[^/]+/"),
        "ketenroute": first(
            "ketenroute", r"/ketenroutes/[^/]+/", r'<div class="gia-schema" tabindex="0"', r'<svg class="gia-route" role="img"'
        ),
        "ketenkaart": first("ketenkaart", r"/ketenroutes/[^/]+/", r'<svg class="gia-route" role="img"'),
        "gemeente": first("gemeente", r"/gemeenten/[^/]+/"),
        "begrippen": first("begrippen", "/begrippen/"),
        "regiovisie": first("inhoud", r"/regiovisie/[^/]+/"),
        "uitvoeringsagenda": first("uitvoeringsagenda", "/uitvoeringsagenda/"),
        "onboarding": first("inhoud", "/onboarding/"),
        # A result of "Wie bel ik?" (situatie / urgentie / gemeente) with a verified phone number.
        "wie-bel-ik": first("wie-bel-ik", r"/wie-bel-ik/[^/]+/[^/]+/[^/]+/", r'class="gia-gecontroleerd"'),
        "veilig-internetten": first("inhoud", "/veilig-internetten/"),
        "toegankelijkheid": first("inhoud", "/toegankelijkheid/"),
        # Further layouts of issue 14: a sociale-kaart list, a route drawing that fits a phone, agenda pages.
        "overzicht": first("overzicht", "/organisaties/"),
        "ketenroute-smal": first("ketenroute", r"/ketenroutes/[^/]+/", r'class="gia-schema gia-schema--past"'),
        "agenda-thema": first("uitvoeringsagenda", r"/uitvoeringsagenda/[^/]+/[^/]+/"),
        "agenda-selectie": first("overzicht", r"/uitvoeringsagenda/status-gepland/"),
    }
