"""Lighthouse scores of the pages a reader sees first, in each language.

Serves site/ on 127.0.0.1, runs Lighthouse 12 (npm) with Debian's Chromium,
and prints the four category scores per page. Accessibility, best practices
and SEO are expected to be 100; performance is printed, not gated.
Usage: scripts/scores  (after scripts/build)
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from first_pages import first_addresses

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def scores(url: str) -> dict[str, int]:
    """Run Lighthouse on one address and return its category scores out of 100."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [str(ROOT / "node_modules" / ".bin" / "lighthouse"), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={FLAGS}"],
            check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        )
        data = json.loads(report.read_text())
    return {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}


def main() -> int:
    """Serve the site, score each page, print a table; exit 1 if a gated score is below 100."""
    handler = functools.partial(Quiet, directory=str(ROOT / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    print(f"{'page':50} " + " ".join(f"{name:>14}" for name in CATEGORIES))
    below = False
    for page in (path for _, _, path in first_addresses()):
        result = scores(base + page)
        below |= any(result[name] < 100 for name in CATEGORIES[1:])
        print(f"{page:50} " + " ".join(f"{result[name]:>14}" for name in CATEGORIES))
    server.shutdown()
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
