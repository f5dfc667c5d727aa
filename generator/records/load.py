"""Read every provider file under services/ into checked records."""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pydantic import ValidationError

from generator.problem import Problem, field_path
from generator.records.characters import character_problems
from generator.records.file_names import is_record_name, misnamed_message
from generator.records.limits import MAX_FILE_BYTES, file_too_large, size_problems
from generator.records.merge_conflicts import conflict_problems
from generator.records.model import ProviderFile
from generator.records.placeholders import placeholder_problems
from generator.records.record_checks import Findings, record_findings
from generator.records.record_file import RecordFile
from generator.records.validation import fits, problems_from_validation
from generator.records.yaml_errors import YamlProblem
from generator.records.yaml_reader import read_yaml

_FITS = fits(ProviderFile)


@dataclass(frozen=True)
class LoadedFile(RecordFile):
    """One provider file: its path as editors see it, its record, its line map, and what the rules within its record found."""

    findings: Findings = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Checked once, when the file is read: a kept load is unpickled with its findings, without running this again.
        object.__setattr__(self, "findings", record_findings(self))


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


Loaded = tuple[LoadedFile | None, list[Problem]]
"""A file's record, or its problems."""


class LoadStore(Protocol):
    """What files loaded to when last loaded, kept between runs (publish/kept_loads.py)."""

    def get(self, name: str, raw: bytes) -> Loaded | None:
        """What a file with this name and these bytes loaded to, if that is kept."""

    def put(self, name: str, raw: bytes, loaded: Loaded) -> None:
        """Keep what a file loaded to."""


def load_file(path: Path, name: str, kept: LoadStore | None = None) -> Loaded:
    """Read, parse and validate one provider file (unless `kept` holds its load); return it or its problems."""
    raw = path.read_bytes()
    loaded = kept.get(name, raw) if kept is not None else None
    if loaded is None:
        loaded = load_bytes(raw, name)
        if kept is not None:
            kept.put(name, raw, loaded)
    return loaded


def load_bytes(raw: bytes, name: str) -> Loaded:
    """Parse and validate one provider file's bytes; return it or its problems."""
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


_LINK = "this is a link to another file, which is not read: put the provider file itself here (a link could reach outside the project)"
_NOT_A_FILE = "this is not a file but a special entry (such as a pipe), which is not read: delete it"


def load_services(folder: Path, root: Path, kept: LoadStore | None = None) -> tuple[list[LoadedFile], list[Problem]]:
    """Load every provider file in `folder` (those `kept` holds from there), and report every other file there; names in problems are relative to `root`."""
    loaded: list[LoadedFile] = []
    problems: list[Problem] = []
    if folder.is_symlink():
        return [], [Problem(_relative(folder, root), 1, "", _LINK)]
    # Asked of the entry itself, never of what it points to: a link is not followed, a pipe is never opened (it would wait for ever).
    entries = sorted(path for path in folder.rglob("*") if path.is_symlink() or not path.is_dir())
    for path in entries:
        if path.is_symlink():
            problems.append(Problem(_relative(path, root), 1, "", _LINK))
        elif not stat.S_ISREG(path.lstat().st_mode):
            problems.append(Problem(_relative(path, root), 1, "", _NOT_A_FILE))
    paths = [path for path in entries if not path.is_symlink() and stat.S_ISREG(path.lstat().st_mode)]
    if not entries:
        problems.append(Problem(_relative(folder, root), 1, "", "there are no provider files (*.yaml) here"))
    for path in paths:
        if not is_record_name(path, folder):
            problems.append(Problem(_relative(path, root), 1, "", misnamed_message(path, folder, MAX_FILE_BYTES)))
            continue
        item, found = load_file(path, _relative(path, root), kept)
        problems.extend(found)
        if item is not None:
            loaded.append(item)
    return loaded, problems


def _relative(path: Path, root: Path) -> str:
    # The folder is resolved, not the entry: a link is named where it is, not where it points.
    try:
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
