"""Search (Pagefind) in Debian's Chromium on the fixture site: what it finds in
each language (the fixture programme that asks for the "Section 7 report (S7)",
the Dutch terms editors write, the words the term list keeps out of the pages,
the answers by role, the finder and the comparison), that every excerpt is
text a reader sees, what it loads and when, by keyboard, and without
JavaScript."""

from __future__ import annotations

import re

import pytest

from generator.records.terms import search_synonyms

from ..conftest import fixture_files

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


def every_result(page, term: str) -> list[dict[str, str]]:
    """Every page Pagefind finds for `term` in the page's language, beyond the ten the box shows, as {path}."""
    return page.evaluate(
        "async term => { const box = document.querySelector('.fpd-search');"
        " const pagefind = await import(new URL(box.getAttribute('data-fpd-bundle') + 'pagefind.js', location.href).href);"
        " const found = await pagefind.search(term);"
        " return Promise.all(found.results.map(async r => ({path: new URL((await r.data()).url, location.href).pathname})));"
        " }",
        term,
    )


def excerpts(page) -> dict[str, str]:
    """The excerpt each result shows, by the result's address (from the site's root)."""
    return page.eval_on_selector_all(
        ".md-search-result__item a",
        "links => Object.fromEntries(links.map(a => [new URL(a.href).pathname, a.querySelector('article > p:last-child').textContent]))",
    )


def words(text: str) -> list[str]:
    """The words of a text, in order and lower case, without the punctuation Pagefind puts between blocks."""
    return re.findall(r"\w+", text.lower())


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
    # Only example-group says Section 7; the father's answers by role repeat it, after it.
    assert programmes_found(results, "en") == EXAMPLE and results[0]["path"] == "/programmes/example-group/", results
    assert results[0]["title"] == "Example Dads — EFS" and results[0]["about"] == "EFS · Exampleshire"
    assert page.locator(".md-search-result__meta").inner_text() == f"{len(results)} pages match."


def test_one_result_is_counted_in_the_singular(page, site_url):
    page.goto(site_url + "/")
    # Only example-group quotes a participant.
    assert [r["path"] for r in search(page, "participant")] == ["/programmes/example-group/"]
    assert page.locator(".md-search-result__meta").inner_text() == "1 page matches."


@pytest.mark.parametrize("term", ["aanmelding", "aanmelden", "verwijzing", "verwijzen", "Exampleshire"])
def test_dutch_words_find_the_dutch_pages(page, site_url, term):
    page.goto(site_url + "/nl/")
    results = search(page, term)
    found = programmes_found(results, "nl")
    assert EXAMPLE <= found, (term, results)
    assert "pagina's" in page.locator(".md-search-result__meta").inner_text()


@pytest.mark.parametrize("word", sorted(search_synonyms()))
def test_a_word_the_term_list_keeps_out_finds_what_the_directorys_word_finds_and_says_so(page, site_url, word):
    page.goto(site_url + "/nl/")
    own = search_synonyms()[word]
    expected = search(page, own)
    assert expected, own
    found = search(page, word)
    assert found == expected
    assert page.locator(".md-search-result__meta").inner_text().endswith(f"Gezocht op ‘{own}’, het woord dat deze wegwijzer gebruikt.")
    # Every excerpt is the page's own text: the word the reader typed is in none of them.
    assert not [path for path, text in excerpts(page).items() if word in text.lower()]


def test_verwijzen_finds_the_pages_on_aanmelden_by_role(page, site_url):
    page.goto(site_url + "/nl/")
    results = search(page, "verwijzen jeugdbeschermer")
    assert results and results[0]["path"] == "/nl/referrals/youth-protection/", results
    assert "aanmeld" in excerpts(page)[results[0]["path"]].lower()


PAGES_BY_TITLE = {
    "en": {"Referral finder": "finder/", "Compare programmes": "compare/", "Referral routes": "referrals/", "Cafcass officer": "referrals/cafcass/"},
    "nl": {"Aanmeldwijzer": "finder/", "Programma's vergelijken": "compare/", "Aanmeldroutes": "referrals/", "Jeugdbeschermer": "referrals/youth-protection/"},
}


