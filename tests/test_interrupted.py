"""An interrupted build (Ctrl-C, kill) ends every process it started, says so in one line, and the next build works."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build import build

from .conftest import ROOT, TODAY, built, copy_fixture_project

pytestmark = pytest.mark.slow


def descendants(pid: int) -> set[int]:
    """The processes running below `pid`, from /proc."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # ended while being read
        if fields[0] != "Z":
            parents[int(stat.parent.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def running(pid: int) -> bool:
    """Whether `pid` is a process that has not ended (a zombie has)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def engine_processes(pid: int) -> set[int]:
    """The engine builds running below `pid`."""
    found = set()
    for child in descendants(pid):
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"build" in command and any(word in command for word in (b"mkdocs", b"properdocs")):
            found.add(child)
    return found


def interrupt_in_the_engine_step(root: Path, number: int, group: bool) -> tuple[subprocess.CompletedProcess[str], set[int]]:
    """Start a build of `root`, send it signal `number` once an engine runs (to its process group, as a terminal's Ctrl-C does, if `group`); what it printed, and every process it had started."""
    command = [sys.executable, "-m", "generator", "--root", str(root), "--today", TODAY.isoformat(), "build"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    started: set[int] = set()
    deadline = time.monotonic() + 120
    while not engine_processes(process.pid):
        assert process.poll() is None and time.monotonic() < deadline, "the build ended before its engine step"
        started |= descendants(process.pid)
        time.sleep(0.05)
    started |= descendants(process.pid)
    (os.killpg if group else os.kill)(process.pid, number)
    output, errors = process.communicate(timeout=60)
    return subprocess.CompletedProcess(command, process.returncode, output, errors), started


@pytest.mark.parametrize(("number", "group", "status"), [(signal.SIGINT, True, 130), (signal.SIGTERM, False, 143)], ids=["ctrl-c", "kill"])
def test_an_interrupted_build_ends_its_processes_and_says_so_in_one_line(tmp_path: Path, number: int, group: bool, status: int) -> None:
    root = copy_fixture_project(tmp_path / "project")
    finished, started = interrupt_in_the_engine_step(root, number, group)
    assert finished.returncode == status, finished.stderr
    assert finished.stderr == "Build interrupted; site/ is unchanged.\n"
    assert finished.stdout == ""
    assert started and [pid for pid in started if running(pid)] == []
    assert not (root / "site").exists()
    # Whatever the interrupted build left in build/ (here, as if the engine and the finishing had half written), the next build works.
    for leftover in (root / "build" / "site-en" / "stale" / "index.html", root / "build" / "site-next" / "stale.html"):
        leftover.parent.mkdir(parents=True, exist_ok=True)
        leftover.write_text("half written", encoding="utf-8")
    site = built(root, build(root, TODAY))
    assert (site / "index.html").is_file() and not (site / "stale").exists() and not (site / "stale.html").exists()
