"""MkDocs, behind one function.

MkDocs 1.6 is the last of its line, so the generator only hands it a config
file and Markdown on disk, the way any MkDocs-compatible successor takes them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path


def run_mkdocs_builds(configs: Iterable[Path], cwd: Path) -> list[tuple[Path, int, str]]:
    """Build each config with `mkdocs build --strict`, side by side, each started as soon as `configs` yields it; return (config, status, output)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    running = [
        (config, subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
        for config in configs
    ]
    results = []
    for config, process in running:
        output, _ = process.communicate()
        results.append((config, process.returncode, output))
    return results
