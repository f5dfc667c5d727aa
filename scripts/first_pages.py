"""The pages a reader sees first, in each language: what scripts/scores and scripts/screenshots look at."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.languages import LANGUAGES  # noqa: E402
from generator.pages import urls  # noqa: E402

FIRST_PAGES = {
    "home": urls.HOME,
    "programme": urls.programme_path("warwickshire-caring-dads"),
    # The finder's answer comes from its query string.
    "finder": urls.FINDER + "?role=social_worker&country=GB",
    "compare": urls.compare_path(),
}
PRINTED = urls.programme_path("hacro-caring-dads")
"""The page whose printed referral sheet is photographed."""


def address(page: str, lang: str) -> str:
    """The site-relative address of a docs/ page (with any query string) in one language, e.g. /nl/finder/?role=…."""
    path, _, query = page.partition("?")
    return urls.page_url(path, lang) + (f"?{query}" if query else "")


def first_addresses() -> list[tuple[str, str, str]]:
    """(name, language, site-relative address) of every first page in every language."""
    return [(name, lang, address(page, lang)) for lang in LANGUAGES for name, page in FIRST_PAGES.items()]
