"""The hand-written Dutch follows the term list (generator/locales/nl/terms.yaml) and spells clean under Debian's hunspell-nl.

These tests read the real content pages and the interface catalogue on purpose:
they are not records, and only developers change them. The records' Dutch is
checked by `check` (generator/records/checks.py, generator/records/spelling.py),
so that an editor learns of a word on its line. The code that finds a ruled-out
word is tested on its own with made-up text.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from babel.messages.pofile import read_po

from generator.records.terms import TERMS_FILE, dutch_terms, ruled_out_words, search_synonyms

from .conftest import ROOT

CATALOGUE = ROOT / "generator" / "locales" / "nl" / "LC_MESSAGES" / "messages.po"
WORDS_FILE = ROOT / "generator" / "locales" / "nl" / "words.txt"


def page_text(markdown: str) -> str:
    """A Dutch content page as a reader reads it: no front matter, code, addresses, tags or English passages."""
    text = re.sub(r"\A---.*?---", "", markdown, flags=re.S)
    text = re.sub(r'<span lang="en">.*?</span>', " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<[^>]+>|https?://\S+|\{\s*[:#.][^}]*\}", " ", text)
    return re.sub(r'^!!! \w+', " ", text, flags=re.M)


def content_texts() -> dict[str, str]:
    """Every Dutch content page, by file."""
    return {path.name: page_text(path.read_text(encoding="utf-8")) for path in sorted((ROOT / "content" / "nl").glob("*.md"))}


def catalogue_texts() -> dict[str, str]:
    """Every Dutch interface word, by its English msgid."""
    with CATALOGUE.open("rb") as po:
        catalogue = read_po(po, locale="nl_NL")
    return {str(m.id): page_text(re.sub(r"%\(\w+\)s|\{\w+\}", " ", m.string)) for m in catalogue if m.id and isinstance(m.string, str)}


ALL_TEXTS = {"content page": content_texts, "catalogue": catalogue_texts}


def test_a_ruled_out_word_is_found_with_the_term_to_write():
    found = ruled_out_words("De verwijzer stuurt het Verwijsformulier; de familierechtbank beslist. Hij had contact met zijn kinderen.")
    assert [(word, term.use.split(",")[0]) for word, term in found] == [
        ("verwijzer", "aanmelden"),
        ("Verwijsformulier", "aanmelden"),
        ("familierechtbank", "familierechter"),
        ("contact met zijn kinderen", "omgang"),
    ]
    assert ruled_out_words("De aanmelder meldt aan; persoonlijk contact; de omgang met zijn kinderen.") == []


@pytest.mark.parametrize("kind", ALL_TEXTS)
def test_dutch_uses_only_the_terms_of_the_list(kind):
    texts = ALL_TEXTS[kind]()
    assert len(texts) >= 8
    found = [f"{where}: “{word}” (write {term.use})" for where, text in texts.items() for word, term in ruled_out_words(text)]
    assert not found, f"ruled out by {TERMS_FILE.name}:\n" + "\n".join(found)


def test_the_glossary_explains_the_terms_the_list_marks():
    headings = re.findall(r"^## (.+)$", (ROOT / "content" / "nl" / "glossary.md").read_text(encoding="utf-8"), re.M)
    marked = [term for term in dutch_terms() if term.glossary]
    assert marked
    for term in marked:
        first = term.use.split(",")[0].strip()
        assert any(heading.lower().startswith(first.lower()) for heading in headings), f"the Dutch glossary has no entry “{first}”"


def words(text: str) -> set[str]:
    """The words of a text, as a speller reads them (a hyphenated compound stays one word)."""
    return {token.strip("-’'") for token in re.findall(r"[^\W\d_][\w'’-]*", text) if len(token.strip("-’'")) > 1}


def unknown_to_hunspell(candidates: set[str]) -> set[str]:
    """The words hunspell-nl does not know."""
    run = subprocess.run(["hunspell", "-d", "nl_NL", "-l"], input="\n".join(sorted(candidates)), capture_output=True, text=True, check=True)
    return set(run.stdout.split())


@pytest.mark.slow
def test_dutch_spelling_is_clean_under_hunspell_nl():
    known = {line.strip() for line in WORDS_FILE.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")}
    text = "\n".join(text for kind in ALL_TEXTS.values() for text in kind().values())
    checked = words(text) - known
    assert len(checked) > 500
    unknown = unknown_to_hunspell(checked)
    # A compound such as Caring Dads-team is right when each of its parts is.
    compounds = {word for word in unknown if "-" in word}
    parts = {part for word in compounds for part in word.split("-") if len(part) > 1}
    wrong_parts = unknown_to_hunspell(parts - known) if parts - known else set()
    unknown = (unknown - compounds) | {word for word in compounds if set(word.split("-")) & wrong_parts}
    assert not unknown, f"hunspell-nl does not know these words; correct them, or add a name to {WORDS_FILE.relative_to(ROOT)}: {sorted(unknown)}"


def test_each_word_readers_search_with_is_searched_as_the_word_the_pages_write():
    synonyms = search_synonyms()
    assert synonyms["verwijzen"] == synonyms["verwijzing"] == "aanmelden" and synonyms["familierechtbank"] == "familierechter"
    # The words searched for instead are ones the list lets pages write, and none it rules out.
    assert not ruled_out_words(" ".join(synonyms.values()))
    assert {word for term in dutch_terms() for word in term.search} <= set(synonyms)
