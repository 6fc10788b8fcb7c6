"""The beheer page: per eigenaar the numbers to check again and the records without contact data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.catalog import Catalog
from generator.render import render_site
from generator.render.beheer import NO_OWNER, owner_tasks
from tests.helpers import catalog_of


def _with_owner(mini: Path, *, standaard: bool = False) -> Catalog:
    owners = mini / "partners" / "eigenaars"
    owners.mkdir(exist_ok=True)
    (owners / "team-veiligheid.yaml").write_text("id: team-veiligheid\nnaam: team Veiligheid\n", encoding="utf-8")
    (owners / "aanbod-opvang.yaml").write_text("id: aanbod-opvang\nnaam: Aanbod opvang\n", encoding="utf-8")
    if standaard:
        (owners / "redactie.yaml").write_text("id: redactie\nnaam: Redactie\nstandaard: true\n", encoding="utf-8")
    politie = mini / "partners" / "organisaties" / "politie.yaml"
    politie.write_text(politie.read_text(encoding="utf-8") + "eigenaar: team-veiligheid\n", encoding="utf-8")
    opvang = mini / "partners" / "voorzieningen" / "opvang-voorbeeld.yaml"
    opvang.write_text(opvang.read_text(encoding="utf-8") + "eigenaar: aanbod-opvang\n", encoding="utf-8")
    return catalog_of(mini)


def test_tasks_per_owner_with_due_and_overdue_numbers(mini: Path) -> None:
    catalog = _with_owner(mini)
    # 112 (spoed) is due 90 days after 2026-11-01 = 2027-01-30; the others after 365 days.
    tasks = owner_tasks(catalog, date(2027, 1, 5))
    assert [t.eigenaar for t in tasks] == ["Aanbod opvang", "team Veiligheid", NO_OWNER]
    assert [(n.telefoon.nummer, n.due, n.overdue) for n in tasks[1].numbers] == [("112", date(2027, 1, 30), False)]
    assert [r.id for r in tasks[0].no_contact] == ["opvang-voorbeeld"]
    assert [r.id for r in tasks[2].no_contact] == ["lokaal-team-noordstad"]
    later = owner_tasks(catalog, date(2027, 10, 15))
    politie = next(t for t in later if t.eigenaar == "team Veiligheid")
    assert [(n.telefoon.nummer, n.overdue) for n in politie.numbers] == [("112", True), ("+319008844", False)]
    meldpunt = next(t for t in later if t.eigenaar == NO_OWNER)
    assert [n.record.id for n in meldpunt.numbers] == ["meldpunt-voorbeeld"]


def test_beheer_page_lists_owners_and_is_only_rendered_with_a_date(mini: Path) -> None:
    catalog = _with_owner(mini)
    assert "beheer.md" not in render_site(catalog, []).pages
    page = render_site(catalog, [], today=date(2027, 2, 15)).pages["beheer.md"]
    assert page == render_site(catalog, [], today=date(2027, 2, 15)).pages["beheer.md"]
    assert "Stand op 15 februari 2027." in page
    assert "**1 nummer is te lang niet gecontroleerd.**" in page
    assert page.index("## Aanbod opvang") < page.index("## team Veiligheid") < page.index("## Geen eigenaar")
    assert (
        "| [Politie](organisaties/politie.md) | 112 | Spoed: direct gevaar | 1 november 2026 | 90 dagen | **verlopen** (30 januari 2027) |"
        in page
    )
    assert "- [Opvang Voorbeeld](voorzieningen/opvang-voorbeeld.md)" in page


def test_records_without_an_owner_go_to_the_standaard_owner(mini: Path) -> None:
    tasks = owner_tasks(_with_owner(mini, standaard=True), date(2027, 10, 15))
    assert [t.eigenaar for t in tasks] == ["Aanbod opvang", "Redactie", "team Veiligheid"]  # nobody under "Geen eigenaar"
    assert [r.id for r in tasks[1].no_contact] == ["lokaal-team-noordstad"]
