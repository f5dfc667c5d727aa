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
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar

from generator.publish.processes import OWN_SESSION, end

Key = TypeVar("Key")

_PACKAGE_PARENT = Path(__file__).resolve().parent.parent


class Child:
    """A process that runs a function of the package once it is handed the function's arguments."""

    def __init__(self, function: str) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(_PACKAGE_PARENT), os.environ.get("PYTHONPATH")]))}
        # The function is named on the command line, so the process imports its module while the caller gets its arguments ready.
        self.process = subprocess.Popen([sys.executable, "-m", "generator.apart", function], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, **OWN_SESSION)
        self._sending: threading.Thread | None = None

    def send(self, *args: Any) -> None:
        """Hand the process the function's arguments, from a thread: a pipe holds 64 kB, so writing megabytes would wait for the process to read them."""
        self._sending = threading.Thread(target=_send, args=(self.process.stdin, pickle.dumps(args, protocol=pickle.HIGHEST_PROTOCOL)), daemon=True)
        self._sending.start()

    def result(self) -> Any:
        """What the function returned, once the process has ended; its traceback if it failed."""
        if self._sending is not None:
            self._sending.join()
        returned, errors = self.process.communicate()
        if self.process.returncode != 0:
            raise RuntimeError(f"a process of the build failed:\n{errors.decode('utf-8', errors='replace')}")
        return pickle.loads(returned)


def _send(pipe: IO[bytes], data: bytes) -> None:
    # Left open: the process reads one pickle, and communicate() closes the pipe.
    with contextlib.suppress(BrokenPipeError):  # the process ended before reading; result says why
        pipe.write(data)
        pipe.flush()


def start(function: str, *args: Any) -> Child:
    """Start `function` ("module:name" in the package) in a process of its own and hand it `args`; `Child.result` waits for it."""
    child = Child(function)
    child.send(*args)
    return child


@contextlib.contextmanager
def started(function: str, keys: Iterable[Key]) -> Iterator[dict[Key, Child]]:
    """Start `function` once per key, each in a process of its own that waits for its arguments (`Child.send`); on leaving, end any still running."""
    children = {key: Child(function) for key in keys}
    try:
        yield children
    finally:
        end(child.process for child in children.values())


def _run_from_stdin() -> None:
    """The other end of `Child`: import the function named on the command line, run it on the arguments read from stdin and write what it returns to stdout."""
    module, _, name = sys.argv[1].partition(":")
    function = getattr(importlib.import_module(module), name)
    # What comes in lives until the process ends: the garbage collector would walk it on every pass (see build._build).
    gc.disable()
    args = pickle.load(sys.stdin.buffer)
    gc.freeze()
    gc.enable()
    pickle.dump(function(*args), sys.stdout.buffer)


if __name__ == "__main__":
    _run_from_stdin()
