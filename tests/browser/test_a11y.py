"""Accessibility: axe-core (WCAG 2.0 and 2.1, levels A and AA) on every page type of the real site."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.browser.support import AXE_RULES, PAGE_TYPES, Site

pytestmark = pytest.mark.browser

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {node['target']}: {node['html'][:160]}" for node in v["nodes"][:5])
    return "\n".join(lines)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_finds_no_wcag21_aa_violations(kind: str, page_types: dict[str, str], real_site: Site, page: Page, axe: Axe) -> None:
    page.goto(real_site.url(page_types[kind]), wait_until="networkidle")
    results = axe.run(page, options=AXE_OPTIONS).response
    rules = {rule["id"] for group in ("passes", "violations", "incomplete", "inapplicable") for rule in results[group]}
    AXE_RULES[kind] = rules
    assert len(rules) > 40, f"axe ran only {len(rules)} rules"
    assert results["violations"] == [], f"{page_types[kind]}:\n{describe(results['violations'])}"
