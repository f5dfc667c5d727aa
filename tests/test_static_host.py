"""The local static host gzips text for a client that accepts it, as GitHub Pages does, and nothing else changes."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

from .static_host import serve_like_github_pages


def fetch(url: str, gzip_ok: bool) -> tuple[dict[str, str], bytes]:
    """The headers (names in lower case) and raw body of one GET, asking for gzip or not; redirects are not followed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object) -> None:
            return None

    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip, deflate, br"} if gzip_ok else {})
    try:
        with urllib.request.build_opener(NoRedirect).open(request) as response:
            return {name.lower(): value for name, value in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return {"status": str(error.code)}, b""


def test_text_is_gzipped_when_asked_and_plain_otherwise(tmp_path: Path) -> None:
    page = "<!doctype html><title>x</title>" + "words " * 500
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "style.css").write_text("body { color: red }\n" * 50, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with serve_like_github_pages(tmp_path) as base:
        headers, body = fetch(f"{base}/folder/", gzip_ok=True)
        assert headers["content-encoding"] == "gzip" and headers["content-type"] == "text/html" and "Accept-Encoding" in headers["vary"]
        assert gzip.decompress(body).decode() == page and int(headers["content-length"]) == len(body) < len(page)
        headers, body = fetch(f"{base}/style.css", gzip_ok=True)
        assert headers["content-type"] == "text/css" and gzip.decompress(body).startswith(b"body { color: red }")
        headers, body = fetch(f"{base}/folder/", gzip_ok=False)
        assert "content-encoding" not in headers and body.decode() == page
        headers, body = fetch(f"{base}/logo.png", gzip_ok=True)
        assert "content-encoding" not in headers and headers["content-type"] == "image/png" and body.startswith(b"\x89PNG")
        # A folder without its slash is still redirected, and a folder without index.html is not listed.
        assert fetch(f"{base}/folder", gzip_ok=True)[0]["status"] == "301"
        (tmp_path / "empty").mkdir()
        assert fetch(f"{base}/empty/", gzip_ok=True)[0]["status"] == "404"
