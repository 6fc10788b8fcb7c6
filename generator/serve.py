"""Serve the built site on http://127.0.0.1:<port> (after stage 8), with the site's security headers.

A plain static file server from the standard library. It sends the security headers of
`generator.headers`: the same Content-Security-Policy the pages carry in their <meta> tag, plus what
a meta tag cannot set (frame-ancestors). That is why reviewers preview with ``make serve`` and never
with a bare file server.
"""

from __future__ import annotations

import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generator.headers import security_headers

# Plain http on this machine: no HSTS. No caching, so a rebuilt page shows at once.
SECURITY_HEADERS = {**security_headers(https=False), "Cache-Control": "no-cache"}


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files plus security headers; quiet logging."""

    extensions_map = {  # noqa: RUF012 - the base class declares it as a plain attribute
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".pf_meta": "application/octet-stream",
    }

    def end_headers(self) -> None:
        """Add the security headers to every response."""
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page gets the site's own Dutch 404 page (crisis numbers, search), as Pages hosts do."""
        page = Path(str(self.directory)) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Log nothing: the site keeps no visitor logs of its own."""
        return


def make_server(site: Path, port: int, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """A ready-to-run server for ``site`` (port 0 picks a free port)."""
    handler = functools.partial(SiteHandler, directory=str(site))
    return ThreadingHTTPServer((host, port), handler)


def serve(site: Path, port: int) -> None:
    """Serve until Ctrl+C."""
    server = make_server(site, port)
    print(f"De site draait op http://127.0.0.1:{server.server_address[1]}/ (stoppen: Ctrl+C)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
