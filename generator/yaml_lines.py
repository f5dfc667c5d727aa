"""Safe YAML reading that remembers the line of every key and item.

Editors write YAML by hand, so the reader follows what they mean rather than
YAML 1.1: `no`, `on` and `off` stay text, `0123` stays text, and only
`true`/`false` are booleans. Anchors and aliases are refused outright: editors
never need them, and refusing them makes alias bombs impossible.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]

_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULL = {"", "~", "null", "Null", "NULL"}


class YamlProblem(Exception):
    """A file that cannot be read as YAML, with the line where reading stopped."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _Loader(yaml.SafeLoader):
    """SafeLoader whose implicit types are only strings: values are typed below."""


_Loader.yaml_implicit_resolvers = {}


@dataclass
class Document:
    """A YAML document as plain Python data, and the line of every path in it."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path) -> int:
        """Return the line of `path`, or of its nearest ancestor that has one."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


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
        return float(value)
    if _DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _plain_problem(error: yaml.YAMLError) -> YamlProblem:
    """Turn PyYAML's error into words an editor understands."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else 1
    problem = getattr(error, "problem", None) or str(error)
    if "'\\t'" in problem or "tab" in problem.lower():
        return YamlProblem(line, "a tab character is used for indenting; indent with spaces only")
    if "mapping values are not allowed" in problem:
        return YamlProblem(line, "a colon is in the wrong place; if the text contains “: ”, put the whole text in quotes")
    if "could not find expected ':'" in problem:
        return YamlProblem(line, "a line is missing its “key:”, or a text runs over several lines without quotes")
    if "found duplicate anchor" in problem or "found undefined alias" in problem:
        return YamlProblem(line, "anchors and aliases (& and *) are not allowed; write the value out")
    return YamlProblem(line, f"the YAML cannot be read here ({problem}); check the indentation and quotes")


def read_yaml(text: str) -> Document:
    """Parse one YAML document; raise YamlProblem on anything an editor must fix."""
    if not text.strip():
        raise YamlProblem(1, "the file is empty")
    try:
        events = list(yaml.parse(text, Loader=_Loader))
    except yaml.YAMLError as error:
        raise _plain_problem(error) from None
    for event in events:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlProblem(event.start_mark.line + 1, "anchors and aliases (& and *) are not allowed; write the value out")
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.YAMLError as error:
        raise _plain_problem(error) from None
    if len(nodes) != 1:
        raise YamlProblem(1, "the file holds more than one YAML document (a line “---” in the middle); keep one")
    document = Document(data=None)
    document.data = _convert(nodes[0], (), document.lines)
    return document


_PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


def _convert(node: yaml.Node, path: Path, lines: dict[Path, int]) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if node.tag not in _PLAIN_TAGS:
        raise YamlProblem(node.start_mark.line + 1, f"the tag “{node.tag}” is not allowed; write the value without a “!” tag")
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (index,), lines) for index, item in enumerate(node.value)]
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem(key_node.start_mark.line + 1, "a key must be a plain word, like “name:”")
        key = key_node.value
        if key in result:
            raise YamlProblem(key_node.start_mark.line + 1, f"the key “{key}” appears twice here; keep one")
        lines[path + (key,)] = key_node.start_mark.line + 1
        result[key] = _convert(value_node, path + (key,), lines)
    return result
