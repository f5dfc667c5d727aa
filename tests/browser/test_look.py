"""What a reader sees, in a real browser: each item of issue #14's look, in both
languages, at 1280 and 375 px, with JavaScript and without.

Each test opens the fixture site (tests/conftest.py) in a context of one
window width and one JavaScript setting; requests to any other host are
refused, so the quick exit's neutral pages are never fetched. The fixture home
pages hold the real home pages' ways in, word for word.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize

from generator.publish.mkdocs_config import read_base
from tests.conftest import FIXTURE_CONTENT, ROOT, fixture_files

pytestmark = pytest.mark.browser

WIDTHS: dict[str, ViewportSize] = {"1280": {"width": 1280, "height": 800}, "375": {"width": 375, "height": 740}}
ROOTS = {"en": "/", "nl": "/nl/"}
SITE_NAME = {"en": "Fathers' Programme Directory", "nl": "Wegwijzer programma's voor vaders"}
# The contacts of the fixture programme example-group: a team's address and a named person.
EXAMPLE_PEOPLE = ["team@service.example.org", "Alex Example"]
LABELS = {"en": ["E-mail", "Phone"], "nl": ["E-mail", "Telefoon"]}
PRINTED = {"en": "Printed on 22 November 2026", "nl": "Afgedrukt op 22 november 2026"}
NEUTRAL: dict[str, str] = read_base(ROOT)["extra"]["quick_exit"]


def open_view(browser: Browser, address: str, width: str, js: bool) -> tuple[BrowserContext, Page]:
    """A context at one width, with or without JavaScript, refusing every host but `address`, and a tab in it."""
    context = browser.new_context(viewport=WIDTHS[width], java_script_enabled=js)
    context.route(re.compile(r"^(?!" + re.escape(address) + r"/).*"), lambda route: route.abort())
    return context, context.new_page()


VIEW_PARAMS = [(w, js) for w in WIDTHS for js in (True, False)]


def view_id(param: tuple[str, bool]) -> str:
    """A view's name in a test's id: width, then js or nojs."""
    return f"{param[0]}-{'js' if param[1] else 'nojs'}"


@pytest.fixture(scope="module", params=VIEW_PARAMS, ids=view_id)
def shared_view(request: pytest.FixtureRequest, browser: Browser, site_url: str) -> Iterator[tuple[Page, str, bool]]:
    """One tab on the fixture site per width and JavaScript setting, for every test of that view: (page, width, js)."""
    yield from tab_of_its_own(request.param, browser, site_url)


@pytest.fixture
def view(shared_view: tuple[Page, str, bool]) -> tuple[Page, str, bool]:
    """The view's tab, on screen as a reader first sees it: each test navigates it, so nothing of the last page stays."""
    page = shared_view[0]
    page.emulate_media(media="screen")
    return shared_view


def tab_of_its_own(param: tuple[str, bool], browser: Browser, address: str) -> Iterator[tuple[Page, str, bool]]:
    """A tab in a context of its own at one view, closed after use: (page, width, js)."""
    width, js = param
    context, page = open_view(browser, address, width, js)
    yield page, width, js
    context.close()


@pytest.fixture(params=VIEW_PARAMS, ids=view_id)
def own_view(request: pytest.FixtureRequest, browser: Browser, site_url: str) -> Iterator[tuple[Page, str, bool]]:
    """A tab on the fixture site in a context of its own, for a test that sets the context's clock."""
    yield from tab_of_its_own(request.param, browser, site_url)


LANGS = pytest.mark.parametrize("lang", ["en", "nl"])

# Every contact card in an area of the page: its left edge, its people, its labels, and whether lists nest.
CARDS_JS = """scope => [...document.querySelectorAll(scope + ' .fpd-contact')].map(card => {
  const r = card.getBoundingClientRect();
  return {left: Math.round(r.left), top: r.top, bottom: r.bottom, text: card.textContent,
          labels: [...card.querySelectorAll('dt')].map(dt => dt.textContent.trim()),
          labelWeights: [...card.querySelectorAll('dt')].map(dt => Number(getComputedStyle(dt).fontWeight)),
          nested: card.querySelectorAll('dd dl, dl dl, dt strong').length,
          ddsWithMore: [...card.querySelectorAll('dd')].filter(dd => dd.querySelector('a') && dd.textContent.trim() !== dd.querySelector('a').textContent.trim()).length};
})"""


