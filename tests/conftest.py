"""Shared fixtures: the fixture site, built once and served on localhost, and Chromium.

Tests use the fixture site (tests/fixtures/: made-up records, and the
hand-written pages that name real records replaced by short ones), never the
live records in services/: an editor who reviews a record today, corrects a
fact or adds a provider must not break a test. What must hold of the live
records is part of `generator check`.
"""

from __future__ import annotations

import datetime
import functools
import http.server
import os
import pickle
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from filelock import FileLock
from playwright.sync_api import Browser, Page

from generator.build import Outcome, build, foreign_names, plan
from generator.languages import LANGUAGE_ROOTS
from generator.pages.render import environment, render_page
from generator.pages.urls import is_hsds_answer
from generator.records.load import LoadedFile, load_services

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "services"
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "content"
TODAY = datetime.date(2026, 11, 22)
CHROMIUM = "/usr/bin/chromium"
# As root Chromium needs --no-sandbox; the rest keep it from calling Google's hosts.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def copy_project(target: Path) -> Path:
    """Copy what a build reads into `target`, but no records: the pages, the templates and mkdocs.yml."""
    for name in ("content", "site_templates"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def copy_fixture_project(target: Path) -> Path:
    """Copy what a build reads into `target`, with the fixture records and the fixture pages in place of the real ones."""
    copy_project(target)
    shutil.copytree(FIXTURES, target / "services")
    shutil.copytree(FIXTURE_CONTENT, target / "content", dirs_exist_ok=True)
    return target


@functools.cache
def fixture_files() -> tuple[LoadedFile, ...]:
    """The fixture records, loaded and checked."""
    files, problems = load_services(FIXTURES, ROOT / "tests")
    assert not problems, [str(p) for p in problems]
    return tuple(files)


@functools.cache
def fixture_pages() -> dict[str, str]:
    """Every generated page of the fixture records, rendered once, by `<lang>/<path>`."""
    files = list(fixture_files())
    pages, _ = plan(files)
    out = {}
    for lang in LANGUAGE_ROOTS:
        env = environment(lang, TODAY, names=foreign_names(files))
        for page in pages:
            out[f"{lang}/{page.path}"] = render_page(env, page)
    return out


def built(root: Path, outcome: Outcome) -> Path:
    """The site/ folder of a build that must have succeeded."""
    assert outcome.built, [str(p) for p in outcome.problems] + outcome.messages
    return root / "site"


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Outcome]) -> tuple[Path, Outcome]:
    """Build `name` once for the whole run: the first pytest-xdist worker to ask builds it, the others wait and read its outcome."""
    base = tmp_path_factory.getbasetemp()
    # Each xdist worker has a temporary folder of its own; their parent is the run's.
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    root, saved = shared / name, shared / f"{name}.outcome"
    with FileLock(shared / f"{name}.lock"):
        if not saved.exists():
            root.mkdir()
            saved.write_bytes(pickle.dumps(make(root)))
        return root, pickle.loads(saved.read_bytes())


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Outcome]:
    """The fixture records built once, in a copy of the project; copy it before changing anything."""
    return once_per_run(tmp_path_factory, "project", lambda root: build(copy_fixture_project(root), TODAY))


@pytest.fixture(scope="session")
def site(built_project: tuple[Path, Outcome]) -> Path:
    """The built site/ folder of the fixture records."""
    return built(*built_project)


# A test that uses one of these builds a site or drives a browser: it is marked slow (pytest.ini).
SLOW_FIXTURES = {"built_project", "site", "site_url", "browser", "page", "own_page"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark slow every test that builds a site or drives a browser, before `-m "not slow"` selects."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)


def built_pages(site: Path, name: str = "*.html") -> list[Path]:
    """Every HTML page of a built site (or every file called `name`), without the HSDS endpoints' index.html files, which hold JSON."""
    roots = sorted(filter(None, LANGUAGE_ROOTS.values()), key=len, reverse=True)

    def in_language(path: Path) -> str:
        relative = path.relative_to(site).as_posix()
        return next((relative.removeprefix(root) for root in roots if relative.startswith(root)), relative)

    return [path for path in sorted(site.rglob(name)) if not is_hsds_answer(in_language(path))]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """A built site served on 127.0.0.1, as a static host would serve it; yields its address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The fixture site served on 127.0.0.1."""
    with serve(site) as address:
        yield address


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@contextmanager
def new_tab(browser: Browser) -> Iterator[Page]:
    """A tab, 1280 px wide, in a browser context of its own, closed afterwards."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def module_tab(browser: Browser) -> Iterator[Page]:
    """One tab for a module's tests: opening a tab and loading its first page costs more than most of those tests do."""
    with new_tab(browser) as tab:
        yield tab


@pytest.fixture
def page(module_tab: Page) -> Iterator[Page]:
    """The module's tab, left after the test as a new one would be: no routes, cookies, stored data or print media of the test before."""
    yield module_tab
    if module_tab.url.startswith("http"):
        module_tab.evaluate("localStorage.clear(); sessionStorage.clear()")
    module_tab.unroute_all(behavior="ignoreErrors")
    module_tab.context.clear_cookies()
    module_tab.emulate_media(media="null")
    module_tab.goto("about:blank")


@pytest.fixture
def own_page(browser: Browser) -> Iterator[Page]:
    """A tab in a context of its own, for a test that changes what a context keeps (its clock, say)."""
    with new_tab(browser) as tab:
        yield tab
