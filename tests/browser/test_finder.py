"""The referral finder, the table filters, the comparison and printed programme
pages, in Debian's Chromium: with and without JavaScript, by keyboard, at
phone width and on A4 paper.

These read the fixture site (tests/fixtures/services/): two made-up providers in
the United Kingdom, one of which names the only way in, and one in the
Netherlands."""

from __future__ import annotations

import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.pages.views import programme_views
from generator.records.model import UNKNOWN

from ..conftest import fixture_files

pytestmark = pytest.mark.browser

LANGS = {"en": "", "nl": "nl/"}
EXAMPLESHIRE = {"example-group", "example-one-to-one"}
"""The fixture programmes in Exampleshire: a social worker may refer to the group; the one-to-one states no route."""
ONLYSHIRE = {"only-route-group", "only-route-follow-on"}
"""The fixture programmes in Onlyshire: the group takes referrals only through the family's key worker."""
DUTCH = {"voorbeeld-vaders"}
"""The fixture programme in the Netherlands."""


def programmes():
    """The views of the fixture records, as the site is built from them."""
    return programme_views([(item.record, item.path) for item in fixture_files()])


PROGRAMME_IDS = [view.programme.id for view in programmes()]


def answer(page):
    """The finder's answer, once it has stopped loading it from the role's page."""
    page.wait_for_selector('#fpd-finder-results:not([data-state="loading"])', state="attached")
    return page.locator("#fpd-finder-results")


