"""Pydantic's errors about a record, said in words an editor understands.

Every message says what is wrong and what to write instead. A pydantic error
is mapped back to the path in the editor's data (dropping pydantic's union
tags), and all errors at one path become one message, so a field that takes
"text in both languages, or unknown" gets one line, not two.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import re
import typing
from collections.abc import Callable, Iterator
from typing import Any, Literal

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from generator.languages import LANGUAGES
from generator.problem import FieldPath, Problem, field_path, printable
from generator.records.limits import MORE_PROBLEMS, first_problems
from generator.records.model import UNKNOWN, UNSAFE
from generator.records.value_words import SLUG_WORDS, annotation_of, kinds, members
from generator.records.yaml_reader import Document


def _type_at(model: type[BaseModel], path: FieldPath) -> Any:
    """The annotation that the model expects at a path of the data, or None."""
    # Every item of a list has the same type, so the thousands of paths of a long list share one answer.
    return _type_at_shape(model, tuple(0 if isinstance(step, int) else step for step in path))


@functools.lru_cache(maxsize=4096)
def _type_at_shape(model: type[BaseModel], path: FieldPath) -> Any:
    current: Any = model
    for step in path:
        current = _unwrap(current, step)
        if current is None:
            return None
    return current


def fits(model: type[BaseModel]) -> Callable[[FieldPath], bool]:
    """Whether a path names a field (or list item) that `model` can hold: for naming the field of an unreadable line."""
    return lambda path: _type_at(model, path) is not None


def _field_at(model: type[BaseModel], path: FieldPath) -> FieldInfo | None:
    """The pydantic field at a path whose last step is a field name, or None."""
    if not path or not isinstance(path[-1], str):
        return None
    for member in members(_type_at(model, path[:-1])):
        if isinstance(member, type) and issubclass(member, BaseModel) and path[-1] in member.model_fields:
            return member.model_fields[path[-1]]
    return None


def _unwrap(annotation: Any, step: str | int) -> Any:
    """Follow one step (a field name or a list index) into an annotation."""
    for candidate in members(annotation):
        if isinstance(step, int) and typing.get_origin(candidate) is list:
            return typing.get_args(candidate)[0]
        if isinstance(step, str) and isinstance(candidate, type) and issubclass(candidate, BaseModel):
            field = candidate.model_fields.get(step)
            if field is not None:
                return annotation_of(field)
    return None


def _accepts_unknown(annotation: Any) -> bool:
    return any(typing.get_origin(m) is Literal and UNKNOWN in typing.get_args(m) for m in members(annotation))


def _describe_expected(annotation: Any) -> str:
    """Say in plain words what a field takes, e.g. “a whole number, or unknown”."""
    words = list(dict.fromkeys(kinds(annotation)))
    if UNKNOWN in words:  # “unknown” reads best last
        words = [word for word in words if word != UNKNOWN] + [UNKNOWN]
    return ", or ".join(words) if words else "a different kind of value"


def _shorten(text: str, limit: int = 40) -> str:
    text = printable(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe_found(value: Any) -> str:
    """Say in plain words what the editor wrote."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value:g}" if isinstance(value, float) else f"the number {value}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        return f"the text “{_shorten(value)}”"
    if isinstance(value, list):
        return "a list (lines starting with “- ”)"
    if isinstance(value, dict):
        if value and set(value) <= set(LANGUAGES):
            return "text in English and Dutch"
        return "a group of fields (key: value lines)"
    return "a value of another kind"


def _value_at(data: Any, path: FieldPath) -> Any:
    for step in path:
        data = data[step]
    return data


def _lower_first(text: str) -> str:
    """“The programme model …” → “the programme model …”, leaving “GB or NL” alone."""
    word = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if word and (len(word) == 1 or word[1:].islower()) else text


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z_]+", text.lower())) - {"or", "and", "one", "of", "unknown"}


