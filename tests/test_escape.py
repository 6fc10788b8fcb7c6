"""Escaping by sink (generator.render.escape): each function makes hostile text harmless where it lands."""

from __future__ import annotations

import html
import json
import re

import markdown
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.render.escape import (
    ABBREVIATION,
    UnsafeValue,
    abbreviation,
    admonition_title,
    front_matter_value,
    href,
    html_attr,
    html_text,
    mailto,
    md_inline,
    md_paragraphs,
    svg_text,
)
from tests.helpers import ROOT

# The Markdown extensions of the site, so escaped text is read the way MkDocs reads it.
EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "pymdownx.details"]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def visible(rendered: str) -> str:
    """The text a reader sees: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


@pytest.mark.parametrize(
    "text",
    [
        "<img src=x onerror=alert(1)>",
        "</title><script>alert(1)</script>",
        "tekst {: onclick=alert(1) }",
        "*[HTML]: <b>x</b>",
        '!!! danger "<i>x</i>"',
        '??? note "x"',
        '--8<-- ".git/config"',
        "[klik](javascript:alert(1))",
        "<https://evil.example>",
        "- lijst\n\n1. lijst\n\n> citaat\n\n# kop",
    ],
)
def test_markdown_sinks_keep_text_as_text(text: str) -> None:
    for rendered in (to_html(md_paragraphs(text)), to_html("Naam: " + md_inline(text))):
        assert not re.search(r"<(img|script|a|abbr|details|div|h1|li|blockquote|b|i)\b", rendered), rendered
        assert "onclick=" not in rendered.replace("onclick=alert", "")  # only as text, never an attribute
    assert " ".join(text.split()) in visible(to_html(md_inline(text)))


def test_collapsible_admonition_at_paragraph_start_is_text() -> None:
    assert "<details" not in to_html(md_paragraphs('??? note "titel"\n    inhoud'))
    assert visible(to_html(md_paragraphs('??? note "titel"'))) == '??? note "titel"'


def test_admonition_title_cannot_close_its_quotes_or_link() -> None:
    title = admonition_title('a" onclick="x [k](javascript:alert(1))')
    rendered = to_html(f'!!! warning "{title}"\n    tekst')
    assert 'class="admonition-title"' in rendered
    assert "<a " not in rendered
    assert ' onclick="' not in rendered


def test_attribute_and_text_sinks() -> None:
    assert html_attr("\"'<>&") == "&quot;&#39;&lt;&gt;&amp;"
    assert html_text("<b>&</b>") == "&lt;b&gt;&amp;&lt;/b&gt;"
    assert svg_text("a\x00b\x1f<c>") == "ab&lt;c&gt;"


@pytest.mark.parametrize(
    "url", ["https://www.veiligthuis.nl/a?b=c#d", "tel:+318002000", "mailto:info@example.org", "../x/", "#kop"]
)
def test_href_keeps_safe_links(url: str) -> None:
    assert href(url) == html_attr(url)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "http://example.org",
        "//evil.example/x",
        'https://a.nl/"onmouseover="x',
        "https://a.nl/ x",
        "java\nscript:alert(1)",
        "https://a.nl\\@evil.example",
    ],
)
def test_href_refuses_everything_else(url: str) -> None:
    with pytest.raises(UnsafeValue):
        href(url)


@pytest.mark.parametrize(
    "address", ["a@b.nl?bcc=c@d.nl", "a@b.nl&subject=x", "a@b.nl\r\nBcc: c@d.nl", "javascript:a@b.nl", '"a"@b.nl']
)
def test_mailto_refuses_headers_and_schemes(address: str) -> None:
    with pytest.raises(UnsafeValue):
        mailto(address)


def test_mailto_of_a_plain_address() -> None:
    assert mailto("info@example.org") == "mailto:info@example.org"


def test_abbreviation_list_takes_only_plain_abbreviations() -> None:
    assert abbreviation("MDA\\", "x") == ""
    assert abbreviation("A]: <b>", "x") == ""
    assert abbreviation("*[HTML", "x") == ""
    line = abbreviation("MDA", "Multi <img src=x onerror=alert(1)> disciplinair")
    rendered = to_html("Een MDA overleg.\n\n" + line)
    assert "<img" not in rendered
    assert 'title="Multi &lt;img src=x onerror=alert(1)&gt; disciplinair"' in rendered


def test_abbreviation_grammar_is_the_schema_grammar() -> None:
    definitions = json.loads((ROOT / "schema" / "definitions.schema.json").read_text(encoding="utf-8"))["definitions"]
    assert definitions["afkorting"]["pattern"] == ABBREVIATION.pattern


@given(st.text())
def test_front_matter_values_read_back_unchanged(text: str) -> None:
    document = f"title: {front_matter_value(text)}\nlist: {front_matter_value([text, {'k': text}])}\n"
    assert yaml.safe_load(document) == {"title": text, "list": [text, {"k": text}]}


def test_front_matter_value_escapes_yaml_line_breaks() -> None:
    assert front_matter_value("a\u2028b\x85c") == '"a\\u2028b\\u0085c"'