@pytest.mark.parametrize("lang, title, path", [(lang, title, path) for lang, pages in PAGES_BY_TITLE.items() for title, path in pages.items()])
def test_the_finder_the_comparison_and_the_pages_by_role_are_found_by_their_titles(page, site_url, lang, title, path):
    page.goto(f"{site_url}/{LANGS[lang]}")
    results = search(page, title)
    assert results and results[0]["path"] == f"/{LANGS[lang]}{path}", results


@pytest.mark.parametrize("lang", list(LANGS))
def test_a_programmes_own_page_comes_first_for_its_name(page, site_url, lang):
    page.goto(f"{site_url}/{LANGS[lang]}")
    programmes = [programme for item in fixture_files() for programme in item.record.programmes]
    assert len(programmes) > 5
    for programme in programmes:
        results = search(page, programme.name.get(lang))
        assert results[0]["path"] == f"/{LANGS[lang]}programmes/{programme.id}/", (programme.name.get(lang), results)
        # The answers by role and the comparison, which name every programme, are found by its name too.
        assert {r["path"] for r in every_result(page, programme.name.get(lang))} >= {f"/{LANGS[lang]}compare/", f"/{LANGS[lang]}referrals/professional/"}


def in_order(said: list[str], seen: list[str]) -> bool:
    """Whether the words `said` occur in `seen` in their order (what a script shows, such as the print button, may come between)."""
    for start in (i for i, word in enumerate(seen) if word == said[0]):
        rest = iter(seen[start:])
        if all(word in rest for word in said):
            return True
    return False


QUERIES = {
    "en": ["Example Dads", "refer", "Cafcass", "Exampleshire", "directory", "Fathers", "printed", "org"],
    "nl": ["aanmelden", "verwijzen", "familierechtbank", "Exampleshire", "wegwijzer", "vaders", "Afdrukken", "org"],
}


@pytest.mark.parametrize("lang", list(LANGS))
def test_every_excerpt_is_text_a_reader_sees_on_the_result_page(browser, site_url, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page, reader = context.new_page(), context.new_page()
        page.goto(f"{site_url}/{LANGS[lang]}")
        shown: dict[str, list[str]] = {}
        checked = 0
        for query in QUERIES[lang]:
            search(page, query)
            for path, excerpt in excerpts(page).items():
                assert "directory.example.org" not in excerpt and "verwijz" not in excerpt.lower(), (query, path, excerpt)
                if path not in shown:
                    reader.goto(site_url + path)
                    shown[path] = words(reader.locator("article.md-content__inner").inner_text())
                said = words(excerpt)
                assert said and in_order(said, shown[path]), (query, path, excerpt)
                checked += 1
        assert checked > 30 and len(shown) > 15, (checked, len(shown))
    finally:
        context.close()


@pytest.mark.parametrize("english, dutch", [("Exampleshire", "Exampleshire"), ("S7", "S7"), ("Cafcass", "Cafcass"), ("Exampleland", "Voorbeeldland")])
def test_dutch_search_finds_the_programmes_english_search_finds(page, site_url, english, dutch):
    page.goto(site_url + "/")
    in_english = programmes_found(every_result(page, english), "en")
    page.goto(site_url + "/nl/")
    in_dutch = programmes_found(every_result(page, dutch), "nl")
    assert in_english and in_english == in_dutch, (in_english, in_dutch)


def test_s7_finds_the_pages_that_say_s7(page, site_url):
    page.goto(site_url + "/")
    assert EXAMPLE <= programmes_found(search(page, "S7"), "en")


@pytest.mark.parametrize("lang, other", [("en", "nl"), ("nl", "en")])
def test_a_search_loads_only_its_own_languages_files(page, site_url, lang, other):
    requests = recording(page)
    page.goto(f"{site_url}/{LANGS[lang]}programmes/example-group/")
    search(page, "Caring Dads")
    bundle = f"{site_url}/{LANGS[lang]}pagefind/"
    assert not [url for url in requests if "/pagefind/" in url and not url.startswith(bundle)]
    files = [url.removeprefix(bundle) for url in requests if url.startswith(bundle)]
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