def _missing(path: FieldPath, model: type[BaseModel]) -> str:
    name = str(path[-1])
    if name == "nl":
        return "the Dutch text is missing; add a line “nl: …” with the Dutch translation, next to the “en:” line"
    if name == "en":
        return "the English text is missing; add a line “en: …” with the English text, next to the “nl:” line"
    info = _field_at(model, path)
    if info is None:
        return f"the field `{name}` is missing here; add a line “{name}: …”"
    expected = _describe_expected(annotation_of(info))
    description = (info.description or "").rstrip(".")
    # The description says what the field is for, unless it only lists the choices again.
    what = f" — {_lower_first(description)}" if description and not _words(description) <= _words(expected) else ""
    return f"the field `{name}` is missing here; add a line “{name}: …” with {expected}{what}"


def _unsafe_snippet(value: str) -> str:
    """The part of a text that looks like HTML, script or a link: a whole tag, link or {: …} list where possible."""
    found = UNSAFE.search(value)  # the same pattern the schema refuses
    if found is None:
        return ""
    start, end = found.start(), len(value)
    token = found.group(0)
    if token.startswith("]"):  # a Markdown link: from its [ to the ) that closes the address
        start = max(value.rfind("[", 0, start), 0)
        depth = 1
        for index in range(found.end(), len(value)):
            depth += {"(": 1, ")": -1}.get(value[index], 0)
            if depth == 0:
                end = index + 1
                break
    elif token.startswith(("<", "{")):  # a tag or an attribute list, up to its closing bracket
        closing = value.find(">" if token.startswith("<") else "}", found.end())
        end = closing + 1 if closing != -1 else end
    else:  # javascript: or &#…, up to the next space
        space = value.find(" ", found.end())
        end = space if space != -1 else end
    return _shorten(value[start:end])


def _unsafe_text(value: str) -> str:
    """Quote the part of a text that looks like HTML, script or a link, and say what to do."""
    return (
        f"contains “{_unsafe_snippet(value)}”, which would put HTML, a script or a link into the page; "
        "remove it and write plain text only (no < > tags, “javascript:”, [text](address) links or {: …} markup)"
    )


