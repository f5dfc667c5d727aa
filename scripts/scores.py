"""Lighthouse scores of the pages a reader sees first, in each language.

Serves site/ on 127.0.0.1 as a static host does (tests/static_host.py: the
right content types, text gzipped), runs Lighthouse 12 (npm) with Debian's
Chromium, and prints the four category scores per page. Accessibility, best
practices and SEO are expected to be 100, performance at least 98.
Simulated throttling scales the work the page cost this machine, so a busy
machine scores lower: each line also gives Lighthouse's benchmark index of the
machine during the run (a quiet desktop is above 1000), and --runs N scores each
page N times and prints the median, as Lighthouse's guide on variability advises.
Usage: scripts/scores [--runs N]  (after scripts/build)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
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
    """Run Lighthouse on one address and return its category scores out of 100, and the machine's benchmark index."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [str(ROOT / "node_modules" / ".bin" / "lighthouse"), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={FLAGS}"],
            check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        )
        data = json.loads(report.read_text())
    return {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES} | {"benchmark": round(data["environment"]["benchmarkIndex"])}


def main() -> int:
    """Serve the site, score each page (the median of --runs), print a table; exit 1 if a score is below its LEAST."""
    parser = argparse.ArgumentParser(description="Lighthouse scores of the pages a reader sees first.")
    parser.add_argument("--runs", type=int, default=1, help="score each page this many times and print the median")
    runs = parser.parse_args().runs
    columns = [*CATEGORIES, "benchmark"]
    print(f"{'page':50} " + " ".join(f"{name:>14}" for name in columns))
    below = False
    with serve_like_github_pages(ROOT / "site") as base:
        for page in (path for _, _, path in first_addresses()):
            each = [scores(base + page) for _ in range(runs)]
            result = {name: round(statistics.median(run[name] for run in each)) for name in columns}
            below |= any(result[name] < LEAST[name] for name in CATEGORIES)
            print(f"{page:50} " + " ".join(f"{result[name]:>14}" for name in columns), flush=True)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
