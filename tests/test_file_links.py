"""Pages say when their file last changed and link to edit it and to its history."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.build import build
from generator.publish.mkdocs_config import repository

from .conftest import TODAY, built, copy_fixture_project

REPO = "https://github.com/example-org/directory"


def _built(root: Path, with_git: bool, branch: str | None = None) -> Path:
    """The fixture project built in `root` as the workflows build it: told the repository (and a branch), in a git checkout or not."""
    copy_fixture_project(root)
    with pytest.MonkeyPatch.context() as env:
        # As the workflows give it: mkdocs.yml reads the address with !ENV.
        env.setenv("DIRECTORY_REPO_URL", REPO)
        if branch:
            env.setenv("DIRECTORY_REPO_BRANCH", branch)
        if with_git:
            for command in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x", "--date=2026-03-04T10:00:00"]):
                subprocess.run(["git", *command], cwd=root, check=True, env={"GIT_COMMITTER_DATE": "2026-03-04T10:00:00", "PATH": "/usr/bin:/bin"})
        return built(root, build(root, TODAY))


@pytest.fixture(scope="module")
def with_history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built in a git checkout whose one commit is dated 4 March 2026, on the default branch."""
    return _built(tmp_path_factory.mktemp("git") / "project", with_git=True)


@pytest.fixture(scope="module")
def without_history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built outside git, with the branch `live` from the environment."""
    return _built(tmp_path_factory.mktemp("nogit") / "project", with_git=False, branch="live")


@pytest.mark.slow
def test_record_and_content_pages_link_to_their_files(with_history: Path) -> None:
    programme = (with_history / "nl" / "programmes" / "example-group" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPO}/edit/main/services/example.yaml"' in programme
    assert f'href="{REPO}/commits/main/services/example.yaml"' in programme
    assert "Laatst gewijzigd: 4 maart 2026" in programme and "Deze gegevens bewerken" in programme
    about = (with_history / "about" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPO}/edit/main/content/en/about.md"' in about and "Last changed: 4 March 2026" in about


@pytest.mark.slow
def test_without_git_history_no_date_is_claimed(without_history: Path) -> None:
    programme = (without_history / "programmes" / "example-group" / "index.html").read_text(encoding="utf-8")
    assert "Last changed" not in programme
    assert f'href="{REPO}/edit/live/services/example.yaml"' in programme


@pytest.mark.slow
def test_pages_made_from_every_record_link_to_the_records_folder(with_history: Path) -> None:
    for page in ("programmes", "finder", "compare", "referrals", "referrals/probation-officer", "providers", "editors"):
        html = (with_history / page / "index.html").read_text(encoding="utf-8")
        assert f'href="{REPO}/tree/main/services"' in html, page
        assert f'href="{REPO}/commits/main/services"' in html, page
        assert "Last changed: 4 March 2026" in html, page
    dutch = (with_history / "nl" / "finder" / "index.html").read_text(encoding="utf-8")
    assert "De gegevens bewerken waaruit deze pagina is gemaakt" in dutch and "Laatst gewijzigd: 4 maart 2026" in dutch


@pytest.mark.slow
def test_the_branch_comes_from_the_environment_too(without_history: Path) -> None:
    programme = (without_history / "programmes" / "example-group" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPO}/edit/live/services/example.yaml"' in programme
    assert "/edit/main/" not in programme


@pytest.mark.slow
def test_material_shows_no_repository_widget(with_history: Path, without_history: Path) -> None:
    """Material's repository link would ask api.github.com for star counts: a third-party request."""
    for page in (with_history / "index.html", with_history / "nl" / "programmes" / "index.html", without_history / "index.html"):
        assert 'data-md-component="source"' not in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("written", [REPO, REPO + "/", REPO + ".git"])
def test_the_repository_address_is_the_web_address_however_it_is_written(written: str) -> None:
    assert repository({"repo_url": written, "extra": {"repo_branch": None}}) == {"url": REPO, "branch": "main"}
