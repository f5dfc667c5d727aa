"""The Nu HTML Checker (npm vnu-jar, run with the machine's Java) finds no error on any built page of the fixture site."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from .conftest import built_pages

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(site: Path) -> None:
    """Every page of the fixture site: every kind of fact, and the hand-written pages that name no real record."""
    assert VNU.is_file(), "vnu-jar is missing: scripts/test installs it with npm ci"
    java = shutil.which("java")
    assert java, "Java is missing: scripts/test installs it"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", *map(str, built_pages(site))],
        capture_output=True, text=True, check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m.get('url', '')}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] == "error"]
    assert len(built_pages(site)) > 50
    assert errors == [], "\n".join(errors)
