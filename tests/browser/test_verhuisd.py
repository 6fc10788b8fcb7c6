"""A renamed record's old address takes the reader straight to its new page, in Chromium, without JavaScript."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from generator.pipeline import build_project
from generator.serve import make_server
from tests.helpers import TODAY, make_project
from tests.test_renames import NEW, OLD, rename

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = make_project(tmp_path_factory.mktemp("verhuisd") / "mini")
    rename(root, keep_old_id=True)
    run = build_project(root, TODAY, pagefind=False)
    assert run.published, [i.format_text() for i in run.report.errors]
    server = make_server(root / "site", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("javascript", [True, False])
def test_the_old_address_opens_the_new_page(browser: Browser, renamed_site: str, javascript: bool) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(f"{renamed_site}/organisaties/{OLD}/")
        page.wait_for_url(f"{renamed_site}/organisaties/{NEW}/", timeout=30_000)
        assert page.locator("h1").first.inner_text().startswith("Meldpunt Voorbeeld")
    finally:
        context.close()


def test_the_old_page_says_where_the_record_went(tmp_path: Path) -> None:
    # Without following the redirect (a text browser, a crawler): the words and the link are there.
    root = make_project(tmp_path / "mini")
    rename(root, keep_old_id=True)
    assert build_project(root, TODAY, pagefind=False).published
    html = (root / "site" / "organisaties" / OLD / "index.html").read_text(encoding="utf-8")
    assert "Deze pagina heeft een nieuw adres." in html
    assert f'href="../{NEW}/"' in html
