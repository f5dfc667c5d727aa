"""Every field a check or the editors' report names in a loaded record is a field the model has.

The checks across records, the translation state and the report walk the
loaded data with field paths written by hand (("programmes", 0, "sources")).
Nothing in the type system ties those paths to the model, so a renamed field
would leave a check naming a field no editor can find. Here every path they
ask a line for, over the bad-record cases that load and the fixture records,
must be one the model can hold.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from generator.build import report
from generator.records.checks import check_records
from generator.records.load import load_services
from generator.records.model import ProviderFile
from generator.records.translation_state import read_state, stale_translations
from generator.records.validation import fits
from generator.records.yaml_reader import Document

from .conftest import FIXTURES, ROOT, TODAY

CASES = Path(__file__).resolve().parent / "bad_records"


def _projects(tmp_path: Path) -> list[Path]:
    """A project per bad-record case (its file or folder of files), and one of the fixture records."""
    projects = []
    for case in sorted(CASES.glob("*.yaml")) + sorted(p for p in CASES.iterdir() if p.is_dir()):
        project = tmp_path / case.stem
        (project / "services").mkdir(parents=True)
        for path in sorted(case.glob("*.yaml")) if case.is_dir() else [case]:
            shutil.copyfile(path, project / "services" / path.name)
        shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        projects.append(project)
    fixtures = tmp_path / "fixture-records"
    shutil.copytree(FIXTURES, fixtures / "services")
    shutil.copyfile(ROOT / "mkdocs.yml", fixtures / "mkdocs.yml")
    return projects + [fixtures]


def test_every_field_a_check_names_is_in_the_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, tuple[str | int, ...]]] = []
    line_of, line_matching = Document.line_of, Document.line_matching
    project = ""

    def recording_line_of(self: Document, path: tuple[str | int, ...]) -> int:
        asked.append((project, path))
        return line_of(self, path)

    def recording_line_matching(self: Document, path: tuple[str | int, ...], pattern: object) -> int:
        asked.append((project, path))
        return line_matching(self, path, pattern)  # type: ignore[arg-type]

    loaded = 0
    for root in _projects(tmp_path):
        files, problems = load_services(root / "services", root)
        if any(p.severity == "error" for p in problems):
            continue
        loaded += 1
        project = root.name
        with monkeypatch.context() as patch:
            patch.setattr(Document, "line_of", recording_line_of)
            patch.setattr(Document, "line_matching", recording_line_matching)
            check_records(files, TODAY)
            check_records(files, TODAY + datetime.timedelta(days=3 * 365))  # the review warnings
            stale_translations(files, read_state(root))
            report(root, files, TODAY + datetime.timedelta(days=3 * 365))
    holds = fits(ProviderFile)
    assert loaded >= 5 and len(asked) > 50, (loaded, len(asked))
    assert [(name, path) for name, path in asked if path and not holds(path)] == []