def assert_plain_cards(page: Page, scope: str, lang: str) -> None:
    """example-group's two contacts: two cards one below another, none inside another."""
    cards = page.evaluate(CARDS_JS, scope)
    assert len(cards) == len(EXAMPLE_PEOPLE), cards
    for card, person in zip(cards, EXAMPLE_PEOPLE):
        assert person in card["text"]
        assert card["labels"] == LABELS[lang], card
        assert all(weight < 700 for weight in card["labelWeights"]), card  # labels, not bold headings
        assert card["nested"] == 0 and card["ddsWithMore"] == 0, card  # nothing nested, no link running into text
    assert len({card["left"] for card in cards}) == 1, cards  # no card indented inside another
    assert all(a["bottom"] <= b["top"] for a, b in zip(cards, cards[1:])), cards


@LANGS
def test_contacts_are_plain_cards_on_the_programme_provider_and_referral_pages(view: tuple, site_url: str, lang: str) -> None:
    page, _, _ = view
    for path, scope in [
        ("programmes/example-group/", ".md-content"),
        ("providers/example/", ".md-content"),
        ("referrals/social-worker/", '.fpd-programme-answer[data-programme="example-group"]'),
    ]:
        page.goto(site_url + ROOTS[lang] + path)
        assert_plain_cards(page, scope, lang)


@LANGS
def test_contacts_are_plain_cards_in_a_finder_answer(view: tuple, site_url: str, lang: str) -> None:
    page, _, js = view
    if not js:
        # Without JavaScript the finder's form leads to the referral page for the role, tested above.
        page.goto(site_url + ROOTS[lang] + "referrals/social-worker/")
        assert_plain_cards(page, '.fpd-programme-answer[data-programme="example-group"]', lang)
        return
    page.goto(site_url + ROOTS[lang] + "finder/?role=social_worker&country=GB")
    page.wait_for_selector('#fpd-finder-results[data-state="ready"]', state="attached")
    assert_plain_cards(page, '#fpd-finder-results .fpd-programme-answer[data-programme="example-group"]', lang)


@LANGS
def test_every_programme_names_its_provider_in_the_tab_the_heading_and_the_printed_sheet(view: tuple, site_url: str, site: object, lang: str) -> None:
    page, _, _ = view
    ids = sorted(path.parent.name for path in (site / "programmes").glob("*/index.html"))  # type: ignore[operator]
    providers = {programme.id: item.record.provider.short_name for item in fixture_files() for programme in item.record.programmes}
    assert ids == sorted(providers) and len(set(providers.values())) > 1
    titles = []
    for programme in ids:
        page.goto(site_url + ROOTS[lang] + f"programmes/{programme}/")
        heading = page.locator("h1").inner_text()
        assert re.fullmatch(r".+ — " + re.escape(providers[programme]), heading), heading
        assert page.title() == f"{heading} - {SITE_NAME[lang]}"
        page.emulate_media(media="print")
        assert page.locator("h1").is_visible()
        page.emulate_media(media="screen")
        titles.append(page.title())
    assert len(set(titles)) == len(ids), titles


@LANGS
def test_the_home_pages_tab_reads_the_sites_name_once(view: tuple, site_url: str, lang: str) -> None:
    page, _, _ = view
    page.goto(site_url + ROOTS[lang])
    assert page.title() == SITE_NAME[lang]


