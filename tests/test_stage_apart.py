"""A language staged in a process of its own (while the first renders) stages exactly what it would here, and says why if it cannot."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from generator.apart import start, started
from generator.build import foreign_names, plan, stage_language
from generator.pages.opendata import OpenData
from generator.pages.plan import Page
from generator.publish.mkdocs_config import read_base

from .conftest import TODAY, copy_fixture_project, fixture_files

_project = copy_fixture_project


def _staging(root: Path) -> tuple[Path, list[Page], OpenData, datetime.date, dict[str, Any], dict[str, datetime.date], dict[str, list[tuple[str, str]]]]:
    files = list(fixture_files())
    pages, data = plan(files)
    return (root, pages, data, TODAY, read_base(root), {}, foreign_names(files))


def _staged_files(root: Path) -> dict[str, bytes]:
    work = root / "build"
    return {path.relative_to(work).as_posix(): path.read_bytes() for path in sorted(work.rglob("*")) if path.is_file()}


def test_a_language_staged_apart_is_staged_as_it_is_here(tmp_path: Path) -> None:
    here, apart = _project(tmp_path / "here"), _project(tmp_path / "apart")
    marks_here, problems_here = stage_language("nl", *_staging(here))
    marks_apart, problems_apart = start("generator.build:stage_language", "nl", *_staging(apart)).result()
    assert marks_apart == marks_here and marks_here
    assert problems_here == problems_apart == []
    staged = _staged_files(apart)
    assert "mkdocs.nl.yml" in staged and any(name.startswith("docs/nl/programmes/") for name in staged)
    assert staged == _staged_files(here)


def test_a_failure_apart_is_reported_with_its_traceback(tmp_path: Path) -> None:
    root = _project(tmp_path / "project")
    (root / "build").write_text("a file where the staging folder goes", encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"a process of the build failed:(.|\n)*Traceback"):
        start("generator.build:stage_language", "nl", *_staging(root)).result()


def test_link_problems_found_apart_come_back_and_nothing_is_staged(tmp_path: Path) -> None:
    root = _project(tmp_path / "project")
    page = root / "content" / "nl" / "privacy.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[weg](nergens.md)\n", encoding="utf-8")
    _, problems = start("generator.build:stage_language", "nl", *_staging(root)).result()
    assert [p.file for p in problems] == ["content/nl/privacy.md"] and "nergens.md" in problems[0].message
    assert not (root / "build" / "mkdocs.nl.yml").exists()


def test_a_process_still_running_when_its_block_fails_is_ended() -> None:
    with pytest.raises(ValueError), started("time:sleep", ["slow"]) as children:
        children["slow"].send(60)
        raise ValueError
    assert children["slow"].process.poll() is not None
