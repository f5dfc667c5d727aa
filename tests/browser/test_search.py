"""Search (Pagefind) in Debian's Chromium on the fixture site: what it finds in
each language (the fixture programme that asks for the "Section 7 report (S7)",
the Dutch terms editors write), what it loads and when, by keyboard, and
without JavaScript."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

LANGS = {"en": "", "nl": "nl/"}
# The fixture programme whose texts say Section 7, S7, Cafcass, aanmelding and aanmelden.
EXAMPLE = {"programmes/example-group/"}


def recording(page) -> list[str]:
    """Every address the page requests from now on."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def search(page, term: str) -> list[dict[str, str]]:
    """Type `term` into the search box and return the results shown: address (from the site's root), title and the provider · area line."""
    page.fill(".md-search__input", term)
    page.wait_for_function(
        "() => { const box = document.querySelector('.fpd-search'), text = box.querySelector('.md-search-result__meta').textContent;"
        " return text !== box.getAttribute('data-fpd-loading'); }"
    )
    return page.eval_on_selector_all(
        ".md-search-result__item a",
        "links => links.map(a => ({path: new URL(a.href).pathname, title: a.querySelector('h1').textContent,"
        " about: (a.querySelector('.fpd-search__about') || {}).textContent || ''}))",
    )


def programmes_found(results: list[dict[str, str]], lang: str) -> set[str]:
    """The programme pages among the results, as paths without the language's folder."""
    prefix = "/" + LANGS[lang]
    assert all(r["path"].startswith(prefix) for r in results), results
    return {r["path"][len(prefix):] for r in results if r["path"][len(prefix):].startswith("programmes/")}


@pytest.mark.parametrize("lang", list(LANGS))
@pytest.mark.parametrize("path", ["", "programmes/example-group/"])
def test_a_first_page_view_loads_no_search_file(page, site_url, lang, path):
    requests = recording(page)
    page.goto(f"{site_url}/{LANGS[lang]}{path}")
    page.wait_for_load_state("networkidle")
    assert requests, "the page made no request at all"
    assert not [url for url in requests if "/pagefind/" in url or "search_index" in url]


def test_section_7_finds_the_programme_that_names_it_with_provider_and_area(page, site_url):
    page.goto(site_url + "/")
    results = search(page, "Section 7")
    assert EXAMPLE <= programmes_found(results, "en")
    example = [r for r in results if r["path"] == "/programmes/example-group/"]
    assert example[0]["title"] == "Example Dads — EFS" and example[0]["about"] == "EFS · Exampleshire"
    # Only example-group says Section 7: the count is said in the singular.
    assert len(results) == 1 and page.locator(".md-search-result__meta").inner_text() == "1 page matches."


@pytest.mark.parametrize("term", ["aanmelding", "aanmelden", "verwijzing", "verwijzen", "Exampleshire"])
def test_dutch_words_find_the_dutch_pages(page, site_url, term):
    page.goto(site_url + "/nl/")
    results = search(page, term)
    found = programmes_found(results, "nl")
    assert EXAMPLE <= found, (term, results)
    assert "pagina's" in page.locator(".md-search-result__meta").inner_text()


@pytest.mark.parametrize("english, dutch", [("Exampleshire", "Exampleshire"), ("S7", "S7"), ("Cafcass", "Cafcass"), ("Exampleland", "Voorbeeldland")])
def test_dutch_search_finds_the_programmes_english_search_finds(page, site_url, english, dutch):
    page.goto(site_url + "/")
    in_english = programmes_found(search(page, english), "en")
    page.goto(site_url + "/nl/")
    in_dutch = programmes_found(search(page, dutch), "nl")
    assert in_english and in_english == in_dutch, (in_english, in_dutch)


def test_s7_finds_the_pages_that_say_s7(page, site_url):
    page.goto(site_url + "/")
    assert EXAMPLE <= programmes_found(search(page, "S7"), "en")


@pytest.mark.parametrize("lang, other", [("en", "nl"), ("nl", "en")])
def test_a_search_loads_only_its_own_languages_files(page, site_url, lang, other):
    requests = recording(page)
    page.goto(f"{site_url}/{LANGS[lang]}programmes/example-group/")
    search(page, "Caring Dads")
    files = [url.split("/pagefind/", 1)[1] for url in requests if "/pagefind/" in url]
    assert any(name.startswith(f"index/{lang}_") for name in files) and f"wasm.{lang}.pagefind" in files
    assert not [name for name in files if f"{other}_" in name or name.endswith(f".{other}.pagefind")], files


def test_search_by_keyboard_opens_walks_the_results_and_closes(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("Exampleshire")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_function("() => /match/.test(document.querySelector('.md-search-result__meta').textContent)")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    assert first == page.locator(".md-search-result__item a").first.get_attribute("href")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("/")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + first)


def test_the_result_count_is_announced(page, site_url):
    page.goto(site_url + "/nl/")
    search(page, "zzzzqqq")
    status = page.locator(".md-search-result__meta")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == "Geen pagina gevonden."


@pytest.mark.parametrize("lang", list(LANGS))
def test_without_javascript_no_search_box_is_shown(browser, site_url, lang):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/{LANGS[lang]}")
        assert page.locator(".md-search__input").count() == 1
        assert not page.locator(".md-search__input").is_visible()
        assert not page.locator("label.md-header__button[for=__search]").is_visible()
    finally:
        context.close()
