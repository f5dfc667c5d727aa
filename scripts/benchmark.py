"""Build time and size for a directory of many programmes: prints figures, gates nothing.

Copies the project into a temporary folder with the real records and N made-up
providers (copies of the golden-test fixture, two programmes each; the real
ones stay because the hand-written pages link to them), builds it, and prints
how long it took and how big the site is. Machines here are shared and noisy:
compare figures from the same machine, several runs apart.
Usage: scripts/benchmark [providers]   (default 500, i.e. 1,000 programme pages)
"""

from __future__ import annotations

import datetime
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.build import build, check, plan  # noqa: E402
from generator.mkdocs_config import LANGUAGE_ROOTS, read_base  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "services" / "example.yaml"


def make_project(folder: Path, providers: int) -> Path:
    """A copy of the project whose services/ holds the real records and `providers` made-up providers."""
    for name in ("content", "site_templates", "services"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    services = folder / "services"
    text = FIXTURE.read_text(encoding="utf-8")
    for number in range(providers):
        (services / f"example-{number}.yaml").write_text(text.replace("example", f"example-{number}"), encoding="utf-8")
    return folder


def time_open_data(root: Path, today: datetime.date) -> str:
    """How long the open-data step (HSDS, CSV, JSON, JSON-LD) takes inside a build, timed on its own."""
    files, _ = check(root, today)
    data = plan(files)[1]
    base_url = read_base(root)["site_url"]
    start = time.perf_counter()
    for lang in LANGUAGE_ROOTS:
        data.files(lang, base_url)
        data.with_json_ld({view.path: "---\n---\n" for view in data.programmes}, lang, base_url)
    hsds_size = sum(p.stat().st_size for p in (root / "site").glob("**/hsds/**/*.json"))
    return f"open data step, both languages: {time.perf_counter() - start:.1f} s (HSDS snapshots {hsds_size / 1e6:.1f} MB)"


def main() -> int:
    """Build once and print the figures."""
    providers = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    with tempfile.TemporaryDirectory() as folder:
        root = make_project(Path(folder), providers)
        start = time.perf_counter()
        outcome = build(root, datetime.date(2026, 11, 22))
        seconds = time.perf_counter() - start
        if not outcome.built:
            print("\n".join([str(p) for p in outcome.errors] + outcome.messages))
            return 1
        files = [p for p in (root / "site").rglob("*") if p.is_file()]
        pages = [p for p in files if p.suffix == ".html"]
        size = sum(p.stat().st_size for p in files)
        programmes = len(list((root / "site" / "programmes").glob("*/index.html")))
        print(f"made-up providers: {providers}, programme pages per language: {programmes}")
        print(f"full build, both languages: {seconds:.1f} s")
        print(f"HTML pages: {len(pages)}, files: {len(files)}, site size: {size / 1e6:.1f} MB")
        site = root / "site"
        largest = sorted(pages, key=lambda p: p.stat().st_size, reverse=True)[:5]
        print("largest pages: " + ", ".join(f"{p.parent.relative_to(site).as_posix()}/ {p.stat().st_size / 1e3:.0f} kB" for p in largest))
        print(f"finder: {(site / 'finder' / 'index.html').stat().st_size / 1e3:.0f} kB")
        print(time_open_data(root, datetime.date(2026, 11, 22)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
