"""What a field of the model takes, in an editor's words.

One description serves both the problems `check` prints and the field
reference in CONTRIBUTING.md, so the two never disagree about what a field
takes. The reference writes values as code and links to the groups of fields
it describes; a problem line is plain text.
"""

from __future__ import annotations

import datetime
import types
import typing
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.records.model import SLUG, Text

SLUG_WORDS = "a short name of lower-case letters, digits and hyphens, like hacro-caring-dads"
_VALIDATOR_WORDS = {
    "_email": "an e-mail address, like team@example.org",
    "_phone": "a phone number in quotes, like \"01234 567890\"",
    "_url": "a web address starting with https://",
    "_plain_text": "text",
    "_file_name": "a file name without a folder, like 000_5e80289e4ba53dda.txt",
}


def annotation_of(field: FieldInfo) -> Any:
    """A field's annotation with the constraints pydantic moved out of it (e-mail, slug pattern, …) put back."""
    return typing.Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation


def members(annotation: Any) -> list[Any]:
    """The types a (possibly Annotated or union) annotation admits."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return members(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [m for arg in typing.get_args(annotation) for m in members(arg)]
    return [annotation]


def kinds(annotation: Any, reference: bool = False) -> list[str]:
    """Words for each kind of value an annotation admits, most specific first; `reference` writes them for CONTRIBUTING.md."""
    code = (lambda text: f"`{text}`") if reference else (lambda text: text)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *metadata = typing.get_args(annotation)
        for item in metadata:
            name = getattr(getattr(item, "func", None), "__name__", "")
            if name in _VALIDATOR_WORDS:
                return [_VALIDATOR_WORDS[name]]
            if getattr(item, "pattern", None) == SLUG:  # the schema's own slug pattern
                return [SLUG_WORDS]
        return kinds(inner, reference)
    if origin in (typing.Union, types.UnionType):
        return [kind for arg in typing.get_args(annotation) for kind in kinds(arg, reference)]
    if annotation is type(None) or annotation is None:
        return []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation is Text:
            return ["text in English and Dutch (" + (code("en:") + ", " + code("nl:") if reference else "en: … and nl: … on the lines below") + ")"]
        name = annotation.__name__
        return [f"[{name}](#{name.lower()})" if reference else "a group of fields (key: value lines, indented below)"]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return ["one of " + ", ".join(code(member.value) for member in annotation)]
    if origin is list:
        item = typing.get_args(annotation)[0]
        return [f"a list of {' or '.join(kinds(item, reference))}" if reference else "a list (lines starting with “- ”)"]
    if origin is Literal:
        return [" or ".join(code(str(arg)) for arg in typing.get_args(annotation))]
    words = {
        bool: code("true") + " or " + code("false"),
        int: "a whole number",
        float: "a number",
        str: "text",
        datetime.date: "a date written as YYYY-MM-DD, like 2026-11-22",
    }
    return [words.get(annotation, "a different kind of value")]
