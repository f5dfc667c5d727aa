"""The one type every stage reports with: a problem in an editor's file, at a line and a field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FieldPath = tuple[str | int, ...]
"""Where a value sits in a record: ("programmes", 0, "status")."""

Severity = Literal["error", "warning", "notice"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor must fix (error), should fix (warning: `--strict` fails), or should plan for (notice)."""

    file: str
    line: int
    field: str
    message: str
    severity: Severity = "error"

    def __post_init__(self) -> None:
        # A value quoted in a message may hold a line break or another invisible
        # character (a pasted "\r"); one problem stays one printed line.
        object.__setattr__(self, "message", printable(self.message))
        # A file's name may hold one too (a name with a line break could forge a second line).
        object.__setattr__(self, "file", printable(self.file))

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        field = f" {self.field}:" if self.field else ""
        return f"{self.file}:{self.line}:{field} {prefix}{self.message}"


def printable(text: str) -> str:
    """Text safe to print inside one problem line: line breaks, tabs and other invisible characters as \\uXXXX."""
    if text.isprintable():  # nearly always: the check prints thousands of problems for a hostile file
        return text
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def field_path(path: FieldPath) -> str:
    """Write a path the way an editor sees it: programmes[0].referral_routes[1].channel."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{printable(step)}" if text else printable(str(step)))
    return text
