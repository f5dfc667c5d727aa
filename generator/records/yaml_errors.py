"""PyYAML's errors, said in words an editor understands, at the line (and field) the editor must fix.

PyYAML stops where it gives up, which is often lines below the mistake: an
unclosed quote runs on to the next quote, a line indented one space too far
is blamed on the line after it. Each explainer looks back from PyYAML's mark
for the line the editor wrote wrong, and says what to write instead.
"""

from __future__ import annotations

import re

import yaml

from generator.problem import FieldPath
from generator.records import libyaml
from generator.records.line_fields import Fits, field_at_line

_OPENING_QUOTE = re.compile(r"""^\s*(?:-\s+)*(?:[A-Za-z0-9_-]+:\s+)?(["'])(.*)$""")


class YamlProblem(Exception):
    """A file that cannot be read as YAML, with the line (and field, if known) where reading stopped."""

    def __init__(self, line: int, message: str, path: FieldPath = ()) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.path = path


def _unclosed_quote(text: str, error_line: int) -> int | None:
    """The line at or before `error_line` whose quoted text is never closed, if closing it mends the file.

    A value that opens a quote and does not close it on its line runs on until
    some later quote, so PyYAML stops lines further down. Lines inside folded
    texts may start with an apostrophe (Dutch “'s avonds”), so a line counts only
    if adding the closing quote at its end makes the whole file readable.
    """
    lines = text.splitlines()
    candidates = []
    for number, line in enumerate(lines[:error_line], start=1):
        match = _OPENING_QUOTE.match(line)
        if not match:
            continue
        quote, rest = match.groups()
        closed = re.search(r'(?<!\\)"', rest) if quote == '"' else re.search("'", rest.replace("''", ""))
        if not closed:
            candidates.append((number, quote))
    for number, quote in reversed(candidates[-5:]):
        mended = lines[: number - 1] + [lines[number - 1].rstrip() + quote] + lines[number:]
        if _readable("\n".join(mended)):
            return number
    return None


def _readable(text: str) -> bool:
    """Whether PyYAML reads `text` to the end, asked of libyaml first as it is many times faster.

    libyaml reads everything PyYAML reads (where they differ, it takes more),
    so a text libyaml cannot read is unreadable; PyYAML is asked only about a
    text libyaml reads but might read differently.
    """
    loaders = [libyaml.FAST] if libyaml.agrees(text) else [libyaml.FAST, yaml.SafeLoader]
    try:
        for loader in loaders:
            for _ in yaml.parse(text, Loader=loader):
                pass
    except yaml.YAMLError:
        return False
    return True


def _tab_width(text: str) -> int:
    """How wide the file's tabs were meant to be: the first of 2, 4 and 8 spaces with which it reads (else 4)."""
    return next((width for width in (2, 4, 8) if _readable(text.expandtabs(width))), 4)


