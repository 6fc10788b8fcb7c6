"""Shared pieces of the browser tests: the served site, the request guard, page types, focus checks."""

from __future__ import annotations

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
