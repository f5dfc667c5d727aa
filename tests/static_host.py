"""A local server that answers as GitHub Pages does, for the tests of what a client gets from the built site.

GitHub Pages, for a request for /x: a file x is served with the content type of
its extension (none gives application/octet-stream); a folder x is redirected
(301) to /x/, which gives the folder's index.html or 404, never a listing; with
neither, x.html is served if there is one, else 404.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from pathlib import Path
from typing import Any


class GitHubPagesHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler with GitHub Pages' rules: no folder listings, and /x served from x.html."""

    def send_head(self) -> Any:
        """The .html completion, then the standard handler's files, folders and 301s."""
        path = self.translate_path(self.path)
        if not os.path.exists(path) and os.path.isfile(path + ".html"):
            parts = urllib.parse.urlsplit(self.path)
            self.path = urllib.parse.urlunsplit(parts._replace(path=parts.path + ".html"))
        return super().send_head()

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
