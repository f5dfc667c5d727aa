"""What a reader sees on a phone (375 px) and as a page's scripts start.

The referral-routes tables fit the screen; e-mail addresses break after the @
or a dot; Dutch headings hyphenate; the finder and the comparison do not move
as finder.js starts (cumulative layout shift, measured by Chromium's own
PerformanceObserver); the comparison's area links show that area's programmes.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, ViewportSize

from .visits import PHONE, WIDE

pytestmark = pytest.mark.browser

# Every layout shift not caused by the reader, from the first paint on.
LAYOUT_SHIFTS = (
    "window.fpdShifts = [];"
    "new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.fpdShifts.push(e.value); })"
    ".observe({type: 'layout-shift', buffered: true});"
)


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    """A tab on a 375 px phone."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["", "/nl"])
def test_the_referral_routes_tables_fit_a_phone(phone: Page, site_url: str, lang: str) -> None:
    phone.goto(f"{site_url}{lang}/referrals/")
    widths = phone.eval_on_selector_all(".md-typeset__scrollwrap", "wraps => wraps.map(w => [w.scrollWidth, w.clientWidth])")
    assert len(widths) >= 2
    assert all(scroll <= client for scroll, client in widths), widths


def test_an_e_mail_address_breaks_after_the_at_or_a_dot(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/programmes/example-group/")
    link = phone.locator('.fpd-contact a[href="mailto:team@service.example.org"]')
    assert link.inner_text() == "team@service.example.org"
    assert link.evaluate("a => a.innerHTML") == "team@<wbr>service.<wbr>example.<wbr>org"
    assert link.evaluate("a => getComputedStyle(a).overflowWrap") == "anywhere"


def test_dutch_headings_hyphenate_and_english_ones_do_not(phone: Page, site_url: str) -> None:
    for lang, expected in (("/nl", "auto"), ("", "manual")):
        phone.goto(f"{site_url}{lang}/referrals/youth-protection/")
        assert phone.locator("h1").evaluate("h => getComputedStyle(h).hyphens") == expected, lang
        assert phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["375", "1280"])
@pytest.mark.parametrize("path", ["/finder/", "/nl/finder/", "/compare/"])
def test_the_page_does_not_move_as_its_script_starts(browser: Browser, site_url: str, viewport: ViewportSize, path: str) -> None:
    context = browser.new_context(viewport=viewport)
    try:
        context.add_init_script(LAYOUT_SHIFTS)
        page = context.new_page()
        page.goto(site_url + path, wait_until="networkidle")
        assert page.locator("form.fpd-finder, form.fpd-compare").is_visible()
        shift = page.evaluate("window.fpdShifts.reduce((a, b) => a + b, 0)")
        assert shift < 0.05, shift
    finally:
        context.close()


def test_without_javascript_the_finders_form_stays_hidden(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "/finder/")
        assert not page.locator("form.fpd-finder").is_visible()
        assert page.locator("#by-role").is_visible()
    finally:
        context.close()


def test_an_area_link_on_the_comparison_shows_that_areas_programmes(page: Page, site_url: str) -> None:
    page.goto(site_url + "/compare/")
    assert page.locator(".fpd-card:visible").count() > 2
    page.click("#areas ~ ul a:text-is('Exampleshire')")
    shown = page.eval_on_selector_all(".fpd-card:not([hidden])", "cards => cards.map(c => c.dataset.programme)")
    assert shown == ["example-group", "example-one-to-one"]
