"""Reader pages of the real site without workshop words (issue 14, item 2).

Every built reader page (all but the Beheer pages and the handleiding, see tests/werkplaatswoorden.py)
is read as a reader sees it: no file paths, "(onbekend)", field names, record ids, CBS codes or
"record". The site is built as the forge publishes it, so the "Meld een fout" and "Wijzig deze
gegevens" links are there: their address may name the file, their text may not.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests import werkplaatswoorden as ww
from tests.browser.support import Site
from tests.helpers import ROOT

pytestmark = pytest.mark.browser

EDIT_LINK_TEXTS = {"Meld een fout", "Wijzig deze gegevens"}


def test_no_reader_page_shows_a_workshop_word(real_site: Site) -> None:
    pages = list(ww.reader_pages(real_site.site))
    assert len(pages) > 1000  # the whole site, not a folder of it
    hits = ww.scan(real_site.site, ww.vocabulary(ROOT))
    assert hits == [], f"{len(hits)} werkplaatswoorden:\n" + ww.report(hits[:40])


def test_edit_and_report_links_speak_plain_dutch(real_site: Site) -> None:
    record = (real_site.site / "organisaties" / "politie" / "index.html").read_text(encoding="utf-8")
    links = BeautifulSoup(record, "html.parser").select(".gia-bewerk a")
    assert {a.get_text(strip=True) for a in links} == EDIT_LINK_TEXTS
    edit = next(a for a in links if a.get_text(strip=True) == "Wijzig deze gegevens")
    assert edit["href"].endswith("/partners/organisaties/politie.yaml")  # the address may carry the file


def test_vcards_only_for_organisaties_with_contact_data(real_site: Site) -> None:
    site = real_site.site
    linked = set()
    for index in sorted((site / "organisaties").glob("*/index.html")):
        link = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser").select_one(".gia-vcard a")
        if link is not None:
            assert (index.parent / link["href"]).resolve().is_file(), link["href"]
            linked.add(index.parent.name)
    cards = {p.stem for p in (site / "open-data" / "vcard").glob("*.vcf")}
    assert cards == linked
    assert 0 < len(cards) < len(list((site / "organisaties").glob("*/index.html")))
    for org in cards:
        card = (site / "open-data" / "vcard" / f"{org}.vcf").read_text(encoding="utf-8")
        assert any(f"\n{prop}" in card for prop in ("TEL;", "EMAIL;", "ADR;")), org
