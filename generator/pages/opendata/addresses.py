"""Where the site serves things: page addresses, absolute and site-relative."""

from __future__ import annotations

from generator.languages import LANGUAGE_ROOTS

OPEN_DATA_PAGE = "open-data.md"


def page_url(path: str, lang: str) -> str:
    """The site-relative address of a docs/ page, as MkDocs serves it with directory URLs."""
    stem = path.removesuffix(".md")
    stem = stem.removesuffix("index") if stem.endswith("index") else stem + "/"
    return "/" + LANGUAGE_ROOTS[lang] + stem


def absolute_url(base_url: str, path: str, lang: str) -> str:
    """The absolute address of a docs/ page or file in one language's site."""
    address = page_url(path, lang) if path.endswith(".md") else "/" + LANGUAGE_ROOTS[lang] + path
    return base_url.rstrip("/") + address
