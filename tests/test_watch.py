"""`make serve` keeps a preview up to date: after a save only the changed pages are built again."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from generator.load import load_project
from generator.render import render_own_pages, render_site, renders_alone
from generator.siteaddress import SiteAddress
from generator.watch import PREVIEW, Preview, changed, rebuild, snapshot, watch
from tests.helpers import TODAY, catalog_of

pytestmark = pytest.mark.slow  # builds the mini site


def page(root: Path, rel: str) -> Path:
    return root / PREVIEW / rel / "index.html"


def rename_politie(root: Path, name: str) -> None:
    path = root / "partners" / "organisaties" / "politie.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("naam: Politie\n", f"naam: {name}\n"), encoding="utf-8")


def test_snapshots_see_added_changed_and_removed_files(mini: Path) -> None:
    before = snapshot(mini)
    assert "partners/organisaties/politie.yaml" in before
    assert "mkdocs.yml" in before
    rename_politie(mini, "Politie Oost")
    (mini / "content" / "over.md").unlink()
    (mini / "partners" / "organisaties" / "nieuw.yaml").write_text("id: nieuw\n", encoding="utf-8")
    assert changed(before, snapshot(mini)) == [
        "content/over.md",
        "partners/organisaties/nieuw.yaml",
        "partners/organisaties/politie.yaml",
    ]


def test_a_saved_files_pages_rendered_alone_are_the_pages_of_the_whole_site(mini: Path) -> None:
    # With a repository address, so the edit and report links and the breadcrumb are part of the comparison.
    catalog, content = catalog_of(mini), load_project(mini).content
    address = SiteAddress("https://gia.example.org/", "https://gitlab.com/gia/wegwijzer", "gitlab")
    dates = {"partners/organisaties/politie.yaml": TODAY}
    whole = render_site(catalog, content, None, TODAY, address, dates)
    files = sorted(f.relative_to(mini).as_posix() for f in [*mini.glob("partners/*/*.yaml"), *mini.glob("content/**/*.md")])
    alone = [f for f in files if renders_alone(f)]
    assert "partners/organisaties/politie.yaml" in alone
    assert "content/onboarding/index.md" in alone
    assert "partners/gebieden/voorbeeldregio.yaml" not in alone  # its gemeenten share pages with other records
    assert "partners/ketenroutes/melding-voorbeeld.yaml" not in alone
    for file in alone:
        own = render_own_pages(catalog, content, frozenset({file}), whole.summaries, TODAY, address, dates)
        expected = {path: text for path, text in whole.pages.items() if whole.sources.get(path) == file}
        assert own.pages, file
        assert own.pages == expected, file
        assert own.sources == dict.fromkeys(expected, file)


def test_a_save_rebuilds_only_the_pages_it_changes_and_a_broken_save_builds_nothing(mini: Path) -> None:
    first = rebuild(mini, TODAY, [], first=True)
    assert not first.report.errors, [i.format_text() for i in first.report.errors]
    assert (mini / PREVIEW / "pagefind" / "pagefind.js").exists()
    assert not (mini / "site").exists()  # the preview never touches site/
    untouched = page(mini, "voorzieningen/opvang-voorbeeld").stat().st_mtime_ns

    rename_politie(mini, "Politie Oost-Nederland")
    run = rebuild(mini, TODAY, ["partners/organisaties/politie.yaml"])
    assert not run.report.errors
    assert "Politie Oost-Nederland" in page(mini, "organisaties/politie").read_text(encoding="utf-8")
    assert page(mini, "voorzieningen/opvang-voorbeeld").stat().st_mtime_ns == untouched  # not built again

    good = page(mini, "organisaties/politie").read_text(encoding="utf-8")
    path = mini / "partners" / "organisaties" / "politie.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("soort: politie", "soort: VUL-IN"), encoding="utf-8")
    broken = rebuild(mini, TODAY, ["partners/organisaties/politie.yaml"])
    assert [i.code for i in broken.report.errors] == ["nog-invullen"]
    assert page(mini, "organisaties/politie").read_text(encoding="utf-8") == good


def test_the_saved_records_own_page_is_ready_before_the_pages_that_mention_it(mini: Path) -> None:
    preview = Preview(mini)
    assert not preview.build(TODAY, [], first=True).report.errors
    tafel = page(mini, "routeertafels/casusoverleg-voorbeeld")  # lists the politie among its deelnemers
    assert "Politie" in tafel.read_text(encoding="utf-8")
    seen: list[tuple[str, bool, bool]] = []

    def ready(text: str) -> None:
        own = "Politie Limburg" in page(mini, "organisaties/politie").read_text(encoding="utf-8")
        seen.append((text, own, "Politie Limburg" in tafel.read_text(encoding="utf-8")))

    rename_politie(mini, "Politie Limburg")
    run = preview.build(TODAY, ["partners/organisaties/politie.yaml"], ready=ready)
    assert not run.report.errors
    assert len(seen) == 1
    text, own_ready, tafel_ready = seen[0]
    assert (own_ready, tafel_ready) == (True, False)  # its own page first, the overleg after
    assert text.startswith("De pagina is bijgewerkt;")
    assert "Politie Limburg" in tafel.read_text(encoding="utf-8")  # and then the rest


def test_watching_shows_a_saved_change_in_the_preview(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(mini, 0, lambda: TODAY), kwargs={"stop": stop}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 300
        while "Het voorbeeld draait op" not in capsys.readouterr().err and time.monotonic() < deadline:
            time.sleep(0.2)
        rename_politie(mini, "Politie Zuid")
        saved = time.monotonic()
        target = page(mini, "organisaties/politie")
        while "Politie Zuid" not in target.read_text(encoding="utf-8"):
            assert time.monotonic() - saved < 120, "the preview never showed the saved change"
            time.sleep(0.2)
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not thread.is_alive()


def test_a_hand_written_page_goes_first_too_and_a_route_is_built_with_the_whole_site(mini: Path) -> None:
    preview = Preview(mini)
    assert not preview.build(TODAY, [], first=True).report.errors
    over = mini / "content" / "over.md"
    over.write_text(over.read_text(encoding="utf-8").replace("Testpagina.", "Testpagina, herschreven."), encoding="utf-8")
    seen: list[bool] = []
    run = preview.build(
        TODAY,
        ["content/over.md"],
        ready=lambda _: seen.append("herschreven" in page(mini, "over").read_text(encoding="utf-8")),
    )
    assert not run.report.errors
    assert seen == [True]
    assert [name for name, _, _ in run.timings].count("renderen (eigen pagina's)") == 1

    # A ketenroute shows on pages made of many records: it is not rendered alone, and still shows after the save.
    route = mini / "partners" / "ketenroutes" / "melding-voorbeeld.yaml"
    route.write_text(
        route.read_text(encoding="utf-8").replace("naam: Van zorg naar melding", "naam: Van zorg naar advies"), encoding="utf-8"
    )
    run = preview.build(TODAY, ["partners/ketenroutes/melding-voorbeeld.yaml"])
    assert not run.report.errors
    assert "renderen (eigen pagina's)" not in [name for name, _, _ in run.timings]
    assert "Van zorg naar advies" in page(mini, "ketenroutes/melding-voorbeeld").read_text(encoding="utf-8")
