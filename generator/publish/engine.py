"""The engine that turns each language's staged Markdown into HTML, behind one function.

MkDocs 1.6 is the last of its line, so the generator only hands the engine a
config file and Markdown on disk, the way any MkDocs-compatible successor takes
them. `DIRECTORY_ENGINE` picks one: `mkdocs` (the default) or `properdocs`, the
maintained fork of MkDocs 1.x, which reads the same config and runs Material
as its theme. Both are installed side by side (Material needs MkDocs itself).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from generator.publish.processes import OWN_SESSION, end

ENGINES = ("mkdocs", "properdocs")
"""The engines DIRECTORY_ENGINE may name, the first the default; each is run as `python -m <name> build`."""


def chosen_engine(environ: Mapping[str, str] = os.environ) -> str:
    """The engine DIRECTORY_ENGINE names, the default if it is unset or empty; any other name is refused."""
    name = environ.get("DIRECTORY_ENGINE") or ENGINES[0]
    if name not in ENGINES:
        raise ValueError(f"DIRECTORY_ENGINE={name!r} is not an engine the build knows; use one of {', '.join(ENGINES)}")
    return name


_QUIET_DIRTY = (
    "import logging, runpy, sys; engine = sys.argv.pop(1); "
    "logging.getLogger(engine + '.commands.build').addFilter(lambda record: not record.getMessage().startswith(\"A 'dirty' build\")); "
    "sys.argv[0] = engine; runpy.run_module(engine, run_name='__main__', alter_sys=True)"
)
"""The engine's command line with one warning left out: that a `--dirty` build may link wrongly, which
--strict would fail on. Ours is dirty only when nothing but pages' own text changed (publish/incremental.py)."""


def build_command(config: Path, engine: str, *options: str, dirty: bool = False) -> list[str]:
    """The command that builds one language's config with `engine`, failing on any warning; `dirty`: only the pages whose staged file changed."""
    if dirty:
        return [sys.executable, "-c", _QUIET_DIRTY, engine, "build", "--strict", "--dirty", *options, "-f", str(config)]
    return [sys.executable, "-m", engine, "build", "--strict", *options, "-f", str(config)]


def engine_environment() -> dict[str, str]:
    """The environment an engine runs in: Material's notice about MkDocs 2.0, printed at every MkDocs build, off."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _ended(config: Path, process: subprocess.Popen[str]) -> tuple[Path, int, str]:
    """An engine build's (config, status, output), once it has ended."""
    output, _ = process.communicate()
    return config, process.returncode, output


@contextlib.contextmanager
def engine_builds(configs: Iterable[tuple[Path, bool]], cwd: Path) -> Iterator[Iterator[tuple[Path, int, str]]]:
    """Build each config with the chosen engine (dirty or not), side by side, each started as soon as `configs` yields it.

    Gives the builds' (config, status, output) in the order they started,
    each once it has ended; on leaving, ends any build still running.
    """
    engine = chosen_engine()
    running: list[tuple[Path, subprocess.Popen[str]]] = []
    try:
        for config, dirty in configs:
            process = subprocess.Popen(build_command(config, engine, dirty=dirty), cwd=cwd, env=engine_environment(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **OWN_SESSION)
            running.append((config, process))
        yield (_ended(config, process) for config, process in running)
    finally:
        # Interrupted, or `configs` failed while an engine ran: none is left writing into build/.
        end(process for _, process in running)
