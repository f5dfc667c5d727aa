"""What the search (Pagefind) indexes, and the marks that tell it so in each built page.

Pagefind reads the built HTML. A page takes part only if it carries
`data-pagefind-body` (then only that element is read, not the header, the
sidebar or the quick exit); the programme and provider pages, the hand-written
pages and nothing else, since every list, comparison and referral page only
repeats what the programme pages say. A programme's result also names its
provider and areas, from `data-pagefind-meta`. Each page's `<html lang>` puts
it in its language's index, with that language's stemming.
"""

from __future__ import annotations

import html as html_escape
import re

from generator.languages import LANGUAGE_ROOTS
from generator.pages.plan import Page
from generator.pages.urls import built_file
from generator.pages.views import ProgrammeView, ProviderView
from generator.records.terms import search_words

"""Where the search bundle goes, at the site's root: one copy for both languages."""

UNUSED_BUNDLE_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "wasm.unknown.pagefind")
"""Pagefind's ready-made interfaces, which assets/search.js does without (our words, Material's look)."""

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
_TAGS = re.compile(r"<[^>]+>")


def search_meta(page: Page, lang: str) -> dict[str, str] | None:
    """What a search result shows beside a generated page's title, or None if search leaves the page out."""
    view = page.view
    if isinstance(view, ProgrammeView):
        return {"provider": view.provider.short_name, "area": ", ".join(area.name.get(lang) for area in view.programme.areas)}
    if isinstance(view, ProviderView):
        return {}
    return None


def searched_pages(pages: list[Page], content: list[str], lang: str) -> dict[str, dict[str, str]]:
    """Every page of one language that search indexes (built path → meta): generated ones by `search_meta`, and every hand-written page."""
    marks = {built_file(page.path): meta for page in pages if (meta := search_meta(page, lang)) is not None}
    marks.update({built_file(name): {} for name in content if name.endswith(".md")})
    return marks


def search_glob(pages: list[str]) -> str:
    """A Pagefind glob that reads `pages` (paths under site/) and few others: `folder/*/index.html` for each folder of two or more of them.

    Pagefind parses every page its glob matches and then leaves out the
    unmarked ones: the list, comparison and referral pages took half its time.
    Naming each page fails past some thousands, so record pages go by folder;
    the few unmarked pages a folder's pattern also matches are parsed and left out.
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


def mark_for_search(html: str, meta: dict[str, str], dutch: bool = False) -> str:
    """The page with its content marked for Pagefind and its meta added, as hidden data Pagefind reads.

    A Dutch page also carries, hidden, the words readers search with that the
    term list keeps out of the text (verwijzing for aanmelding), so that the
    one term per concept does not hide a page from them.
    """
    article = _ARTICLE.search(html)
    if article is None:
        raise ValueError("page has no Material article to mark for search")
    data = "".join(f'<span data-pagefind-meta="{key}" hidden>{html_escape.escape(value)}</span>' for key, value in meta.items() if value)
    words = search_words(_TAGS.sub(" ", html[article.start() :])) if dutch else []
    if words:
        data += f'<span hidden>{html_escape.escape(" ".join(words))}</span>'
    marked = html[: article.end()] + " data-pagefind-body" + html[article.end() :]
    if not data:
        return marked
    end = marked.index(">", marked.index("data-pagefind-body")) + 1
    return marked[:end] + data + marked[end:]
