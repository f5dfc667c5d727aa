"""The pull-request check: annotations on the right line, and the files that run it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from generator.__main__ import main

from .conftest import ROOT, TODAY, copy_fixture_project


def test_problems_become_annotations_on_their_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_fixture_project(tmp_path)
    record = root / "services" / "example.yaml"
    lines = record.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if "email: team@service.example.org" in line)
    lines[number - 1] = lines[number - 1].replace("team@service.example.org", "team at service")
    record.write_text("".join(lines), encoding="utf-8")
    assert main(["--root", str(root), "--today", TODAY.isoformat(), "check", "--github"]) == 1
    out = capsys.readouterr().out
    assert f"::error file=services/example.yaml,line={number}::provider.contacts[0].email: “team at service” is not an e-mail address" in out


def test_workflows_run_the_check_the_tests_and_the_deploy() -> None:
    pr = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text())
    steps = " ".join(step.get("run", "") for step in pr["jobs"]["check"]["steps"])
    assert "generator check --strict --github" in steps and "scripts/test" in steps and "generator build" in steps
    assert any(step.get("uses", "").startswith("actions/upload-artifact") for step in pr["jobs"]["check"]["steps"])
    deploy = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text())
    uses = [step.get("uses", "") for job in deploy["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/deploy-pages") for u in uses)


def test_the_published_build_is_told_its_repository_and_address() -> None:
    """mkdocs.yml reads these with !ENV; without them the edit and history links are left out."""
    for workflow, names in (("deploy.yml", {"DIRECTORY_REPO_URL", "DIRECTORY_REPO_BRANCH", "DIRECTORY_SITE_URL"}), ("pull-request.yml", {"DIRECTORY_REPO_URL", "DIRECTORY_REPO_BRANCH"})):
        jobs = yaml.safe_load((ROOT / ".github" / "workflows" / workflow).read_text())["jobs"]
        builds = [step for job in jobs.values() for step in job["steps"] if "build" in step.get("run", "")]
        assert builds and all(names <= set(step.get("env", {})) for step in builds), workflow
        # Run as root in a container, git would refuse the checkout and the last-changed dates would go.
        assert any("safe.directory" in step.get("run", "") for job in jobs.values() for step in job["steps"]), workflow


def test_pre_commit_checks_records_against_the_committed_schema() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["check-jsonschema"]["args"] == ["--schemafile", "schema/provider.schema.json"]
    assert (ROOT / hooks["check-jsonschema"]["args"][1]).is_file()
    assert "generator check" in hooks["generator-check"]["entry"]


def test_vs_code_recommends_the_yaml_extension_and_indents_with_spaces() -> None:
    """Opening the folder offers the extension that reads the schema modeline; Tab never writes a tab into a record."""
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["[yaml]"]["editor.insertSpaces"] is True and settings["[yaml]"]["editor.detectIndentation"] is False
    # mkdocs.yml's !ENV tags, so VS Code does not underline them as unknown.
    assert {"!ENV scalar", "!ENV sequence"} <= set(settings["yaml.customTags"])
