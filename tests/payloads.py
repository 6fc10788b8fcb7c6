"""The payload corpus: hostile text an editor could type into any field of a record.

Used by the payload tests (`tests/test_payloads.py` without a browser, `tests/browser/test_payloads.py`
in Chromium with the CSP removed). Every payload carries its own marker (``xss01`` …) so a page,
a dialog or a request can be traced back to the payload that caused it. The list follows the usual
XSS cheat sheets (OWASP, PortSwigger): script and event-handler elements, ``javascript:``/``data:``
URLs, attribute and element breakouts, meta refresh and base, plus what is special to this site:
Markdown attribute lists, abbreviations, admonitions and snippets, Jinja syntax, CSV formulas,
mail headers, line separators, and innocent text that once switched the CSP off.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Payload:
    """One hostile value; ``marker`` occurs in ``text`` and nowhere else on a site."""

    marker: str
    text: str
    about: str


_RAW = [
    ("</title><script>alert('xss01')</script>", "title breakout with inline script"),
    ('"><meta http-equiv="refresh" content="0;url=https://evil.example/xss02">', "attribute breakout to meta refresh"),
    ("<img src=x onerror=alert('xss03')>", "event handler on an image"),
    ("<svg onload=alert('xss04')>", "event handler on svg"),
    ("javascript:alert('xss05')", "javascript: URL"),
    ("https://a.nl/![x](data:,){onerror=alert('xss06')}", "https URL carrying Markdown image and attribute list"),
    ('" onmouseover="alert(\'xss07\')" x="', "double-quoted attribute breakout"),
    ("' onmouseover='alert(\"xss08\")' x='", "single-quoted attribute breakout"),
    ("</script><script>alert('xss09')</script>", "script breakout"),
    ("tekst {: onclick=\"alert('xss10')\" }", "Markdown attribute list with a handler"),
    ("*[HTML]: <img src=x onerror=alert('xss11')>", "Markdown abbreviation definition"),
    ("!!! danger \"<img src=x onerror=alert('xss12')>\"", "admonition with HTML title"),
    ('??? note "xss13"', "collapsible admonition"),
    ('--8<-- ".git/config" xss14', "snippet include of a secret file"),
    ("[klik](javascript:alert('xss15'))", "Markdown link with javascript:"),
    ("<a href=\"javascript:alert('xss16')\">xss16</a>", "HTML link with javascript:"),
    ('<iframe src="https://evil.example/xss17"></iframe>', "iframe to another host"),
    ("<object data=\"data:text/html,<script>alert('xss18')</script>\"></object>", "object with data: URL"),
    ("&lt;script&gt;alert('xss19')&lt;/script&gt;", "entity-encoded script"),
    ("<style>body{display:none}</style>xss20", "style element"),
    ('<base href="https://evil.example/xss21/">', "base element"),
    ('<form action="https://evil.example/xss22"><button>xss22</button></form>', "form to another host"),
    ("data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzMjMnKTwvc2NyaXB0Pg==#xss23", "data: URL"),
    ("\\\"><img src=x onerror=alert('xss24')>", "backslash before a quote"),
    ('"meldcode" -> stap 1 (xss25)', "innocent text with quotes and an arrow"),
    ('=HYPERLINK("https://evil.example/xss26";"Klik hier")', "spreadsheet formula"),
    ("<details open ontoggle=alert('xss27')>", "details ontoggle"),
    ("`<img src=x onerror=alert('xss28')>`", "HTML inside a code span"),
    ("<!-- xss29", "comment opener"),
    ("]]><img src=x onerror=alert('xss30')>", "CDATA end in SVG"),
    ("{{ 7*7 }} {% raw %}xss31", "template syntax"),
    ("<math><mi xlink:href=\"javascript:alert('xss32')\">x</mi></math>", "MathML link"),
    ('<a href="//evil.example/xss33">xss33</a>', "protocol-relative link"),
    ('<img src="https://evil.example/xss34.gif">', "image from another host"),
    ("a@b.nl?bcc=evil@evil.example&subject=xss35", "mail address with extra headers"),
    ("regel\u2028xss36\u2029alinea\u0085eind", "Unicode line and paragraph separators"),
    ("<noscript><p title=\"</noscript><img src=x onerror=alert('xss37')>\">", "mutation XSS via noscript"),
    ("<scr<script>ipt>alert('xss38')</script>", "nested script tag"),
    ("javas&#99;ript:alert('xss39')", "entity-obfuscated javascript:"),
    ("<a href=\"&#106;avascript:alert('xss40')\">xss40</a>", "entity-obfuscated link"),
    ("[x]: javascript:alert('xss41')\n\n[x]", "Markdown reference definition"),
    ("---\ntitle: xss42\n---", "front matter inside a value"),
    ("+cmd|' /C calc'!A0 xss43", "DDE formula"),
    ("@SUM(1+1)*cmd|' /C calc'!A0 xss44", "formula starting with @"),
    ("-2+3+cmd|' /C calc'!A0 xss45", "formula starting with -"),
    ("\tHYPERLINK xss46", "cell starting with a tab"),
    ("</textarea><script>alert('xss47')</script>", "textarea breakout"),
    ("%3Cscript%3Ealert('xss48')%3C/script%3E", "URL-encoded script"),
    ("https://a.nl/\"><img src=x onerror=alert('xss49')>", "URL with a quote"),
    ("https://a.nl@evil.example/xss50", "URL with user info"),
    ("HTTPS://A.NL/xss51)<img src=x onerror=alert('xss51')>", "URL with a parenthesis and HTML"),
    ("\";alert('xss52');//", "script string breakout"),
    ("Kerkstraat 12, 6211 AB Maastricht xss53", "an address (confidential opvang)"),
    ("50.8514, 5.6910 xss54", "coordinates"),
    ("\\u003cscript\\u003ealert('xss55')\\u003c/script\\u003e", "JSON unicode escapes"),
    ("\u202eevil\u202c xss56", "bidirectional override"),
    ("::warning file=x.yaml::xss57\n::error::xss57", "forged CI annotation"),
    ("a,b:c%0Axss58", "annotation property separators"),
]

PAYLOADS: tuple[Payload, ...] = tuple(
    Payload(f"xss{n:02d}", text, about) for n, (text, about) in enumerate(_RAW, start=1) if f"xss{n:02d}" in text
)

# Every marker is in its payload: a payload without one could not be traced.
assert len(PAYLOADS) == len(_RAW), [text for n, (text, _) in enumerate(_RAW, start=1) if f"xss{n:02d}" not in text]
