"""How the build starts and ends the processes it runs (the other language's, the engine's, Pagefind's).

Each starts in a session of its own: Ctrl-C in a terminal reaches the build
alone, which ends its processes itself and says so in one line, rather than
each of them printing its own traceback.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from typing import Any

OWN_SESSION: dict[str, Any] = {"start_new_session": True}
"""The Popen options of every process the build starts."""


def end(children: Iterable[subprocess.Popen[Any]]) -> None:
    """End the processes still running of `children` (those already ended are untouched), and wait for each."""
    for child in children:
        if child.poll() is None:
            child.kill()
        child.wait()
