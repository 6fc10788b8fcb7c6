"""Serve the built site on http://127.0.0.1:<port> (after stage 8), with the site's security headers.

A plain static file server from the standard library. It sends the security headers of
`generator.headers`: the same Content-Security-Policy the pages carry in their <meta> tag, plus what
a meta tag cannot set (frame-ancestors). That is why reviewers preview with ``make serve`` and never
with a bare file server.

Like every real host (GitHub Pages, GitLab Pages, Netlify), it compresses text (HTML, CSS,
JavaScript, JSON, SVG, XML) with gzip for a browser that accepts it, so what the browser downloads
here, and what `make bench` measures on an emulated phone network, is what a reader downloads.
Pagefind's index files and WebAssembly are compressed by Pagefind itself and go out as they are.
"""

from __future__ import annotations

import email.utils
import functools
import gzip
import io
import os
import sys
from datetime import UTC, datetime
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO

from generator.headers import security_headers

# Plain http on this machine: no HSTS. No caching, so a rebuilt page shows at once.
SECURITY_HEADERS = {**security_headers(https=False), "Cache-Control": "no-cache"}
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
MIN_COMPRESSED = 256  # smaller bodies gain nothing (hosts skip them too)


@functools.lru_cache(maxsize=512)
def _gzipped(path: str, mtime_ns: int, size: int) -> bytes:
    """A file's bytes compressed as a host would (level 6, no timestamp); cached until it changes."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


def _accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header allows gzip (and does not refuse it with q=0)."""
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in {"gzip", "*"}:
            return params.replace(" ", "").lower() not in {"q=0", "q=0.0", "q=0.00", "q=0.000"}
    return False


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

    def send_head(self) -> BinaryIO | None:
        """A text file gzip-compressed when the browser accepts it; everything else as the base class sends it."""
        target = Path(self.translate_path(self.path))
        if target.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            target = target / "index.html"
        ctype = self.guess_type(str(target))
        if not (target.is_file() and ctype.startswith(COMPRESSED_TYPES) and _accepts_gzip(self.headers.get("Accept-Encoding"))):
            return super().send_head()
        stat = target.stat()
        if stat.st_size < MIN_COMPRESSED:
            return super().send_head()
        modified = datetime.fromtimestamp(int(stat.st_mtime), UTC)
        since = self.headers.get("If-Modified-Since")
        if since and "If-None-Match" not in self.headers:
            try:
                unchanged = modified <= email.utils.parsedate_to_datetime(since)
            except (TypeError, ValueError):
                unchanged = False
            if unchanged:
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self.end_headers()
                return None
        body = _gzipped(os.fspath(target), stat.st_mtime_ns, stat.st_size)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
        self.end_headers()
        return io.BytesIO(body)

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