def shown_programmes(page) -> set[str]:
    """The programmes whose answers the finder shows."""
    return set(
        answer(page).evaluate(
            "results => [...results.querySelectorAll('.fpd-answer .fpd-programme-answer')]"
            ".filter(n => n.offsetParent !== null).map(n => n.dataset.programme)",
        )
    )


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def outside_requests(page, base: str) -> list[str]:
    """Collect every request the page makes to a host other than the test server."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url) if not request.url.startswith((base, "data:", "blob:")) else None)
    return seen


@pytest.mark.parametrize("lang", list(LANGS))
def test_a_social_worker_in_exampleshire_gets_both_of_its_programmes(page, site_url, lang):
    outside = outside_requests(page, site_url)
    page.goto(f"{site_url}/{LANGS[lang]}finder/?role=social_worker&area=E10000016")
    assert shown_programmes(page) == EXAMPLESHIRE
    assert not page.locator('.fpd-programme-answer[data-programme="only-route-group"]:visible').count()
    assert page.locator("#fpd-role").input_value() == "social_worker"
    assert page.locator("#fpd-area").input_value() == "E10000016"
    assert page.locator("#fpd-country").input_value() == "GB"
    sections = answer(page).locator(".fpd-answer")
    assert sections.count() == 1
    text = sections.inner_text()
    yes, silent = {"en": ("May you refer? Yes\n", "May you refer? Not stated by the provider"), "nl": ("Mag u aanmelden? Ja\n", "Mag u aanmelden? Niet vermeld")}[lang]
    assert text.count(yes) == 1 and text.count(silent) == 1
    heading = {"en": "Social worker · Exampleshire (United Kingdom)", "nl": "Maatschappelijk werker · Exampleshire (Verenigd Koninkrijk)"}[lang]
    assert sections.locator("h3").inner_text() == heading
    status = page.locator("#fpd-finder-status").inner_text()
    assert "2" in status and ("Social worker" if lang == "en" else "Maatschappelijk werker") in status
    assert outside == []


@pytest.mark.parametrize("lang", list(LANGS))
def test_choosing_in_the_form_filters_in_place_and_writes_the_url(page, site_url, lang):
    page.goto(f"{site_url}/{LANGS[lang]}finder/")
    assert shown_programmes(page) == set()
    page.evaluate("window.__same_document = true")
    page.select_option("#fpd-role", "probation_officer")
    page.select_option("#fpd-area", "E10000016")
    assert shown_programmes(page) == EXAMPLESHIRE
    assert page.evaluate("window.__same_document") is True, "the page reloaded"
    assert query(page) == {"role": ["probation_officer"], "area": ["E10000016"]}
    page.select_option("#fpd-area", "E10000024")
    assert shown_programmes(page) == ONLYSHIRE
    assert page.locator("#fpd-country").input_value() == "GB"
    # Only Route Council's guide names the only way in, so the answer is no, and says which way.
    only_through = {"en": "No — only through the family's key worker", "nl": "Nee — alleen via de gezinsbegeleider van het gezin"}[lang]
    assert only_through in answer(page).inner_text()


@pytest.mark.parametrize("lang", list(LANGS))
def test_a_role_of_another_country_says_why_an_area_has_no_answer(page, site_url, lang):
    page.goto(f"{site_url}/{LANGS[lang]}finder/?role=cafcass&area=PV27")
    results = page.locator("#fpd-finder-results .fpd-answer")
    results.first.wait_for()
    assert shown_programmes(page) == set()
    expected = {"en": "This is a role in England.", "nl": "Deze rol bestaat alleen in Engeland."}[lang]
    assert expected in results.first.inner_text()
    # The roles are grouped by the country they belong to.
    groups = page.eval_on_selector_all("#fpd-role optgroup", "gs => gs.map(g => g.label)")
    assert groups[-1] == {"en": "Every country", "nl": "Alle landen"}[lang] and len(groups) == 5


def test_url_state_round_trips(browser, site_url):
    context = browser.new_context()
    first = context.new_page()
    first.goto(f"{site_url}/finder/")
    first.select_option("#fpd-role", "dutch_probation")
    first.select_option("#fpd-country", "NL")
    assert query(first) == {"role": ["dutch_probation"], "country": ["NL"]}
    assert shown_programmes(first) == DUTCH
    # Areas of the other country cannot be chosen while a country is chosen.
    assert first.locator('#fpd-area option[value="E10000016"]').is_disabled()
    first.select_option("#fpd-country", "GB")
    first.select_option("#fpd-role", "self")
    first.select_option("#fpd-area", "E10000016")
    shared = first.url
    assert query(first) == {"role": ["self"], "area": ["E10000016"]}

    second = context.new_page()
    second.goto(shared)
    assert second.locator("#fpd-role").input_value() == "self"
    assert second.locator("#fpd-area").input_value() == "E10000016"
    assert shown_programmes(second) == EXAMPLESHIRE
    assert "After a Cafcass recommendation." in answer(second).inner_text()
    second.reload()
    assert shown_programmes(second) == EXAMPLESHIRE
    # The same choice in the other language.
    second.click("a.fpd-languages__link[hreflang=nl]")
    second.wait_for_load_state()
    assert urlsplit(second.url).path.endswith("/nl/finder/")
    assert query(second) == {"role": ["self"], "area": ["E10000016"]}
    assert shown_programmes(second) == EXAMPLESHIRE
    text = answer(second).inner_text()
    assert "Kunt u zich zelf aanmelden? Ja, u kunt zich zelf aanmelden, onder voorwaarden" in text and "Na een aanbeveling van Cafcass." in text
    context.close()


def test_cafcass_is_told_where_it_may_not_refer_and_where_the_source_is_silent(page, site_url):
    page.goto(f"{site_url}/finder/?role=cafcass&area=E10000016")
    text = answer(page).inner_text()
    assert text.count("May you refer? No\n") == 1
    assert text.count("May you refer? Not stated by the provider — contact them") == 1
    page.goto(f"{site_url}/finder/?role=cafcass&area=E10000024")
    assert "May you refer? No — only through the family's key worker" in answer(page).inner_text()


@pytest.mark.parametrize("lang", list(LANGS))
def test_links_in_an_answer_lead_where_they_say(page, site_url, lang):
    """The answers come from the role's page, so their relative links must be made to work from the finder."""
    page.goto(f"{site_url}/{LANGS[lang]}finder/?role=social_worker&area=E10000024")
    details = answer(page).locator('.fpd-programme-answer[data-programme="only-route-group"] a', has_text="Key Worker Dads").last
    details.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == f"/{LANGS[lang]}programmes/only-route-group/"
    assert page.locator("h1").inner_text() == "Key Worker Dads — ORC"  # the heading names the provider


