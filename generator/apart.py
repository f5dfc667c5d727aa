"""Running a function of the package in a Python process of its own, on the other core.

Rendering is pure Python, so two languages rendered in threads would take
turns on one core. A subprocess rather than multiprocessing: a spawned pool
re-imports the caller's main module, which a script without a main guard
cannot bear. The arguments go in, and the result comes back, as pickles.
Each starts in a session of its own (publish/processes.py).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from generator.publish.processes import OWN_SESSION, end

Key = TypeVar("Key")

_PACKAGE_PARENT = Path(__file__).resolve().parent.parent


def start(function: str, *args: Any) -> subprocess.Popen[bytes]:
    """Start `function` ("module:name" in the package) with `args` in a process of its own; `result` waits for it."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(_PACKAGE_PARENT), os.environ.get("PYTHONPATH")]))}
    child = subprocess.Popen([sys.executable, "-m", "generator.apart"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, **OWN_SESSION)
    try:
        # Left open: the child reads one pickle, and communicate() closes it.
        pickle.dump((function, args), child.stdin)  # type: ignore[arg-type]
        child.stdin.flush()  # type: ignore[union-attr]
    except BrokenPipeError:
        pass  # the process ended before reading; result says why
    return child


@contextlib.contextmanager
def started(function: str, calls: dict[Key, tuple[Any, ...]]) -> Iterator[dict[Key, subprocess.Popen[bytes]]]:
    """Start `function` once per entry of `calls` (key → arguments), each in a process of its own; on leaving, end any still running."""
    children = {key: start(function, *args) for key, args in calls.items()}
    try:
        yield children
    finally:
        end(children.values())


def result(child: subprocess.Popen[bytes]) -> Any:
    """What the function a `start` process ran returned, once it has ended; its traceback if it failed."""
    returned, errors = child.communicate()
    if child.returncode != 0:
        raise RuntimeError(f"a process of the build failed:\n{errors.decode('utf-8', errors='replace')}")
    return pickle.loads(returned)


def _run_from_stdin() -> None:
    """The other end of `start`: run the function named on stdin and write what it returns to stdout."""
    function, args = pickle.load(sys.stdin.buffer)
    module, _, name = function.partition(":")
    pickle.dump(getattr(importlib.import_module(module), name)(*args), sys.stdout.buffer)


if __name__ == "__main__":
    _run_from_stdin()
