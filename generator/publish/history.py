"""When each record or content file last changed, from git (read only)."""

from __future__ import annotations

import datetime
import posixpath
import shutil
import subprocess
from pathlib import Path


def last_changes(root: Path) -> dict[str, datetime.date]:
    """The date of the last commit that touched each file, and each file's folder (as "services/"); empty outside git."""
    if not (root / ".git").exists() or shutil.which("git") is None:
        return {}
    result = subprocess.run(
        ["git", "log", "--format=%x00%cs", "--name-only", "--", "services", "content"],
        cwd=root, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        return {}
    changes: dict[str, datetime.date] = {}
    for block in result.stdout.split("\x00")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        day = datetime.date.fromisoformat(lines[0])
        for name in lines[1:]:
            changes.setdefault(name, day)
            changes.setdefault(posixpath.dirname(name) + "/", day)
    return changes
