"""The marks that tell Pagefind what to read in a built page, and the address a printed sheet gives: no hidden text, no placeholder."""

from __future__ import annotations

import re

import pytest

from generator.publish.mkdocs_config import language_config, published_address
from generator.publish.search import EXCLUDED, SUMMARY_WEIGHT, SearchMark, mark_for_search

PAGE = (
    '<html lang="nl"><body><header>Kop</header>'
    '<article class="md-content__inner md-typeset"><p class="fpd-sheet-source" hidden>Wegwijzer</p>'
    "<h1>Example Dads</h1><p>Zo meldt u aan.</p></article></body></html>"
)


def test_a_programme_page_gets_its_meta_as_attributes_and_no_text() -> None:
    marked = mark_for_search(PAGE, SearchMark({"provider": 'EFS & "Zoon"', "area": "Conwy, Denbighshire", "empty": ""}))
    assert '<article class="md-content__inner md-typeset" data-pagefind-body>' in marked
    assert '<span data-pagefind-meta="provider:EFS &amp; &quot;Zoon&quot;"></span><span data-pagefind-meta="area:Conwy, Denbighshire"></span><p' in marked
    assert "empty" not in marked
    # The page's text is what it was: nothing added for search alone.
    assert re.sub(r"<[^>]*>", "", marked) == re.sub(r"<[^>]*>", "", PAGE)


def test_a_page_that_repeats_every_programme_is_weighted_down() -> None:
    marked = mark_for_search(PAGE, SearchMark(weight=SUMMARY_WEIGHT))
    assert f'<article class="md-content__inner md-typeset" data-pagefind-body data-pagefind-weight="{SUMMARY_WEIGHT:g}"><p' in marked
    assert 0 < SUMMARY_WEIGHT < 1


def test_search_leaves_out_what_is_hidden_on_screen() -> None:
    assert "[hidden]" in EXCLUDED


def test_a_page_without_materials_article_is_refused() -> None:
    with pytest.raises(ValueError):
        mark_for_search("<html><body><p>No article</p></body></html>", SearchMark())


@pytest.mark.parametrize(
    "url, published",
    [
        ("https://directory.example.org/", False),
        ("https://example.com/fathers/", False),
        ("http://preview.test/", False),
        ("http://localhost:8000/", False),
        ("https://someone.github.io/fathers/", True),
        ("https://fathers-example.org/", True),
    ],
)
def test_an_address_on_a_name_reserved_for_examples_is_no_published_address(url: str, published: bool) -> None:
    assert published_address(url) is published


@pytest.mark.parametrize("lang, root", [("en", ""), ("nl", "nl/")])
def test_a_printed_sheet_gives_the_published_address_and_never_a_placeholder(lang: str, root: str) -> None:
    def sheet_address(site_url: str) -> str:
        return language_config(lang, {"site_url": site_url}, "docs", "site", "../mkdocs.yml")["extra"]["sheet_address"]

    assert sheet_address("https://someone.github.io/fathers/") == f"https://someone.github.io/fathers/{root}"
    assert sheet_address("https://directory.example.org/") == ""


def test_only_dutch_pages_search_for_the_directorys_word_instead() -> None:
    def synonyms(lang: str) -> dict[str, str]:
        return language_config(lang, {"site_url": "https://someone.github.io/"}, "docs", "site", "../mkdocs.yml")["extra"]["search_synonyms"]

    assert synonyms("nl")["verwijzen"] == "aanmelden"
    assert synonyms("en") == {}