@LANGS
def test_the_printed_sheet_carries_the_directorys_name_the_address_and_the_day_printed(own_view: tuple, site_url: str, lang: str) -> None:
    page, _, js = own_view
    if js:
        page.clock.set_fixed_time(datetime.datetime(2026, 11, 22, 10, 0))
    page.goto(site_url + ROOTS[lang] + "programmes/example-group/")
    source = page.locator(".fpd-sheet-source")
    assert not source.is_visible()  # on screen the page has its header
    page.emulate_media(media="print")
    assert source.is_visible()
    text = source.inner_text()
    assert SITE_NAME[lang] in text
    # The fixture site is built with mkdocs.yml's placeholder address, which no sheet shows.
    assert "example.org" not in text
    address = re.search(r"https?://\S+", text)
    if js:
        # The address the page was read at.
        assert address and address.group(0) == page.url, text
        assert PRINTED[lang] in text, text
    else:
        assert not address, text  # no address it cannot know
        assert PRINTED[lang].split()[0] not in text  # no date it cannot know
    # The sheet starts with it: nothing printed above it but the page's own heading below.
    assert source.bounding_box()["y"] < page.locator("h1").bounding_box()["y"]


HEADER_NAME_JS = """() => {
  const topics = [...document.querySelectorAll('.md-header__topic')].filter(t => t.getBoundingClientRect().width > 0
                   && getComputedStyle(t).opacity !== '0' && getComputedStyle(t).visibility !== 'hidden');
  return topics.map(t => { const s = t.querySelector('.md-ellipsis');
    return {text: t.textContent.trim(), cut: s.scrollWidth > s.clientWidth + 1 || getComputedStyle(s).textOverflow === 'ellipsis' && s.scrollWidth > s.clientWidth,
            right: t.getBoundingClientRect().right, inner: document.querySelector('.md-header__inner').getBoundingClientRect().right}; });
}"""


@LANGS
def test_the_header_shows_the_sites_whole_name_at_every_width_and_scroll(view: tuple, site_url: str, lang: str) -> None:
    page, _, _ = view
    page.goto(site_url + ROOTS[lang] + "programmes/example-group/")
    for scroll in (0, 1500):
        page.evaluate(f"window.scrollTo(0, {scroll})")
        page.wait_for_timeout(100)  # Material's header reacts to scrolling on the next frame
        topics = page.evaluate(HEADER_NAME_JS)
        assert [topic["text"] for topic in topics] == [SITE_NAME[lang]], topics
        assert not topics[0]["cut"] and topics[0]["right"] <= topics[0]["inner"], topics


WAYS_IN = re.compile(r'<div class="fpd-ways" markdown="block">.*?\n</div>\n\n</div>\n', re.S)


@LANGS
def test_the_fixture_home_page_has_the_real_home_pages_ways_in(lang: str) -> None:
    real = WAYS_IN.search((ROOT / "content" / lang / "index.md").read_text(encoding="utf-8"))
    fixture = WAYS_IN.search((FIXTURE_CONTENT / lang / "index.md").read_text(encoding="utf-8"))
    assert real and fixture and real.group(0) == fixture.group(0)


@LANGS
def test_fathers_have_their_own_way_in_from_the_home_page(view: tuple, site_url: str, lang: str) -> None:
    page, _, _ = view
    page.goto(site_url + ROOTS[lang])
    heading = page.locator("h2", has_text={"en": "Advised to do a course?", "nl": "Een cursus aangeraden?"}[lang])
    way = page.locator(".fpd-way", has=heading)
    assert way.count() == 1 and heading.is_visible()
    hrefs = [link.get_attribute("href") for link in way.locator("a").all()]
    assert "referrals/self/" in hrefs and "family-courts/" in hrefs, hrefs
    way.locator('a[href="referrals/self/"]').click()
    page.wait_for_url(site_url + ROOTS[lang] + "referrals/self/")


@LANGS
def test_emergency_and_helpline_numbers_are_tap_to_call_links(view: tuple, site_url: str, lang: str) -> None:
    page, _, _ = view
    page.goto(site_url + ROOTS[lang] + "staying-safe-online/")
    for number, href in [("999", "tel:999"), ("112", "tel:112"), ("0800-2000", "tel:+318002000"), ("0808 2000 247", "tel:+448082000247")]:
        link = page.locator(f'.md-content a[href="{href}"]')
        assert link.count() == 1 and link.inner_text() == number, href
        assert link.is_visible()


