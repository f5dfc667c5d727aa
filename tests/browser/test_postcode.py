"""The postcode box on the finder and the programmes list, in Debian's Chromium, in both languages.

These read the fixture site, whose programmes serve Exampleshire (Kent's code,
E10000016), Richmond upon Thames and two Welsh councils, with the real ONS
Postcode Directory: a Kent postcode finds Exampleshire's programmes through its
district, a Hertfordshire or Manchester one finds none.
"""

from __future__ import annotations

import pytest

from generator.pages.postcodes import onspd_release

from ..conftest import new_tab

pytestmark = pytest.mark.browser

LANGS = {"en": "", "nl": "nl/"}
PAGES = ("finder/", "programmes/")


def look_up(page, postcode: str):
    """Type a postcode, send it, and return the result region once it has stopped loading."""
    page.fill("#fpd-postcode-input", postcode)
    page.press("#fpd-postcode-input", "Enter")
    page.wait_for_selector('#fpd-postcode-result[data-state]:not([data-state="loading"])', state="attached")
    return page.locator("#fpd-postcode-result")


def linked_programmes(result) -> list[str]:
    """The addresses of the programme pages the result links to, as paths."""
    return result.evaluate("r => [...r.querySelectorAll('a')].map(a => new URL(a.href).pathname)")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("where", PAGES)
def test_a_postcode_in_a_district_finds_the_programmes_of_its_county(page, site_url: str, lang: str, where: str) -> None:
    page.goto(f"{site_url}/{LANGS[lang]}{where}")
    result = look_up(page, "me14 1xq")  # Maidstone, a district of Kent: Exampleshire's code
    text = result.inner_text()
    assert "ME14 1XQ" in text and "Maidstone" in text and "Exampleshire" in text
    assert linked_programmes(result) == [f"/{LANGS[lang]}programmes/example-group/", f"/{LANGS[lang]}programmes/example-one-to-one/"]


def test_a_postcode_of_a_council_a_programme_names_finds_it_without_space(page, site_url: str) -> None:
    page.goto(f"{site_url}/finder/")
    result = look_up(page, "TW91DN")  # Richmond upon Thames
    assert "TW9 1DN lies in Richmond upon Thames (England)." in result.inner_text()
    assert linked_programmes(result) == ["/programmes/riverside-online/"]


@pytest.mark.parametrize(("lang", "words"), [("en", "No programme in this directory serves Manchester."), ("nl", "Deze wegwijzer heeft geen programma voor Manchester.")])
def test_a_postcode_nothing_serves_says_so_and_what_to_do(page, site_url: str, lang: str, words: str) -> None:
    page.goto(f"{site_url}/{LANGS[lang]}finder/")
    result = look_up(page, "M1 1AA")
    assert words in result.inner_text()
    assert result.locator("a").count() == 0
    hertfordshire = look_up(page, "sg1 1fl").inner_text()
    assert "Stevenage (Hertfordshire, " in hertfordshire and "Stevenage." in hertfordshire


@pytest.mark.parametrize("lang", LANGS)
def test_a_mistyped_postcode_gets_a_message_linked_to_the_field(page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}/{LANGS[lang]}programmes/")
    look_up(page, "SG1 1F")
    field = page.locator("#fpd-postcode-input")
    error = page.locator("#fpd-postcode-error")
    assert error.is_visible() and "SG1 1F" in error.inner_text()
    assert field.get_attribute("aria-invalid") == "true"
    assert "fpd-postcode-error" in field.get_attribute("aria-describedby").split()
    look_up(page, "SG1 1FL")
    assert not error.is_visible() and field.get_attribute("aria-invalid") is None


@pytest.mark.parametrize("lang", LANGS)
def test_a_dutch_postcode_is_answered_in_dutch(page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}/{LANGS[lang]}finder/")
    answer = look_up(page, "1012ab").locator("p")
    assert answer.get_attribute("lang") == "nl"
    assert answer.inner_text().startswith("Dit is een Nederlandse postcode.")


@pytest.mark.parametrize(
    ("lang", "absent", "no_council"),
    [
        (
            "en",
            "SG1 1ZZ is not in the ONS Postcode Directory (release {release}). Check the postcode, or choose the area from the list below.",
            "AB23 9AA is in the ONS Postcode Directory (release {release}), but the directory places it in no council area of Great Britain",
        ),
        (
            "nl",
            "SG1 1ZZ staat niet in de ONS Postcode Directory (uitgave {release}). Controleer de postcode, of kies het gebied in de lijst hieronder.",
            "AB23 9AA staat in de ONS Postcode Directory (uitgave {release}), maar valt daarin onder geen enkele council in Groot-Brittannië.",
        ),
    ],
)
def test_a_postcode_the_directory_does_not_hold_is_not_given_a_council(page, site_url: str, lang: str, absent: str, no_council: str) -> None:
    page.goto(f"{site_url}/{LANGS[lang]}finder/")
    release = onspd_release()
    assert look_up(page, "sg11zz").inner_text() == absent.format(release=release)  # its neighbour in order, SG1 1ZX, lies in Stevenage
    assert look_up(page, "AB23 9AA").inner_text().startswith(no_council.format(release=release))  # non-geographic: no council in the directory
    assert "Stevenage" in look_up(page, "SG1 9ZZ").inner_text()


def test_northern_ireland_and_unknown_outward_codes_are_answered_plainly(page, site_url: str) -> None:
    page.goto(f"{site_url}/finder/")
    assert "Northern Ireland's postcodes are not published under an open licence" in look_up(page, "BT1 1AA").inner_text()
    assert look_up(page, "ZZ9 9AA").inner_text().startswith("ZZ9 9AA is not in the ONS Postcode Directory")
    assert look_up(page, "GY1 1AA").inner_text().startswith(f"GY1 1AA is in the ONS Postcode Directory (release {onspd_release()}), but")


def test_nothing_is_fetched_until_a_postcode_is_sent(page, site_url: str) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{site_url}/finder/")
    page.fill("#fpd-postcode-input", "ME14 1XQ")
    assert not [url for url in asked if "postcode" in url]
    look_up(page, "ME14 1XQ")
    assert [url.removeprefix(site_url) for url in asked if "postcode" in url] == ["/data/postcode-areas.json", "/postcodes/ME14.json"]


def test_without_javascript_the_box_is_hidden_and_the_area_links_stay(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/finder/")
    assert page.locator("#fpd-postcode").count() == 1 and not page.locator("#fpd-postcode").is_visible()
    assert page.locator("a[href*='#areas']").count() > 0  # each role's page, listing every area
    page.goto(f"{site_url}/programmes/")
    assert not page.locator("#fpd-postcode").is_visible()
    assert page.get_by_role("link", name="Example Dads").count() > 0
    context.close()


def test_the_box_and_its_answer_fit_a_phone(browser, site_url: str) -> None:
    with new_tab(browser) as page:
        page.set_viewport_size({"width": 375, "height": 800})
        page.goto(f"{site_url}/finder/")
        look_up(page, "ME14 1XQ")
        assert page.locator("#fpd-postcode button[type=submit]").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
