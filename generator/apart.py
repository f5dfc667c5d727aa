"""Running a function of the package in a Python process of its own, on the other core.

Rendering is pure Python, so two languages rendered in threads would take
turns on one core. A subprocess rather than multiprocessing: a spawned pool
re-imports the caller's main module, which a script without a main guard
cannot bear. The arguments go in, and the result comes back, as pickles.
Each starts in a session of its own (publish/processes.py).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

from generator.publish.processes import OWN_SESSION, end

Key = TypeVar("Key")

_PACKAGE_PARENT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Child:
    """A process running a function of the package, and the thread handing it its arguments."""

    process: subprocess.Popen[bytes]
    sending: threading.Thread


def _send(pipe: IO[bytes], data: bytes) -> None:
    # Left open: the process reads one pickle, and communicate() closes the pipe.
    with contextlib.suppress(BrokenPipeError):  # the process ended before reading; result says why
        pipe.write(data)
        pipe.flush()


def start(function: str, *args: Any) -> Child:
    """Start `function` ("module:name" in the package) with `args` in a process of its own; `result` waits for it."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(_PACKAGE_PARENT), os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen([sys.executable, "-m", "generator.apart"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, **OWN_SESSION)
    # Handed over by a thread: a pipe holds 64 kB, so writing megabytes would
    # wait for the process to start, import the package and read, which kept
    # the caller from its own work for most of a second.
    sending = threading.Thread(target=_send, args=(process.stdin, pickle.dumps((function, args), protocol=pickle.HIGHEST_PROTOCOL)), daemon=True)
    sending.start()
    return Child(process, sending)


@contextlib.contextmanager
def started(function: str, calls: dict[Key, tuple[Any, ...]]) -> Iterator[dict[Key, Child]]:
    """Start `function` once per entry of `calls` (key → arguments), each in a process of its own; on leaving, end any still running."""
    children = {key: start(function, *args) for key, args in calls.items()}
    try:
        yield children
    finally:
        end(child.process for child in children.values())


def result(child: Child) -> Any:
    """What the function a `start` process ran returned, once it has ended; its traceback if it failed."""
    child.sending.join()
    returned, errors = child.process.communicate()
    if child.process.returncode != 0:
        raise RuntimeError(f"a process of the build failed:\n{errors.decode('utf-8', errors='replace')}")
    return pickle.loads(returned)


def _run_from_stdin() -> None:
    """The other end of `start`: run the function named on stdin and write what it returns to stdout."""
    # What comes in lives until the process ends: the garbage collector would walk it on every pass (see build._build).
    gc.disable()
    function, args = pickle.load(sys.stdin.buffer)
    gc.freeze()
    gc.enable()
    module, _, name = function.partition(":")
    pickle.dump(getattr(importlib.import_module(module), name)(*args), sys.stdout.buffer)


if __name__ == "__main__":
    _run_from_stdin()