def test_the_role_page_is_fetched_once_and_only_for_a_chosen_role(page, site_url):
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path) if request.resource_type == "fetch" else None)
    page.goto(f"{site_url}/finder/")
    assert shown_programmes(page) == set() and fetched == []
    page.select_option("#fpd-role", "probation_officer")
    page.select_option("#fpd-area", "E10000016")
    page.select_option("#fpd-area", "E10000024")
    assert shown_programmes(page) == ONLYSHIRE
    assert fetched == ["/referrals/probation-officer/"]


def test_when_the_answer_cannot_be_loaded_the_role_page_is_offered(page, site_url):
    page.route("**/referrals/cafcass/", lambda route: route.abort())
    page.goto(f"{site_url}/finder/?role=cafcass&area=E10000016")
    assert answer(page).get_attribute("data-state") == "failed"
    status = page.locator("#fpd-finder-status")
    assert "could not be loaded" in status.inner_text()
    assert urlsplit(status.locator("a").get_attribute("href")).path == "/referrals/cafcass/"
    # Another role still works.
    page.select_option("#fpd-role", "probation_officer")
    assert shown_programmes(page) == EXAMPLESHIRE


def test_keyboard_only(page, site_url):
    page.goto(f"{site_url}/finder/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "fpd-role":
            break
    else:
        pytest.fail("Tab never reached the role field")
    page.keyboard.type("Probation")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "fpd-country"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "fpd-area"
    page.keyboard.type("Only")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    page.keyboard.press("Enter")
    assert shown_programmes(page) == ONLYSHIRE
    assert page.evaluate("document.activeElement.id") == "answer", "focus goes to the answer"
    assert query(page) == {"role": ["probation_officer"], "area": ["E10000024"]}
    assert urlsplit(page.url).path.endswith("/finder/")


@pytest.mark.parametrize("lang", list(LANGS))
def test_without_javascript_the_answer_for_a_role_and_area_is_two_clicks_away(browser, site_url, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/{LANGS[lang]}finder/")
    # No form that would drop the reader's choice: the pages by role instead.
    assert not page.locator("#fpd-finder").is_visible()
    role = {"en": "Probation officer (reclassering)", "nl": "Reclasseringswerker"}[lang]
    page.locator("#by-role ~ ul a").get_by_text(role, exact=True).click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == f"/{LANGS[lang]}referrals/dutch-probation/"
    area = {"en": "Exampleland", "nl": "Voorbeeldland"}[lang]
    page.locator("#areas ~ ul a", has_text=area).click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == f"/{LANGS[lang]}referrals/dutch-probation/" and urlsplit(page.url).fragment == "area-PV27"
    answers = page.locator('.fpd-area-answers[data-area="PV27"] .fpd-programme-answer')
    assert {answers.nth(i).get_attribute("data-programme") for i in range(answers.count())} == DUTCH
    assert page.evaluate("document.getElementById('area-PV27').getBoundingClientRect().top") < 200, "the area is scrolled to"
    context.close()


def visible_rows(page) -> list[str]:
    return page.eval_on_selector_all(
        "table tbody tr",
        "rows => rows.filter(r => !r.hidden).map(r => r.querySelector('td a').getAttribute('href'))",
    )


def test_table_filters_apply_at_once_and_stay_in_the_url(page, site_url):
    page.goto(f"{site_url}/programmes/")
    assert page.locator("#fpd-filters").is_visible()
    assert len(visible_rows(page)) == len(PROGRAMME_IDS)
    page.select_option("#fpd-filter-format", "one_to_one")
    one_to_one = ["example-one-to-one/", "only-route-follow-on/"]
    assert sorted(visible_rows(page)) == one_to_one
    assert query(page) == {"format": ["one_to_one"]}
    page.reload()
    assert page.locator("#fpd-filter-format").input_value() == "one_to_one"
    assert sorted(visible_rows(page)) == one_to_one
    page.select_option("#fpd-filter-format", "")
    page.select_option("#fpd-filter-refer", "dutch_probation")
    assert visible_rows(page) == ["voorbeeld-vaders/"]
    page.select_option("#fpd-filter-refer", "")
    page.select_option("#fpd-filter-country", "NL")
    assert visible_rows(page) == ["voorbeeld-vaders/"]
    assert page.locator('#fpd-filter-area option[value="E10000024"]').is_disabled()
    page.select_option("#fpd-filter-country", "")
    page.select_option("#fpd-filter-area", "E10000016")
    assert page.locator("#fpd-filter-country").input_value() == "GB"
    page.select_option("#fpd-filter-mode", "online")
    assert visible_rows(page) == ["example-group/"]
    assert query(page) == {"country": ["GB"], "area": ["E10000016"], "mode": ["online"]}
    assert "1" in page.locator(".fpd-filters__status").inner_text()
    page.click("#fpd-filters button[type=reset]")
    # The form resets its fields after the reset event: the filters apply just after.
    page.wait_for_function("() => !location.search", timeout=2000)
    assert len(visible_rows(page)) == len(PROGRAMME_IDS)
    assert query(page) == {}


def test_without_javascript_the_table_is_whole(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/programmes/?format=one_to_one")
    assert not page.locator("#fpd-filters").is_visible()
    assert page.locator("table tbody tr").count() == len(PROGRAMME_IDS)
    context.close()


def test_comparison_shows_all_then_the_readers_choice(page, site_url):
    page.goto(f"{site_url}/compare/")
    cards = page.locator(".fpd-card")
    assert cards.count() == len(PROGRAMME_IDS)
    assert page.locator(".fpd-card:visible").count() == len(PROGRAMME_IDS)
    page.uncheck('#fpd-compare input[value="voorbeeld-vaders"]')
    page.uncheck('#fpd-compare input[value="only-route-follow-on"]')
    assert page.locator(".fpd-card:visible").count() == len(PROGRAMME_IDS) - 2
    shown = query(page)["show"][0].split(",")
    assert "voorbeeld-vaders" not in shown and "example-group" in shown
    page.reload()
    assert page.locator(".fpd-card:visible").count() == len(PROGRAMME_IDS) - 2
    # On a wide screen the cards stand side by side, their facts lined up.
    # Cards show only the facts their record gives, so compare the last fact every card has.
    last = min(page.eval_on_selector_all(".fpd-card:not([hidden])", "cards => cards.map(c => c.querySelectorAll('.fpd-fact').length)")) - 1
    assert last >= 3
    rows = page.eval_on_selector_all(
        ".fpd-card:not([hidden])",
        "(cards, n) => cards.map(c => [Math.round(c.getBoundingClientRect().top), Math.round(c.querySelectorAll('.fpd-fact')[n].getBoundingClientRect().top)])",
        last,
    )
    first_row = [fact for card, fact in rows if card == rows[0][0]]
    assert len(first_row) >= 2, "cards stand side by side on a wide screen"
    assert len(set(first_row)) == 1, "the same fact starts at the same height on each card"
    page.click("#fpd-compare button[data-all=on]")
    assert page.locator(".fpd-card:visible").count() == len(PROGRAMME_IDS)
    assert "show" not in query(page)


PHONE_PAGES = [
    "finder/?role=social_worker&area=E10000016",
    "finder/?role=self",
    "compare/",
    "programmes/",
    "programmes/example-group/",
    "programmes/only-route-group/",
    "referrals/probation-officer/",
]


@pytest.mark.parametrize("lang", list(LANGS))
def test_nothing_overflows_sideways_at_375px(browser, site_url, lang):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    for path in PHONE_PAGES:
        page.goto(f"{site_url}/{LANGS[lang]}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} is {width}px wide"
        wide = page.eval_on_selector_all(
            ".md-content *",
            "nodes => nodes.filter(n => n.getBoundingClientRect().right > window.innerWidth + 1 && !n.closest('.md-typeset__scrollwrap') && n.offsetParent !== null).map(n => n.tagName + '.' + n.className)",
        )
        assert wide == [], f"{path}: {wide[:5]}"
        scrolling = page.eval_on_selector_all(".md-typeset__scrollwrap", "ws => ws.filter(w => w.scrollWidth > w.clientWidth + 1).length")
        assert scrolling == 0, f"{path}: a table needs sideways scrolling"
    # On a phone the comparison is one card under another: each card's facts read down, not across.
    page.goto(f"{site_url}/{LANGS[lang]}compare/")
    lefts = page.eval_on_selector_all(".fpd-card", "cards => cards.map(c => Math.round(c.getBoundingClientRect().left))")
    assert len(set(lefts)) == 1
    context.close()


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("lang", list(LANGS))
@pytest.mark.parametrize("programme_id", PROGRAMME_IDS)
def test_programme_page_prints_on_at_most_three_a4_pages_with_its_contacts(page, site_url, lang, programme_id):
    from pypdf import PdfReader

    view = next(v for v in programmes() if v.programme.id == programme_id)
    page.goto(f"{site_url}/{LANGS[lang]}programmes/{programme_id}/")
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    reader = PdfReader(io.BytesIO(pdf))
    assert pages == len(reader.pages)
    assert 1 <= pages <= 3, f"{programme_id} prints on {pages} pages"
    text = normal(" ".join(p.extract_text() for p in reader.pages))
    for contact in view.contacts:
        assert normal(contact.role.get(lang)) in text
        if contact.email != UNKNOWN:
            assert contact.email in text.replace(" ", "")
    reviewed = {"en": "Last reviewed", "nl": "Laatst gecontroleerd"}[lang]
    assert reviewed in text
    for area in view.programme.areas:
        assert area.name.get(lang) in text
    # No navigation, search or header chrome on paper.
    assert "Search" not in text and "Zoeken" not in text
    for route in view.stated_routes:
        for item in route.route.steps + route.route.documents:
            assert normal(item.get(lang))[:40] in text


def test_the_links_for_editors_stay_off_the_printed_sheet(page, site_url):
    """The published site ends each page with edit and history links; on paper they would print as long addresses."""
    page.goto(f"{site_url}/programmes/example-group/")
    page.evaluate(
        "document.querySelector('.md-content article').insertAdjacentHTML('beforeend',"
        " '<div class=\"fpd-file-links\"><p>Last changed: 4 March 2026 · <a href=\"https://example.org/edit\">Edit this record</a></p></div>')"
    )
    assert page.locator(".fpd-file-links").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".fpd-file-links").is_hidden()
    assert page.get_by_text("Last reviewed:").is_visible()


def test_programme_page_offers_a_print_button_with_javascript(page, site_url):
    page.goto(f"{site_url}/programmes/only-route-group/")
    page.evaluate("window.print = () => { window.__printed = true; }")
    button = page.locator("[data-fpd-print]")
    assert button.is_visible()
    button.click()
    assert page.evaluate("window.__printed") is True


def test_comparison_says_who_may_not_refer_and_where_the_source_is_silent(page, site_url):
    page.goto(f"{site_url}/compare/")
    group = page.locator('.fpd-card[data-programme="example-group"]').inner_text()
    assert "May not refer: Cafcass officer" in group
    assert "Not stated by the provider — contact them" in page.locator('.fpd-card[data-programme="example-one-to-one"]').inner_text()


def test_programme_page_checklist_and_signposting(page, site_url):
    page.goto(f"{site_url}/programmes/example-group/")
    # A box for each condition the father must meet; the exclusions are a plain list, with nothing to tick.
    checklist = page.locator("#before-you-refer ~ fieldset.fpd-checklist")
    assert checklist.count() == 1
    assert "The father lives in Exampleshire." in checklist.inner_text()
    assert "Fathers with a history of sexual offending against children." in page.locator("#before-you-refer ~ ul").first.inner_text()
    boxes = page.locator(".fpd-checklist input[type=checkbox]")
    assert boxes.count() == 2
    boxes.first.focus()
    page.keyboard.press("Space")
    assert boxes.first.is_checked()
    signpost = page.locator("#not-the-right-programme + p + ul")
    assert "Example One — the provider's own alternative" in signpost.inner_text()
    assert "Support for the partner or mother" in signpost.inner_text()
    signpost.locator("a", has_text="Other programmes in Exampleshire").click()
    page.wait_for_load_state()
    assert query(page) == {"area": ["E10000016"]}
    assert page.locator("#fpd-area").input_value() == "E10000016"


def test_the_providers_own_rules_are_said_plainly_not_given_a_box_to_tick(page, site_url):
    page.goto(f"{site_url}/programmes/only-route-follow-on/")
    assert page.locator(".fpd-checklist").count() == 0
    assert "The council decides who is suitable." in page.locator("#before-you-refer ~ ul").first.inner_text()
    # The record gives no alternative to this programme, so none is listed.
    assert "the provider's own alternative" not in page.locator("#not-the-right-programme + p + ul").inner_text()
