"""Domain terms on reader pages: the first use links to its explanation (generator.render.terms)."""

from __future__ import annotations

from generator.catalog import Catalog
from generator.render.terms import build_terms, link_first_uses, reader_page

PAGE = "onboarding/voorbeeld.md"


def test_first_use_only_is_linked_to_the_record_the_begrip_points_to(mini_catalog: Catalog) -> None:
    terms = build_terms(mini_catalog, [])
    out = link_first_uses("De multidisciplinaire aanpak helpt. Nog eens: Multidisciplinaire aanpak.", PAGE, terms)
    assert out == (
        "De [multidisciplinaire aanpak](../routeertafels/casusoverleg-voorbeeld.md) helpt. Nog eens: Multidisciplinaire aanpak."
    )


def test_headings_tables_html_links_and_front_matter_are_left_alone(mini_catalog: Catalog) -> None:
    terms = build_terms(mini_catalog, [])
    text = (
        "---\ntitle: Multidisciplinaire aanpak\n---\n"
        "# Multidisciplinaire aanpak\n"
        "| Multidisciplinaire aanpak | x |\n"
        '<p class="x">Multidisciplinaire aanpak</p>\n'
        "Tekst <small>multidisciplinaire aanpak</small> en `multidisciplinaire aanpak`.\n"
        "Daarna de multidisciplinaire aanpak."
    )
    out = link_first_uses(text, PAGE, terms)
    assert out.count("](../routeertafels/casusoverleg-voorbeeld.md)") == 1
    assert out.endswith("Daarna de [multidisciplinaire aanpak](../routeertafels/casusoverleg-voorbeeld.md).")


def test_a_term_inside_an_existing_link_counts_as_linked(mini_catalog: Catalog) -> None:
    terms = build_terms(mini_catalog, [])
    text = "Zie [de multidisciplinaire aanpak](elders.md). Later weer de multidisciplinaire aanpak."
    assert link_first_uses(text, PAGE, terms) == text


def test_abbreviations_with_a_tooltip_are_not_linked_but_others_are(mini_catalog: Catalog) -> None:
    text = "Het MC en de MDA++ aanpak."
    with_tooltips = link_first_uses(text, PAGE, build_terms(mini_catalog, ["MC", "MDA++"]))
    assert with_tooltips == text
    without = link_first_uses(text, PAGE, build_terms(mini_catalog, []))
    assert "[MC](../organisaties/meldpunt-voorbeeld.md)" in without
    assert "[MDA++](../routeertafels/casusoverleg-voorbeeld.md)" in without


def test_the_page_that_explains_a_begrip_does_not_link_to_itself(mini_catalog: Catalog) -> None:
    terms = build_terms(mini_catalog, [])
    text = "De multidisciplinaire aanpak."
    assert link_first_uses(text, "routeertafels/casusoverleg-voorbeeld.md", terms) == text
    assert link_first_uses(text, PAGE, terms, also_explains=["multidisciplinaire-aanpak"]) == text


def test_abbreviations_match_case_and_whole_words_only(mini_catalog: Catalog) -> None:
    terms = build_terms(mini_catalog, [])
    assert link_first_uses("Een mc en MCX en xMC.", PAGE, terms) == "Een mc en MCX en xMC."


def test_which_pages_get_their_terms_linked() -> None:
    assert reader_page("onboarding/eerste-dag.md")
    assert reader_page("gemeenten/heerlen.md")
    assert reader_page("routeertafels/mda-plus-plus-zuid-limburg.md")
    assert not reader_page("gemeenten/index.md")
    assert not reader_page("organisaties/politie.md")
    assert not reader_page("begrippen/meldcode.md")


def test_bold_labels_are_not_running_text(mini_catalog: Catalog) -> None:
    terms = build_terms(mini_catalog, [])
    out = link_first_uses("**Wat doet de multidisciplinaire aanpak?** De multidisciplinaire aanpak helpt.", PAGE, terms)
    assert out == (
        "**Wat doet de multidisciplinaire aanpak?** De [multidisciplinaire aanpak](../routeertafels/casusoverleg-voorbeeld.md) helpt."
    )