def _specific(error: ErrorDetails, path: FieldPath, model: type[BaseModel], annotation: Any) -> str | None:
    """The message for an error that says more than “wrong kind of value”, or None."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    unknown = ", or unknown" if _accepts_unknown(annotation) else ""
    if kind == "missing":
        return _missing(path, model)
    if kind == "extra_forbidden":
        allowed: list[str] = []
        for member in members(_type_at(model, path[:-1])):
            if isinstance(member, type) and issubclass(member, BaseModel):
                allowed = list(member.model_fields)
        key = printable(str(path[-1]))[:60]
        close = difflib.get_close_matches(str(path[-1]), allowed, n=1, cutoff=0.6)
        if close:
            return f"`{key}` is not a field here; did you mean `{close[0]}`?"
        if allowed:
            return f"`{key}` is not a field here; remove it, or use one of the fields allowed here: {', '.join(allowed)}"
        return f"`{key}` is not a field here; remove it"
    if kind == "value_error":
        message = str(error["msg"]).removeprefix("Value error, ")
        if message.startswith("contains “") and isinstance(value, str):
            return _unsafe_text(value)
        if message.startswith("is empty"):
            info = _field_at(model, path)
            optional = info is not None and not info.is_required()
            return "this text is empty; write the text" + (", or remove the line" if optional else "")
        return message
    if kind == "string_pattern_mismatch":
        return f"“{_shorten(str(value))}” is not a short name; write {SLUG_WORDS}"
    if kind in ("too_short", "list_too_short"):
        return f"this list is empty; it needs at least {ctx.get('min_length', 1)} item (a line starting with “- ”)"
    if kind == "string_too_short":
        return f"“{_shorten(str(value))}” is too short; write at least {ctx.get('min_length')} characters"
    if kind == "string_too_long":
        return f"“{_shorten(str(value))}” is too long; write at most {ctx.get('max_length')} characters"
    if kind == "greater_than":
        return f"{_describe_found(value)} is too small; write a number above {ctx.get('gt')}{unknown}"
    if kind == "greater_than_equal":
        return f"{_describe_found(value)} is too small; write a number from {ctx.get('ge'):,g}{unknown}"
    if kind == "less_than_equal":
        return f"{_describe_found(value)} is too large for this field; write a number up to {ctx.get('le'):,g}{unknown}"
    if kind == "finite_number":
        written = f"“{_shorten(value)}”" if isinstance(value, str) else _describe_found(value)
        return f"{written} is not a number a page can show (it reads as infinite, or as “not a number”); write {_describe_expected(annotation)}"
    if kind == "enum" and isinstance(value, str) and not (unknown and value.lower() == UNKNOWN):
        return f"“{_shorten(value)}” is not one of the choices here; write {_describe_expected(annotation)}"
    return None


def _wrong_kind(value: Any, annotation: Any) -> str:
    """The message for a value of the wrong kind: what was written, and what to write instead."""
    expected = _describe_expected(annotation)
    if isinstance(value, str) and value.strip().lower() == UNKNOWN and _accepts_unknown(annotation):
        return f"“{_shorten(value)}” should be written in small letters: unknown"
    if isinstance(value, str) and datetime.date in members(annotation):
        return f"“{_shorten(value)}” is not a real date; write it as YYYY-MM-DD, like 2026-11-22"
    found = _describe_found(value)
    if value is None:
        return f"this field is empty; write {expected}"
    if isinstance(value, str) and all(" or " in kind or kind == UNKNOWN or kind.startswith("one of") for kind in kinds(annotation)):
        return f"“{_shorten(value)}” is not one of the choices here; write {expected}"
    if expected == "text" and isinstance(value, (list, dict)):
        return f"this is {found}, but it should be text; write the text on the same line, after the colon"
    return f"this is {found}, but it should be {expected}"


def _real_path(loc: tuple[Any, ...], data: Any, error_type: str) -> FieldPath:
    """Drop pydantic's union-member tags from a location, keeping the steps that exist in the data."""
    path: list[str | int] = []
    current = data
    for index, step in enumerate(loc):
        if isinstance(current, dict) and step in current:
            path.append(step)
            current = current[step]
        elif isinstance(current, list) and isinstance(step, int) and 0 <= step < len(current):
            path.append(step)
            current = current[step]
        elif index == len(loc) - 1 and error_type in ("missing", "extra_forbidden"):
            path.append(step)
    return tuple(path)


def _holds(model: type[BaseModel], path: FieldPath, key: str) -> bool:
    """Whether the group of fields at `path` has a field named `key`."""
    return key in _fields_of(_type_at(model, path))


@functools.cache
def _every_field(model: type[BaseModel]) -> frozenset[str]:
    """The name of every field in the model, at any depth."""
    names: set[str] = set()
    waiting: list[Any] = [model]
    seen: set[type[BaseModel]] = set()
    while waiting:
        for member in members(waiting.pop()):
            if typing.get_origin(member) is list:
                waiting.extend(typing.get_args(member))
            elif isinstance(member, type) and issubclass(member, BaseModel) and member not in seen:
                seen.add(member)
                names.update(member.model_fields)
                waiting.extend(annotation_of(field) for field in member.model_fields.values())
    return frozenset(names)


@functools.lru_cache(maxsize=1024)
def _fields_of(annotation: Any) -> frozenset[str]:
    """The names of the fields a group of fields at an annotation may have: asked once per kind of group, not once per key."""
    return frozenset(name for m in members(annotation) if isinstance(m, type) and issubclass(m, BaseModel) for name in m.model_fields)


def _name_of(path: FieldPath) -> str:
    return f"`{field_path(path)}`" if path else "the top level"


