"""The preview: site/ served on 127.0.0.1, built again on each save, and reloaded in the browser.

Live reload is added to the pages as they are served, never to the built
files: a script from this server (`script-src 'self'` in every page's CSP
already allows it) asks every half second which build the server holds and
reloads the page when it is a newer one. While the last build failed, every
page is the list of its problems instead of a stale page.
"""

from __future__ import annotations

import html
import http.server
import posixpath
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WATCHED = ("services", "content", "site_templates", "mkdocs.yml")
"""What an editor saves that changes the site, in the project folder."""

_PREFIX = "/__preview/"
_RELOAD = """(function () {
  var held = document.currentScript.getAttribute("data-build");
  function ask() {
    fetch("/__preview/build", { cache: "no-store" })
      .then(function (answer) { return answer.text(); })
      .then(function (build) { if (build !== held) { location.reload(); } else { setTimeout(ask, 500); } },
            function () { setTimeout(ask, 1000); });
  }
  ask();
})();
"""


@dataclass
class Preview:
    """What the server shows: which build it holds (a number each build adds one to) and that build's problems, if it failed."""

    build: int = 0
    problems: list[str] = field(default_factory=list)


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """When each watched file was last written, and its size, by its path in the project."""
    found: dict[str, tuple[int, int]] = {}
    for name in WATCHED:
        for path in [root / name, *sorted((root / name).rglob("*"))] if (root / name).is_dir() else [root / name]:
            try:
                status = path.stat()
            except OSError:
                continue  # removed while looked at: the next look sees it gone
            if path.is_file():
                found[path.relative_to(root).as_posix()] = (status.st_mtime_ns, status.st_size)
    return found


def with_reload(page: str, build: int) -> str:
    """A page as the preview serves it: with the live-reload script last in its body."""
    tag = f'<script src="{_PREFIX}reload.js" data-build="{build}"></script>'
    end = page.rfind("</body>")
    return page[:end] + tag + page[end:] if end >= 0 else page + tag


def problems_page(problems: list[str], build: int) -> str:
    """The page every address shows while the last build failed: its problems, file:line: field: message."""
    items = "".join(f"<li><code>{html.escape(problem)}</code></li>" for problem in problems)
    return with_reload(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The build failed</title></head><body>'
        f"<h1>The build failed; site/ is unchanged</h1><p>Correct these, save, and this page reloads:</p><ul>{items}</ul></body></html>",
        build,
    )


class _Handler(http.server.SimpleHTTPRequestHandler):
    preview: Preview

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the terminal shows builds, not requests
        pass

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        """Serve the preview's own addresses, pages with live reload (or the problems), and every other file as built."""
        address = urllib.parse.urlsplit(self.path).path
        if address == _PREFIX + "build":
            return self._send(str(self.preview.build).encode(), "text/plain; charset=utf-8")
        if address == _PREFIX + "reload.js":
            return self._send(_RELOAD.encode(), "text/javascript; charset=utf-8")
        file = Path(self.translate_path(self.path))
        if file.is_dir() and address.endswith("/"):
            file = file / "index.html"
        page = file.suffix == ".html" or posixpath.basename(address) == ""
        if page and self.preview.problems:
            return self._send(problems_page(self.preview.problems, self.preview.build).encode(), "text/html; charset=utf-8")
        if page and file.is_file():
            return self._send(with_reload(file.read_text(encoding="utf-8"), self.preview.build).encode(), "text/html; charset=utf-8")
        return super().do_GET()


@dataclass
class Server:
    """A running preview server."""

    address: str
    preview: Preview
    _server: http.server.ThreadingHTTPServer

    def stop(self) -> None:
        """Stop answering requests."""
        self._server.shutdown()
        self._server.server_close()


def start(site: Path, port: int, preview: Preview) -> Server:
    """Serve `site` on 127.0.0.1:`port` (0: any free port) in a thread, as `preview` says."""
    handler = type("Handler", (_Handler,), {"preview": preview})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), lambda *args: handler(*args, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return Server(f"http://127.0.0.1:{server.server_address[1]}/", preview, server)


def saves(root: Path, every: float = 0.3) -> Iterator[None]:
    """Yield each time a watched file of the project is saved, created or removed (looking every `every` seconds)."""
    seen = snapshot(root)
    while True:
        time.sleep(every)
        now = snapshot(root)
        if now != seen:
            seen = now
            yield


def run(root: Path, port: int, rebuild: Callable[[], list[str]], say: Callable[[str], None]) -> None:
    """Build, serve site/ and build again on each save until interrupted; `rebuild` builds and returns the problems that stopped it."""
    preview = Preview(1, rebuild())
    server = start(root / "site", port, preview)
    say(f"Serving {server.address} (Dutch at {server.address}nl/); each save builds again. Ctrl-C stops.")
    try:
        for _ in saves(root):
            problems = rebuild()
            preview.problems, preview.build = problems, preview.build + 1
    finally:
        server.stop()
