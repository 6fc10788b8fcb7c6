"""Reader pages without workshop words (issue 14), on the mini site; the real site: tests/browser/.

The scanner (tests/werkplaatswoorden.py) is tested first on a page made to fail it, so a scan that
finds nothing on the built site means something.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests import werkplaatswoorden as ww
from tests.helpers import ROOT

WORKSHOP_PAGE = """<!doctype html><html><head><title>partners/x.yaml</title></head><body>
<article>
<p>Deze pagina is gemaakt uit <code>partners/gebieden/zuid-limburg.yaml</code>.</p>
<p>Zie <code>content/over.md</code> voor de tekst.</p>
<p>Triagetafel (onbekend)</p>
<p>Termijn: geverifieerd.herzien_na_dagen, ook: ook_bekend_als.</p>
<p>Maastricht (GM0935)</p>
<p>Zie mdo-pilot-veilig-thuis-raad-kinderbescherming voor meer.</p>
<p>Dit record gebruikt de eerste vorm.</p>
</article></body></html>"""

CLEAN_PAGE = """<!doctype html><html><head><script>const f = "partners/a.yaml"; // geverifieerd.op</script></head><body>
<div hidden>xqveiligthuis GM0935 (onbekend)</div>
<p>Bij kind-oudermishandeling bel je Veilig Thuis. Website: <a href="https://zlzvh.nl">zlzvh.nl</a>.</p>
<p><a href="https://forge.example/-/edit/main/partners/organisaties/politie.yaml">Wijzig deze gegevens</a></p>
<template><p>partners/b.yaml</p></template>
</body></html>"""


@pytest.fixture(scope="module")
def vocab() -> ww.Vocabulary:
    return ww.vocabulary(ROOT)


def test_the_vocabulary_comes_from_the_schemas_and_the_records(vocab: ww.Vocabulary) -> None:
    assert {"ook_bekend_als", "geverifieerd", "herzien_na_dagen", "cbs_code"} <= vocab.fields
    assert "mdo-pilot-veilig-thuis-raad-kinderbescherming" in vocab.ids
    # An id that records also write as a word in their text is a word, not an id shown as text.
    assert "kind-oudermishandeling" not in vocab.ids


def test_every_kind_of_workshop_word_is_found(vocab: ww.Vocabulary) -> None:
    hits = ww.find(ww.visible_text(WORKSHOP_PAGE), vocab)
    words = {(h.kind, h.word) for h in hits}
    assert {
        ("bestandspad", "partners/"),
        ("bestandspad", "zuid-limburg.yaml"),
        ("bestandspad", "content/over.md"),
        ("statuscode", "(onbekend)"),
        ("veldnaam", "geverifieerd.herzien_na_dagen"),
        ("veldnaam", "ook_bekend_als"),
        ("cbs-code", "GM0935"),
        ("id", "mdo-pilot-veilig-thuis-raad-kinderbescherming"),
        ("record", "record"),
    } <= words
    # The <title> is head, not page text; it would have added a second "partners/".
    assert sum(1 for h in hits if h.word == "partners/") == 1


def test_hidden_text_scripts_and_link_addresses_are_not_read(vocab: ww.Vocabulary) -> None:
    assert ww.find(ww.visible_text(CLEAN_PAGE), vocab) == []


def test_beheer_pages_are_left_out_of_the_scan(tmp_path: Path, vocab: ww.Vocabulary) -> None:
    (tmp_path / "beheer").mkdir()
    (tmp_path / "beheer" / "index.html").write_text(
        f'<div class="gia-page gia-page--beheer">{WORKSHOP_PAGE}</div>', encoding="utf-8"
    )
    (tmp_path / "index.html").write_text(f'<div class="gia-page gia-page--home">{WORKSHOP_PAGE}</div>', encoding="utf-8")
    assert {h.page for h in ww.scan(tmp_path, vocab)} == {"index.html"}


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_mini_site_has_no_workshop_words_on_reader_pages(built_mini: Path) -> None:
    pages = list(ww.reader_pages(built_mini / "site"))
    assert len(pages) > 30
    assert ww.scan(built_mini / "site", ww.vocabulary(built_mini)) == []


def test_beheer_is_in_the_footer_and_has_its_own_menu_not_a_main_tab(built_mini: Path) -> None:
    site = built_mini / "site"
    home = _soup(site, ".")
    assert "Beheer" not in [a.get_text(strip=True) for a in home.select(".md-tabs__link")]
    assert not home.select('.md-nav a[href*="te-verifieren"], .md-nav a[href*="beheer"]')
    assert home.select_one('.gia-footer a[href="beheer/"]').get_text() == "Beheer (voor redacteuren)"
    # The home page sends no reader to the list of unverified data.
    assert not home.select('article a[href*="te-verifieren"]')
    current = {
        "beheer": "Beheer per eigenaar",
        "te-verifieren": "Te verifiëren",
        "wijzigingen": "Wat is er veranderd?",
        "ketenroutes/analyse": "Analyse van de keten",
        "open-data": "Open data",
        "handleiding": "Handleiding voor redacteuren",
    }
    for page, title in current.items():
        menu = _soup(site, page).select_one("nav.gia-beheer-nav")
        assert menu is not None, page
        assert [a.get_text() for a in menu.find_all("a")] == list(current.values())
        for link in menu.find_all("a"):
            assert ((site / page / link["href"]).resolve() / "index.html").is_file(), (page, link["href"])
        assert [a.get_text() for a in menu.select('a[aria-current="page"]')] == [title]
    assert _soup(site, "organisaties").select_one("nav.gia-beheer-nav") is None


def test_a_vcard_link_only_where_the_card_has_contact_data(built_mini: Path) -> None:
    site = built_mini / "site"
    with_link = {}
    for index in sorted((site / "organisaties").glob("*/index.html")):
        link = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser").select_one(".gia-vcard a")
        with_link[index.parent.name] = link["href"] if link else None
    assert with_link["lokaal-team-noordstad"] is None  # no phone, e-mail or address
    assert with_link["meldpunt-voorbeeld"] == "../../open-data/vcard/meldpunt-voorbeeld.vcf"
    cards = {p.stem for p in (site / "open-data" / "vcard").glob("*.vcf")}
    assert cards == {org for org, href in with_link.items() if href}
    for org in cards:
        card = (site / "open-data" / "vcard" / f"{org}.vcf").read_text(encoding="utf-8")
        assert any(f"\n{prop}" in card for prop in ("TEL;", "EMAIL;", "ADR;")), org
