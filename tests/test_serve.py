"""The preview: serves the built site with live reload, builds again on each save, and shows a failed build's problems instead of a stale page."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.publish.serve import problems_page, with_reload

from .conftest import ROOT, TODAY, copy_fixture_project


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - our own server on 127.0.0.1
        return answer.read().decode("utf-8")


def wait_for(url: str, holds: Callable[[str], bool], seconds: float = 180) -> str:
    """The page at `url` once `holds` is true of it, asking every quarter second."""
    deadline = time.monotonic() + seconds
    while True:
        page = fetch(url)
        if holds(page):
            return page
        assert time.monotonic() < deadline, f"{url} never changed as expected:\n{page[:2000]}"
        time.sleep(0.25)


@pytest.mark.slow
def test_serve_shows_each_save_and_a_failed_build_s_problems(tmp_path: Path) -> None:
    root = copy_fixture_project(tmp_path / "project")
    record = root / "services" / "example.yaml"
    command = [sys.executable, "-m", "generator", "--root", str(root), "--today", TODAY.isoformat(), "serve", "--port", "0"]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        line = ""
        while not line.startswith("Serving "):
            line = server.stdout.readline()  # type: ignore[union-attr]
            assert line, f"serve ended without serving: {server.stderr.read()}"  # type: ignore[union-attr]
        address = line.split()[1]

        page = fetch(address + "providers/")
        assert "Example Family Service" in page and '<script src="/__preview/reload.js" data-build="1">' in page
        assert "__preview" not in (root / "site" / "providers" / "index.html").read_text(encoding="utf-8"), "live reload reached the built site"
        assert "<html lang=\"nl\"" in fetch(address + "nl/providers/")

        record.write_text(record.read_text(encoding="utf-8").replace("en: Example Family Service\n", "en: Example Family Services Ltd\n", 1), encoding="utf-8")
        page = wait_for(address + "providers/", lambda text: "Example Family Services Ltd" in text)
        assert 'data-build="2"' in page

        record.write_text(record.read_text(encoding="utf-8").replace("  short_name: EFS\n", "  short_name: EFS\n  nickname: x\n", 1), encoding="utf-8")
        page = wait_for(address + "programmes/", lambda text: "The build failed" in text)
        assert "services/example.yaml:11: provider.nickname:" in page
        assert "Example Family Services Ltd" in (root / "site" / "providers" / "index.html").read_text(encoding="utf-8"), "site/ kept its last good build"
    finally:
        server.send_signal(signal.SIGINT)
        _, errors = server.communicate(timeout=60)
    assert server.returncode == 0
    assert errors.endswith("Preview stopped; site/ holds the last build that succeeded.\n")


def test_live_reload_goes_last_in_the_body_and_problems_are_escaped() -> None:
    assert with_reload("<html><body><p>x</p></body></html>", 7) == '<html><body><p>x</p><script src="/__preview/reload.js" data-build="7"></script></body></html>'
    page = problems_page(["services/a.yaml:3: name: <b> is not allowed"], 2)
    assert "<code>services/a.yaml:3: name: &lt;b&gt; is not allowed</code>" in page and 'data-build="2"' in page
