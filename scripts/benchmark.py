"""Build time, page sizes and what a browser transfers, for a directory of many programmes: prints figures beside their targets, gates nothing.

Copies the project into a temporary folder with the real records and N made-up
providers (copies of the golden-test fixture, two programmes each; the real
ones stay because the hand-written pages link to them), builds it, then in
the same run: builds one language again with the engine alone on the same
staged pages, and loads pages in Debian's Chromium from a local server,
counting every request at its gzip size. Then it changes one made-up
provider's name and builds again (the build redoes only what that touches),
then another's, as an editor's next change does. With --growth it also
builds a project four times the size from nothing and prints how the build
time grew. Machines here are shared and noisy: compare
the ratios printed by one run, not times from different runs.
Usage: scripts/benchmark [providers] [--growth]   (default 500, i.e. 1,000 made-up programmes)
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.build import build, check, plan  # noqa: E402
from generator.languages import LANGUAGE_ROOTS
from generator.publish.engine import build_command, chosen_engine, engine_environment  # noqa: E402
from generator.publish.mkdocs_config import read_base  # noqa: E402
from generator.records.geography import gss_names  # noqa: E402
from generator.records.limits import MAX_FILE_BYTES  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, built_pages, serve  # noqa: E402
from tests.hostile_files import MAKERS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "services" / "example.yaml"
FIXTURE_AREA = "E10000016"
"""The area code of the fixture provider that the made-up providers are copies of."""

FIRST_VISIT_KB = 100
FIRST_SEARCH_KB = 150
PAGE_KB = 250
BUILD_RATIO = 1.3
"""The full build against one language's engine build alone: the two languages' engine runs fill both cores, our own work overlaps them."""
ONE_RECORD_SHARE = 0.10
"""A build after a change to one record, against a full build."""
GROWTH = 4.4
"""A full build of four times the providers, against the full build (linear, with some slack)."""
TODAY = datetime.date(2026, 11, 22)
HOSTILE_CHECK_SECONDS = 5
T = TypeVar("T")


def make_project(folder: Path, providers: int) -> Path:
    """A copy of the project whose services/ holds the real records and `providers` made-up providers."""
    for name in ("content", "site_templates", "services"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    services = folder / "services"
    text = FIXTURE.read_text(encoding="utf-8")
    # Each made-up provider serves an English council of its own, as long as there are enough of them.
    councils = sorted(code for code in gss_names() if code.startswith(("E06", "E07", "E08", "E09")))
    for number in range(providers):
        copy = text.replace("example", f"example-{number}").replace(FIXTURE_AREA, councils[number % len(councils)])
        (services / f"example-{number}.yaml").write_text(copy, encoding="utf-8")
    return folder


def time_open_data(root: Path, today: datetime.date) -> str:
    """How long the open-data step (HSDS, CSV, JSON, JSON-LD) takes inside a build, timed on its own."""
    files, _ = check(root, today)
    data = plan(files)[1]
    base_url = read_base(root)["site_url"]
    start = time.perf_counter()
    for lang in LANGUAGE_ROOTS:
        data.files(lang, base_url, {})
        data.with_json_ld({view.path: "---\n---\n" for view in data.programmes}, lang, base_url)
    hsds_size = sum(p.stat().st_size for p in (root / "site").glob("**/hsds/**/*.json"))
    return f"open data step, both languages: {time.perf_counter() - start:.1f} s (HSDS snapshots {hsds_size / 1e6:.1f} MB)"


def time_hostile_checks(today: datetime.date) -> list[str]:
    """`check`'s time on one provider file at the size limit, for each kind of hostile file (tests/hostile_files.py)."""
    figures = []
    for name, make in MAKERS.items():
        with tempfile.TemporaryDirectory() as folder:
            services = Path(folder) / "services"
            services.mkdir()
            (services / "example.yaml").write_text(make(MAX_FILE_BYTES), encoding="utf-8")
            start = time.perf_counter()
            _, problems = check(Path(folder), today)
            seconds = time.perf_counter() - start
        figures.append(
            f"check on a hostile file at the {MAX_FILE_BYTES // 1000} kB limit, {name}: {seconds:.1f} s, {len(problems)} problem line(s) "
            f"(target ≤ {HOSTILE_CHECK_SECONDS} s: {verdict(seconds, HOSTILE_CHECK_SECONDS)})"
        )
    return figures


