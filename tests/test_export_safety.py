"""Exports are safe to open: no formula in a spreadsheet, no extra line in a vCard, no hidden BCC."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml

from generator.export import export_open_data
from generator.export.tabular import inert
from generator.export.vcard import escape, uri
from generator.render import render_site
from tests.helpers import TODAY, catalog_of

FORMULAS = [
    '=HYPERLINK("https://evil.example";"Klik hier")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|x",
    "@SUM(1+1)",
    "\t=1",
    "\r=1",
    " =1",
    "＝1",
]


@pytest.mark.parametrize("text", FORMULAS)
def test_a_cell_that_could_start_a_formula_starts_with_an_apostrophe(text: str) -> None:
    assert inert(text) == "'" + text


@pytest.mark.parametrize("text", ["+318002000", "-1", "112", "Veilig Thuis", "2026-11-01", "0800-2000"])
def test_ordinary_cells_stay_as_they_are(text: str) -> None:
    assert inert(text) == text


@pytest.mark.parametrize("separator", ["\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c"])
def test_vcard_text_escapes_every_line_separator(separator: str) -> None:
    escaped = escape(f"regel{separator}END:VCARD")
    assert escaped == "regel\\nEND:VCARD"
    assert escaped.splitlines() == [escaped]


def test_vcard_drops_control_characters_and_everything_a_uri_may_not_hold() -> None:
    # Dropped, not replaced: a reader shows what is left, and a URI keeps only its own characters.
    assert escape("Veilig\x00 Thuis\x07\x1b\x7f") == "Veilig Thuis"
    assert uri('https://voorbeeld.nl/pad met spatie"><script>') == "https://voorbeeld.nl/padmetspatiescript"
    assert uri("tel:+318002000;phone-context=+31") == "tel:+318002000;phone-context=+31"


def _hostile(mini: Path) -> Path:
    path = mini / "partners" / "organisaties" / "meldpunt-voorbeeld.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["beschrijving"] = '=HYPERLINK("https://evil.example";"Klik hier")'
    data["ook_bekend_als"] = ["@SUM(1+1)"]
    data["rol"] = "Eerste regel\u2028END:VCARD\u0085BEGIN:VCARD"
    data["contact"]["telefoon"][0]["toelichting"] = "-2+3+cmd|' /C calc'!A0"
    data["contact"]["email"] = "info@example.org"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return mini


def test_csv_files_hold_no_live_formula(mini: Path) -> None:
    files = export_open_data(catalog_of(_hostile(mini)), TODAY)
    for name in ("organisaties", "telefoonnummers"):
        rows = list(csv.reader(io.StringIO(files[f"open-data/csv/{name}.csv"].decode("utf-8"))))
        cells = [cell for row in rows[1:] for cell in row]
        assert not [
            c for c in cells if c.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")) and not c.lstrip("+-").isdigit()
        ]
    organisaties = files["open-data/csv/organisaties.csv"].decode("utf-8")
    assert "'=HYPERLINK(" in organisaties
    assert "'@SUM(1+1)" in organisaties


def test_vcards_keep_one_card_per_file(mini: Path) -> None:
    card = export_open_data(catalog_of(_hostile(mini)), TODAY)["open-data/vcard/meldpunt-voorbeeld.vcf"].decode("utf-8")
    unfolded = card.replace("\r\n ", "")
    assert unfolded.count("BEGIN:VCARD") == 1
    assert unfolded.count("END:VCARD") == 1
    assert "\u2028" not in card
    assert "\u0085" not in card
    assert "EMAIL;TYPE=work:info@example.org\r\n" in unfolded


def test_the_mail_link_is_the_plain_address(mini: Path) -> None:
    page = render_site(catalog_of(_hostile(mini)), []).pages["organisaties/meldpunt-voorbeeld.md"]
    assert '<a href="mailto:info@example.org">info@example.org</a>' in page
