"""Safe YAML reading that remembers the line of every key and item.

Editors write YAML by hand, so the reader follows what they mean rather than
YAML 1.1: `no`, `yes`, `on` and `off` stay text, `0123` and `1e3` stay text,
`12:30` stays text, a leading `+` keeps a value text (`+441234567890` is a
phone number, as `+44 1234 567890` is), and only `true`/`false` are booleans.
Whole numbers (`17`, `-3`), decimals (`2.5`) and real dates (`2026-11-22`) are
typed.

Anchors, aliases and `!` tags are refused at the parser's event for them,
before anything is built from them: editors never need them, and refusing them
makes alias bombs ("billion laughs") and object-building tags impossible. Every refusal is a YamlProblem
that carries the line and, where there is one, the path of the field.
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.problem import FieldPath, printable
from generator.records.libyaml import FAST as _FAST
from generator.records.libyaml import agrees as _libyaml_agrees
from generator.records.line_fields import Fits
from generator.records.yaml_errors import YamlProblem, explain

_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""Each matched with fullmatch: “$” would let a value end in a line break."""
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULL = {"", "~", "null", "Null", "NULL"}
_MAX_DIGITS = 30
_MAX_DEPTH = 40
"""Records nest about eight levels deep; anything far deeper is a mistake (or an attack)."""


