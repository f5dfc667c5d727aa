"""Problems found in editors' files, said in words an editor understands."""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from .yaml_lines import Document, Path

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor must fix (error) or should look at (warning)."""

    file: str
    line: int
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        field = f" {self.field}:" if self.field else ""
        return f"{self.file}:{self.line}:{field} {prefix}{self.message}"


def field_path(path: Path) -> str:
    """Write a path the way an editor sees it: programmes[0].referral_routes[1].channel."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def _type_at(model: type[BaseModel], path: Path) -> Any:
    """The annotation that the model expects at a path of the data, or None."""
    current: Any = model
    for step in path:
        current = _unwrap(current, step)
        if current is None:
            return None
    return current


def _unwrap(annotation: Any, step: str | int) -> Any:
    """Follow one step (a field name or a list index) into an annotation."""
    for candidate in _members(annotation):
        if isinstance(step, int) and typing.get_origin(candidate) is list:
            return typing.get_args(candidate)[0]
        if isinstance(step, str) and isinstance(candidate, type) and issubclass(candidate, BaseModel):
            field = candidate.model_fields.get(step)
            if field is not None:
                return field.annotation
    return None


def _members(annotation: Any) -> list[Any]:
    """The types a (possibly Annotated or union) annotation admits."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _members(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [m for arg in typing.get_args(annotation) for m in _members(arg)]
    return [annotation]


def _accepts_unknown(annotation: Any) -> bool:
    return any(typing.get_origin(m) is Literal and "unknown" in typing.get_args(m) for m in _members(annotation))


def _describe_expected(annotation: Any) -> str:
    """Say in plain words what a field takes."""
    kinds: list[str] = []
    for member in _members(annotation):
        if member is type(None):
            continue
        if isinstance(member, type) and issubclass(member, BaseModel):
            kinds.append("text in English and Dutch (en: … and nl: … on the lines below)" if member.__name__ == "Text" else "a group of fields (key: value lines, indented below)")
        elif isinstance(member, type) and issubclass(member, Enum):
            kinds.append("one of " + ", ".join(e.value for e in member))
        elif typing.get_origin(member) is list:
            kinds.append("a list (lines starting with “- ”)")
        elif typing.get_origin(member) is Literal:
            kinds.append(" or ".join(str(a) for a in typing.get_args(member)))
        elif member is bool:
            kinds.append("true or false")
        elif member is int:
            kinds.append("a whole number")
        elif member is float:
            kinds.append("a number")
        elif member is str:
            kinds.append("text")
        else:
            kinds.append(getattr(member, "__name__", "a value").replace("date", "a date written as YYYY-MM-DD, like 2026-11-22"))
    unique = list(dict.fromkeys(kinds))
    return ", or ".join(unique) if unique else "a different kind of value"


def _real_path(loc: tuple[Any, ...], data: Any, error_type: str) -> Path:
    """Drop pydantic's union-member tags from a location, keeping the steps that exist in the data."""
    path: list[str | int] = []
    current = data
    for index, step in enumerate(loc):
        if isinstance(current, dict) and step in current:
            path.append(step)
            current = current[step]
        elif isinstance(current, list) and isinstance(step, int) and step < len(current):
            path.append(step)
            current = current[step]
        elif index == len(loc) - 1 and error_type == "missing":
            path.append(step)
    return tuple(path)


def _message(error: dict[str, Any], path: Path, model: type[BaseModel]) -> str:
    """The plain-words message for one pydantic error."""
    kind = error["type"]
    if kind == "missing":
        if path and path[-1] == "nl":
            return "the Dutch text (nl) is missing; add the translation"
        if path and path[-1] == "en":
            return "the English text (en) is missing; add the translation"
        return "this field is required but missing"
    if kind == "extra_forbidden":
        allowed = list(model.model_fields) if len(path) == 1 else []
        parent = _type_at(model, path[:-1])
        for member in _members(parent):
            if isinstance(member, type) and issubclass(member, BaseModel):
                allowed = list(member.model_fields)
        close = difflib.get_close_matches(str(path[-1]), allowed, n=1, cutoff=0.6)
        hint = f"; did you mean `{close[0]}`?" if close else f"; the fields allowed here are: {', '.join(allowed)}"
        return f"`{path[-1]}` is not a field here{hint}"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    if kind == "string_pattern_mismatch":
        return "should be a short name of lower-case letters, digits and hyphens, like hacro-caring-dads"
    if kind in ("too_short", "list_too_short"):
        return f"needs at least {error.get('ctx', {}).get('min_length', 1)} item(s)"
    if kind == "string_too_short":
        return f"is too short (at least {error.get('ctx', {}).get('min_length')} characters)"
    if kind in ("string_too_long",):
        return f"is too long (at most {error.get('ctx', {}).get('max_length')} characters)"
    if kind in ("greater_than",):
        return f"should be more than {error.get('ctx', {}).get('gt')}"
    expected = _describe_expected(_type_at(model, path))
    return f"should be {expected}"


def problems_from_validation(error: ValidationError, model: type[BaseModel], document: Document, file: str) -> list[Problem]:
    """Turn a pydantic ValidationError into one Problem per wrong field."""
    by_path: dict[Path, list[str]] = {}
    for item in error.errors():
        path = _real_path(tuple(item["loc"]), document.data, item["type"])
        message = _message(item, path, model)
        by_path.setdefault(path, [])
        if message not in by_path[path]:
            by_path[path].append(message)
    problems = []
    for path, messages in by_path.items():
        deeper = [p for p in by_path if len(p) > len(path) and p[: len(path)] == path]
        if deeper and all(m.startswith("should be") for m in messages):
            continue
        message = messages[0] if len(messages) == 1 or not all(m.startswith("should be") for m in messages) else "should be " + _describe_expected(_type_at(model, path))
        if message.startswith("should be") and _accepts_unknown(_type_at(model, path)) and "unknown" not in message:
            message += ", or unknown"
        problems.append(Problem(file, document.line_of(path), field_path(path), message))
    return problems