def cpu_seconds() -> float:
    """CPU time used so far by this process and the children it has waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(run: Callable[[], T]) -> tuple[T, float, float]:
    """`run()`'s result, wall seconds and CPU seconds."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    result = run()
    return result, time.perf_counter() - wall, cpu_seconds() - cpu


def engine_alone(root: Path, lang: str) -> None:
    """One language's engine build on the pages the full build staged, as the full build runs it."""
    shutil.rmtree(root / "build" / f"site-{lang}", ignore_errors=True)
    subprocess.run(build_command(Path(f"mkdocs.{lang}.yml"), chosen_engine(), "-q"), cwd=root / "build", env=engine_environment(), check=True)


def transfer(browser, url: str, search: str | None = None) -> tuple[int, int]:
    """Bytes (gzip) and requests of a first visit to `url` in a fresh browser; with `search`, of typing it into the search box after that visit."""
    context = browser.new_context()
    page = context.new_page()
    sizes: list[int] = []

    def count(response) -> None:
        try:
            sizes.append(len(gzip.compress(response.body(), 6)))
        except Exception:  # a redirect or an aborted request has no body; the browser received headers only
            sizes.append(0)

    page.on("response", count)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if search is not None:
        sizes.clear()
        page.fill(".md-search__input", search)
        page.locator(".md-search-result__item").first.wait_for()
        page.wait_for_load_state("networkidle")
    context.close()
    return sum(sizes), len(sizes)


def verdict(value: float, target: float) -> str:
    return "meets" if value <= target else f"MISSES by {value - target:.1f}"


def rename_one_provider(root: Path, number: int, name: str) -> None:
    """The edit of a one-record rebuild: a made-up provider's English name, which the lists of every provider show too."""
    record = root / "services" / f"example-{number}.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("en: Example Family Service\n", f"en: {name}\n", 1), encoding="utf-8")


def full_build_time(providers: int) -> float:
    """Wall seconds of a build from nothing of a project with `providers` made-up providers."""
    with tempfile.TemporaryDirectory() as folder:
        root = make_project(Path(folder), providers)
        outcome, wall, _ = timed(lambda: build(root, TODAY))
        if not outcome.built:
            raise SystemExit("\n".join([str(p) for p in outcome.errors] + outcome.messages))
        return wall


