"""The site's languages, and the few facts about each that every stage needs.

English is the language the records and templates are written in first; Dutch
follows it page for page, under /nl/.
"""

from __future__ import annotations

import typing
from typing import Literal

Language = Literal["en", "nl"]
LANGUAGES: tuple[Language, ...] = typing.get_args(Language)
LANGUAGE_ROOTS: dict[str, str] = {"en": "", "nl": "nl/"}
"""Where each language's pages sit under site/: the same path below it for the same page."""
LANGUAGE_NAMES = {"en": "English", "nl": "Nederlands"}
LOCALES = {"en": "en_GB", "nl": "nl_NL"}
"""The Babel locale each language's dates and numbers are written in."""
OTHER_LANGUAGE = {"en": "nl", "nl": "en"}


def language_of(path: str) -> Language:
    """The language of a path under site/, by the language root it lies under (the first language's is the site's root)."""
    return next((lang for lang in LANGUAGES if LANGUAGE_ROOTS[lang] and path.startswith(LANGUAGE_ROOTS[lang])), LANGUAGES[0])
