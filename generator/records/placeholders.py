"""The TODOs a new file from `python -m generator new` starts with: a file is not done while one is left.

They are found on the file as read, before and beside the schema's own
problems, so that an editor sees every TODO at once, not one error at a time.
"""

from __future__ import annotations

from generator.problem import Problem, field_path
from generator.records.record_paths import nodes
from generator.records.yaml_reader import Document

MESSAGE = "still holds a TODO from the template; write the fact from the source, or unknown"


def placeholder_problems(document: Document, name: str) -> list[Problem]:
    """A problem for every value that still holds a TODO."""
    return [
        Problem(name, document.line_of(path), field_path(path), MESSAGE)
        for path, value in nodes(document.data)
        if isinstance(value, str) and "TODO" in value
    ]
