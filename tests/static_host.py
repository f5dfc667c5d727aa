"""A local server that answers as GitHub Pages does, for the tests of what a client gets from the built site, and for scripts/scores.

GitHub Pages, for a request for /x: a file x is served with the content type of
its extension (none gives application/octet-stream); a folder x is redirected
(301) to /x/, which gives the folder's index.html or 404, never a listing; with
neither, x.html is served if there is one, else 404. A text file (HTML, CSS,
JavaScript, JSON, SVG) is sent gzipped to a client that accepts gzip, as every
static host does, so that what Lighthouse measures is what a reader downloads.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from pathlib import Path
from typing import Any

COMPRESSED_TYPES = ("text/", "application/json", "application/xml", "application/manifest+json", "image/svg+xml")
"""Content types a static host gzips: text, which shrinks; images, fonts and Pagefind's files are compressed already."""


@functools.cache
def _gzipped(path: str, mtime_ns: int) -> bytes:
    """A file's bytes gzipped, once per version of the file; mtime_ns keys the cache."""
    with open(path, "rb") as file:
        return gzip.compress(file.read(), mtime=0)


class GitHubPagesHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler with GitHub Pages' rules: no folder listings, /x served from x.html, and text gzipped when the client accepts it."""

    # HTTP/1.1 keeps a connection open for the next request, as every static host does; the standard
    # handler's HTTP/1.0 opens one per file, which a page-speed measurement counts against the page.
    protocol_version = "HTTP/1.1"

    def send_head(self) -> Any:
        """The .html completion, then a gzipped text file, or the standard handler's files, folders and 301s."""
        path = self.translate_path(self.path)
        if not os.path.exists(path) and os.path.isfile(path + ".html"):
            parts = urllib.parse.urlsplit(self.path)
            self.path = urllib.parse.urlunsplit(parts._replace(path=parts.path + ".html"))
            path += ".html"
        if os.path.isdir(path) and urllib.parse.urlsplit(self.path).path.endswith("/"):
            path = os.path.join(path, "index.html")
        content_type = self.guess_type(path)
        if not os.path.isfile(path) or not content_type.startswith(COMPRESSED_TYPES) or not self._accepts_gzip():
            return super().send_head()
        body = _gzipped(path, os.stat(path).st_mtime_ns)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def _accepts_gzip(self) -> bool:
        """True where the request's Accept-Encoding names gzip, as every browser's does."""
        return "gzip" in {coding.split(";")[0].strip().lower() for coding in self.headers.get("Accept-Encoding", "").split(",")}

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        """A folder without index.html is not found: GitHub Pages lists no folder."""
        self.send_error(HTTPStatus.NOT_FOUND)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serve_like_github_pages(folder: Path) -> Iterator[str]:
    """`folder` served on 127.0.0.1 as GitHub Pages would serve it; yields its address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GitHubPagesHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
