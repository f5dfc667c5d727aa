"""Read every provider file under services/ into checked records."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .model import ProviderFile
from .problems import Problem, field_path, problems_from_validation
from .yaml_lines import Document, YamlProblem, read_yaml


@dataclass(frozen=True)
class LoadedFile:
    """One provider file: its path as editors see it, its record and its line map."""

    path: str
    record: ProviderFile
    document: Document


def _decode(raw: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8, or say on which line the file stops being UTF-8."""
    try:
        return raw.decode("utf-8").removeprefix("\ufeff"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(name, line, "", "the file is not saved as UTF-8 text; save it again as UTF-8 in your editor")]


def load_file(path: Path, name: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Read, parse and validate one provider file; return it or its problems."""
    text, problems = _decode(path.read_bytes(), name)
    if text is None:
        return None, problems
    try:
        document = read_yaml(text)
    except YamlProblem as problem:
        return None, [Problem(name, problem.line, field_path(problem.path), problem.message)]
    if not isinstance(document.data, dict):
        return None, [Problem(name, 1, "", "the file should hold the fields provider:, programmes:, sources: and last_reviewed:, each at the start of a line, not a single value or a list")]
    try:
        record = ProviderFile.model_validate(document.data)
    except ValidationError as error:
        return None, problems_from_validation(error, ProviderFile, document, name)
    return LoadedFile(name, record, document), []


def load_services(folder: Path, root: Path) -> tuple[list[LoadedFile], list[Problem]]:
    """Load every *.yaml file in `folder`; names in problems are relative to `root`."""
    loaded: list[LoadedFile] = []
    problems: list[Problem] = []
    paths = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not paths:
        problems.append(Problem(_relative(folder, root), 1, "", "there are no provider files (*.yaml) here"))
    for path in paths:
        item, found = load_file(path, _relative(path, root))
        problems.extend(found)
        if item is not None:
            loaded.append(item)
    return loaded, problems


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
