"""`python -m generator new provider <id>` writes a template that passes check once filled in."""

from __future__ import annotations

import re
from pathlib import Path

from generator.__main__ import main
from generator.build import check

from .conftest import TODAY, copy_project


def _run(root: Path, *args: str) -> int:
    return main(["--root", str(root), "--today", TODAY.isoformat(), *args])


def test_new_provider_fails_check_until_every_todo_is_filled(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    assert _run(root, "new", "provider", "new-org") == 0
    path = root / "services" / "new-org.yaml"
    _, problems = check(root, TODAY)
    todo = [p for p in problems if "TODO" in p.message]
    assert todo and all(p.file == "services/new-org.yaml" for p in todo)
    assert [p for p in problems if p.severity == "error"] == todo

    path.write_text(re.sub(r'"TODO[^"]*"', '"Filled in from the source"', path.read_text(encoding="utf-8")), encoding="utf-8")
    _, problems = check(root, TODAY)
    assert [str(p) for p in problems] == []
    assert _run(root, "check", "--strict") == 0


def test_new_provider_refuses_a_bad_or_taken_id(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    assert _run(root, "new", "provider", "Bad Id") == 1
    assert _run(root, "new", "provider", "hacro") == 1
    assert not (root / "services" / "Bad Id.yaml").exists()
