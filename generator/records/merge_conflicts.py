"""Merge-conflict markers left in a file, found before YAML reads it.

When two changes to the same lines meet, git (and GitHub's conflict editor)
writes both versions into the file between marker lines. YAML would only say
that a line is not “key: value”; an editor needs to hear that it is a merge
conflict, which two versions it holds, and how to keep one.
"""

from __future__ import annotations

import itertools
import re

from generator.records.limits import MORE_PROBLEMS, first_problems
from generator.records.line_fields import Fits, fields_by_line
from generator.records.yaml_errors import YamlProblem

# The label is all the rest of the line, stripped where it is used: a lazy label before “\s*$” would try
# every split of a long run of spaces, which takes minutes on one hostile line.
_START = re.compile(r"^<{7}(?:[ \t]+(?P<label>.*))?$")
_BASE = re.compile(r"^\|{7}(?:[ \t].*)?$")
_MIDDLE = re.compile(r"^={7}\s*$")
_END = re.compile(r"^>{7}(?:[ \t]+(?P<label>.*))?$")
_MARKERS = "<<<<<<<, =======, and >>>>>>>"
_LEFT_OVER = f"this line is left over from a merge conflict; delete it, and check that the lines around it hold one version only (the markers are {_MARKERS})"


def _lines(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}–{last}"


def _where(first: int, last: int) -> str:
    """Where a version is: on line 8, on lines 8–9, or empty (one side deleted the lines)."""
    return "empty" if last < first else f"on {_lines(first, last)}"


def _version(label: str | None, which: str) -> str:
    label = (label or "").strip()
    return f"the version from “{label}”" if label else f"the {which} version"


def _kinds(rows: list[str]) -> list[str]:
    """What each line is: a marker (start, base, middle, end), or an ordinary line ("")."""
    return [
        "start" if _START.match(row) else "base" if _BASE.match(row) else "middle" if _MIDDLE.match(row) else "end" if _END.match(row) else ""
        for row in rows
    ]


def _next_of(kinds: list[str], kind: str) -> list[int | None]:
    """For each line, the index of the first line of `kind` after it: each conflict finds its markers without scanning the file again."""
    found: list[int | None] = [None] * len(kinds)
    following: int | None = None
    for number in range(len(kinds) - 1, -1, -1):
        found[number] = following
        if kinds[number] == kind:
            following = number
    return found


def conflict_problems(text: str, fits: Fits | None = None) -> list[YamlProblem]:
    """One problem per merge conflict (or stray marker line) in `text`, at its first line."""
    rows = text.splitlines()
    kinds = _kinds(rows)
    if not any(kinds):
        return []
    next_middle, next_end = _next_of(kinds, "middle"), _next_of(kinds, "end")
    # (line, message, the line whose field the problem names), all 0-based.
    found: list[tuple[int, str, int]] = []
    number = 0
    while number < len(rows):
        if kinds[number] != "start":
            if kinds[number]:
                found.append((number, _LEFT_OVER, number))
            number += 1
            continue
        middle = next_middle[number]
        end = next_end[middle] if middle is not None else None
        if middle is None or end is None:
            found.append((number, _LEFT_OVER, number))
            number += 1
            continue
        base = next((n for n in range(number + 1, middle) if kinds[n] == "base"), middle)
        first = _version(_START.match(rows[number]).group("label"), "first")  # type: ignore[union-attr]
        second = _version(_END.match(rows[end]).group("label"), "second")  # type: ignore[union-attr]
        # 1-based: the first version runs from the line after <<<<<<< to the line before ||||||| or =======.
        message = (
            f"a merge conflict is left in the file ({_lines(number + 1, end + 1)}): two changes met here; "
            f"{first} is {_where(number + 2, base)}, {second} {_where(middle + 2, end)}. "
            f"Keep the lines you want, delete the other version, and delete the marker lines ({_MARKERS})"
        )
        found.append((number, message, number + 1))
        number = end + 1
    found = first_problems(found, lambda problem: (problem[0], MORE_PROBLEMS, problem[2]))
    # Without its marker lines the file nests as either version would, so the field of a line can be named.
    unmarked = "\n".join("" if kind else row for row, kind in zip(rows, kinds))
    fields = list(itertools.islice(fields_by_line(unmarked, fits=fits), found[-1][2] + 1)) or [()]
    # Blank lines at the end are not lines to splitlines(); they belong to the field above them.
    return [YamlProblem(line + 1, message, fields[min(field_line, len(fields) - 1)]) for line, message, field_line in found]
