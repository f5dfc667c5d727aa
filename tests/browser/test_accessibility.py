"""Accessibility of every built page, in both languages, in a real browser.

Every page of the fixture site is visited, and the real site's hand-written
pages that the fixture site replaces (tests/fixtures/content/), so that every
template and every hand-written page is seen. Each page is visited once per
window size and everything measured on that visit is kept; the tests below
then check one thing each. axe-core (the copy axe-playwright-python ships) runs
with the WCAG 2.0/2.1/2.2 A and AA rules; each context loads it into every page
once, as an init script, instead of sending it again for every check.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from generator.publish.mkdocs_config import read_base
from tests.conftest import FIXTURE_CONTENT, ROOT

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}

# Headings in document order, and whether the page scrolls sideways.
HEADINGS_JS = "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1]))"
SIDEWAYS_JS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
# The element focused after each Tab press from the top of a fresh page.
FOCUSED_JS = "document.activeElement ? (document.activeElement.className || document.activeElement.tagName) : ''"


def page_paths(site: Path) -> list[str]:
    """Every built HTML page as a URL path: both languages and the 404 pages."""
    paths = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        paths.append("/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative))
    return paths


def replaced_pages() -> list[str]:
    """The URL paths of the hand-written pages the fixture site has in place of the real ones."""
    paths = []
    for page in sorted(FIXTURE_CONTENT.glob("*/*.md")):
        lang, name = page.parent.name, page.stem
        paths.append(("/" if lang == "en" else f"/{lang}/") + ("" if name == "index" else name + "/"))
    return paths


def with_axe(browser: object, viewport: dict) -> object:
    """A browser context whose every page has axe-core loaded, refusing the neutral pages' real hosts."""
    context = browser.new_context(viewport=viewport)  # type: ignore[attr-defined]
    context.add_init_script(AXE_SCRIPT)
    for neutral in read_base(ROOT)["extra"]["quick_exit"].values():
        context.route(neutral + "**", lambda route: route.abort())
    return context


def axe_violations(page: object, scope: str | None = None) -> list[str]:
    """What axe finds on the page as it is now (only in `scope`, a selector, if given)."""
    found = page.evaluate("([scope, options]) => axe.run(scope || document, options)", [scope, AXE_OPTIONS])  # type: ignore[attr-defined]
    return describe(found["violations"])


def describe(violations: list[dict]) -> list[str]:
    """axe's violations in a line each: rule, impact and the first few offending elements."""
    return [f"{v['id']} ({v['impact']}): " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:3]) for v in violations]


@dataclass
class Visit:
    """What one page showed at one window size."""

    violations: list[str] = field(default_factory=list)
    focused_violations: list[str] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    sideways: int = 0
    tab_stops: list[str] = field(default_factory=list)


def visit_every_page(browser: object, urls: list[str], viewport: dict, focus_exit: bool) -> dict[str, Visit]:
    """Open every page in one tab and record axe's findings, headings, overflow and first Tab stops, by address."""
    context = with_axe(browser, viewport)
    page = context.new_page()
    visits = {}
    try:
        for url in urls:
            visit = Visit()
            page.goto(url, wait_until="load")
            visit.headings = page.evaluate(HEADINGS_JS)
            visit.sideways = page.evaluate(SIDEWAYS_JS)
            visit.violations = axe_violations(page)
            if focus_exit:
                # Tab from the top of the page until the hidden exit link has focus (at most twice).
                while len(visit.tab_stops) < 2 and "fpd-exit-skip" not in "".join(visit.tab_stops):
                    page.keyboard.press("Tab")
                    visit.tab_stops.append(page.evaluate(FOCUSED_JS))
                page.focus(".fpd-exit-skip")
                # Only the focused link looks different from the visit above, which checked the whole page.
                visit.focused_violations = axe_violations(page, ".fpd-exit-skip")
            visits[url] = visit
    finally:
        context.close()
    return visits


@pytest.fixture(scope="module")
def urls(site: Path, site_url: str, real_site: Path, real_site_url: str) -> list[str]:
    """Every page of the fixture site, then the real hand-written pages it replaces."""
    found = page_paths(site)
    assert "/" in found and "/nl/" in found and "/nl/staying-safe-online/" in found and "/accessibility/" in found
    replaced = replaced_pages()
    assert "/" in replaced and "/nl/" in replaced and set(replaced) <= set(found) and set(replaced) <= set(page_paths(real_site))
    return [site_url + path for path in found] + [real_site_url + path for path in replaced]


@pytest.fixture(scope="module")
def wide(browser: object, urls: list[str]) -> Iterator[dict[str, Visit]]:
    yield visit_every_page(browser, urls, WIDE, focus_exit=True)


@pytest.fixture(scope="module")
def narrow(browser: object, urls: list[str]) -> Iterator[dict[str, Visit]]:
    yield visit_every_page(browser, urls, NARROW, focus_exit=False)


def test_axe_finds_nothing_at_1280(wide: dict[str, Visit]) -> None:
    found = {path: visit.violations for path, visit in wide.items() if visit.violations}
    assert not found


def test_axe_finds_nothing_at_320(narrow: dict[str, Visit]) -> None:
    found = {path: visit.violations for path, visit in narrow.items() if visit.violations}
    assert not found


def test_axe_finds_nothing_with_the_hidden_exit_link_focused(wide: dict[str, Visit]) -> None:
    found = {path: visit.focused_violations for path, visit in wide.items() if visit.focused_violations}
    assert not found


