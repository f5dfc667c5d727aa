"""`check` does work in proportion to its input: a file four times as large costs about four times as much, never sixteen.

Times are noisy on a shared machine, so the test counts the function calls
`check` makes instead; scripts/benchmark prints the times at the size limit.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from generator.build import check
from generator.records.limits import MAX_PROBLEMS

from .conftest import TODAY
from .hostile_files import MAKERS

SMALL = 12_000
GROWTH = 4
ALLOWED = 5.0
"""Four times the input may cost up to five times the calls (a quadratic step would cost sixteen)."""


def _calls(root: Path) -> tuple[int, int]:
    """The number of function calls `check` makes on the project at `root`, and the number of problems it finds."""
    count = 0

    def counter(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(counter)
    try:
        _, problems = check(root, TODAY)
    finally:
        sys.setprofile(None)
    return count, len(problems)


def _project(folder: Path, text: str) -> Path:
    (folder / "services").mkdir(parents=True)
    (folder / "services" / "example.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", list(MAKERS))
def test_check_grows_in_step_with_the_file(name: str, tmp_path: Path) -> None:
    make: Callable[[int], str] = MAKERS[name]
    small, small_problems = _calls(_project(tmp_path / "small", make(SMALL)))
    large, large_problems = _calls(_project(tmp_path / "large", make(SMALL * GROWTH)))
    assert small_problems >= 1, "the hostile file is refused"
    assert large / small <= ALLOWED, f"{name}: {GROWTH}× the input made {large / small:.1f}× the calls"
    # However many mistakes, the editor reads a page of them, not thousands.
    assert large_problems <= MAX_PROBLEMS + 2
