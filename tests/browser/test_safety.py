"""Quick exit, privacy and the Content-Security-Policy, in a real browser and in the built HTML.

The neutral page is never fetched from its real host: page.route answers it
with a small local page, so nothing leaves the machine.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route

from generator.publish.csp import add_csp, foreign_scripts, script_hashes
from generator.publish.mkdocs_config import read_base
from tests.conftest import ROOT as PROJECT
from tests.conftest import built_pages

from .visits import CSP_LOGGER, STORAGE_JS

# The neutral page of each language, as mkdocs.yml gives it (extra.quick_exit).
NEUTRAL: dict[str, str] = read_base(PROJECT)["extra"]["quick_exit"]
NEUTRAL_PAGE = "<!doctype html><html lang=en><title>Weather</title><p>Weather</p></html>"
COUNTDOWN = {
    "en": ["Shift, press 2 more times to exit the page", "Shift, press 1 more time to exit the page", "Exit this page cancelled"],
    "nl": ["Shift, druk nog 2 keer om de pagina te verlaten", "Shift, druk nog 1 keer om de pagina te verlaten", "Verlaten van de pagina afgebroken"],
}
ROOT = {"en": "/", "nl": "/nl/"}
STATUS = ".fpd-exit__status"


class Neutral:
    """Answers the neutral page locally and keeps the headers of every request for it."""

    def __init__(self, page: Page) -> None:
        self.headers: list[dict[str, str]] = []
        for url in NEUTRAL.values():
            page.route(url + "**", self.answer)

    def answer(self, route: Route) -> None:
        self.headers.append(route.request.headers)
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)


def html_files(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in built_pages(site)}


def press_shift(page: Page, times: int) -> None:
    for _ in range(times):
        page.keyboard.press("Shift")


def wait_until(page: Page, expression: str, timeout_ms: int = 5000) -> None:
    """Poll a JavaScript expression until it is true (wait_for_function would need 'unsafe-eval')."""
    for _ in range(timeout_ms // 50):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(50)
    pytest.fail(f"never true: {expression}")


# The exit starts at once, on the key press that completes it: the page is marked as leaving before it navigates.
LEAVING_JS = "document.documentElement.classList.contains('fpd-exiting') || !!document.querySelector('.fpd-exit-overlay')"


def assert_still_on(page: Page, url: str, neutral: Neutral) -> None:
    """The page has not started to leave, and the neutral page was never asked for."""
    assert not page.evaluate(LEAVING_JS)
    assert page.url == url and not neutral.headers


def status(page: Page) -> str:
    return (page.locator(STATUS).text_content() or "").strip()


# --- The quick exit -------------------------------------------------------


# What the page shows while the exit is under way.
LEAVING_STATE_JS = """() => {
  const shown = sel => { const el = document.querySelector(sel); return !!el && getComputedStyle(el).visibility !== 'hidden'
                         && el.getBoundingClientRect().width > 0; };
  const overlay = document.querySelector('.fpd-exit-overlay');
  return {title: document.title, overlay: overlay && overlay.textContent, overlayShown: shown('.fpd-exit-overlay'),
          content: shown('.md-content'), header: shown('.md-header'), button: shown('.fpd-exit__button')};
}"""


@pytest.mark.browser
def test_shift_three_times_hides_the_page_replaces_it_and_back_returns_to_the_page_before(page: Page, site_url: str) -> None:
    # First the neutral page answers 204 No Content, which cancels the navigation:
    # the exited page stays, so the test can see what it showed while leaving.
    requests: list[dict[str, str]] = []

    def no_content(route: Route) -> None:
        requests.append(route.request.headers)
        route.fulfill(status=204)

    page.route(NEUTRAL["en"] + "**", no_content)
    page.goto(site_url + "/about/")
    # The answer 204 cancels the navigation: the request ends as failed, after the handler above has recorded it.
    with page.expect_event("requestfailed", lambda request: request.url.startswith(NEUTRAL["en"]), timeout=10_000):
        press_shift(page, 3)
    assert len(requests) == 1 and "referer" not in requests[0]
    assert page.evaluate(LEAVING_STATE_JS) == {
        "title": "Loading.", "overlay": "Loading.", "overlayShown": True, "content": False, "header": False, "button": False
    }
    page.unroute(NEUTRAL["en"] + "**")

    # Then for real: the neutral page replaces the exited one in history.
    neutral = Neutral(page)
    page.goto(site_url + "/")
    page.click(".md-content a[href$='about/']")
    page.wait_for_url(site_url + "/about/")
    press_shift(page, 3)
    page.wait_for_url(NEUTRAL["en"])
    assert len(neutral.headers) == 1 and "referer" not in neutral.headers[0]
    page.go_back()
    page.wait_for_url(site_url + "/")  # the page before the exited one, not /about/


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_countdown_is_announced_in_the_pages_language(page: Page, site_url: str, lang: str) -> None:
    Neutral(page)
    page.goto(site_url + ROOT[lang] + "privacy/")
    assert page.locator(STATUS).get_attribute("role") == "status"
    assert status(page) == ""
    press_shift(page, 1)
    assert status(page) == COUNTDOWN[lang][0]
    press_shift(page, 1)
    assert status(page) == COUNTDOWN[lang][1]
    press_shift(page, 1)
    page.wait_for_url(NEUTRAL[lang])


@pytest.mark.browser
def test_capitals_typed_with_shift_in_the_search_box_do_not_exit(page: Page, site_url: str) -> None:
    neutral = Neutral(page)
    page.goto(site_url + "/")
    page.click(".md-search__input")
    for letter in "CDM":  # Shift held for each capital, as when typing "Caring Dads Matter"
        page.keyboard.down("Shift")
        page.keyboard.press(f"Key{letter}")
        page.keyboard.up("Shift")
        page.keyboard.type("ab")
    page.keyboard.down("Shift")  # and held across several capitals
    for letter in "XYZ":
        page.keyboard.press(f"Key{letter}")
    page.keyboard.up("Shift")
    assert_still_on(page, site_url + "/", neutral)
    assert page.input_value(".md-search__input") == "CabDabMabXYZ"
    assert status(page) == ""


@pytest.mark.browser
def test_a_press_more_than_5_seconds_after_the_last_starts_again(own_page: Page, site_url: str) -> None:
    page = own_page  # its clock stays Playwright's for the rest of its context
    neutral = Neutral(page)
    # The page's timers run on Playwright's clock, stopped once the page is loaded and then moved on, never waited for.
    page.clock.install(time=datetime.datetime(2026, 11, 22, 10, 0))
    page.goto(site_url + "/nl/")
    page.clock.pause_at(datetime.datetime(2026, 11, 22, 11, 0))
    press_shift(page, 2)
    assert status(page) == COUNTDOWN["nl"][1]
    page.clock.run_for(4900)
    assert status(page) == COUNTDOWN["nl"][1]  # still counting just before 5 seconds
    page.clock.run_for(200)
    assert status(page) == COUNTDOWN["nl"][2]  # the time-out is announced
    press_shift(page, 1)
    assert status(page) == COUNTDOWN["nl"][0]  # counted as the first press again
    assert_still_on(page, site_url + "/nl/", neutral)


@pytest.mark.browser
def test_any_other_key_starts_the_count_again_and_esc_never_exits(page: Page, site_url: str) -> None:
    neutral = Neutral(page)
    page.goto(site_url + "/")
    for _ in range(3):
        page.keyboard.press("Escape")
    assert status(page) == ""
    press_shift(page, 2)
    page.keyboard.press("KeyA")
    assert status(page) == ""
    press_shift(page, 1)
    assert status(page) == COUNTDOWN["en"][0]
    assert_still_on(page, site_url + "/", neutral)


@pytest.mark.browser
def test_the_button_exits_and_back_returns_to_the_page_before(page: Page, site_url: str) -> None:
    neutral = Neutral(page)
    page.goto(site_url + "/nl/")
    page.goto(site_url + "/nl/glossary/")
    page.click(".fpd-exit__button")
    page.wait_for_url(NEUTRAL["nl"])
    assert "referer" not in neutral.headers[0]
    page.go_back()
    page.wait_for_url(site_url + "/nl/")


@pytest.mark.browser
def test_the_hidden_link_is_reached_by_tab_and_exits(page: Page, site_url: str) -> None:
    neutral = Neutral(page)
    page.goto(site_url + "/programmes/")
    link = page.locator(".fpd-exit-skip")
    hidden = link.bounding_box()
    assert not link.is_visible() or (hidden is not None and hidden["width"] <= 1)  # hidden until focused
    for _ in range(2):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('fpd-exit-skip')"):
            break
    else:
        pytest.fail("the hidden exit link is not among the first two Tab stops")
    box = link.bounding_box()
    assert box is not None
    assert box["width"] >= 44 and box["height"] >= 44  # shown when focused
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL["en"])
    assert "referer" not in neutral.headers[0]


@pytest.mark.browser
def test_without_javascript_the_button_is_a_plain_link_that_still_exits(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        neutral = Neutral(page)
        page.goto(site_url + "/nl/about/")
        page.click(".fpd-exit__button")
        page.wait_for_url(NEUTRAL["nl"])
        assert "referer" not in neutral.headers[0]
        # As the staying-safe page says: without the script the page stays in the history.
        page.go_back()
        assert page.url == site_url + "/nl/about/"
        page.goto(site_url + "/nl/staying-safe-online/")
        assert page.locator("#als-javascript-uitstaat").is_visible()
        page.goto(site_url + "/staying-safe-online/")
        assert "pressing Back returns to it" in page.locator("#if-javascript-is-off + p + ul").inner_text()
    finally:
        context.close()


CONTRAST_JS = """el => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const s = getComputedStyle(el);
  const [a, b] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
  return {contrast: (a + 0.05) / (b + 0.05), size: parseFloat(s.fontSize), weight: Number(s.fontWeight),
          background: s.backgroundColor, shadow: s.boxShadow, outline: s.outlineStyle};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width,height", [(1280, 800), (320, 640)])