def test_the_hidden_exit_link_is_the_first_or_second_tab_stop(wide: dict[str, Visit]) -> None:
    for path, visit in wide.items():
        assert any("fpd-exit-skip" in stop for stop in visit.tab_stops), (path, visit.tab_stops)


def test_nothing_scrolls_sideways_at_320(narrow: dict[str, Visit]) -> None:
    found = {path: visit.sideways for path, visit in narrow.items() if visit.sideways > 0}
    assert not found


def test_one_h1_and_no_skipped_heading_levels(wide: dict[str, Visit]) -> None:
    for path, visit in wide.items():
        levels = visit.headings
        assert levels and levels[0] == 1 and levels.count(1) == 1, (path, levels)
        skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        assert not skips, (path, levels)


def test_every_page_was_checked_in_both_languages(wide: dict[str, Visit], narrow: dict[str, Visit]) -> None:
    english = [url for url in wide if not urlsplit(url).path.startswith("/nl/")]
    dutch = [url for url in wide if urlsplit(url).path.startswith("/nl/")]
    assert len(english) == len(dutch) > 20
    assert set(wide) == set(narrow)


@pytest.mark.parametrize("viewport", [NARROW, WIDE], ids=["320", "1280"])
@pytest.mark.parametrize("lang", ["", "nl/"], ids=["en", "nl"])
def test_a_finder_answer_passes_axe_and_keeps_its_heading_order(browser: object, site_url: str, viewport: dict, lang: str) -> None:
    """The finder's answers are put into the page by its script, after the visits above have looked at it."""
    context = with_axe(browser, viewport)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/{lang}finder/?role=social_worker&country=GB")
        page.wait_for_selector('#fpd-finder-results[data-state="ready"]', state="attached")
        assert page.locator("#fpd-finder-results .fpd-programme-answer").count() >= 3
        assert axe_violations(page) == []
        levels = page.evaluate(HEADINGS_JS)
        assert not [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1], levels
        assert page.evaluate(SIDEWAYS_JS) <= 0
    finally:
        context.close()


# Where keyboard focus is after a Tab press, and whether it can be seen: on screen, and not under
# the parts that stay on screen (the exit bar, the header). One call per press: the stop, whether it is in
# the search box, and what hides it ('' when nothing does).
FOCUS_SEEN_JS = """() => {
  const el = document.activeElement;
  const stop = el ? el.outerHTML.slice(0, 80) : '';
  return {stop, inSearch: !!el && !!el.closest('.md-search'), problem: (() => {
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  const fixed = top && top.closest('.fpd-exit, .md-header');
  const uncovered = !!top && (!fixed || fixed.contains(el));
  return onScreen && uncovered ? '' : (el.textContent.trim().slice(0, 40) || el.className) + ' under ' + (top && top.className);
  })()};
}"""


@pytest.mark.parametrize("viewport", [NARROW, WIDE], ids=["320", "1280"])
def test_keyboard_focus_is_never_off_screen_or_under_the_exit_bar(browser: object, site_url: str, viewport: dict) -> None:
    """Tab through long pages: every stop is on screen and not covered (WCAG 2.4.7, 2.4.11)."""
    context = browser.new_context(viewport=viewport)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        for path in ("/nl/staying-safe-online/", "/programmes/example-group/"):
            page.goto(site_url + path)
            hidden, stops = [], set()
            leaving_search = False
            for _ in range(100):
                page.keyboard.press("Tab")
                if leaving_search:
                    page.wait_for_timeout(400)  # Material's search closes with a 250 ms fade
                seen = page.evaluate(FOCUS_SEEN_JS)
                stops.add(seen["stop"])
                if seen["problem"]:
                    hidden.append(seen["problem"])
                leaving_search = seen["inSearch"]
            assert len(stops) > 10, path
            assert not hidden, (path, hidden)
    finally:
        context.close()


# Whether the focused element is what shows at its own place: not faded out, not under anything else.
FOCUS_SHOWN_JS = """() => {
  const el = document.activeElement, r = el.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + Math.min(r.width / 2, 20), r.top + r.height / 2);
  let opacity = 1;
  for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
  const shown = !!top && (top === el || el.contains(top)) && opacity > 0.5 && r.top >= 0 && r.bottom <= innerHeight;
  return shown ? '' : el.textContent.trim().slice(0, 40) + ' under ' + (top && top.className);
}"""


@pytest.mark.parametrize("lang", ["", "nl/"], ids=["en", "nl"])
def test_keyboard_focus_in_the_open_menu_on_a_phone_is_always_seen(browser: object, site_url: str, lang: str) -> None:
    """The drawer's groups are open lists, and closed sub-panels take no focus: every stop is on screen, above the exit bar."""
    context = browser.new_context(viewport={"width": 375, "height": 740})  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(f"{site_url}/{lang}")
        page.click(".md-header label[for=__drawer]")
        page.wait_for_timeout(300)  # the drawer slides in for 250 ms
        in_menu, hidden = [], []
        for _ in range(20):
            page.keyboard.press("Tab")
            if page.evaluate("!!document.activeElement.closest('.md-nav--primary')"):
                in_menu.append(page.evaluate("document.activeElement.textContent.trim()"))
                problem = page.evaluate(FOCUS_SHOWN_JS)
                if problem:
                    hidden.append(problem)
        assert len(in_menu) >= 10, in_menu
        assert not hidden, hidden
    finally:
        context.close()
