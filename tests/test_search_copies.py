"""Pagefind reads a copy of each marked page that holds only what it reads: the index is the one the whole pages give, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.languages import LANGUAGE_ROOTS
from generator.pages.urls import SEARCH_INDEX_FOLDER
from generator.publish import writer
from generator.publish.search import EXCLUDED, UNUSED_BUNDLE_FILES, search_copy


def files_below(folder: Path) -> dict[str, bytes]:
    found = {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}
    assert len(found) > 10, "too few files to compare"
    return found


@pytest.mark.parametrize("lang", list(LANGUAGE_ROOTS))
def test_the_index_of_the_copies_is_the_index_of_the_whole_pages(built_project: tuple[Path, object], lang: str, tmp_path: Path) -> None:
    root, _ = built_project
    site = root / "site" / LANGUAGE_ROOTS[lang]
    # The glob and the selectors the build gave Pagefind, which read the copies in build/.
    config = json.loads((root / "build" / f"pagefind-{lang}" / "pagefind.json").read_text(encoding="utf-8"))
    assert "compare/index.html" in config["glob"] or "compare/*/index.html" in config["glob"], "the comparison, whose cards are articles inside the article, must be among the pages"
    indexing = writer.start_search_index(site, tmp_path / "bundle", UNUSED_BUNDLE_FILES, config["glob"], tmp_path / "scratch", EXCLUDED)
    writer.end_search_index(indexing)
    assert files_below(tmp_path / "bundle") == files_below(site / SEARCH_INDEX_FOLDER)


def test_a_copy_holds_the_marked_article_whole_with_the_articles_inside_it() -> None:
    page = (
        '<!doctype html><html lang="nl" class="no-js"><head><title>T</title></head><body><nav>Menu</nav>'
        '<article class="md-content__inner md-typeset" data-pagefind-body><h1>Vergelijken</h1>'
        "<article>Kaart 1</article><article>Kaart 2</article><p>Slot</p></article><footer>Voet</footer></body></html>"
    )
    assert search_copy(page) == (
        '<!doctype html><html lang="nl"><head></head><body><article class="md-content__inner md-typeset" data-pagefind-body><h1>Vergelijken</h1>'
        "<article>Kaart 1</article><article>Kaart 2</article><p>Slot</p></article></body></html>\n"
    )
