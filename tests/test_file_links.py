"""Pages say when their file last changed and link to edit it and to its history."""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.build import build

from .conftest import TODAY, copy_project

REPO = "https://github.com/example-org/directory"


def _built(tmp_path: Path, with_git: bool) -> Path:
    root = copy_project(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"repo_url: {REPO}\n", encoding="utf-8")
    if with_git:
        for command in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x", "--date=2026-03-04T10:00:00"]):
            subprocess.run(["git", *command], cwd=root, check=True, env={"GIT_COMMITTER_DATE": "2026-03-04T10:00:00", "PATH": "/usr/bin:/bin"})
    outcome = build(root, TODAY)
    assert outcome.built, [str(p) for p in outcome.problems] + outcome.messages
    return root / "site"


def test_record_and_content_pages_link_to_their_files(tmp_path: Path) -> None:
    site = _built(tmp_path, with_git=True)
    programme = (site / "nl" / "programmes" / "hacro-caring-dads" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPO}/edit/main/services/hacro.yaml"' in programme
    assert f'href="{REPO}/commits/main/services/hacro.yaml"' in programme
    assert "Laatst gewijzigd: 4 maart 2026" in programme and "Deze gegevens bewerken" in programme
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPO}/edit/main/content/en/about.md"' in about and "Last changed: 4 March 2026" in about


def test_without_git_history_no_date_is_claimed(tmp_path: Path) -> None:
    site = _built(tmp_path, with_git=False)
    programme = (site / "programmes" / "hacro-caring-dads" / "index.html").read_text(encoding="utf-8")
    assert "Last changed" not in programme
    assert f'href="{REPO}/edit/main/services/hacro.yaml"' in programme
