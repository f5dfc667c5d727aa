"""The GitHub workflows give each job the least it needs, stop any job that hangs, and run only code that cannot change under them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s*v\d+(?:\.\d+)*\s*$")
"""An action named by its full commit, with the version that commit is, as a comment."""


def _workflow(path: Path) -> dict[Any, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _jobs(path: Path) -> dict[str, dict[str, Any]]:
    return _workflow(path)["jobs"]


def _writes(permissions: Any) -> set[str]:
    """The scopes a permissions block grants write to."""
    if permissions in ("write-all",):
        return {"everything"}
    return {scope for scope, level in (permissions or {}).items() if level == "write"} if isinstance(permissions, dict) else set()


def test_there_are_the_two_workflows() -> None:
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "pull-request.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_job_has_a_time_limit(path: Path) -> None:
    for name, job in _jobs(path).items():
        assert isinstance(job.get("timeout-minutes"), int) and 0 < job["timeout-minutes"] <= 60, f"{path.name}: job {name}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it(path: Path) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(?:-\s+)?uses:", line)]
    assert lines, "the workflow uses actions"
    for line in lines:
        assert PINNED.match(line), f"{path.name}: {line.strip()}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_checkout_keeps_no_credentials(path: Path) -> None:
    checkouts = [step for job in _jobs(path).values() for step in job["steps"] if str(step.get("uses", "")).startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_the_workflow_grants_no_write_by_default(path: Path) -> None:
    workflow = _workflow(path)
    assert "permissions" in workflow, "without a permissions block every job gets the repository's default, which may be write"
    assert not _writes(workflow["permissions"])


def test_the_pull_request_check_can_only_read() -> None:
    workflow = _workflow(ROOT / ".github" / "workflows" / "pull-request.yml")
    assert workflow["permissions"] == {"contents": "read"}
    for job in workflow["jobs"].values():
        assert not _writes(job.get("permissions"))


def test_only_the_deploy_job_may_write_to_pages() -> None:
    jobs = _jobs(ROOT / ".github" / "workflows" / "deploy.yml")
    assert _writes(jobs["deploy"]["permissions"]) == {"pages", "id-token"}
    assert _writes(jobs["build"]["permissions"]) == set()
    assert set(jobs) == {"build", "deploy"}


def test_installs_take_the_committed_versions() -> None:
    """pip installs with constraints.txt, npm from package-lock.json: a new release cannot slip in."""
    setup = (ROOT / "scripts" / "setup").read_text(encoding="utf-8")
    installs = [line for line in setup.splitlines() if "pip install" in line]
    assert installs and all("-c constraints.txt" in line for line in installs)
    test = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert "npm ci" in test and "npm install" not in test
    assert (ROOT / "package-lock.json").is_file()
