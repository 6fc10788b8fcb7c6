"""Issues 3 and 14: the uitvoeringsagenda in short pages per thema, filterable with JavaScript, readable without."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser

from generator.render.agenda import thema_pages
from tests.browser.support import Site
from tests.helpers import ROOT, catalog_of

pytestmark = pytest.mark.browser


def test_filter_a_thema_page_by_niveau_and_subregio(browser: Browser, real_site: Site) -> None:
    agenda = next(iter(catalog_of(ROOT).of("uitvoeringsagenda").values()))
    # The thema page with the most local activities in Parkstad: the filter has something to do.
    page_of = max(thema_pages(agenda), key=lambda p: sum("lokaal" in a.niveau and "parkstad" in a.subregios for a in p.items))
    expected = [a.id for a in page_of.items if "lokaal" in a.niveau and "parkstad" in a.subregios]
    assert 0 < len(expected) < len(page_of.items)
    page = browser.new_page()
    page.goto(real_site.url("/" + page_of.path.removesuffix(".md") + "/"))
    form = page.locator("form[data-gia-filter]")
    assert form.is_visible()
    form.locator("select[name=niveau]").select_option("lokaal")
    form.locator("select[name=subregio]").select_option("parkstad")
    visible = page.locator(".gia-activiteit:visible")
    assert sorted(el.get_attribute("id").removeprefix("activiteit-") for el in visible.all()) == sorted(expected)
    assert form.locator("output").inner_text() == f"{len(expected)} van de {len(page_of.items)} activiteiten"
    page.close()


def test_without_javascript_the_agenda_is_browsable_and_the_filter_hidden(browser: Browser, real_site: Site) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(real_site.url("/uitvoeringsagenda/"))
    assert page.locator(".gia-grafiek [role=img]").count() == 1
    assert page.locator("h3#eerder-in-beeld").count() == 1
    # From the overview to a thema page, by following its link.
    link = page.locator("h3#eerder-in-beeld ~ ul a").first
    target = urljoin(page.url, str(link.get_attribute("href")))
    link.click()
    page.wait_for_url(target)
    assert page.locator(".gia-activiteit").count() > 0
    assert not page.locator("form[data-gia-filter]").is_visible()
    page.goto(real_site.url("/uitvoeringsagenda/subregio-parkstad/"))
    page.locator("details.gia-thema summary").first.click()
    link = page.locator("details.gia-thema a").first
    target = urljoin(page.url, str(link.get_attribute("href")))
    link.click()
    page.wait_for_url(target)
    assert page.locator(".gia-activiteit").count() > 0
    context.close()
