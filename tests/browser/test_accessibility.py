"""Accessibility of every built page, in both languages, in a real browser.

Every page is visited once at 1280 px (tests/browser/visits.py says which and
how; test_reflow.py visits them at 320 px); the tests below then check one thing
each of what the visit saw: axe, the hidden exit link, headings, and, since the
same visit sees them, that no page logs an error, breaks its Content-Security-
Policy, stores anything or asks another host. Then the pages whose state a
reader changes: the finder's answers, keyboard focus on long pages and in the
phone menu.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ViewportSize

from .visits import HEADINGS_JS, NARROW, PHONE, SIDEWAYS_JS, WIDE, Visit, axe_violations, every_page, visit_every_page, with_axe

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def wide(browser: Browser, site: Path, site_url: str) -> Iterator[dict[str, Visit]]:
    yield visit_every_page(browser, every_page(site, site_url), WIDE, focus_exit=True)


@pytest.fixture(scope="module")
def touch(browser: Browser, site: Path, site_url: str) -> Iterator[dict[str, Visit]]:
    """The pages that can hold a region that scrolls (a table, code) and the Dutch role pages, on a 375 px phone with a touch screen.

    Material makes a scrolling code block a Tab stop only on devices without
    touch, so only a touch visit finds one that scrolls without it.
    """
    pages = [url for url in every_page(site, site_url) if "/nl/referrals/" in url or _scrolls(site, url, site_url)]
    assert any(url.endswith("/open-data/") for url in pages) and any("/nl/referrals/" in url for url in pages)
    yield visit_every_page(browser, pages, PHONE, focus_exit=False, touch=True)


def _scrolls(site: Path, url: str, site_url: str) -> bool:
    """True where the page holds a table or a code block."""
    path = url.removeprefix(site_url).lstrip("/")
    file = site / path / "index.html" if not path.endswith(".html") else site / path
    html = file.read_text(encoding="utf-8")
    return "<table" in html or "<pre" in html


def test_axe_finds_nothing_on_a_touch_screen_phone(touch: dict[str, Visit]) -> None:
    found = {path: visit.violations for path, visit in touch.items() if visit.violations}
    assert not found


@pytest.mark.parametrize(("viewport", "touch"), [(PHONE, False), (WIDE, True)], ids=["375", "1280-touch"])
def test_axe_finds_nothing_on_the_dutch_role_pages(browser: Browser, site: Path, site_url: str, viewport: ViewportSize, touch: bool) -> None:
    """The Dutch role pages, whose contents once held two landmarks alike, at the two sizes the visits above leave out (375 px without touch, 1280 px with it)."""
    pages = [url for url in every_page(site, site_url) if "/nl/referrals/" in url]
    assert len(pages) > 10
    visits = visit_every_page(browser, pages, viewport, focus_exit=False, touch=touch)
    found = {path: visit.violations for path, visit in visits.items() if visit.violations}
    assert not found


def test_axe_finds_nothing_at_1280(wide: dict[str, Visit]) -> None:
    found = {path: visit.violations for path, visit in wide.items() if visit.violations}
    assert not found


def test_axe_finds_nothing_with_the_hidden_exit_link_focused(wide: dict[str, Visit]) -> None:
    found = {path: visit.focused_violations for path, visit in wide.items() if visit.focused_violations}
    assert not found


def test_the_hidden_exit_link_is_the_first_or_second_tab_stop(wide: dict[str, Visit]) -> None:
    for path, visit in wide.items():
        assert any("fpd-exit-skip" in stop for stop in visit.tab_stops), (path, visit.tab_stops)


def test_one_h1_and_no_skipped_heading_levels(wide: dict[str, Visit]) -> None:
    for path, visit in wide.items():
        levels = visit.headings
        assert levels and levels[0] == 1 and levels.count(1) == 1, (path, levels)
        skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        assert not skips, (path, levels)


def test_no_page_logs_an_error_or_a_csp_violation(wide: dict[str, Visit]) -> None:
    found = {url: visit.errors for url, visit in wide.items() if visit.errors}
    assert not found


def test_no_page_stores_anything_or_asks_another_host(wide: dict[str, Visit]) -> None:
    for url, visit in wide.items():
        assert visit.stored == ["", 0, 0], url
        origin = "{0.scheme}://{0.netloc}/".format(urlsplit(url))
        assert visit.requests and not [request for request in visit.requests if not request.startswith(origin)], url


@pytest.mark.parametrize("viewport", [NARROW, WIDE], ids=["320", "1280"])
@pytest.mark.parametrize("lang", ["", "nl/"], ids=["en", "nl"])
def test_a_finder_answer_passes_axe_and_keeps_its_heading_order(browser: Browser, site_url: str, viewport: ViewportSize, lang: str) -> None:
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
def test_keyboard_focus_is_never_off_screen_or_under_the_exit_bar(browser: Browser, site_url: str, viewport: ViewportSize) -> None:
    """Tab through long pages: every stop is on screen and not covered (WCAG 2.4.7, 2.4.11)."""
    context = browser.new_context(viewport=viewport)
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
def test_keyboard_focus_in_the_open_menu_on_a_phone_is_always_seen(browser: Browser, site_url: str, lang: str) -> None:
    """The drawer's groups are open lists, and closed sub-panels take no focus: every stop is on screen, above the exit bar."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
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
