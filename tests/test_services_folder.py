"""What services/ may hold besides provider files: links, pipes and names made to forge lines are reported, never followed or opened."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

import generator.__main__ as cli
from generator.problem import Problem
from generator.records.load import LoadedFile, load_services

from .conftest import TODAY

BASE = Path(__file__).resolve().parent / "bad_records" / "base.yaml"
LINK = "this is a link to another file, which is not read: put the provider file itself here (a link could reach outside the project)"


def _project(root: Path) -> Path:
    services = root / "services"
    services.mkdir(parents=True)
    shutil.copyfile(BASE, services / "example.yaml")
    return services


def test_a_link_to_a_file_outside_the_project_is_reported_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside" / "secret.yaml"
    outside.parent.mkdir()
    shutil.copyfile(BASE, outside)
    services = _project(tmp_path / "project")
    (services / "secret.yaml").symlink_to(outside)
    (services / "folder").symlink_to(outside.parent, target_is_directory=True)
    files, problems = load_services(services, tmp_path / "project")
    assert [f.path for f in files] == ["services/example.yaml"]
    assert [str(p) for p in problems] == [f"services/folder:1: {LINK}", f"services/secret.yaml:1: {LINK}"]


def test_a_services_folder_that_is_a_link_is_not_followed(tmp_path: Path) -> None:
    real = _project(tmp_path / "elsewhere")
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "services").symlink_to(real, target_is_directory=True)
    files, problems = load_services(tmp_path / "project" / "services", tmp_path / "project")
    assert files == []
    assert [str(p) for p in problems] == [f"services:1: {LINK}"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_reported_and_never_opened(tmp_path: Path) -> None:
    """Opening a pipe waits for a writer for ever: the check must finish, and say what the entry is."""
    services = _project(tmp_path)
    os.mkfifo(services / "pipe.yaml")
    found: list[tuple[list[LoadedFile], list[Problem]]] = []
    worker = threading.Thread(target=lambda: found.append(load_services(services, tmp_path)), daemon=True)
    worker.start()
    worker.join(timeout=60)
    if worker.is_alive():
        # Release the reader that is waiting on the pipe, so the test run can end.
        with open(services / "pipe.yaml", "w"):
            pass
        pytest.fail("the check opened the pipe and waited")
    files, problems = found[0]
    assert [f.path for f in files] == ["services/example.yaml"]
    assert [str(p) for p in problems] == ["services/pipe.yaml:1: this is not a file but a special entry (such as a pipe), which is not read: delete it"]


def test_a_file_name_with_a_line_break_cannot_forge_an_annotation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    services = _project(tmp_path)
    shutil.copyfile(BASE, services / "x\n::error file=forged.yaml,line=1::forged.yaml")
    status = cli.main(["--root", str(tmp_path), "--today", TODAY.isoformat(), "check", "--github"])
    output = capsys.readouterr()
    assert status == 1
    annotations = [line for line in output.out.splitlines() if line.startswith("::")]
    assert annotations == [line for line in output.out.splitlines() if line.strip()]
    assert len(annotations) == 1
    assert annotations[0].startswith("::error file=services/x\\u000a%3A%3Aerror file=forged.yaml%2Cline=1%3A%3Aforged.yaml,line=1::this file is not read")
    assert output.err.splitlines()[0].startswith("services/x\\u000a::error file=forged.yaml,line=1::forged.yaml:1: this file is not read")
