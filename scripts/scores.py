"""Lighthouse scores of the pages a reader sees first, in each language.

Serves site/ on 127.0.0.1 as a static host does (tests/static_host.py: the
right content types, text gzipped), runs Lighthouse 12 (npm) with Debian's
Chromium, and prints the four category scores per page. Accessibility, best
practices and SEO are expected to be 100, performance at least 98.
Usage: scripts/scores  (after scripts/build)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from first_pages import first_addresses  # which also puts the project on sys.path, for tests.static_host

from tests.static_host import serve_like_github_pages

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LEAST = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
"""The lowest score each category may have."""
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"


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
    """Serve the site, score each page, print a table; exit 1 if a score is below its LEAST."""
    print(f"{'page':50} " + " ".join(f"{name:>14}" for name in CATEGORIES))
    below = False
    with serve_like_github_pages(ROOT / "site") as base:
        for page in (path for _, _, path in first_addresses()):
            result = scores(base + page)
            below |= any(result[name] < LEAST[name] for name in CATEGORIES)
            print(f"{page:50} " + " ".join(f"{result[name]:>14}" for name in CATEGORIES), flush=True)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
