"""Merge-conflict markers left in a file, found before YAML reads it.

When two changes to the same lines meet, git (and GitHub's conflict editor)
writes both versions into the file between marker lines. YAML would only say
that a line is not “key: value”; an editor needs to hear that it is a merge
conflict, which two versions it holds, and how to keep one.
"""

from __future__ import annotations

import re

from generator.records.line_fields import Fits, field_at_line
from generator.records.yaml_errors import YamlProblem

_START = re.compile(r"^<{7}(?:[ \t]+(?P<label>.*?))?\s*$")
_BASE = re.compile(r"^\|{7}(?:[ \t].*)?$")
_MIDDLE = re.compile(r"^={7}\s*$")
_END = re.compile(r"^>{7}(?:[ \t]+(?P<label>.*?))?\s*$")
_MARKERS = "<<<<<<<, =======, and >>>>>>>"
_LEFT_OVER = f"this line is left over from a merge conflict; delete it, and check that the lines around it hold one version only (the markers are {_MARKERS})"


def _lines(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}–{last}"


def _where(first: int, last: int) -> str:
    """Where a version is: on line 8, on lines 8–9, or empty (one side deleted the lines)."""
    return "empty" if last < first else f"on {_lines(first, last)}"


def _version(label: str | None, which: str) -> str:
    return f"the version from “{label}”" if label else f"the {which} version"


def conflict_problems(text: str, fits: Fits | None = None) -> list[YamlProblem]:
    """One problem per merge conflict (or stray marker line) in `text`, at its first line."""
    rows = text.splitlines()
    # Without its marker lines the file nests as either version would, so the field of a line can be named.
    unmarked = "\n".join("" if any(p.match(row) for p in (_START, _BASE, _MIDDLE, _END)) else row for row in rows)
    problems: list[YamlProblem] = []
    number = 0
    while number < len(rows):
        start = _START.match(rows[number])
        if start is None:
            if _BASE.match(rows[number]) or _MIDDLE.match(rows[number]) or _END.match(rows[number]):
                problems.append(YamlProblem(number + 1, _LEFT_OVER, field_at_line(unmarked, number + 1, fits=fits)))
            number += 1
            continue
        middle = next((n for n in range(number + 1, len(rows)) if _MIDDLE.match(rows[n])), None)
        end = next((n for n in range(middle + 1, len(rows)) if _END.match(rows[n])), None) if middle is not None else None
        if middle is None or end is None:
            problems.append(YamlProblem(number + 1, _LEFT_OVER, field_at_line(unmarked, number + 1, fits=fits)))
            number += 1
            continue
        base = next((n for n in range(number + 1, middle) if _BASE.match(rows[n])), middle)
        first, second = _version(start.group("label"), "first"), _version(_END.match(rows[end]).group("label"), "second")  # type: ignore[union-attr]
        # 1-based: the first version runs from the line after <<<<<<< to the line before ||||||| or =======.
        message = (
            f"a merge conflict is left in the file ({_lines(number + 1, end + 1)}): two changes met here; "
            f"{first} is {_where(number + 2, base)}, {second} {_where(middle + 2, end)}. "
            f"Keep the lines you want, delete the other version, and delete the marker lines ({_MARKERS})"
        )
        problems.append(YamlProblem(number + 1, message, field_at_line(unmarked, number + 2, fits=fits)))
        number = end + 1
    return problems
