"""The MkDocs configuration of each language build, derived from mkdocs.yml.

Each language is its own MkDocs build (Material's multilingual approach):
its own sitemap, the same paths. Search is not MkDocs' (see generator/search.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from mkdocs.utils.yaml import get_yaml_loader

from generator.languages import LANGUAGE_NAMES, LANGUAGE_ROOTS, LOCALES
from generator.pages import urls
from generator.pages.i18n import N_, translations
from generator.pages.plan import FOOTER, NAV, NavEntry
from generator.pages.urls import HUB_FOLDERS
from generator.records.terms import search_synonyms

THEME_WORDS = {
    "language": N_("Language"),
    "exit": N_("Exit this page"),
    "exit_region": N_("Quick exit"),
    "safety": N_("Staying safe online"),
    "press_2": N_("Shift, press 2 more times to exit the page"),
    "press_1": N_("Shift, press 1 more time to exit the page"),
    "cancelled": N_("Exit this page cancelled"),
    "loading": N_("Loading."),
    "footer": N_("About this site"),
    "printed": N_("Printed on"),
    "search": N_("Search"),
    "search_hint": N_("Type to search the directory."),
    "search_loading": N_("Searching."),
    "search_none": N_("No page matches."),
    "search_one": N_("1 page matches."),
    "search_other": N_("{count} pages match."),
    "search_instead": N_("Searched for “{words}”, the word this directory uses."),
    "search_failed": N_("Search could not be loaded. The list of all programmes works without it."),
    "search_clear": N_("Clear the search"),
    "header": N_("Header"),
    "not_found": N_("Page not found"),
}
"""Words our Material overrides show. MkDocs renders those templates without
gettext, so each language's config carries them, translated from the Babel
catalogue, as extra.words (read by overrides/partials/fpd-words.html)."""


def read_base(root: Path) -> dict[str, Any]:
    """mkdocs.yml as MkDocs reads it: with `!ENV`, so CI can give the repository and site addresses."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=get_yaml_loader(yaml.SafeLoader)) or {}


def source_documents(base: dict[str, Any], root: Path) -> Path | None:
    """The folder of the documents the records' sources name (`extra.source_documents`, relative to the project), if set."""
    folder = (base.get("extra") or {}).get("source_documents")
    return root / folder if folder else None


def repository(base: dict[str, Any]) -> dict[str, str] | None:
    """Where the records live ({url, branch}), from mkdocs.yml's repo_url and extra.repo_branch; None if unset."""
    url = base.get("repo_url")
    if not url:
        return None
    # The address people copy from GitHub's clone button ends in .git; pages need the web address.
    return {"url": url.rstrip("/").removesuffix(".git"), "branch": (base.get("extra") or {}).get("repo_branch") or "main"}


def nav_config(entries: Sequence[NavEntry], gettext: Callable[[str], str]) -> list[dict[str, Any]]:
    """MkDocs' nav: each page or group under its title in the page's language."""
    return [{gettext(title): target if isinstance(target, str) else nav_config(target, gettext)} for title, target in entries]


def footer_links(gettext: Callable[[str], str]) -> list[dict[str, str]]:
    """The footer's links, each page by its built address from the language's root (x.md is served as x/)."""
    return [{"title": gettext(title), "url": urls.built_address(urls.HOME, path)} for title, path in FOOTER]


def site_url_for(base_url: str, lang: str) -> str:
    """The absolute address of a language's home page."""
    return base_url.rstrip("/") + "/" + LANGUAGE_ROOTS[lang]


EXAMPLE_NAMES = ("example", "test", "invalid", "localhost", "example.com", "example.net", "example.org")
"""Names reserved for examples and tests (RFC 2606): a site_url on one of them is a placeholder, not where the site is published."""


def published_address(base_url: str) -> bool:
    """Whether `base_url` is an address the site is published at, rather than a placeholder (mkdocs.yml's default)."""
    host = urlsplit(base_url).hostname or ""
    return not any(host == name or host.endswith("." + name) for name in EXAMPLE_NAMES)


def language_config(lang: str, base: dict[str, Any], docs_dir: str, site_dir: str, inherit: str) -> dict[str, Any]:
    """The config for one language: it INHERITs the base file and overrides what differs."""
    gettext = translations(lang).gettext
    languages = [
        {
            "lang": other,
            "name": LANGUAGE_NAMES[other],
            "locale": LOCALES[other],
            "site_url": site_url_for(base["site_url"], other),
            # From this language's root to the other's, so a page links to the same page.
            "link": ("../" if lang != "en" else "") + LANGUAGE_ROOTS[other],
        }
        for other in LANGUAGE_NAMES
    ]
    not_in_nav = "\n".join(f"/{folder}/**/*.md\n!/{folder}/index.md" for folder in HUB_FOLDERS)
    return {
        "INHERIT": inherit,
        "site_name": gettext("Fathers' Programme Directory"),
        # Pages without a description of their own (the hand-written ones) get this one.
        "site_description": gettext("Programmes for fathers, most of them for fathers who have been abusive or neglectful, and exactly how professionals refer a father to each, in the United Kingdom and the Netherlands."),
        "site_url": site_url_for(base["site_url"], lang),
        "docs_dir": docs_dir,
        "site_dir": site_dir,
        "theme": {"language": lang, "custom_dir": "../site_templates/overrides"},
        # Our pages link to the repository themselves. Given repo_url, Material
        # would add a header link whose script asks api.github.com for star
        # counts and keeps them in sessionStorage: a third-party request and
        # browser storage, both of which this site promises not to make.
        "repo_url": None,
        "nav": nav_config(NAV, gettext),
        "not_in_nav": not_in_nav,
        # No search plugin: Material's script would fetch its whole index on
        # every first page view. Pagefind indexes the built site instead.
        "plugins": [],
        "extra": {
            # From this language's root to the site's, where the one copy of the search and the theme's assets live.
            "site_root": "../" if LANGUAGE_ROOTS[lang] else "",
            # Each language's own search index, under its root: a reader searches the pages of the language they read.
            "search_index": urls.SEARCH_INDEX_FOLDER + "/",
            # Where the search form goes without JavaScript: every programme, in a table.
            "search_fallback": urls.built_address(urls.HOME, urls.programmes_path()),
            # Words Dutch readers search with that the term list keeps out of the pages, each with the word the pages write.
            "search_synonyms": search_synonyms() if lang == "nl" else {},
            "languages": languages,
            # The address a printed sheet gives: none from a placeholder (print-sheet.js then gives the one it was read at).
            "sheet_address": site_url_for(base["site_url"], lang) if published_address(base["site_url"]) else "",
            "words": {key: gettext(message) for key, message in THEME_WORDS.items()},
            "footer": footer_links(gettext),
        },
    }
