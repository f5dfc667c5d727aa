"""Pages say when their file last changed and link to edit it and to its history."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.build import build
from generator.publish.mkdocs_config import repository

from .conftest import TODAY, copy_project

REPO = "https://github.com/example-org/directory"


def _built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_git: bool) -> Path:
    root = copy_project(tmp_path)
    # As the workflows give it: mkdocs.yml reads the address with !ENV.
    monkeypatch.setenv("DIRECTORY_REPO_URL", REPO)
    if with_git:
        for command in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x", "--date=2026-03-04T10:00:00"]):
            subprocess.run(["git", *command], cwd=root, check=True, env={"GIT_COMMITTER_DATE": "2026-03-04T10:00:00", "PATH": "/usr/bin:/bin"})
    outcome = build(root, TODAY)
    assert outcome.built, [str(p) for p in outcome.problems] + outcome.messages
    return root / "site"


def test_record_and_content_pages_link_to_their_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _built(tmp_path, monkeypatch, with_git=True)
    programme = (site / "nl" / "programmes" / "hacro-caring-dads" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPO}/edit/main/services/hacro.yaml"' in programme
    assert f'href="{REPO}/commits/main/services/hacro.yaml"' in programme
    assert "Laatst gewijzigd: 4 maart 2026" in programme and "Deze gegevens bewerken" in programme
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPO}/edit/main/content/en/about.md"' in about and "Last changed: 4 March 2026" in about


def test_without_git_history_no_date_is_claimed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _built(tmp_path, monkeypatch, with_git=False)
    programme = (site / "programmes" / "hacro-caring-dads" / "index.html").read_text(encoding="utf-8")
    assert "Last changed" not in programme
    assert f'href="{REPO}/edit/main/services/hacro.yaml"' in programme


def test_pages_made_from_every_record_link_to_the_records_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _built(tmp_path, monkeypatch, with_git=True)
    for page in ("programmes", "finder", "compare", "referrals", "referrals/probation-officer", "providers", "editors"):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert f'href="{REPO}/tree/main/services"' in html, page
        assert f'href="{REPO}/commits/main/services"' in html, page
        assert "Last changed: 4 March 2026" in html, page
    dutch = (site / "nl" / "finder" / "index.html").read_text(encoding="utf-8")
    assert "De gegevens bewerken waaruit deze pagina is gemaakt" in dutch and "Laatst gewijzigd: 4 maart 2026" in dutch


def test_the_branch_comes_from_the_environment_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIRECTORY_REPO_BRANCH", "live")
    site = _built(tmp_path, monkeypatch, with_git=False)
    programme = (site / "programmes" / "hacro-caring-dads" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPO}/edit/live/services/hacro.yaml"' in programme


def test_material_shows_no_repository_widget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Material's repository link would ask api.github.com for star counts: a third-party request."""
    site = _built(tmp_path, monkeypatch, with_git=False)
    for page in (site / "index.html", site / "nl" / "programmes" / "index.html"):
        assert 'data-md-component="source"' not in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("written", [REPO, REPO + "/", REPO + ".git"])
def test_the_repository_address_is_the_web_address_however_it_is_written(written: str) -> None:
    assert repository({"repo_url": written, "extra": {"repo_branch": None}}) == {"url": REPO, "branch": "main"}
