"""Hand-written pages in content/ are contributed text too (generator.check_pages)."""

from __future__ import annotations

import pytest

from generator.check_pages import check_content, check_page
from generator.load import ContentPage, front_matter, load_project
from tests.helpers import ROOT


def problems(text: str) -> list[tuple[int, int, str]]:
    page = ContentPage("test.md", text, front_matter(text))
    return [(i.line, i.column, i.code) for i in check_page(page)]


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Tekst <script>alert(1)</script>", "pagina-element"),
        ('<iframe src="https://evil.example/"></iframe>', "pagina-element"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "pagina-element"),
        ('<base href="https://evil.example/">', "pagina-element"),
        ("<style>body{display:none}</style>", "pagina-element"),
        ('<link rel="stylesheet" href="https://evil.example/x.css">', "pagina-element"),
        ('<object data="x"></object>', "pagina-element"),
        ("<svg><a><animate attributeName=href values=javascript:alert(1) /></a></svg>", "pagina-element"),
        ('<form action="https://evil.example/"><button>x</button></form>', "pagina-link"),
        ("<img src=x onerror=alert(1)>", "pagina-attribuut"),
        ('<details open ontoggle="alert(1)">x</details>', "pagina-attribuut"),
        ('<div style="display:none">x</div>', "pagina-attribuut"),
        ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "pagina-attribuut"),
        ('Alinea {: onclick="alert(1)" }', "pagina-attribuut"),
        ('[link](https://ok.example){href="javascript:alert(1)"}', "pagina-attribuut"),
        ('<a href="javascript:alert(1)">x</a>', "pagina-link"),
        ('<a href="&#106;ava&#x73;cript:alert(1)">x</a>', "pagina-link"),
        ("[klik](javascript:alert(1))", "pagina-link"),
        ("[klik]( JavaScript:alert(1))", "pagina-link"),
        ("<javascript:alert(1)>", "pagina-link"),
        ("[x]: data:text/html,abc", "pagina-link"),
        ("![pixel](https://evil.example/p.gif)", "pagina-link"),
        ('<img src="//evil.example/p.gif">', "pagina-link"),
        ('--8<-- ".git/config"', "pagina-snippet"),
        ("; --8<-- 'x'", "pagina-snippet"),
        ('--8<-- ".build/includes/../../.git/config"', "pagina-snippet"),
        ('--8<-- "../../.git/config"', "pagina-snippet"),
        ('--8<-- "kies-je-gemeente/../../../.git/config.md"', "pagina-snippet"),
        ('--8<-- "kies-je-gemeente/jouw-team.md" ".git/config"', "pagina-snippet"),
        ('Zie --8<-- "kies-je-gemeente/jouw-team.md"', "pagina-snippet"),
        ('--8<-- "/etc/passwd.md"', "pagina-snippet"),
        ('--8<-- "../../partners/organisaties/x.yaml"', "pagina-snippet"),
    ],
)
def test_dangerous_page_content_is_refused_at_its_line(line: str, code: str) -> None:
    found = problems(f"# Kop\n\nEerste alinea.\n\n{line}\n")
    assert found, line
    assert code in {c for _, _, c in found}
    assert {ln for ln, _, _ in found} == {5}


def test_a_block_the_render_stage_wrote_may_be_included() -> None:
    # Named as MkDocs finds it: relative to .build/includes, the only snippet folder (mkdocs.yml).
    assert problems('# Kop\n\n--8<-- "kies-je-gemeente/jouw-team.md"\n') == []


def test_the_column_points_at_the_problem() -> None:
    assert problems("# Kop\n\nZie [klik](javascript:alert(1)) hier.\n") == [(3, 12, "pagina-link")]


def test_code_is_shown_not_run() -> None:
    text = "# Kop\n\nTyp `<script>` niet zomaar.\n\n```html\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n```\n"
    assert problems(text) == []


def test_the_html_the_site_uses_is_allowed() -> None:
    text = (
        '<form id="z" class="gia-zoek" role="search" action="./" method="get">\n<label for="q">Zoek</label>\n'
        '<input id="q" type="search" name="q"><button type="submit">Zoeken</button>\n</form>\n\n'
        '<details class="x"><summary>Meer</summary><p><a href="https://www.veiligthuis.nl">Veilig Thuis</a> '
        '<a class="gia-tel" href="tel:112">112</a></p></details>\n\n<div markdown>**vet**</div>\n\n'
        "## Kop {: #kop }\n\n[0800-2000](tel:+318002000){.gia-tel}\n\n<noscript><p>Zonder JavaScript</p></noscript>\n"
    )
    assert problems(text) == []


def test_front_matter_is_plain_and_known() -> None:
    text = '---\ntitle: "<img src=x onerror=alert(1)>"\ntemplate: ../evil.html\neigenaar: redactie\n---\n# Kop\n'
    assert problems(text) == [(2, 1, "pagina-voorkant"), (3, 1, "pagina-voorkant")]


def test_every_real_page_passes() -> None:
    pages = load_project(ROOT).content
    assert len(pages) > 10
    assert [i.format_text() for i in check_content(pages) if i.code.startswith("pagina-")] == []


def test_messages_never_repeat_the_page_text() -> None:
    page = ContentPage("x.md", "<script>geheim-token-123</script>\n", {})
    assert all("geheim-token-123" not in i.message for i in check_page(page))
