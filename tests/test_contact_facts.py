"""Contact facts professionals act on: review intervals of crisis lines, opening hours, statuses.

The edge-case catalogue (tests/fixtures/rand) adds a crisis line checked on 2026-11-01, an advice
line checked on 2026-09-01, hours on days that are no range (vr, ma, wo), a night shift across
midnight and a line open until 24:00. Every expected value here is written out by hand.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from generator.catalog import Catalog
from generator.export import export_open_data
from generator.export.common import stable_id
from generator.model import Beschikbaarheid, Tijdvak
from generator.pipeline import check_project
from generator.render import render_site
from generator.render.context import PageContext
from tests.helpers import TODAY, catalog_of, make_rand_project

CRISIS = "partners/organisaties/crisisdienst-rand.yaml"


@pytest.fixture(scope="module")
def rand_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_rand_project(tmp_path_factory.mktemp("rand") / "project")


@pytest.fixture(scope="module")
def rand(rand_root: Path) -> Catalog:
    return catalog_of(rand_root)


def overdue(root: Path, today: date) -> list[tuple[str, int, str]]:
    """(file, line, field) of every expired verification on ``today``."""
    issues = check_project(root, today).report.sorted()
    assert all(i.severity.value == "waarschuwing" for i in issues if i.code == "controle-verlopen")
    return [(i.path, i.line, i.field) for i in issues if i.code == "controle-verlopen" and i.path == CRISIS]


# The catalogue's free text is deliberately markup, not prose from its source: the checks that read
# sentences against their cited lines have nothing to say about it (they are tested in test_sources.py).
PROSE_CHECKS = {"bron-lijkt-niet-te-kloppen", "zonder-eigen-bron"}


def test_the_edge_case_catalogue_is_clean(rand_root: Path) -> None:
    issues = check_project(rand_root, TODAY).report.issues
    assert [i.format_text() for i in issues if i.code not in PROSE_CHECKS] == []


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        # 2026-11-01 + 90 days = 2027-01-30: the crisis line is due that day and overdue the day after.
        (date(2027, 1, 30), []),
        (date(2027, 1, 31), [(CRISIS, 30, "contact.telefoon[0].geverifieerd.op")]),
        # 2026-09-01 + 365 days = 2027-09-01 for the advice line (which a crisis interval would expire in December).
        (date(2027, 9, 1), [(CRISIS, 30, "contact.telefoon[0].geverifieerd.op")]),
        (
            date(2027, 9, 2),
            [(CRISIS, 30, "contact.telefoon[0].geverifieerd.op"), (CRISIS, 37, "contact.telefoon[1].geverifieerd.op")],
        ),
    ],
)
def test_a_crisis_line_is_checked_again_after_90_days_an_advice_line_after_365(
    rand_root: Path, today: date, expected: list[tuple[str, int, str]]
) -> None:
    assert overdue(rand_root, today) == expected


def test_the_overdue_message_names_the_interval(rand_root: Path) -> None:
    issues = check_project(rand_root, date(2027, 1, 31)).report.issues
    message = next(i.message for i in issues if i.code == "controle-verlopen" and i.path == CRISIS)
    assert "2026-11-01" in message
    assert "langer dan 90 dagen geleden" in message


@pytest.mark.parametrize(
    ("dagen", "expected"),
    [
        (("ma", "di", "wo", "do", "vr"), "ma–vr"),
        (("vr", "ma", "wo"), "ma, wo, vr"),  # no range: Tuesday and Thursday are closed
        (("ma", "di"), "ma, di"),  # two days read better as a list
        (("za", "zo", "vr"), "vr–zo"),
        (("ma", "di", "wo", "vr"), "ma, di, wo, vr"),
        (("zo",), "zo"),
    ],
)
def test_days_are_a_range_only_when_they_follow_each_other(dagen: tuple[str, ...], expected: str) -> None:
    hours = Beschikbaarheid(tijden=(Tijdvak(dagen=dagen, van="09:00", tot="17:00"),))
    assert PageContext.bereikbaar(hours) == f"{expected} 09:00–17:00"


def test_hours_in_words() -> None:
    assert PageContext.bereikbaar(Beschikbaarheid(altijd=True)) == "dag en nacht (24/7)"
    assert PageContext.bereikbaar(Beschikbaarheid(toelichting="Alleen *op* afspraak")) == (
        "tijden nog niet geverifieerd (Alleen \\*op\\* afspraak)"
    )
    night = Beschikbaarheid(tijden=(Tijdvak(dagen=("za", "zo"), van="22:00", tot="06:00"),))
    assert PageContext.bereikbaar(night) == "za, zo 22:00–06:00"


def test_the_page_shows_hours_as_entered(rand: Catalog) -> None:
    page = render_site(rand, []).pages["organisaties/crisisdienst-rand.md"]
    crisis_row = next(line for line in page.splitlines() if "(tel:+318002000)" in line)
    assert "| ma, wo, vr 09:00–17:00; za, zo 22:00–06:00 (" in crisis_row
    advice_row = next(line for line in page.splitlines() if "(tel:+319008844)" in line)
    assert "| di, do 08:00–24:00 |" in advice_row


def services(catalog: Catalog) -> dict[str, dict[str, object]]:
    files = export_open_data(catalog, date(2026, 12, 1))
    return {s["id"]: s for s in json.loads(files["open-data/hsds/services.json"])}


def test_csv_phone_flags_are_each_their_own_column(rand: Catalog) -> None:
    files = export_open_data(rand, date(2026, 12, 1))
    rows = list(csv.DictReader(io.StringIO(files["open-data/csv/telefoonnummers.csv"].decode("utf-8"), newline="")))
    crisis, advies = (r for r in rows if r["record_id"] == "crisisdienst-rand")
    assert (crisis["doel"], crisis["gratis"], crisis["anoniem"], crisis["dag_en_nacht"]) == ("crisis", "nee", "ja", "nee")
    assert (advies["doel"], advies["gratis"], advies["anoniem"]) == ("advies", "ja", "nee")
    assert crisis["bereikbaarheid"].startswith("ma, wo, vr 09:00-17:00; za, zo 22:00-06:00. ")


def test_hsds_schedules_keep_the_days_and_the_night_shift(rand: Catalog) -> None:
    service = services(rand)[stable_id("organisaties", "crisisdienst-rand", "dienst")]
    rules = [(s["byday"], s["opens_at"], s["closes_at"]) for s in service["schedules"]]  # type: ignore[attr-defined]
    assert rules == [("MO,WE,FR", "09:00", "17:00"), ("SA,SU", "22:00", "06:00"), ("TU,TH", "08:00", "23:59")]


@pytest.mark.parametrize(
    ("kind", "record_id", "suffix", "status"),
    [
        ("organisaties", "crisisdienst-rand", ("dienst",), "active"),  # bestaand
        ("organisaties", "politie", ("dienst",), "active"),  # no status in the record
        ("routeertafels", "overleg-rand", (), "active"),  # onbekend: on the kaart because the sources describe it
        ("voorzieningen", "nieuwe-opvang-rand", (), "inactive"),  # gepland: not yet there
        ("organisaties", "oud-meldpunt-rand", ("dienst",), "defunct"),  # opgeheven
    ],
)
def test_every_status_maps_to_its_hsds_status(
    rand: Catalog, kind: str, record_id: str, suffix: tuple[str, ...], status: str
) -> None:
    assert services(rand)[stable_id(kind, record_id, *suffix)]["status"] == status


def test_a_known_aanbieder_becomes_the_organization_of_the_service(rand: Catalog) -> None:
    service = services(rand)[stable_id("voorzieningen", "nieuwe-opvang-rand")]
    assert service["organization_id"] == stable_id("organisaties", "crisisdienst-rand")
    page = render_site(rand, []).pages["voorzieningen/nieuwe-opvang-rand.md"]
    assert "| Aanbieder | [Crisisdienst (Rand) \\| \\*nacht\\*](../organisaties/crisisdienst-rand.md) |" in page


def test_a_number_checked_today_is_not_in_the_future(rand_root: Path) -> None:
    # The crisis line was checked on 2026-11-01: that day it is fresh, the day before it lies in the future.
    def future(today: date) -> list[tuple[int, str]]:
        issues = check_project(rand_root, today).report.sorted()
        return [(i.line, i.field) for i in issues if i.code == "datum-in-toekomst" and i.path == CRISIS]

    assert future(date(2026, 11, 1)) == []
    assert future(date(2026, 10, 31)) == [(30, "contact.telefoon[0].geverifieerd.op")]


def test_the_future_date_message_names_the_date_and_what_to_fill_in(rand_root: Path) -> None:
    issues = check_project(rand_root, date(2026, 10, 31)).report.issues
    message = next(i.message for i in issues if i.code == "datum-in-toekomst" and i.path == CRISIS)
    assert "2026-11-01" in message
    assert "toekomst" in message
    assert "gecontroleerd" in message  # what an editor should write instead: the day it was really checked