@LANGS
def test_the_quick_exit_goes_to_a_neutral_page_in_the_pages_language(view: tuple, site_url: str, lang: str) -> None:
    page, _, _ = view
    page.goto(site_url + ROOTS[lang] + "about/")
    targets = {link.get_attribute("href") for link in page.locator(".fpd-js-exit").all()}
    assert targets == {NEUTRAL[lang]}
    assert (urlsplit(NEUTRAL[lang]).hostname or "").endswith({"en": ".uk", "nl": ".nl"}[lang])


CONTRAST_JS = """el => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const s = getComputedStyle(el);
  return {contrast: (lum('rgb(255,255,255)') + 0.05) / (lum(s.color) + 0.05), size: parseFloat(s.fontSize), weight: Number(s.fontWeight)};
}"""


@LANGS
def test_headings_are_black_and_heavy_and_text_is_readable(view: tuple, site_url: str, lang: str) -> None:
    page, width, _ = view
    for path in ("", "programmes/example-group/", "compare/"):
        page.goto(site_url + ROOTS[lang] + path)
        h1 = page.locator("h1").evaluate(CONTRAST_JS)
        assert h1["weight"] >= 700 and h1["contrast"] >= 15 and h1["size"] >= (36 if width == "1280" else 28), (path, h1)
        for h2 in page.locator(".md-content h2").all()[:3]:
            style = h2.evaluate(CONTRAST_JS)
            assert style["weight"] >= 700 and style["contrast"] >= 15, (path, style)
        body = page.locator(".md-content p").first.evaluate(CONTRAST_JS)
        assert body["size"] >= 16 and body["contrast"] >= 15, (path, body)


@LANGS
def test_the_menu_is_grouped_and_editors_and_open_data_are_in_the_footer(view: tuple, site_url: str, lang: str) -> None:
    page, _, _ = view
    page.goto(site_url + ROOTS[lang])
    groups = {"en": ["Find and refer", "For fathers and families", "About the directory"],
              "nl": ["Zoeken en aanmelden", "Voor vaders en gezinnen", "Over de wegwijzer"]}[lang]
    # The drawer is hidden on a phone until opened, so its words are read, not looked at.
    labels = [text.strip() for text in page.locator(".md-nav--primary > .md-nav__list > .md-nav__item--section > .md-nav__link").all_text_contents()]
    assert labels == groups
    menu = [link.get_attribute("href") for link in page.locator(".md-nav--primary a").all()]
    footer = [link.get_attribute("href") for link in page.locator(".md-footer a").all()]
    assert menu and footer
    for path in ("editors/", "open-data/"):
        assert not [href for href in menu if href and href.endswith(path)], menu
        assert path in footer, footer


TARGETS = ".md-header__button:not(.md-logo), .fpd-languages__link, .fpd-exit__button, .fpd-exit__safety, .md-footer a, .md-content .md-button"
# Each visible target (as Playwright's is_visible has it: a box that is not empty, not visibility:hidden)
# with its name and box, in one call instead of three per target.
VISIBLE_BOXES_JS = """targets => targets.filter(t => { const r = t.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(t).visibility !== 'hidden'; })
  .map(t => { const r = t.getBoundingClientRect();
    return [t.innerText.trim() || t.getAttribute('class'), {x: r.x, y: r.y, width: r.width, height: r.height}]; })"""


@LANGS
def test_no_sideways_scrolling_and_every_control_is_a_44_px_tap_target(view: tuple, site_url: str, lang: str) -> None:
    page, width, _ = view
    for path in ("", "programmes/example-group/", "compare/", "finder/"):
        page.goto(site_url + ROOTS[lang] + path)
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, path
        boxes = page.locator(TARGETS).evaluate_all(VISIBLE_BOXES_JS)
        assert len(boxes) >= 5, (path, boxes)
        small = [(name, box) for name, box in boxes if box["height"] < 44 or box["width"] < 44]
        assert not small, (path, width, small)
