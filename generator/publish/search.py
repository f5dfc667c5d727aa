"""What the search (Pagefind) indexes, and the marks that tell it so in each built page.

Pagefind reads the built HTML. A page takes part only if it carries
`data-pagefind-body` (then only that element is read, not the header, the
sidebar or the quick exit): the programme and provider pages, the answers by
role (the referral routes, the finder and each role's pages), the comparison
and the hand-written pages. Each role's pages and the comparison repeat every
programme, so their words count for less (`SUMMARY_WEIGHT`) and a programme's
own page comes first for its name. A programme's result also
names its provider and areas, from `data-pagefind-meta`. Each page's
`<html lang>` puts it in its language's index, with that language's stemming.

Search reads only what a reader sees: nothing hidden (`EXCLUDED`) and no words
put in for search alone, so every excerpt is text of the page. A reader who
types a word the Dutch term list keeps out of the pages (verwijzen for
aanmelden) is helped in assets/search.js, which then searches for the word the
directory writes (terms.search_synonyms).
"""

from __future__ import annotations

import html as html_escape
import re
from dataclasses import dataclass, field

from generator.languages import LANGUAGE_ROOTS
from generator.pages.plan import Page
from generator.pages.urls import built_file
from generator.pages.views import CompareView, FinderView, ProgrammeView, ProviderView, ReferrerListView, ReferrerView

UNUSED_BUNDLE_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "wasm.unknown.pagefind")
"""Pagefind's ready-made interfaces, which assets/search.js does without (our words, Material's look)."""

EXCLUDED = ("[hidden]",)
"""What Pagefind leaves out of a marked page: what no reader sees on screen (the printed sheet's source line, the print button and forms before their script shows them)."""

SUMMARY_WEIGHT = 0.2
"""How much a word counts on a page that repeats every programme, where Pagefind weighs text 1 (chosen on the fixture site: the programme's own page, the hubs, then these)."""

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')


@dataclass(frozen=True)
class SearchMark:
    """How search reads one page: what its result shows beside the title, and how much its words count (None: as Pagefind weighs them)."""

    meta: dict[str, str] = field(default_factory=dict)
    weight: float | None = None


def search_mark(page: Page, lang: str) -> SearchMark | None:
    """How search reads a generated page, or None if search leaves it out (the lists, which only repeat the pages they list)."""
    view = page.view
    if isinstance(view, ProgrammeView):
        return SearchMark({"provider": view.provider.short_name, "area": ", ".join(area.name.get(lang) for area in view.programme.areas)})
    if isinstance(view, ProviderView | ReferrerListView | FinderView):
        return SearchMark()
    if isinstance(view, ReferrerView | CompareView):
        return SearchMark(weight=SUMMARY_WEIGHT)
    return None


def searched_pages(pages: list[Page], content: list[str], lang: str) -> dict[str, SearchMark]:
    """Every page of one language that search indexes (built path → mark): generated ones by `search_mark`, and every hand-written page."""
    marks = {built_file(page.path): mark for page in pages if (mark := search_mark(page, lang)) is not None}
    marks.update({built_file(name): SearchMark() for name in content if name.endswith(".md")})
    return marks


def search_glob(pages: list[str]) -> str:
    """A Pagefind glob that reads `pages` (paths under site/) and few others: `folder/*/index.html` for each folder of two or more of them.

    Pagefind parses every page its glob matches and then leaves out the
    unmarked ones: the list pages took half its time. Naming each page fails
    past some thousands, so record pages go by folder; the few unmarked pages
    a folder's pattern also matches are parsed and left out.
    """
    folders: dict[str, list[str]] = {}
    for page in pages:
        parts = page.split("/")
        folder = "/".join(parts[:-2]) if len(parts) >= 3 and parts[-1] == "index.html" else ""
        if folder + "/" in LANGUAGE_ROOTS.values():  # a language's hand-written pages, named one by one
            folder = ""
        folders.setdefault(folder, []).append(page)
    patterns: list[str] = []
    for folder, named in folders.items():
        patterns += [f"{folder}/*/index.html"] if folder and len(named) > 1 else named
    return "{" + ",".join(sorted(patterns)) + "}"


def mark_for_search(html: str, mark: SearchMark) -> str:
    """The page with its content marked for Pagefind, its words weighted and its meta added.

    Each meta is an empty element that carries its value in the attribute
    (`key:value`), so no hidden text comes into the page or its excerpts.
    """
    article = _ARTICLE.search(html)
    if article is None:
        raise ValueError("page has no Material article to mark for search")
    attributes = " data-pagefind-body" + (f' data-pagefind-weight="{mark.weight:g}"' if mark.weight is not None else "")
    marked = html[: article.end()] + attributes + html[article.end() :]
    data = "".join(f'<span data-pagefind-meta="{key}:{html_escape.escape(value)}"></span>' for key, value in mark.meta.items() if value)
    if not data:
        return marked
    end = marked.index(">", article.end()) + 1
    return marked[:end] + data + marked[end:]


_ARTICLE_TAG = re.compile(r"<article\b|</article>")
_HTML_LANG = re.compile(r'<html lang="([^"]*)"')


def search_copy(html: str) -> str:
    """What Pagefind reads of a finished, marked page, as a page of its own: the marked article in a document of the page's language.

    Pagefind reads only the marked element and the document's language, so
    it indexes this copy exactly as the page (a test compares the bundles
    byte for byte), and the copy is a fifth of the page: indexing took a
    third less time. The copies are kept in build/, and only those of
    changed pages are made again.
    """
    start = html.index(" data-pagefind-body")
    start = html.rindex("<article", 0, start)
    depth = 0
    for tag in _ARTICLE_TAG.finditer(html, start):
        depth += 1 if tag.group() == "<article" else -1
        if depth == 0:
            language = _HTML_LANG.search(html)
            return f'<!doctype html><html lang="{language.group(1) if language else ""}"><head></head><body>{html[start : tag.end()]}</body></html>\n'
    raise ValueError("the marked article of a page has no end")
