"""The glob that tells Pagefind which built pages to read."""

from __future__ import annotations

from generator.publish.search import search_glob


def test_record_folders_go_by_pattern_and_other_pages_by_name() -> None:
    pages = [
        "index.html",
        "about/index.html",
        "programmes/a/index.html",
        "programmes/b/index.html",
        "providers/x/index.html",
        "nl/index.html",
        "nl/about/index.html",
        "nl/glossary/index.html",
        "nl/programmes/a/index.html",
        "nl/programmes/b/index.html",
    ]
    assert search_glob(pages) == (
        "{about/index.html,index.html,nl/about/index.html,nl/glossary/index.html,nl/index.html,"
        "nl/programmes/*/index.html,programmes/*/index.html,providers/x/index.html}"
    )


def test_a_directory_of_thousands_of_records_is_still_a_short_glob() -> None:
    pages = [f"{root}{folder}/example-{n}/index.html" for root in ("", "nl/") for folder in ("programmes", "providers") for n in range(5000)]
    assert search_glob(pages) == "{nl/programmes/*/index.html,nl/providers/*/index.html,programmes/*/index.html,providers/*/index.html}"
