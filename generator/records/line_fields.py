"""The field a line of an unreadable file is about, worked out from indentation alone.

When PyYAML stops on a tab, a stray colon or an unclosed quote there is no
parsed data to name the field from, yet the editor still deserves to hear
which field the line belongs to. Records are written in block style, one
“key: value” or “- item” per line, so the keys above the line, each indented
less than the one below it, spell out the path. A tab is as wide as the
caller says: the width at which the file would read, where there is one.

A line indented one or two spaces off is taken to be at the nearest level it
could belong to (the deeper one on a tie, unless only the other makes a field
the record knows), so the path names the field the editor was writing, and a
list item out of line still counts as the next item of its list.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.problem import FieldPath

Fits = Callable[[FieldPath], bool]
"""Whether a path names a field the record can hold (the model's judgement, passed in by the caller)."""

_KEY = re.compile(r"(?P<key>[A-Za-z0-9_-]+)[ \t]*:(?:[ \t]+(?P<value>.*)|$)")
_DASH = re.compile(r"-(?:[ \t]+|$)")
_BLOCK_TEXT = re.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?$")
"""A value of `|` or `>`: the lines below it, indented further, are text, whatever they hold."""


_NEAREST = 4
_DEEPEST = 40
"""Steps a path may have: records nest about eight deep, and YAML itself refuses a file nested deeper than this."""


@dataclass
class _Step:
    """One step of the path: where it starts, what it is, whether lines can sit inside it, and where they start."""

    column: int
    name: str | int
    holds: bool = True
    inner: int | None = None
    inside: str = "key"
    """What its inner lines are: keys, or list items."""


def field_at_line(text: str, line: int, tab_width: int = 4, fits: Fits | None = None) -> FieldPath:
    """The path of the field on line `line` (1-based), as the lines above it nest it, tabs `tab_width` wide."""
    path: FieldPath = ()
    for path in itertools.islice(fields_by_line(text, tab_width, fits), max(line, 0)):
        pass
    return path


def fields_by_line(text: str, tab_width: int = 4, fits: Fits | None = None) -> Iterator[FieldPath]:
    """The path of the field on each line in turn, in one pass: naming the fields of many lines costs no more than reading the file once."""
    steps: list[_Step] = []
    last_index: dict[tuple[FieldPath, int], int] = {}
    text_below: int | None = None
    for raw in text.splitlines():
        expanded = raw.expandtabs(tab_width)
        rest = expanded.lstrip(" ")
        column = len(expanded) - len(rest)
        if not rest or rest.startswith("#") or (text_below is not None and column > text_below):
            yield tuple(step.name for step in steps)
            continue
        text_below = None
        key = _KEY.match(rest)
        if _DASH.match(rest) or key:
            column = _level(steps, column, "item" if _DASH.match(rest) else "key", key.group("key") if key else None, fits)
        # Past the deepest a record can go, further “- ” are text: a line of thousands would otherwise cost their square.
        while len(steps) < _DEEPEST and (dash := _DASH.match(rest)):
            _close(steps, column, "item")
            parent = tuple(step.name for step in steps)
            index = last_index.get((parent, column), -1) + 1
            last_index[(parent, column)] = index
            rest = rest[dash.end():]
            steps.append(_Step(column, index, inner=column + dash.end()))
            column += dash.end()
        key = _KEY.match(rest)
        value = (key.group("value") or "").strip() if key else rest
        if key:
            _close(steps, column, "key")
            if len(steps) < _DEEPEST:
                steps.append(_Step(column, key.group("key"), holds=not value or value.startswith("#")))
        else:
            _close(steps, column, "text")
        if _BLOCK_TEXT.match(value):
            text_below = column
        yield tuple(step.name for step in steps)


def _level(steps: list[_Step], column: int, kind: str, key: str | None, fits: Fits | None) -> int:
    """The column a key or item line belongs at: its own, or the nearest one it could mean."""
    if not steps or (steps[-1].holds and steps[-1].inner is None and column > steps[-1].column):
        return column  # the first line inside a step sets where its lines start
    levels = {step.inner for step in steps if step.inner is not None and step.holds and step.inside == kind}
    if kind == "item":
        levels |= {step.column for step in steps if isinstance(step.name, int) or step.holds}
    else:
        levels |= {step.column for step in steps if isinstance(step.name, str)}
    if steps[-1].holds and steps[-1].inner is None:
        levels.add(steps[-1].column + 1)  # inside the key just above, as its first line, if it was meant to be
    # Nearest first, the deeper of two equally near: a line usually continues the block above it.
    ranked = sorted(levels, key=lambda level: (abs(level - column), -level))
    if column in levels:
        ranked.remove(column)
        ranked.insert(0, column)
    if fits is not None and key is not None:
        # The nearest few levels only: a line is meant for one near where it stands, and asking the model about every
        # level of a deeply nested file, line after line, made a hostile file take minutes.
        ranked = next(([level] for level in ranked[:_NEAREST] if fits(_path_at(steps, level, key))), ranked)
    # No level above can hold this line (the lines above are broken too): it stands where it is.
    return ranked[0] if ranked else column


def _path_at(steps: list[_Step], column: int, key: str) -> FieldPath:
    """The path a key would have at `column`."""
    trial = [_Step(step.column, step.name, step.holds, step.inner, step.inside) for step in steps]
    _close(trial, column, "key")
    return tuple(step.name for step in trial) + (key,)


def _close(steps: list[_Step], column: int, kind: str) -> None:
    """Leave the steps that a line of `kind` (item, key or text) at `column` is not inside."""
    while steps:
        step = steps[-1]
        # A list may sit at the same indentation as the key that holds it.
        list_of_this_key = kind == "item" and step.column == column and isinstance(step.name, str) and step.holds
        outside = step.column >= column and not list_of_this_key
        if kind != "text":
            # Nothing sits inside "key: value"; a line less indented than the lines inside a step is not in it.
            outside = outside or not step.holds or (step.inner is not None and column < step.inner)
        if not outside:
            break
        steps.pop()
    if steps and steps[-1].inner is None:
        steps[-1].inner = column
        steps[-1].inside = kind
