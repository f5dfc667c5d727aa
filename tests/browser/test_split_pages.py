"""Pages split by area in a directory too large for one page each: the role
pages, the finder that fetches only the part it needs, the comparison and the
all-programmes table, in Debian's Chromium with JavaScript and without."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.build import build
from generator.records.geography import gss_names

from ..conftest import FIXTURES, TODAY, built_pages, copy_fixture_project, fixture_files, serve

pytestmark = pytest.mark.browser

LANGS = {"en": "", "nl": "nl/"}
MADE_UP = 30
"""Made-up providers (two programmes each, one area each): enough for every split page to have two parts."""
AREAS = sorted(code for code in gss_names() if code.startswith("E07"))[:MADE_UP]
"""An official area code for each made-up provider: real ONS district codes."""
FAR_AREA = AREAS[-1]
"""An area in the last part."""
NEAR_AREA = AREAS[0]
"""An area in the first part (the records are read in the order of their file names)."""


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture records and MADE_UP copies of the fixture provider, built and served."""
    root = copy_fixture_project(tmp_path_factory.mktemp("large"))
    text = (FIXTURES / "example.yaml").read_text(encoding="utf-8")
    for number in range(MADE_UP):
        copy = text.replace("example", f"example-{number}").replace("E10000016", AREAS[number])
        (root / "services" / f"example-{number}.yaml").write_text(copy, encoding="utf-8")
    outcome = build(root, TODAY)
    assert outcome.built, [str(p) for p in outcome.problems] + outcome.messages
    with serve(root / "site") as address:
        yield address


def fetched(page) -> list[str]:
    """The paths the page's script fetches from now on."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(urlsplit(request.url).path) if request.resource_type == "fetch" else None)
    return seen


@pytest.mark.parametrize("lang", list(LANGS))
def test_the_finder_fetches_only_the_part_for_the_chosen_role_and_area(page, large_site, lang):
    requests = fetched(page)
    page.goto(f"{large_site}/{LANGS[lang]}finder/?role=social_worker&area={FAR_AREA}")
    page.wait_for_selector('#fpd-finder-results[data-state="ready"]')
    part = page.locator(f'#fpd-area option[value="{FAR_AREA}"]').get_attribute("data-part")
    assert int(part) > 1
    assert requests == [f"/{LANGS[lang]}referrals/social-worker/{part}/"]
    shown = page.eval_on_selector_all("#fpd-finder-results .fpd-programme-answer", "nodes => nodes.map(n => n.dataset.programme)")
    assert sorted(shown) == [f"example-{MADE_UP - 1}-group", f"example-{MADE_UP - 1}-one-to-one"]
    # An area of the first part comes from the role's own page.
    page.select_option("#fpd-area", NEAR_AREA)
    page.wait_for_selector('#fpd-finder-results[data-state="ready"]')
    assert requests[-1] == f"/{LANGS[lang]}referrals/social-worker/"


@pytest.mark.parametrize("lang", list(LANGS))
def test_without_javascript_an_area_in_a_later_part_is_two_clicks_from_the_finder(browser, large_site, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{large_site}/{LANGS[lang]}finder/")
    role = {"en": "Social worker", "nl": "Maatschappelijk werker"}[lang]
    page.locator("#by-role ~ ul a", has_text=role).click()
    page.wait_for_load_state()
    links = page.locator("#areas ~ ul a")
    assert links.count() >= MADE_UP
    page.locator(f'#areas ~ ul a[href$="#area-{FAR_AREA}"]').click()
    page.wait_for_load_state()
    url = urlsplit(page.url)
    assert url.path.startswith(f"/{LANGS[lang]}referrals/social-worker/") and url.path != f"/{LANGS[lang]}referrals/social-worker/"
    assert url.fragment == f"area-{FAR_AREA}"
    assert page.locator(f'.fpd-area-answers[data-area="{FAR_AREA}"] .fpd-programme-answer').count() == 2
    # The part leads back to the list of every area.
    assert page.locator(".md-content a[href$='#areas']").count() == 1
    context.close()


@pytest.mark.parametrize("lang", list(LANGS))
def test_the_comparison_is_chosen_by_area_then_by_ticking(page, large_site, lang):
    page.goto(f"{large_site}/{LANGS[lang]}compare/")
    first_cards = page.locator(".fpd-card").count()
    assert 0 < first_cards <= 40
    page.locator(f'#areas ~ ul a[href$="#area-{FAR_AREA}"]').click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path != f"/{LANGS[lang]}compare/"
    # The area's link shows that area's programmes only (its two), and the boxes then take one away.
    shown = page.eval_on_selector_all(".fpd-card:visible", "nodes => nodes.map(n => n.dataset.programme)")
    assert sorted(shown) == [f"example-{MADE_UP - 1}-group", f"example-{MADE_UP - 1}-one-to-one"]
    assert page.locator(".fpd-card").count() > len(shown)
    page.uncheck(f'#fpd-compare input[value="example-{MADE_UP - 1}-group"]')
    assert page.eval_on_selector_all(".fpd-card:visible", "nodes => nodes.map(n => n.dataset.programme)") == [f"example-{MADE_UP - 1}-one-to-one"]


def test_without_javascript_every_programme_is_on_some_part_of_the_comparison(browser, large_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{large_site}/compare/")
    parts = sorted({urlsplit(href).path for href in page.eval_on_selector_all("#areas ~ ul a", "links => links.map(a => a.href)")})
    assert len(parts) >= 2
    cards: set[str] = set()
    for path in parts:
        page.goto(large_site + path)
        cards |= set(page.eval_on_selector_all(".fpd-card:visible", "nodes => nodes.map(n => n.dataset.programme)"))
    fixtures = {programme.id for item in fixture_files() for programme in item.record.programmes}
    assert len(cards) == 2 * MADE_UP + len(fixtures) and fixtures < cards and f"example-{MADE_UP - 1}-group" in cards
    context.close()


def test_the_table_opens_the_part_of_the_chosen_area_and_keeps_the_filters(page, large_site):
    page.goto(f"{large_site}/programmes/?format=group")
    assert page.locator("#fpd-filter-format").input_value() == "group"
    page.select_option("#fpd-filter-area", FAR_AREA)
    page.wait_for_url("**/programmes/all/**")
    assert parse_qs(urlsplit(page.url).query) == {"country": ["GB"], "area": [FAR_AREA], "format": ["group"]}
    rows = page.eval_on_selector_all("table tbody tr", "rows => rows.filter(r => !r.hidden).map(r => r.querySelector('td a').getAttribute('href'))")
    assert rows == [f"../../example-{MADE_UP - 1}-group/"]


def test_without_javascript_the_table_pages_link_to_one_another(browser, large_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{large_site}/programmes/")
    first = page.locator("table tbody tr").count()
    assert 0 < first <= 40
    page.locator(".md-content p a", has_text="2").first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/programmes/all/2/"
    assert page.locator("table tbody tr").count() > 0
    context.close()


def test_no_page_is_over_250_kb(large_site, tmp_path_factory):
    # The HSDS endpoints' index.html files are JSON data, not pages: /services holds every programme.
    pages = [page for site in Path(tmp_path_factory.getbasetemp()).glob("large*/site") for page in built_pages(site)]
    assert len(pages) > 100
    assert max(p.stat().st_size for p in pages) < 250_000
