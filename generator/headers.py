"""The site's security headers in one place: the Content-Security-Policy and its companions.

Not a pipeline stage: every place that needs the policy reads it from here.

- the CSP ``<meta>`` that is the first element of every page (``overrides/main.html``; `sitebuild`
  hands it to the theme as ``config.extra.csp``);
- `generator.serve`, which sends them as HTTP headers for ``make serve``;
- ``_headers`` in every built site, the file Netlify and Cloudflare Pages read;
- ``python -m generator koppen --formaat nginx|apache|netlify``, for hosts configured by hand.

GitHub Pages and GitLab Pages cannot send headers of their own: there the ``<meta>`` tag is the
protection, without ``frame-ancestors`` (browsers ignore that directive in a meta tag).
"""

from __future__ import annotations

# Only the site's own origin. Pagefind compiles WebAssembly ('wasm-unsafe-eval'); there are no inline
# scripts or styles (tables use `align`, Material's inline scripts are replaced by files).
CSP: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
)
# Directives a browser ignores (with a console warning) when the policy comes from a <meta> tag.
HEADER_ONLY = frozenset({"frame-ancestors", "report-uri", "sandbox"})

OTHER_HEADERS: dict[str, str] = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=(), browsing-topics=()",
}
# Only for hosts that serve the site over HTTPS (every real host); `make serve` is plain http.
HTTPS_HEADERS: dict[str, str] = {"Strict-Transport-Security": "max-age=31536000"}


def csp(*, meta: bool = False) -> str:
    """The policy as one header value; ``meta=True`` leaves out what a ``<meta>`` tag cannot carry."""
    return "; ".join(f"{name} {value}" for name, value in CSP if not (meta and name in HEADER_ONLY))


def security_headers(*, https: bool = True) -> dict[str, str]:
    """Every security header with its value, in a fixed order."""
    headers = {"Content-Security-Policy": csp(), **OTHER_HEADERS}
    return {**headers, **HTTPS_HEADERS} if https else headers


def netlify_headers() -> str:
    """A ``_headers`` file (Netlify, Cloudflare Pages): the headers for every path of the site."""
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in security_headers().items())


def nginx_conf() -> str:
    """``add_header`` lines for an nginx ``server`` or ``location`` block."""
    return "".join(f'add_header {name} "{value}" always;\n' for name, value in security_headers().items())


def apache_conf() -> str:
    """``Header`` lines for an Apache virtual host or ``.htaccess`` (needs mod_headers)."""
    return "".join(f'Header always set {name} "{value}"\n' for name, value in security_headers().items())


FORMATS = {"netlify": netlify_headers, "nginx": nginx_conf, "apache": apache_conf}
