"""Characters no record text may hold: invisible controls, text-direction overrides, half characters.

YAML refuses most of them written into the file as they are, but a text in
double quotes may write any character as an escape (“\\x7f”, “\\0”, “\\u202e”),
and YAML lets the text-direction overrides through as they are. On a page they
break it (a DEL in a name drops the page's title) or make it show something
else than the record says, so each is refused on its field's line. A line
break (and a tab) may stand in a text: folded texts are made of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.problem import Problem, field_path
from generator.records.limits import MORE_PROBLEMS, first_problems
from generator.records.record_paths import nodes
from generator.records.yaml_reader import Document

_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
"""C0 controls but the tab and the line break (so the carriage return too), DEL and the C1 controls."""
_DIRECTION = "\u202a-\u202e\u2066-\u2069"
"""The bidirectional embeddings, overrides and isolates: they reorder what a reader sees."""
_HALF = "\ud800-\udfff"
"""Half of a character (a surrogate on its own), which no text can be saved with."""
_FORBIDDEN = re.compile(f"[{_CONTROL}{_DIRECTION}{_HALF}\ufeff]")


def _why(character: str) -> str:
    code = f"U+{ord(character):04X}"
    if character == "\r":
        return f"a carriage return ({code}), a line break of another kind that would break the page's layout"
    if character == "\ufeff":
        return f"a byte-order mark ({code}), an invisible character that belongs at most at the very start of a file"
    if re.match(f"[{_DIRECTION}]", character):
        return f"an invisible character that changes the direction of the text ({code}), which can make a page show something else than the record says"
    if re.match(f"[{_HALF}]", character):
        return f"half of a character ({code}), which no page can show"
    return f"an invisible control character ({code}) that would break the page"


def character_problems(document: Document, name: str) -> list[Problem]:
    """A problem for every key and text that holds a character no page may show, on its line (the first MAX_PROBLEMS of them)."""
    return first_problems(_found(document, name), lambda problem: Problem(name, problem.line, "", MORE_PROBLEMS))


def _found(document: Document, name: str) -> Iterator[Problem]:
    for path, value in nodes(document.data):
        key = path[-1] if path and isinstance(path[-1], str) else ""
        for text in (key, value) if isinstance(value, str) else (key,):
            found = _FORBIDDEN.search(text)
            if found:
                line = document.line_matching(path, _FORBIDDEN)
                yield Problem(name, line, field_path(path), f"this text holds {_why(found.group(0))}; delete it, for example by typing the text again")
                break
