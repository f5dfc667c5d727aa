"""Full-page screenshots of the pages a reader sees first, to look at before a release.

Serves site/ on 127.0.0.1 and photographs, with Debian's Chromium, the home
page, a programme page, the finder with an answer, the comparison and the
printed referral sheet, in English and Dutch, at 1280 and 375 px wide (the
printed sheet at the width of A4 paper, whatever the screen), into
screenshots/ (git-ignored). Requests to any other host are refused.
Usage: scripts/screenshots  (after scripts/build)
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import sys
import threading
from pathlib import Path
from typing import Literal

from first_pages import LANGUAGES, PRINTED, address, first_addresses
from playwright.sync_api import ViewportSize, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
WIDTHS: dict[str, ViewportSize] = {"1280": {"width": 1280, "height": 800}, "375": {"width": 375, "height": 740}}
A4: ViewportSize = {"width": 794, "height": 1123}  # A4 at 96 pixels an inch, as Chromium prints it


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def main() -> int:
    """Serve the site and write one PNG per page, language and width; exit 1 if site/ is missing."""
    site = ROOT / "site"
    if not (site / "index.html").exists():
        print("No site/ to photograph: run scripts/build first.", file=sys.stderr)
        return 1
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        shots: list[tuple[str, ViewportSize, Literal["screen", "print"], str]] = [(f"{name}-{lang}-{width}", viewport, "screen", path) for width, viewport in WIDTHS.items() for name, lang, path in first_addresses()]
        shots += [(f"print-{lang}-a4", A4, "print", address(PRINTED, lang)) for lang in LANGUAGES]
        for name, viewport, media, path in shots:
            context = browser.new_context(viewport=viewport)
            context.route(re.compile(r"^(?!" + re.escape(base + "/") + ").*"), lambda route: route.abort())
            page = context.new_page()
            page.emulate_media(media=media)
            page.goto(base + path, wait_until="load")
            if name.startswith("finder"):
                page.wait_for_selector('#fpd-finder-results[data-state="ready"]', state="attached")
            target = OUT / f"{name}.png"
            page.screenshot(path=str(target), full_page=True)
            print(target.relative_to(ROOT))
            context.close()
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
