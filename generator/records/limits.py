"""How large a provider file, a text and a list may be.

A record holds a provider's own published facts: its largest file is about
41 kB, its longest text about 700 characters and its longest list 11 items.
The limits leave room for many times that, and stop a paste gone wrong (a
whole report in one field) before it slows the check and swells every page.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from generator.problem import Problem, field_path
from generator.records.record_paths import nodes
from generator.records.yaml_reader import Document

MAX_FILE_BYTES = 500_000
MAX_TEXT_CHARACTERS = 3_000
MAX_LIST_ITEMS = 100
MAX_PROBLEMS = 100
"""Problems said per file and kind: past them, one line says there are more, so a file of thousands of mistakes is checked in seconds."""
MORE_PROBLEMS = (
    f"there are more than {MAX_PROBLEMS} problems of this kind in the file, from this line on; "
    f"fix the {MAX_PROBLEMS} above and run check again to see the rest"
)
T = TypeVar("T")


def _size(count: int) -> str:
    """A number of bytes as an editor's file manager shows it: 620 kB, 5.2 MB."""
    return f"{count / 1_000_000:.1f} MB" if count >= 1_000_000 else f"{max(count // 1_000, 1)} kB"


def file_too_large(raw: bytes, name: str) -> Problem | None:
    """A problem if the file is over the limit, at its longest line, where a stray paste most likely is."""
    if len(raw) <= MAX_FILE_BYTES:
        return None
    rows = raw.split(b"\n")
    longest = max(range(len(rows)), key=lambda index: len(rows[index]))
    return Problem(
        name,
        longest + 1,
        "",
        f"the file is {_size(len(raw))}, more than the {_size(MAX_FILE_BYTES)} a provider file may hold; "
        f"its longest line is this one ({len(rows[longest]):,} characters): look for a text pasted in by mistake and shorten it",
    )


def first_problems(found: Iterable[T], more: Callable[[T], T]) -> list[T]:
    """At most MAX_PROBLEMS of `found`, then `more` of the next one (which says there are more there); nothing past it is worked out."""
    problems = list(itertools.islice(found, MAX_PROBLEMS + 1))
    if len(problems) > MAX_PROBLEMS:
        problems[-1] = more(problems[-1])
    return problems


def size_problems(document: Document, name: str) -> list[Problem]:
    """A problem for every text and list in the record that is longer than its limit."""
    problems = []
    for path, value in nodes(document.data):
        found = _over(value)
        if found:
            problems.append(Problem(name, document.line_of(path), field_path(path), found))
    return problems


def _over(value: Any) -> str | None:
    if isinstance(value, str) and len(value) > MAX_TEXT_CHARACTERS:
        return (
            f"this text is {len(value):,} characters long, more than the {MAX_TEXT_CHARACTERS:,} a text may have; "
            "shorten it to what readers need (a long description can be split into paragraphs, one list item each)"
        )
    if isinstance(value, list) and len(value) > MAX_LIST_ITEMS:
        return f"this list has {len(value):,} items, more than the {MAX_LIST_ITEMS} a list may have; keep the items readers need"
    return None