@dataclass
class Document:
    """A YAML document as plain Python data, and the line of every path in it."""

    data: Any
    lines: dict[FieldPath, int] = field(default_factory=dict)
    last_lines: dict[FieldPath, int] = field(default_factory=dict)
    """The last line of every value that runs over several lines (folded text, a quoted text that wraps)."""
    source: list[str] = field(default_factory=list)

    def line_of(self, path: FieldPath) -> int:
        """Return the line of `path`, or of its nearest ancestor that has one."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def line_matching(self, path: FieldPath, pattern: re.Pattern[str]) -> int:
        """The first line of the value at `path` that `pattern` finds something on, else the line of `path`."""
        first = self.line_of(path)
        for number in range(first, self.last_lines.get(path, first) + 1):
            if number <= len(self.source) and pattern.search(self.source[number - 1]):
                return number
        return first


def _scalar(value: str, style: str | None) -> Any:
    """Type a scalar the way an editor reading it would."""
    if style:  # quoted or block text; a plain scalar's style is None (PyYAML) or "" (libyaml)
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    # Python will not read an integer of thousands of digits (nor should a record hold one): it stays text, which the check refuses.
    if _INT.fullmatch(value) and len(value) <= _MAX_DIGITS:
        return int(value)
    if _FLOAT.fullmatch(value):
        number = float(value)
        return number if math.isfinite(number) else value
    if _DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _written_tag(tag: str) -> str:
    """A tag the way it was written in the file: !!python/object, not tag:yaml.org,2002:python/object."""
    return printable("!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag)


def _refuse(event: yaml.NodeEvent, path: FieldPath) -> None:
    """Raise on an anchor, alias or tag: checked on its event, before anything is built from it."""
    line = event.start_mark.line + 1  # type: ignore[union-attr]  # the parser gives every event its marks
    if isinstance(event, yaml.AliasEvent):
        raise YamlProblem(
            line,
            f"“*{printable(event.anchor)}” is an alias, which is not allowed; write the value out in full "  # type: ignore[arg-type]  # an alias always names its anchor
            "(if this is a text that starts with *, put the whole text in quotes: \"…\")",
            path,
        )
    if event.anchor:
        raise YamlProblem(
            line,
            f"“&{printable(event.anchor)}” is an anchor, which is not allowed; remove it and write the value out in full wherever it is needed "
            "(if this is a text that starts with &, put the whole text in quotes: \"…\")",
            path,
        )
    tag = getattr(event, "tag", None)
    if tag is not None:  # only tags written in the file: plain and quoted values carry none
        raise YamlProblem(line, f"the tag “{_written_tag(tag)}” is not allowed; remove it and write the plain value (in quotes if it must stay text)", path)


_EMPTY = "the file is empty; it should hold a provider's record, with the fields provider:, programmes:, sources: and last_reviewed:"


def read_yaml(text: str, fits: Fits | None = None) -> Document:
    """Parse one YAML document; raise YamlProblem on anything an editor must fix.

    `fits` tells which paths the record can hold, to name the field of a line
    that cannot be read when its indentation leaves a choice.
    """
    if not text.strip():
        raise YamlProblem(1, _EMPTY)
    try:
        if _libyaml_agrees(text):
            return _read(text, _FAST)
    except (yaml.YAMLError, YamlProblem, UnicodeEncodeError):
        # libyaml words its errors differently, and may stop at another point
        # of a broken file than PyYAML, whose errors yaml_errors explains: a
        # file with any mistake is read again with PyYAML, which says what it
        # always said.
        pass
    try:
        return _read(text, yaml.BaseLoader)
    except yaml.YAMLError as error:
        raise explain(error, text, fits) from None


def _read(text: str, loader: type) -> Document:
    """Read the file in one pass over the parser's events, refusing each anchor, alias, tag or absurd depth at its event.

    The data is built from the events as they come, so nothing is ever built
    from an anchor or alias. A mistake in the data's shape (a key that is not
    a word, a key twice) is said only once the whole file has parsed, so that
    a later line the parser cannot read, or a second document, is said first.
    """
    document = Document(data=None, source=text.splitlines())
    lines, last_lines = document.lines, document.last_lines
    # Each frame: [path, is_mapping, next list index, waiting for a key, the last key, the dict or list being built]
    stack: list[list[Any]] = []
    starts: list[int] = []
    shape: YamlProblem | None = None
    for event in yaml.parse(text, Loader=loader):
        kind = type(event)
        if kind is yaml.DocumentStartEvent:
            starts.append(event.start_mark.line + 1)  # type: ignore[union-attr]  # the parser gives every event its marks
            continue
        if kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
            stack.pop()
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        line = event.start_mark.line + 1  # type: ignore[union-attr]  # the parser gives every event its marks
        path: FieldPath = ()
        top = stack[-1] if stack else None
        is_key = False
        if top is not None:
            if not top[1]:
                path = top[0] + (top[2],)
                top[2] += 1
            elif top[3]:
                top[4] = event.value if isinstance(event, yaml.ScalarEvent) else "?"
                top[3] = False
                path = top[0] + (top[4],)
                is_key = True
            else:
                path = top[0] + (top[4],)
                top[3] = True
        if event.anchor is not None or getattr(event, "tag", None) is not None:
            _refuse(event, path)
        value: Any = None
        if is_key and top is not None:
            if shape is None and kind is not yaml.ScalarEvent:
                shape = YamlProblem(line, "a key must be a plain word followed by a colon, like “name:”", top[0])
            elif shape is None and top[4] in top[5]:
                shape = YamlProblem(
                    line,
                    f"the key `{printable(top[4])}` appears twice here (first on line {lines[path]}); keep one and delete the other",
                    path,
                )
            elif shape is None:
                lines[path] = line
        elif shape is None:
            lines.setdefault(path, line)
            if isinstance(event, yaml.ScalarEvent):
                value = _scalar(event.value, event.style)
                # A block text's end mark is the start of the line after it.
                last = event.end_mark.line + (0 if event.end_mark.column else -1) + 1  # type: ignore[union-attr]  # the parser gives every event its marks
                if last > line:
                    last_lines[path] = last
            else:
                value = {} if kind is yaml.MappingStartEvent else []
            if top is None:
                document.data = value
            elif top[1]:
                top[5][top[4]] = value
            else:
                top[5].append(value)
        if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if len(stack) >= _MAX_DEPTH:
                raise YamlProblem(line, "the fields here are nested far too deeply; check the indentation", path)
            stack.append([path, kind is yaml.MappingStartEvent, 0, True, None, value])
    if not starts:
        raise YamlProblem(1, _EMPTY)
    if len(starts) > 1:
        raise YamlProblem(starts[1], "the file holds more than one YAML document (a line “---” or “...” in the middle); keep one, and remove the line")
    if shape is not None:
        raise shape
    return document
