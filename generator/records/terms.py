"""The Dutch term list (generator/locales/nl/terms.yaml): one term per concept, and the words it rules out."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

TERMS_FILE = Path(__file__).resolve().parent.parent / "locales" / "nl" / "terms.yaml"


@dataclass(frozen=True)
class Term:
    """One concept: the Dutch the directory writes, and what it does not."""

    concept: str
    use: str
    ruled_out: tuple[str, ...]
    glossary: bool
    search: tuple[str, ...] = ()
    """Words readers may search with for this concept, though the pages write `use`."""

    @property
    def choices(self) -> str:
        """The words to write, as an editor reads them: “aanmelden, aanmelding or aanmelder”."""
        words = [word.strip() for word in self.use.split(",")]
        return " or ".join(filter(None, [", ".join(words[:-1]), words[-1]]))

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """Matches any ruled-out word or phrase, as a whole word (a trailing * takes any ending)."""
        return re.compile(r"(?<!\w)(?:" + "|".join(map(_alternative, self.ruled_out)) + ")", re.IGNORECASE)


def _alternative(word: str) -> str:
    """One ruled-out entry as a regular expression: re:…, a stem ending in *, or a whole word."""
    if word.startswith("re:"):
        return word.removeprefix("re:")
    return re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word) + r"\b"


@functools.cache
def dutch_terms() -> tuple[Term, ...]:
    """The term list, read once."""
    data = yaml.safe_load(TERMS_FILE.read_text(encoding="utf-8"))
    return tuple(Term(t["concept"], t["use"], tuple(t["not"]), bool(t.get("glossary")), tuple(t.get("search", ()))) for t in data["terms"])


def ruled_out_words(text: str) -> list[tuple[str, Term]]:
    """Each ruled-out word in a Dutch text, with the term to write instead."""
    return [(found.group(0), term) for term in dutch_terms() for found in term.pattern.finditer(text)]


def search_synonyms() -> dict[str, str]:
    """Each word readers may search with that the pages do not write (lower case), with the word they write for it: verwijzen → aanmelden."""
    return {word.lower(): term.use.split(",")[0].strip() for term in dutch_terms() for word in term.search}