def _known_groups(model: type[BaseModel], document: Document, parent: FieldPath) -> list[tuple[int, str]]:
    """The line and name of each group of fields at `parent` that the model has: few, however many keys an editor wrote there."""
    groups = document.data
    for step in parent:
        groups = groups[step]
    return [
        (document.line_of(parent + (name,)), name)
        for name, value in (groups.items() if isinstance(groups, dict) else [])
        if isinstance(value, dict) and _type_at(model, parent + (name,)) is not None
    ]


def _moved(
    path: FieldPath, model: type[BaseModel], document: Document, groups_at: Callable[[FieldPath], list[tuple[int, str]]]
) -> tuple[str, FieldPath] | None:
    """For a key that is not a field where it stands but is one a level off (indented too far, or not far enough):
    what to say, and where the check would otherwise report it missing."""
    key, parent = path[-1], path[:-1]
    # A key that is no field anywhere in the record cannot be a field a level off (thousands of made-up keys are checked in no time).
    if not isinstance(key, str) or key not in _every_field(model) or _holds(model, parent, key):
        return None
    for depth in range(len(parent) - 1, -1, -1):
        ancestor = parent[:depth]
        if isinstance(parent[depth], str) and _holds(model, ancestor, key):
            where = "start it at the beginning of the line" if not ancestor else f"line it up with the other fields of {_name_of(ancestor)}"
            return f"`{key}` is indented too far: it is a field of {_name_of(ancestor)}, not of {_name_of(parent)}; {where}", ancestor + (key,)
    above = document.line_of(path)
    # The group just above the key in the file, the one it was most likely meant to be in.
    candidates = [(line, name) for line, name in groups_at(parent) if line < above and _holds(model, parent + (name,), key)]
    if not candidates:
        return None
    group = parent + (max(candidates)[1],)
    return f"`{key}` is not indented far enough: it is a field of {_name_of(group)} above it; line it up with the other fields of {_name_of(group)}", group + (key,)


def problems_from_validation(error: ValidationError, model: type[BaseModel], document: Document, file: str) -> list[Problem]:
    """Turn a pydantic ValidationError into one Problem per wrong field (the first MAX_PROBLEMS of them)."""
    return first_problems(_problems(error, model, document, file), lambda problem: Problem(file, problem.line, "", MORE_PROBLEMS))


def _problems(error: ValidationError, model: type[BaseModel], document: Document, file: str) -> Iterator[Problem]:
    by_path: dict[FieldPath, list[ErrorDetails]] = {}
    for item in error.errors():
        path = _real_path(tuple(item["loc"]), document.data, item["type"])
        by_path.setdefault(path, []).append(item)
    # A field one level off is one mistake on its own line, not “not a field here” and “missing” elsewhere.
    moved: dict[FieldPath, str] = {}
    groups_at = functools.cache(lambda parent: _known_groups(model, document, parent))
    for path, errors in list(by_path.items()):
        found = _moved(path, model, document, groups_at) if any(e["type"] == "extra_forbidden" for e in errors) else None
        if found is not None:
            moved[path] = found[0]
            if all(e["type"] == "missing" for e in by_path.get(found[1], [{"type": ""}])):
                by_path.pop(found[1], None)
    # Every path that has another path with errors below it, gathered once rather than searched for each path.
    above_others = {path[:depth] for path in by_path for depth in range(len(path))}
    for path, errors in by_path.items():
        if path in moved:
            yield Problem(file, document.line_of(path), field_path(path), moved[path])
            continue
        annotation = _type_at(model, path)
        messages = [m for m in (_specific(e, path, model, annotation) for e in errors) if m is not None]
        if not messages:
            if path in above_others:
                continue  # a union member's own errors say more, e.g. the missing nl of a cost
            try:
                value = _value_at(document.data, path)
            except (KeyError, IndexError, TypeError):
                value = errors[0].get("input")
            messages = [_wrong_kind(value, annotation)]
        # A text over several lines: name the line that holds the markup, not the line of its key.
        line = document.line_matching(path, UNSAFE) if messages[0].startswith("contains “") else document.line_of(path)
        yield Problem(file, line, field_path(path), messages[0])
