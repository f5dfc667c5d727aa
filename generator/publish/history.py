"""When each record or content file last changed, from git (read only)."""

from __future__ import annotations

import datetime
import posixpath
import shutil
import subprocess
from pathlib import Path


def last_changes(root: Path) -> dict[str, datetime.date]:
    """The date of the last commit that touched each file, and each file's folder (as "services/"); empty outside git."""
    return {name: moment.date() for name, moment in last_commits(root).items()}


def last_commits(root: Path) -> dict[str, datetime.datetime]:
    """When the last commit that touched each file, and each file's folder, was made, with its time zone; empty outside git."""
    if not (root / ".git").exists() or shutil.which("git") is None:
        return {}
    result = subprocess.run(
        ["git", "log", "--format=%x00%cI", "--name-only", "--", "services", "content"],
        cwd=root, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        return {}
    changes: dict[str, datetime.datetime] = {}
    for block in result.stdout.split("\x00")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        moment = datetime.datetime.fromisoformat(lines[0])
        for name in lines[1:]:
            changes.setdefault(name, moment)
            changes.setdefault(posixpath.dirname(name) + "/", moment)
    return changes