def _indented_further(text: str, line: int) -> bool:
    """Whether line `line` is indented deeper than the “key: value” line above it (so it cannot belong to it)."""
    lines = text.splitlines()
    if not 1 < line <= len(lines):
        return False
    above = next((lines[i] for i in range(line - 2, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")), "")
    return bool(re.match(r"^\s*(?:-\s+)?[A-Za-z0-9_-]+:\s+\S", above)) and _indent(lines[line - 1]) > _indent(above)


_NOT_LINED_UP = "this line is not lined up with the lines around it; indent it with the same number of spaces as the other keys at its level"
_QUOTE_MISSING = "a quoted text starts on this line but its closing quote is missing; end the text with the same quote mark it starts with"
_CANNOT_READ = (
    "this line cannot be read; check that it is indented with spaces like the lines around it, "
    "that every quote is closed, and that each line is “key: value” or “- item”"
)


def explain(error: yaml.YAMLError, text: str, fits: Fits | None) -> YamlProblem:
    """Turn PyYAML's error into words an editor understands, at the line (and field) the editor must fix."""
    problem = _plain_words(error, text)
    problem.path = field_at_line(text, problem.line, _tab_width(text) if "\t" in text else 4, fits)
    if problem.message.startswith(_NO_SPACE_WORDS):
        # “key:value” is one text to YAML, so the lines above cannot name the key; the line itself does.
        problem.path += (_NO_SPACE.match(text.splitlines()[problem.line - 1]).group(1),)  # type: ignore[union-attr]
    return problem


def _indent(line: str) -> int:
    """Where a line's key starts: after the spaces and any “- ” of a list item."""
    return len(re.match(r"^[ ]*(?:-[ ]+)*", line).group(0))  # type: ignore[union-attr]


def _content_lines(lines: list[str], before: int) -> list[int]:
    """The numbers of the lines above line `before` that hold a key or an item (not blank, not a comment), nearest first."""
    return [n for n in range(before - 1, 0, -1) if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")]


def _indent_unit(lines: list[str]) -> int:
    """How many spaces the file indents each level by: the commonest step from a “key:” line to the line below it."""
    steps = [
        _indent(below) - _indent(above)
        for above, below in zip(lines, lines[1:])
        if above.rstrip().endswith(":") and _indent(below) > _indent(above) and not below.lstrip().startswith("-")
    ]
    return max(set(steps), key=steps.count) if steps else 2


def _line_to_fix(text: str, line: int) -> int:
    """The line out of line when PyYAML stops on `line`: the line itself, or the first line of its block.

    The first line inside a block sets its indentation, so when that line is
    off, PyYAML stops on the next one, which is where it should be. The
    first line is the one to fix when it sits where the file's own step of
    indentation would not put it and the line PyYAML stopped on does.
    """
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return line
    above = _content_lines(lines, line)
    if len(above) < 2:
        return line
    first, parent = above[0], above[1]
    parent_text = lines[parent - 1]
    if not re.match(r"^\s*(?:-\s+)?[A-Za-z0-9_-]+:\s*(?:#.*)?$", parent_text):
        return line  # the line above is not the start of a block, so it is not a first line
    unit = _indent_unit(lines)
    expected = _indent(parent_text) + unit
    # A list sits one step in from its key, or at the key's own column; a key sits one step in.
    item_columns = {expected, expected - unit}

    def start(number: int) -> int:
        return len(lines[number - 1]) - len(lines[number - 1].lstrip(" "))

    def is_item(number: int) -> bool:
        return lines[number - 1].lstrip().startswith("-")

    def in_step(number: int) -> bool:
        return start(number) in item_columns if is_item(number) else start(number) == expected

    # A key below a first item belongs after that item's “- ”.
    here_fits = start(line) in {column + 2 for column in item_columns} if is_item(first) and not is_item(line) else in_step(line)
    return first if here_fits and not in_step(first) else line


_NO_SPACE = re.compile(r"^\s*(?:-\s+)?([A-Za-z0-9_-]+):(\S.*)$")
_NO_SPACE_WORDS = "there is no space after the colon of “"


def _no_space(row: str) -> str:
    key, value = _NO_SPACE.match(row).groups()  # type: ignore[union-attr]
    return f"{_NO_SPACE_WORDS}{key}:”; write “{key}: {value[:40]}”"


def _plain_words(error: yaml.YAMLError, text: str) -> YamlProblem:
    """PyYAML's error in an editor's words, at the line the editor must fix."""
    if isinstance(error, yaml.reader.ReaderError):
        line = text[: error.position].count("\n") + 1
        return YamlProblem(
            line,
            f"this line contains an invisible control character (U+{error.character:04X}) that a file may not hold; "
            "delete it, for example by typing the line again",
        )
    context = getattr(error, "context", None) or ""
    problem = getattr(error, "problem", None) or str(error)
    problem_mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    mark = problem_mark or context_mark
    line = mark.line + 1 if mark else 1
    context_line = context_mark.line + 1 if context_mark else line
    lines = text.splitlines()

    def row(number: int) -> str:
        return lines[number - 1] if 0 < number <= len(lines) else ""

    first = next(iter(reversed(_content_lines(lines, len(lines) + 1))), 0)
    if first and first < line and _indent(row(first)) > 0 and row(line).strip() and _indent(row(line)) == 0:
        return YamlProblem(first, "this line starts the record but is indented; remove the spaces before it, so that it starts at the beginning of the line like the other top-level fields")
    if "'\\t'" in problem or "tab" in problem.lower():
        return YamlProblem(line, "this line has a tab character, which YAML does not allow; use spaces instead, both to indent and after the colon")
    if "quoted scalar" in context:
        if "escape" in problem:
            return YamlProblem(line, "a backslash (\\) in this text in double quotes starts an unknown escape; write the text in single quotes ('…') instead, or write \\\\ for one backslash")
        opening = _unclosed_quote(text, line)
        return YamlProblem(opening or context_line, _QUOTE_MISSING)
    if "scanning an alias" in context or "scanning an anchor" in context:
        return YamlProblem(line, "a text here starts with * or &, which YAML reads as an alias or anchor; put the whole text in quotes (\"…\"), or write a list item as “- item”")
    if "cannot start any token" in problem:
        return YamlProblem(line, "a text here starts with a character YAML does not allow there (such as @ or `); put the whole text in quotes (\"…\")")
    opening = _unclosed_quote(text, line)
    if opening is not None:
        return YamlProblem(opening, _QUOTE_MISSING)
    if "flow sequence" in context or "flow mapping" in context:
        return YamlProblem(
            context_line,
            "a text here starts with [ or {, which YAML reads as a list or group that is never closed; put the whole text in quotes (\"…\")",
        )
    if "simple key" in context and "expected ':'" in problem and _NO_SPACE.match(row(context_line)):
        return YamlProblem(context_line, _no_space(row(context_line)))
    above = _content_lines(lines, min(line, len(lines) + 1))
    if "mapping values are not allowed" in problem and above and _NO_SPACE.match(row(above[0])) and _indent(row(above[0])) == _indent(row(line)):
        # “key:value” reads as text that runs on into the next line, whose colon then comes too late.
        return YamlProblem(above[0], _no_space(row(above[0])))
    if "mapping values are not allowed" in problem and _indented_further(text, line) and _line_to_fix(text, line) != line:
        return YamlProblem(_line_to_fix(text, line), _NOT_LINED_UP)
    if "mapping values are not allowed" in problem and _indented_further(text, line):
        return YamlProblem(
            line,
            "this line is indented further than the line above it; line it up with the other keys at its level, "
            "or, if it continues the text above, put that whole text in quotes (\"…\")",
        )
    if "mapping values are not allowed" in problem:
        return YamlProblem(line, "there is a colon followed by a space (“: ”) in the wrong place; if the text contains “: ”, put the whole text in quotes (\"…\")")
    if "simple key" in context and "expected ':'" in problem:
        return YamlProblem(
            context_line,
            "this line is not “key: value” or “- item”; add the missing “key:”, or, if the text above runs on over several lines, put it in quotes or start it with “>-”",
        )
    if "expected <block end>" in problem:
        fix = _line_to_fix(text, line)
        if row(fix).lstrip().startswith("-"):
            return YamlProblem(fix, "this list item is not lined up with the items around it; start its “- ” with the same number of spaces as the other items of its list")
        return YamlProblem(fix, _NOT_LINED_UP)
    return YamlProblem(line, _CANNOT_READ)
