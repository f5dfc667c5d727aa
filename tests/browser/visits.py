"""Visiting every built page in Chromium with axe-core loaded, and what each visit saw.

The accessibility tests (test_accessibility.py, at 1280 px) and the reflow tests
(test_reflow.py, at 320 px) each visit every page of the fixture site, so that
every template, and every hand-written page that names no real record, is seen
(the pages that do are replaced by tests/fixtures/content/). Each page is visited once per window size and everything measured on that
visit is kept. axe-core (the copy axe-playwright-python ships) runs with the
WCAG 2.0/2.1/2.2 A and AA rules, and landmark-unique; each context loads it into every page once, as
an init script, instead of sending it again for every check. The two widths are
two test modules so that pytest-xdist (--dist loadfile) visits them at once, in
two workers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize

from generator.publish.mkdocs_config import read_base
from tests.conftest import ROOT, built_pages

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    # A best-practice rule, outside the WCAG tags: Material makes every entry of a page's contents a <nav>
    # named by its heading, and two alike (a country and an area that is the whole of it) are two landmarks
    # a screen reader cannot tell apart (issue #20, the Dutch role pages).
    "rules": {"landmark-unique": {"enabled": True}},
    "resultTypes": ["violations"],
}
WIDE: ViewportSize = {"width": 1280, "height": 800}
NARROW: ViewportSize = {"width": 320, "height": 640}
PHONE: ViewportSize = {"width": 375, "height": 667}

# Headings in document order, and whether the page scrolls sideways.
HEADINGS_JS = "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1]))"
SIDEWAYS_JS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
# The element focused after each Tab press from the top of a fresh page.
FOCUSED_JS = "document.activeElement ? (document.activeElement.className || document.activeElement.tagName) : ''"
# What the page keeps in the reader's browser.
STORAGE_JS = "[document.cookie, localStorage.length, sessionStorage.length]"
# A page's Content-Security-Policy violations, said as console errors so that the visit records them with its errors.
CSP_LOGGER = "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))"


def page_paths(site: Path) -> list[str]:
    """Every built HTML page as a URL path: both languages and the 404 pages."""
    paths = []
    for path in built_pages(site):
        relative = path.relative_to(site).as_posix()
        paths.append("/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative))
    return paths


def with_axe(browser: Browser, viewport: ViewportSize, touch: bool = False) -> BrowserContext:
    """A browser context whose every page has axe-core loaded, refusing the neutral pages' real hosts; a phone's touch screen where asked."""
    context = browser.new_context(viewport=viewport, has_touch=touch, is_mobile=touch)
    context.add_init_script(AXE_SCRIPT)
    context.add_init_script(CSP_LOGGER)
    for neutral in read_base(ROOT)["extra"]["quick_exit"].values():
        context.route(neutral + "**", lambda route: route.abort())
    return context


def axe_violations(page: Page, scope: str | None = None) -> list[str]:
    """What axe finds on the page as it is now (only in `scope`, a selector, if given)."""
    found = page.evaluate("([scope, options]) => axe.run(scope || document, options)", [scope, AXE_OPTIONS])
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
    errors: list[str] = field(default_factory=list)
    """Console errors, uncaught exceptions and CSP violations while the page was open."""
    requests: list[str] = field(default_factory=list)
    """Every address the page asked for."""
    stored: list[object] = field(default_factory=list)
    """Its cookies, and how many items it keeps in localStorage and sessionStorage."""


def visit_every_page(browser: Browser, urls: list[str], viewport: ViewportSize, focus_exit: bool, touch: bool = False) -> dict[str, Visit]:
    """Open every page in one tab and record axe's findings, headings, overflow, first Tab stops, errors, requests and storage, by address."""
    context = with_axe(browser, viewport, touch)
    page = context.new_page()
    visits: dict[str, Visit] = {}
    now: list[Visit] = []  # the visit under way, for the handlers below
    page.on("console", lambda message: now[-1].errors.append(message.text) if message.type == "error" and now else None)
    page.on("pageerror", lambda error: now[-1].errors.append(str(error)) if now else None)
    context.on("request", lambda request: now[-1].requests.append(request.url) if now else None)
    try:
        for url in urls:
            visit = Visit()
            now.append(visit)
            page.goto(url, wait_until="load")
            visit.stored = page.evaluate(STORAGE_JS)
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


def every_page(site: Path, site_url: str) -> list[str]:
    """Every page of the fixture site, as addresses."""
    found = page_paths(site)
    assert "/" in found and "/nl/" in found and "/nl/staying-safe-online/" in found and "/accessibility/" in found
    addresses = [site_url + path for path in found]
    dutch = [address for address in addresses if urlsplit(address).path.startswith("/nl/")]
    assert len(addresses) - len(dutch) == len(dutch) > 20, "each language has as many pages"
    return addresses