def main() -> int:
    """Build once, then again after one change, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("providers", type=int, nargs="?", default=500, help="made-up providers (default 500)")
    parser.add_argument("--growth", action="store_true", help="also build four times as many providers from nothing and print the growth (takes a while)")
    options = parser.parse_args()
    providers = options.providers
    print("\n".join(time_hostile_checks(TODAY)))
    with tempfile.TemporaryDirectory() as folder:
        root = make_project(Path(folder), providers)
        outcome, wall, cpu = timed(lambda: build(root, TODAY))
        if not outcome.built:
            print("\n".join([str(p) for p in outcome.errors] + outcome.messages))
            return 1
        rename_one_provider(root, 0, "Example Family Services Ltd")
        again, again_wall, _ = timed(lambda: build(root, TODAY))
        assert again.built and "Example Family Services Ltd" in (root / "site" / "providers" / "index.html").read_text(encoding="utf-8")
        # An editor's next change: this build makes its site in the folder of the site before the last (writer.SiteFolder).
        rename_one_provider(root, 1, "Example Family Services Two")
        further, further_wall, _ = timed(lambda: build(root, TODAY))
        assert further.built and "Example Family Services Two" in (root / "site" / "providers" / "index.html").read_text(encoding="utf-8")
        _, alone_wall, alone_cpu = timed(lambda: engine_alone(root, "en"))
        site = root / "site"
        files = [p for p in site.rglob("*") if p.is_file()]
        # The HSDS endpoints' index.html files hold JSON for programs, not a page a reader opens: measured apart.
        pages = built_pages(site)
        answers = [p for p in files if p.suffix == ".html" and p not in set(pages)]
        programmes = len([p for p in (site / "programmes").glob("*/index.html")])
        print(f"made-up providers: {providers}; programme pages per language: {programmes}; HTML pages: {len(pages)}")
        print(f"full build, both languages: {wall:.1f} s wall, {cpu:.1f} s CPU")
        print("  steps: " + ", ".join(f"{step} {seconds:.1f} s" for step, seconds in outcome.timings.items()))
        print(f"one language's {chosen_engine()} build alone: {alone_wall:.1f} s wall, {alone_cpu:.1f} s CPU")
        ratio = wall / alone_wall
        print(f"  ratio full / alone: {ratio:.2f} wall (target ≤ {BUILD_RATIO}: {verdict(ratio, BUILD_RATIO)}), {cpu / alone_cpu:.2f} CPU")
        for label, rebuild, seconds in (("build after a change to one record's name", again, again_wall), ("then after a change to another record's name", further, further_wall)):
            share = seconds / wall
            print(f"{label}: {seconds:.1f} s wall, {share:.0%} of the full build (target ≤ {ONE_RECORD_SHARE:.0%}: {verdict(share, ONE_RECORD_SHARE)})")
            print("  steps: " + ", ".join(f"{step} {step_seconds:.1f} s" for step, step_seconds in rebuild.timings.items()))
        print(f"search indexing: {outcome.timings['search index']:.1f} s")
        print(time_open_data(root, TODAY))
        largest = max(pages, key=lambda p: p.stat().st_size)
        size = largest.stat().st_size / 1e3
        zipped = len(gzip.compress(largest.read_bytes(), 6)) / 1e3
        print(f"largest page: {largest.parent.relative_to(site).as_posix()}/ {size:.0f} kB, {zipped:.0f} kB gzip (target ≤ {PAGE_KB} kB: {verdict(size, PAGE_KB)})")
        biggest = max(answers, key=lambda p: p.stat().st_size)
        print(f"largest HSDS answer (no target): {biggest.parent.relative_to(site).as_posix()}/ {biggest.stat().st_size / 1e3:.0f} kB, {len(gzip.compress(biggest.read_bytes(), 6)) / 1e3:.0f} kB gzip")
        print(f"site size: {sum(p.stat().st_size for p in files) / 1e6:.1f} MB in {len(files)} files")

        from playwright.sync_api import sync_playwright

        with serve(site) as address, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for lang, prefix in (("en", ""), ("nl", "nl/")):
                for name, path in (("home page", ""), ("programme page", "programmes/hacro-caring-dads/")):
                    kb, requests = transfer(browser, f"{address}/{prefix}{path}")
                    print(f"first visit, {lang} {name}: {kb / 1e3:.0f} kB gzip in {requests} requests (target ≤ {FIRST_VISIT_KB} kB: {verdict(kb / 1e3, FIRST_VISIT_KB)})")
                kb, requests = transfer(browser, f"{address}/{prefix}programmes/hacro-caring-dads/", search="Caring Dads")
                print(f"first search, {lang}: {kb / 1e3:.0f} kB gzip in {requests} requests (target ≤ {FIRST_SEARCH_KB} kB at 1,000 programmes: {verdict(kb / 1e3, FIRST_SEARCH_KB)})")
            browser.close()
    if options.growth:
        small, large = full_build_time(providers), full_build_time(4 * providers)
        growth = large / small
        print(f"growth, {providers} to {4 * providers} providers, full builds from nothing: {small:.1f} s to {large:.1f} s, {growth:.2f} × (target ≤ {GROWTH}: {verdict(growth, GROWTH)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
