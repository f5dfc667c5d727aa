"""Safe YAML reading that remembers the line of every key and item.

Editors write YAML by hand, so the reader follows what they mean rather than
YAML 1.1: `no`, `yes`, `on` and `off` stay text, `0123` and `1e3` stay text,
`12:30` stays text, a leading `+` keeps a value text (`+441234567890` is a
phone number, as `+44 1234 567890` is), and only `true`/`false` are booleans.
Whole numbers (`17`, `-3`), decimals (`2.5`) and real dates (`2026-11-22`) are
typed.

Anchors, aliases and `!` tags are refused before anything is built from the
file: editors never need them, and refusing them makes alias bombs ("billion
laughs") and object-building tags impossible. Every refusal is a YamlProblem
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
from generator.records.line_fields import Fits
from generator.records.yaml_errors import YamlProblem, explain

_INT = re.compile(r"^-?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^-?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULL = {"", "~", "null", "Null", "NULL"}
_PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_MAX_DEPTH = 40
"""Records nest about eight levels deep; anything far deeper is a mistake (or an attack)."""



class _Loader(yaml.SafeLoader):
    """SafeLoader whose implicit types are only strings: values are typed below."""


_Loader.yaml_implicit_resolvers = {}


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


def _scalar(node: yaml.ScalarNode) -> Any:
    """Type a scalar the way an editor reading it would."""
    value = node.value
    if node.style is not None:
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        number = float(value)
        return number if math.isfinite(number) else value
    if _DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _written_tag(tag: str) -> str:
    """A tag the way it was written in the file: !!python/object, not tag:yaml.org,2002:python/object."""
    return printable("!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag)


def _refuse(event: yaml.Event, path: FieldPath) -> None:
    """Raise on the first anchor, alias or tag: checked on the events, before any data is built."""
    line = event.start_mark.line + 1
    if isinstance(event, yaml.AliasEvent):
        raise YamlProblem(
            line,
            f"“*{printable(event.anchor)}” is an alias, which is not allowed; write the value out in full "
            "(if this is a text that starts with *, put the whole text in quotes: \"…\")",
            path,
        )
    if getattr(event, "anchor", None):
        raise YamlProblem(
            line,
            f"“&{printable(event.anchor)}” is an anchor, which is not allowed; remove it and write the value out in full wherever it is needed "
            "(if this is a text that starts with &, put the whole text in quotes: \"…\")",
            path,
        )
    tag = getattr(event, "tag", None)
    if tag is not None:  # only tags written in the file: plain and quoted values carry none
        raise YamlProblem(line, f"the tag “{_written_tag(tag)}” is not allowed; remove it and write the plain value (in quotes if it must stay text)", path)


def _scan(text: str) -> list[yaml.DocumentStartEvent]:
    """Check every node event as the parser makes it, keeping track of the path it sits at.

    Events are checked one by one, so an anchor or an absurd nesting depth stops
    the reading at once. Returns the start of every document in the file.
    """
    # Each frame: [path, is_mapping, next list index, waiting for a key, the last key]
    stack: list[list[Any]] = []
    documents = []
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.DocumentStartEvent):
            documents.append(event)
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            stack.pop()
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        path: FieldPath = ()
        if stack:
            top = stack[-1]
            if not top[1]:
                path = top[0] + (top[2],)
                top[2] += 1
            elif top[3]:
                top[4] = event.value if isinstance(event, yaml.ScalarEvent) else "?"
                top[3] = False
                path = top[0] + (top[4],)
            else:
                path = top[0] + (top[4],)
                top[3] = True
        _refuse(event, path)
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= _MAX_DEPTH:
                raise YamlProblem(event.start_mark.line + 1, "the fields here are nested far too deeply; check the indentation", path)
            stack.append([path, isinstance(event, yaml.MappingStartEvent), 0, True, None])
    return documents


_EMPTY = "the file is empty; it should hold a provider's record, with the fields provider:, programmes:, sources: and last_reviewed:"


def read_yaml(text: str, fits: Fits | None = None) -> Document:
    """Parse one YAML document; raise YamlProblem on anything an editor must fix.

    `fits` tells which paths the record can hold, to name the field of a line
    that cannot be read when its indentation leaves a choice.
    """
    if not text.strip():
        raise YamlProblem(1, _EMPTY)
    try:
        documents = _scan(text)
    except yaml.YAMLError as error:
        raise explain(error, text, fits) from None
    if not documents:
        raise YamlProblem(1, _EMPTY)
    if len(documents) > 1:
        raise YamlProblem(documents[1].start_mark.line + 1, "the file holds more than one YAML document (a line “---” or “...” in the middle); keep one, and remove the line")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise explain(error, text, fits) from None
    document = Document(data=None, source=text.splitlines())
    document.data = _convert(node, (), document.lines, document.last_lines)
    return document


def _convert(node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int], last_lines: dict[FieldPath, int]) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if node.tag not in _PLAIN_TAGS:
        raise YamlProblem(node.start_mark.line + 1, f"the tag “{_written_tag(node.tag)}” is not allowed; remove it and write the plain value (in quotes if it must stay text)", path)
    if isinstance(node, yaml.ScalarNode):
        # A block text's end mark is the start of the line after it.
        last = node.end_mark.line + (0 if node.end_mark.column else -1) + 1
        if last > node.start_mark.line + 1:
            last_lines[path] = last
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (index,), lines, last_lines) for index, item in enumerate(node.value)]
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem(line, "a key must be a plain word followed by a colon, like “name:”", path)
        key = key_node.value
        if key in result:
            raise YamlProblem(
                line,
                f"the key `{printable(key)}` appears twice here (first on line {lines[path + (key,)]}); keep one and delete the other",
                path + (key,),
            )
        lines[path + (key,)] = line
        result[key] = _convert(value_node, path + (key,), lines, last_lines)
    return result
