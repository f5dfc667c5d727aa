"""Provider files as last loaded, kept between runs outside the project: read again only when a file, or the code, changed."""

from __future__ import annotations

import datetime
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from generator.publish import kept_loads
from generator.publish.kept_loads import KeptLoads
from generator.publish.writer import private_folder
from generator.records import load
from generator.records.checks import check_records
from generator.records.load import load_services
from generator.records.record_checks import Findings
from generator.records.record_file import RecordFile

from .conftest import FIXTURES, TODAY

BAD_RECORDS = FIXTURES.parent.parent / "bad_records"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES, root / "services")
    return root


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files parsed and validated (not taken from what was kept)."""
    parsed: list[str] = []
    real = load.load_bytes

    def counting(raw: bytes, name: str) -> load.Loaded:
        parsed.append(name)
        return real(raw, name)

    monkeypatch.setattr(load, "load_bytes", counting)
    return parsed


def run(root: Path, folder: Path) -> list[load.LoadedFile]:
    """One run's load of the project, keeping what it loaded, as `check` and a build do."""
    kept = KeptLoads(root, folder)
    files, problems = load_services(root / "services", root, kept)
    kept.keep()
    assert problems == []
    return files


def test_a_second_run_parses_only_the_file_that_changed(project: Path, tmp_path: Path, loads: list[str]) -> None:
    first = run(project, tmp_path / "kept")
    assert sorted(loads) == sorted(f"services/{path.name}" for path in FIXTURES.glob("*.yaml")) and len(loads) > 3
    loads.clear()
    record = project / "services" / "example.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("en: Example Family Service\n", "en: Example Family Services Ltd\n", 1), encoding="utf-8")
    second = run(project, tmp_path / "kept")
    assert loads == ["services/example.yaml"]
    # What was kept is what loading gives: the same records, the same line maps.
    assert [item.record for item in second if item.path != "services/example.yaml"] == [item.record for item in first if item.path != "services/example.yaml"]
    assert [item.document.line_of(("provider", "name")) for item in second] == [item.document.line_of(("provider", "name")) for item in first]


def test_a_second_run_checks_again_only_the_record_that_changed(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules within one record ran when it was loaded, and are kept with the load: an unchanged record is not walked again."""
    checked: list[str] = []
    real = load.record_findings

    def counting(item: RecordFile) -> Findings:
        checked.append(item.path)
        return real(item)

    monkeypatch.setattr(load, "record_findings", counting)
    check_records(run(project, tmp_path / "kept"), TODAY)
    assert sorted(checked) == sorted(f"services/{path.name}" for path in FIXTURES.glob("*.yaml")) and len(checked) > 3
    checked.clear()
    record = project / "services" / "example.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("en: Example Family Service\n", "en: Example Family Services Ltd\n", 1), encoding="utf-8")
    check_records(run(project, tmp_path / "kept"), TODAY)
    assert checked == ["services/example.yaml"]


@pytest.fixture
def faulty(project: Path) -> Path:
    """The fixture records beside bad records that load but break rules within a record and across records (ids used twice, an unknown alternative)."""
    for case in ("dutch-misspelt", "dutch-term", "dutch-undeclared-name", "figure-without-unit", "unknown-source", "unknown-summary", "venue-outside-areas", "review-13-months", "review-25-months", "review-in-future"):
        shutil.copyfile(BAD_RECORDS / f"{case}.yaml", project / "services" / f"{case}.yaml")
    for path in (BAD_RECORDS / "duplicate-programme-id").glob("*.yaml"):
        shutil.copyfile(path, project / "services" / f"duplicate-{path.name}")
    record = project / "services" / "example.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("programme: example-one-to-one\n", "programme: example-closed\n", 1), encoding="utf-8")
    return project


def test_the_kept_checks_find_what_checking_afresh_finds(faulty: Path, tmp_path: Path, loads: list[str]) -> None:
    run(faulty, tmp_path / "kept")
    loads.clear()
    kept = run(faulty, tmp_path / "kept")
    assert loads == [], "the second run takes every record from what was kept"
    fresh, _ = load_services(faulty / "services", faulty)
    later = TODAY + datetime.timedelta(days=3 * 365)
    for today in (TODAY, later):
        assert sorted(check_records(kept, today)) == sorted(check_records(fresh, today))
    found = check_records(kept, later)
    assert {problem.severity for problem in found} == {"error", "warning"} and len(found) > 20
    messages = "\n".join(problem.message for problem in found)
    for part in ("there is no programme with the id “example-closed”", "is already used in", "the term list rules out", "does not know “vadres”", "needs both value and unit", "cannot be unknown"):
        assert part in messages


def test_the_kept_loads_are_read_again_when_the_code_changes(project: Path, tmp_path: Path, loads: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    run(project, tmp_path / "kept")
    loads.clear()
    monkeypatch.setattr(kept_loads, "code_digest", lambda: "other code")
    run(project, tmp_path / "kept")
    assert len(loads) == len(list(FIXTURES.glob("*.yaml")))


def test_a_project_keeps_only_what_its_last_run_loaded_and_nothing_inside_itself(project: Path, tmp_path: Path) -> None:
    run(project, tmp_path / "kept")
    (project / "services" / "wales.yaml").unlink()
    run(project, tmp_path / "kept")
    [folder] = (tmp_path / "kept").iterdir()
    assert len(list(folder.iterdir())) == len(list((project / "services").iterdir()))
    assert [path for path in project.rglob("*") if path.is_file() and path.parent.name != "services"] == []


def test_a_damaged_kept_file_is_loaded_again(project: Path, tmp_path: Path, loads: list[str]) -> None:
    run(project, tmp_path / "kept")
    [folder] = (tmp_path / "kept").iterdir()
    for path in folder.iterdir():
        path.write_bytes(b"not a pickle")
    loads.clear()
    assert len(run(project, tmp_path / "kept")) == len(list(FIXTURES.glob("*.yaml")))
    assert len(loads) == len(list(FIXTURES.glob("*.yaml")))


def test_nothing_is_kept_where_others_could_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    folder = private_folder("kept")
    assert folder is not None and folder.parent == tmp_path and (folder.stat().st_mode & 0o777) == 0o700
    folder.chmod(0o777)
    assert private_folder("kept") is None
    folder.rmdir()
    os.symlink(tmp_path / "elsewhere", folder)
    (tmp_path / "elsewhere").mkdir(mode=0o700)
    assert private_folder("kept") is None
