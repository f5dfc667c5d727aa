"""The Dutch spelling of the records, checked with hunspell and its nl_NL dictionary (Debian: hunspell, hunspell-nl)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass

from generator.problem import FieldPath, Problem, field_path
from generator.records.record_file import RecordFile
from generator.records.record_paths import Walk, parts

HUNSPELL = "hunspell"
"""The spell checker to run; a test points it at a missing program."""
INSTALL = "apt-get install hunspell hunspell-nl"

# A word starts with a letter; a hyphenated compound or a word with an apostrophe (DVPP's) stays one word.
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Addresses are not Dutch: their parts would read as misspelt words.
_ADDRESS = re.compile(r"https?://\S+|\S+@\S+")
# Where a record names something, by path; "*" stands for any list index or language.
_NAME_PATHS = (
    ("provider", "name", "*"),
    ("provider", "short_name"),
    ("provider", "other_names", "*", "name"),
    ("provider", "member_organisations", "*", "name"),
    ("programmes", "*", "name", "*"),
    ("programmes", "*", "areas", "*", "name", "*"),
    ("programmes", "*", "venues", "*", "name", "*"),
    ("programmes", "*", "organisations", "*", "name"),
)
_LANGUAGES = ("en", "nl")
# Dutch writes één as Eén at the start of a sentence (Taalunie), a form hunspell-nl lacks: it is asked about één.
_SENTENCE_FORMS = {"Eén": "één"}
NOT_CHECKED = (
    "the Dutch spelling of the records was not checked (in any file), because hunspell or its Dutch dictionary is not installed; "
    f"install them (on Debian or Ubuntu: {INSTALL}) and run the check again"
)

_verdicts: dict[str, bool] = {}
"""What hunspell said of each word it was asked about: its verdict does not change within one run, and tests check many records."""


def words(text: str) -> set[str]:
    """The words of a text as a speller reads them: addresses left out, a hyphenated compound kept whole."""
    tokens = (token.strip("-’'") for token in _WORD.findall(_ADDRESS.sub(" ", text)))
    return {token for token in tokens if len(token) > 1}


def _parts(word: str) -> list[str]:
    return [part for part in word.split("-") if len(part) > 1]


def _asked(word: str) -> list[str]:
    """What hunspell is asked about for one word: the word as the dictionary spells it, and the parts of a compound."""
    return [_SENTENCE_FORMS.get(word, word), *_parts(word)]


def _is_name_path(path: FieldPath) -> bool:
    # A path's shape (list indices and the language as "*") is looked up once, not matched against each pattern.
    shape = tuple("*" if isinstance(step, int) or (n == len(path) - 1 and step in _LANGUAGES) else step for n, step in enumerate(path))
    return shape in _NAME_SHAPES


_NAME_SHAPES = frozenset(_NAME_PATHS)


def names_and_texts(item: RecordFile, walk: Walk | None = None) -> tuple[set[str], list[tuple[FieldPath, str]]]:
    """In one walk of a record (or from `walk`, its walk): every word of the names it declares (provider, programmes, other
    names, member organisations, areas, venues, organisations), and every Dutch text the spell checker reads, with its path."""
    names: set[str] = set()
    texts: list[tuple[FieldPath, str]] = []
    for path, node in walk.of(str) if walk is not None else parts(item.record, str):
        if _is_name_path(path):
            for word in words(node):
                names |= {word, *_parts(word)}
        # A text still holding the template's TODO is reported as such; its words are the template's.
        elif path and path[-1] == "nl" and "TODO" not in node:
            texts.append((path, node))
    return names, texts


@dataclass(frozen=True)
class DutchWords:
    """What one record gives the spell checker to read; the same for the same record, whatever the dictionary says."""

    names: frozenset[str]
    """Every word (and compound's part) of the names the record declares."""
    texts: tuple[tuple[FieldPath, tuple[str, ...]], ...]
    """Each Dutch text that holds a word not declared as a name, with its path and those words (tuples: the garbage collector skips them)."""
    asked: frozenset[str]
    """What hunspell is asked about for those words."""


def dutch_words(item: RecordFile, walk: Walk) -> DutchWords:
    """The words of a record's Dutch texts that its names do not declare, and what to ask hunspell about them (`walk` is the record's walk)."""
    names, texts = names_and_texts(item, walk)
    undeclared = [(path, tuple(sorted(words(text) - names))) for path, text in texts]
    found = tuple((path, text_words) for path, text_words in undeclared if text_words)
    return DutchWords(frozenset(names), found, frozenset(w for _, text_words in found for word in text_words for w in _asked(word)))


def _ask_hunspell(asked: frozenset[str]) -> bool:
    """Ask hunspell about every word at once (one process, however many records) and remember its verdicts; False if it cannot run."""
    new = sorted(asked - _verdicts.keys())
    if not new:
        return True
    try:
        run = subprocess.run([HUNSPELL, "-d", "nl_NL", "-l"], input="\n".join(new), capture_output=True, text=True, encoding="utf-8", check=False)
    except OSError:
        return False
    if run.returncode != 0:  # e.g. "Can't open affix or dictionary files": hunspell is there, its Dutch dictionary is not
        return False
    unknown = set(run.stdout.split())
    _verdicts.update((word, word not in unknown) for word in new)
    return True


def _known(word: str, names: frozenset[str]) -> bool:
    """A word is right when it is a declared name or in the dictionary; a hyphenated compound is right when each of its parts is."""
    if word in names or _verdicts[_SENTENCE_FORMS.get(word, word)]:
        return True
    parts = _parts(word)
    return "-" in word and bool(parts) and all(part in names or _verdicts[part] for part in parts)


def spelling_problems(files: Sequence[tuple[RecordFile, DutchWords]]) -> list[Problem]:
    """A warning for every Dutch word hunspell does not know and no name in its record declares, on the line that holds it."""
    asked: frozenset[str] = frozenset().union(*(found.asked for _, found in files))
    if not asked:
        return []
    if not _ask_hunspell(asked):
        return [Problem(files[0][0].path, 1, "", NOT_CHECKED, "notice")]
    # A word can be unknown only if hunspell rejected it, or was asked about it in another form: only those are looked at.
    doubted = {word for word in asked if not _verdicts[word]} | _SENTENCE_FORMS.keys()
    problems = []
    for item, found in files:
        for path, text_words in found.texts:
            for word in sorted(w for w in doubted.intersection(text_words) if not _known(w, found.names)):
                line = item.document.line_matching(path, re.compile(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w'’-])"))
                problems.append(Problem(item.path, line, field_path(path), _unknown_word(word), "warning"))
    return problems


def _unknown_word(word: str) -> str:
    return (
        f"the Dutch spell checker does not know “{word}”: correct the spelling, or, if it is a name, "
        "declare it in this file under provider.other_names (with its language)"
    )