def test_the_button_is_big_clear_on_screen_when_scrolled_and_hidden_in_print(browser: Browser, site_url: str, width: int, height: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        Neutral(page)
        page.goto(site_url + "/accessibility/")  # a page long enough to scroll
        button = page.locator("aside[aria-label] .fpd-exit__button")
        assert button.count() == 1 and page.locator("aside.fpd-exit").get_attribute("aria-label") == "Quick exit"
        assert page.locator("aside.fpd-exit .fpd-exit__safety").get_attribute("href") == "../staying-safe-online/"
        style = button.evaluate(CONTRAST_JS)
        assert style["contrast"] >= 4.5 and style["size"] >= 16 and style["weight"] >= 700, style
        page.mouse.wheel(0, 5000)
        wait_until(page, "scrollY > 200")
        box = button.bounding_box()
        assert box is not None
        assert box["width"] >= 44 and box["height"] >= 44, box
        assert 0 <= box["x"] and box["x"] + box["width"] <= width and 0 <= box["y"] and box["y"] + box["height"] <= height, box
        assert page.evaluate("(([x, y]) => document.elementFromPoint(x, y).closest('.fpd-exit__button') !== null)", [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        # A strong focus style: yellow, with a dark bar below, and still readable.
        button.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        focused = button.evaluate(CONTRAST_JS)
        assert focused["background"] == "rgb(255, 221, 0)" and "rgb(11, 12, 12)" in focused["shadow"], focused
        assert focused["contrast"] >= 4.5, focused
        page.emulate_media(media="print")
        assert not button.is_visible() and not page.locator("aside.fpd-exit").is_visible()
    finally:
        context.close()


# --- Privacy --------------------------------------------------------------


@pytest.fixture
def recorded(browser: Browser, site_url: str) -> Iterator[tuple[Page, list[str], list[str]]]:
    """A tab whose every request and every console error or CSP violation is recorded; other hosts are refused."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    requests: list[str] = []
    problems: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.route(re.compile(r"^(?!" + re.escape(site_url) + r"/).*"), lambda route: route.abort())
    context.add_init_script(CSP_LOGGER)
    page = context.new_page()
    page.on("console", lambda message: problems.append(f"{page.url}: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    yield page, requests, problems
    context.close()


@pytest.mark.browser
def test_browsing_searching_and_switching_language_stay_on_the_site_and_store_nothing(recorded: tuple, site_url: str) -> None:
    page, requests, problems = recorded
    page.goto(site_url + "/")
    page.click(".md-search__input")
    page.keyboard.type("Caring Dads")
    page.locator(".md-search-result__item").first.wait_for()
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("load")
    page.goto(site_url + "/programmes/example-group/")
    page.click(".fpd-languages__link[hreflang=nl]")
    page.wait_for_url(site_url + "/nl/programmes/example-group/")
    page.click(".md-search__input")
    page.keyboard.type("vaders")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("Escape")
    page.click(".md-nav__link[href$='glossary/']")
    page.wait_for_url(site_url + "/nl/glossary/")
    # Material's own helper would have written to localStorage; here it writes nothing.
    page.evaluate("__md_set('__palette', {index: 1}); __md_set('__tabs', ['x'], sessionStorage)")
    assert page.evaluate(STORAGE_JS) == ["", 0, 0]
    assert page.context.cookies() == []
    foreign = [url for url in requests if not url.startswith(site_url + "/")]
    assert not foreign
    assert any(url.startswith(site_url + "/nl/pagefind/index/nl_") for url in requests)
    assert not problems


STRIP_FIX = re.compile(r'<script>document\.addEventListener\("DOMContentLoaded".*?</script>', re.DOTALL)


@pytest.mark.browser
def test_material_requests_no_sitemap_and_the_alternates_stay_absolute(recorded: tuple, site_url: str) -> None:
    page, requests, problems = recorded
    for path in ("/", "/about/", "/nl/", "/nl/programmes/example-group/", "/referrals/social-worker/"):
        page.goto(site_url + path, wait_until="load")
        page.wait_for_timeout(200)
        alternates = page.evaluate("[...document.querySelectorAll('link[rel=alternate][hreflang]')].map(l => [l.hreflang, l.getAttribute('href')])")
        english = "https://directory.example.org" + path.removeprefix("/nl")
        dutch = "https://directory.example.org/nl" + path.removeprefix("/nl")
        assert sorted(alternates) == sorted([["en", english], ["nl", dutch], ["x-default", english]]), alternates
    assert not [url for url in requests if url.endswith("sitemap.xml") or "directory.example.org" in url]
    assert not problems


@pytest.mark.browser
def test_without_the_fix_material_would_request_sitemaps(recorded: tuple, site_url: str) -> None:
    """The control for the test above: the same page without our script makes Material fetch <alternate>/sitemap.xml."""
    page, requests, _ = recorded

    def strip(route: Route) -> None:
        response = route.fetch()
        html, count = STRIP_FIX.subn("", response.text())
        assert count == 1
        route.fulfill(response=response, body=html)

    page.route(site_url + "/about/", strip)
    page.goto(site_url + "/about/", wait_until="load")
    page.wait_for_timeout(300)
    assert "https://directory.example.org/about/sitemap.xml" in requests


# --- The built HTML -------------------------------------------------------


def test_every_page_has_no_referrer_and_a_csp_without_unsafe_inline_that_allows_exactly_its_scripts(site: Path) -> None:
    for name, html in html_files(site).items():
        assert '<meta name="referrer" content="no-referrer">' in html, name
        policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert len(policies) == 1, name
        # 'wasm-unsafe-eval' (the search's WebAssembly) is allowed; 'unsafe-eval' and 'unsafe-inline' never.
        assert "unsafe-inline" not in policies[0] and "'unsafe-eval'" not in policies[0], name
        assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in policies[0], name
        assert "default-src 'none'" in policies[0] and "connect-src 'self'" in policies[0], name
        allowed = re.findall(r"'sha256-[^']+'", policies[0])
        assert sorted(allowed) == sorted(script_hashes(html)) and len(allowed) >= 2, name
        # The policy comes before anything that loads or runs.
        assert html.index("Content-Security-Policy") < min(html.index("<script"), html.index("<link")), name


def test_no_inline_event_handlers_and_new_windows_are_noopener_noreferrer(site: Path) -> None:
    for name, html in html_files(site).items():
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, re.IGNORECASE), name
        for tag in re.findall(r"<a\b[^>]*target=\"_blank\"[^>]*>", html):
            rel = re.search(r'rel="([^"]*)"', tag)
            assert rel and {"noopener", "noreferrer"} <= set(rel.group(1).split()), (name, tag)
        for tag in re.findall(r'<a\b[^>]*class="[^"]*fpd-js-exit[^"]*"[^>]*>', html):
            assert 'rel="nofollow noopener noreferrer"' in tag and NEUTRAL["nl" if name.startswith("nl/") else "en"] in tag, (name, tag)


def test_every_page_links_the_safety_accessibility_and_privacy_pages_from_its_footer(site: Path) -> None:
    for name, html in html_files(site).items():
        footer = html[html.index('<footer class="md-footer"') :]
        for page in ("staying-safe-online/", "accessibility/", "privacy/"):
            here = name.removeprefix("nl/") == page + "index.html"
            link = r'<a href="\./" aria-current="page">' if here else r'<a href="[^"]*' + page + '">'
            assert re.search(link, footer), (name, page)


SHIPPED = 'var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))'
"""One of Material's own inline scripts (partials/javascripts/content.html)."""
SCOPE = '__md_scope=new URL("{}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=()=>null,__md_set=()=>{{}}'
"""Our override of Material's helpers (overrides/partials/javascripts/base.html), where the template prints the page's base address."""


def test_add_csp_hashes_only_the_scripts_the_site_ships_and_replaces_an_earlier_policy() -> None:
    html = (
        f'<!doctype html><html><head><meta charset="utf-8"><script>{SHIPPED}</script>'
        '<script src="x.js"></script><script type="application/json">{"b": 1}</script></head>'
        f"<body><script>{SHIPPED}</script><script type=module>{SCOPE.format('../..')}</script>\n<script>a()</script></body></html>"
    )
    once = add_csp(html)
    # The two shipped scripts, each once; not the JSON block, not the external script, not a().
    assert script_hashes(html) == ["'sha256-/8wPdzX9q0NNJXyA5lzsLojXFpkeaXVxhbfkUOQaWy8='", "'sha256-LcWPC65fsZIj6fTCby9T1JhNGD60uI3oOApocPiPTSw='"]
    assert foreign_scripts(html) == [(2, "a()")]
    assert once.startswith('<!doctype html><html><head><meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="default-src \'none\'; script-src \'self\' \'wasm-unsafe-eval\' \'sha256-')
    assert add_csp(once) == once
    with pytest.raises(ValueError):
        add_csp("<p>no head</p>")


def test_a_shipped_script_may_hold_only_an_address_on_this_site_where_its_template_prints() -> None:
    """The 404 page's absolute path and a page's relative one are the template's; another host or a quote is not."""
    for address in (".", "..", "../../..", "/", "/nl/", "/directory/nl/"):
        assert foreign_scripts(f"<script>{SCOPE.format(address)}</script>") == [], address
    for address in ("//evil.example.net/", "https://evil.example.net/", '",alert(1),"', "../x'"):
        assert foreign_scripts(f"<script>{SCOPE.format(address)}</script>") != [], address
