"""Provider files made to be as slow to check as a file within the limits can be: for the benchmark and the tests that `check` stays linear.

Each maker fills `size` bytes (at most the limit a provider file may have)
with one kind of mistake repeated, after a valid record, so that every line
below the record is a problem the check must find, place and word.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

BASE = (Path(__file__).resolve().parent / "bad_records" / "base.yaml").read_text(encoding="utf-8")
_LIST = "    contacts:\n      - team\n"


def _repeat(head: str, unit: str, tail: str, size: int) -> str:
    """`head`, then `unit` as many times as fits in `size` bytes with `tail`."""
    room = size - len((head + tail).encode("utf-8"))
    return head + unit * max(room // len(unit.encode("utf-8")), 0) + tail


def merge_markers(size: int) -> str:
    """Start and middle marker lines in pairs with no end: every pair is a conflict left open."""
    return _repeat(BASE, "<<<<<<<\n=======\n", "", size)


def wrong_list_items(size: int) -> str:
    """A list of thousands of items, each of the wrong kind (a number where a contact's id belongs)."""
    head, tail = BASE.split(_LIST)
    return _repeat(head + "    contacts:\n", "      - 1\n", tail, size)


def unknown_keys(size: int) -> str:
    """Thousands of fields the record does not have, each beside the provider's own."""
    head, tail = BASE.split("  short_name: Example\n")
    keys, total, number = [], len(BASE.encode("utf-8")), 0
    while total + len(f"  x{number}: 1\n") <= size:
        keys.append(f"  x{number}: 1\n")
        total += len(keys[-1])
        number += 1
    return head + "".join(keys) + "  short_name: Example\n" + tail


def missing_dutch(size: int) -> str:
    """A description of thousands of paragraphs, each without its Dutch text."""
    head, tail = BASE.split("    description:\n      - en: Fathers meet weekly in a group.\n        nl: Vaders komen wekelijks bij elkaar in een groep.\n")
    return _repeat(head + "    description:\n", "      - en: Fathers meet.\n", tail, size)


def deep_indentation(size: int) -> str:
    """Keys each indented one space further than the last, closed by a merge-conflict marker whose field must be named through all of them."""
    lines, depth, total = [], 0, len(BASE.encode("utf-8")) + 8
    while total + depth + 3 <= size:
        lines.append(" " * depth + "a:")
        total += depth + 3
        depth += 1
    return BASE + "\n".join(lines) + "\n=======\n"


def lines_under_deep_keys(size: int) -> str:
    """Forty keys each nested in the last, then thousands of lines under them, closed by a merge-conflict marker: every line's field is weighed at every level."""
    head = BASE + "".join(" " * depth + f"k{depth}:\n" for depth in range(40))
    return _repeat(head, " " * 40 + "x: 1\n", "=======\n", size)


def a_line_of_dashes(size: int) -> str:
    """One line of list items nested in each other (“- - - …”), closed by a merge-conflict marker."""
    return _repeat(BASE, "- ", "x\n=======\n", size)


def tab_at_the_end(size: int) -> str:
    """Thousands of list items, then one line indented with a tab, which YAML cannot read: the mistake is explained after reading everything above it."""
    head, tail = BASE.split(_LIST)
    return _repeat(head + "    contacts:\n", "      - team\n", "\t- team\n" + tail, size)


def quotes_that_look_unclosed(size: int) -> str:
    """Thousands of folded lines that start with an apostrophe, a tab in a quoted text, and a line YAML cannot read at the end: each apostrophe might be a quote left open."""
    head, tail = BASE.split(_LIST)
    head = head.replace("  short_name: Example\n", '  short_name: "Ex\tample"\n')
    return _repeat(head + "    contacts:\n", "      - >-\n        'team\n", "      - a: b: c\n" + tail, size)


def markup_in_texts(size: int) -> str:
    """A list of thousands of texts, each holding a tag."""
    head, tail = BASE.split("    for_whom:\n      - en: Fathers of children under 16.\n        nl: Vaders van kinderen onder de 16.\n")
    return _repeat(head + "    for_whom:\n", "      - en: <b>x</b>\n        nl: <b>x</b>\n", tail, size)


def control_characters(size: int) -> str:
    """A list of thousands of texts, each holding a DEL written as an escape."""
    head, tail = BASE.split("    for_whom:\n      - en: Fathers of children under 16.\n        nl: Vaders van kinderen onder de 16.\n")
    return _repeat(head + "    for_whom:\n", '      - en: "x\\x7f"\n        nl: "x\\x7f"\n', tail, size)


MAKERS: dict[str, Callable[[int], str]] = {
    "merge markers": merge_markers,
    "wrong list items": wrong_list_items,
    "unknown keys": unknown_keys,
    "missing Dutch": missing_dutch,
    "deep indentation": deep_indentation,
    "lines under deep keys": lines_under_deep_keys,
    "a line of dashes": a_line_of_dashes,
    "tab at the end": tab_at_the_end,
    "quotes that look unclosed": quotes_that_look_unclosed,
    "markup in texts": markup_in_texts,
    "control characters": control_characters,
}
