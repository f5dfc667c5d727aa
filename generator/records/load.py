"""Read every provider file under services/ into checked records."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from generator.problem import Problem, field_path
from generator.records.characters import character_problems
from generator.records.file_names import is_record_name, misnamed_message
from generator.records.limits import MAX_FILE_BYTES, file_too_large, size_problems
from generator.records.merge_conflicts import conflict_problems
from generator.records.model import ProviderFile
from generator.records.placeholders import placeholder_problems
from generator.records.validation import fits, problems_from_validation
from generator.records.yaml_errors import YamlProblem
from generator.records.yaml_reader import Document, read_yaml

_FITS = fits(ProviderFile)


@dataclass(frozen=True)
class LoadedFile:
    """One provider file: its path as editors see it, its record and its line map."""

    path: str
    record: ProviderFile
    document: Document


_NOT_UTF8 = "the file is not saved as UTF-8 text; save it again as UTF-8 in your editor"
_UTF16 = (
    "the file is not saved as UTF-8 text but as UTF-16 (which some editors call “Unicode”); "
    "save it again as UTF-8 in your editor"
)


def _decode(raw: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8, or say on which line the file stops being UTF-8."""
    # UTF-16 puts a zero byte beside every letter of plain English; no UTF-8 text holds one.
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw:
        return None, [Problem(name, 1, "", _UTF16)]
    try:
        return raw.decode("utf-8").removeprefix("\ufeff"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(name, line, "", _NOT_UTF8)]


def _problems(name: str, found: list[YamlProblem]) -> list[Problem]:
    return [Problem(name, problem.line, field_path(problem.path), problem.message) for problem in found]


def load_file(path: Path, name: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Read, parse and validate one provider file; return it or its problems."""
    raw = path.read_bytes()
    too_large = file_too_large(raw, name)
    if too_large is not None:
        return None, [too_large]
    text, problems = _decode(raw, name)
    if text is None:
        return None, problems
    conflicts = conflict_problems(text, _FITS)
    if conflicts:
        return None, _problems(name, conflicts)
    try:
        document = read_yaml(text, _FITS)
    except YamlProblem as problem:
        return None, _problems(name, [problem])
    if not isinstance(document.data, dict):
        return None, [Problem(name, 1, "", "the file should hold the fields provider:, programmes:, sources: and last_reviewed:, each at the start of a line, not a single value or a list")]
    problems = size_problems(document, name) + character_problems(document, name)
    todo = placeholder_problems(document, name)
    try:
        record = ProviderFile.model_validate(document.data)
    except ValidationError as error:
        found = problems_from_validation(error, ProviderFile, document, name)
        # A TODO the schema already speaks of is said once, in the schema's words.
        reported = {(problem.line, problem.field) for problem in found}
        return None, problems + found + [problem for problem in todo if (problem.line, problem.field) not in reported]
    problems += todo
    if problems:
        return None, problems
    return LoadedFile(name, record, document), []


def load_services(folder: Path, root: Path) -> tuple[list[LoadedFile], list[Problem]]:
    """Load every provider file in `folder`, and report every other file there; names in problems are relative to `root`."""
    loaded: list[LoadedFile] = []
    problems: list[Problem] = []
    paths = sorted(path for path in folder.rglob("*") if path.is_file())
    if not paths:
        problems.append(Problem(_relative(folder, root), 1, "", "there are no provider files (*.yaml) here"))
    for path in paths:
        if not is_record_name(path, folder):
            problems.append(Problem(_relative(path, root), 1, "", misnamed_message(path, folder, MAX_FILE_BYTES)))
            continue
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
