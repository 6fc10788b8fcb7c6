"""Issue 3: the uitvoeringsagenda filters with JavaScript and reads as grouped sections without it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.support import Site
from tests.helpers import ROOT, catalog_of

pytestmark = pytest.mark.browser


def test_filter_by_niveau_and_subregio(browser: Browser, real_site: Site) -> None:
    agenda = next(iter(catalog_of(ROOT).of("uitvoeringsagenda").values()))
    expected = [a.id for a in agenda.activiteiten if "lokaal" in a.niveau and "parkstad" in a.subregios]
    assert expected
    page = browser.new_page()
    page.goto(real_site.url("/uitvoeringsagenda/"))
    form = page.locator("form[data-gia-filter]")
    assert form.is_visible()
    form.locator("select[name=niveau]").select_option("lokaal")
    form.locator("select[name=subregio]").select_option("parkstad")
    visible = page.locator(".gia-activiteit:visible")
    assert sorted(el.get_attribute("id").removeprefix("activiteit-") for el in visible.all()) == sorted(expected)
    assert form.locator("output").inner_text() == f"{len(expected)} van de {len(agenda.activiteiten)} activiteiten"
    page.close()


def test_without_javascript_the_agenda_is_grouped_and_the_filter_hidden(browser: Browser, real_site: Site) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(real_site.url("/uitvoeringsagenda/"))
    assert not page.locator("form[data-gia-filter]").is_visible()
    assert page.locator("svg.gia-grafiek[role=img] > title").count() == 1
    assert page.locator("h2#eerder-in-beeld").count() == 1
    page.goto(real_site.url("/uitvoeringsagenda/subregio-parkstad/"))
    assert page.locator(".gia-activiteit").count() > 0
    context.close()
