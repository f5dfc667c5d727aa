"""Every command the project prints or writes for an editor works when pasted as it is.

The commands are read where an editor reads them: README.md, CONTRIBUTING.md,
the template `new provider` writes, what `new provider` and `check` print, and
the editors' page of the built site. Each runs from the root of a fresh copy of
the project, as after the README's first command (`scripts/build`, which makes
`.venv`): the copy is given the project's own `.venv`, linked rather than made
again, because making it needs PyPI. A placeholder (`<id>`, `<file>`) is
filled in as an editor would. The copy holds the fixture records, never the
live ones, so that an editor's change to `services/` breaks no test here.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.commands import RUN

from .conftest import FIXTURE_CONTENT, FIXTURES, ROOT

COMMAND = re.compile(r"(?<![\w/.-])((?:[\w.-]+/)*python3?\s+-m\s+generator\b[^`\n#]*)")
SCRIPT = re.compile(r"(?<![\w/.-])scripts/[\w-]+")
PLACEHOLDERS = {"<id>": "new-org", "<file>": "example"}
WRITTEN = ["README.md", "CONTRIBUTING.md", "generator/records/scaffold/provider.yaml"]
_LEFT_AT_ROOT = {".git", ".venv", "node_modules", "site", "build", ".pytest_cache", ".hypothesis"}


def commands_in(text: str) -> list[str]:
    """The generator commands a text tells its reader to run, as written."""
    return [found.strip().rstrip(".,;:") for found in COMMAND.findall(text)]


def _written_commands() -> list[str]:
    return list(dict.fromkeys(command for name in WRITTEN for command in commands_in((ROOT / name).read_text(encoding="utf-8"))))


def fresh_copy(target: Path) -> Path:
    """The project as a fresh clone holds it, with the `.venv` that `scripts/build` makes."""
    shutil.copytree(ROOT, target, ignore=lambda folder, names: (_LEFT_AT_ROOT if Path(folder) == ROOT else set()) | {"__pycache__"})
    (target / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    shutil.rmtree(target / "services")
    shutil.copytree(FIXTURES, target / "services")
    shutil.copytree(FIXTURE_CONTENT, target / "content", dirs_exist_ok=True)
    return target


def paste(command: str, root: Path) -> subprocess.CompletedProcess[str]:
    """Run a command as an editor pasting it into a terminal at the project's root would."""
    for placeholder, value in PLACEHOLDERS.items():
        command = command.replace(placeholder, value)
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(command, shell=True, cwd=root, env=env, capture_output=True, text=True, encoding="utf-8", timeout=600)


def _worked(run: subprocess.CompletedProcess[str]) -> bool:
    output = run.stdout + run.stderr
    return run.returncode == 0 and "Traceback" not in output and "stopped unexpectedly" not in output


def test_every_command_for_editors_is_written_the_one_way_that_works() -> None:
    commands = _written_commands()
    assert len(commands) >= 5, commands
    assert [c for c in commands if not c.startswith(RUN + " ")] == []


# The preview runs until it is stopped; tests/test_serve.py starts it, edits a record and stops it.
_RUNS_UNTIL_STOPPED = f"{RUN} serve"


@pytest.mark.slow
@pytest.mark.parametrize("command", [c for c in _written_commands() if not c.startswith(_RUNS_UNTIL_STOPPED)])
def test_a_written_command_works_when_pasted_in_a_fresh_copy(command: str, tmp_path: Path) -> None:
    root = fresh_copy(tmp_path / "project")
    run = paste(command, root)
    assert _worked(run), (command, run.returncode, run.stderr[-2000:])
    if command.endswith(" build"):
        # The editors' page of the site just built names a command too.
        page = (root / "site" / "editors" / "index.html").read_text(encoding="utf-8")
        on_page = [c for code in re.findall(r"<code>(.*?)</code>", page, re.S) for c in commands_in(html.unescape(code))]
        assert on_page and all(c.startswith(RUN + " ") for c in on_page), on_page
        for shown in on_page:
            again = paste(shown, fresh_copy(tmp_path / f"copy-{on_page.index(shown)}"))
            assert _worked(again), (shown, again.stderr[-2000:])


@pytest.mark.slow
def test_the_command_new_provider_prints_and_writes_works_as_printed(tmp_path: Path) -> None:
    """After `new provider`, the command it prints (and the one at the top of the file) lists the TODOs left, by line."""
    root = fresh_copy(tmp_path / "project")
    new = paste(f"{RUN} new provider new-org", root)
    assert _worked(new), new.stderr
    printed = commands_in(new.stdout)
    written = commands_in((root / "services" / "new-org.yaml").read_text(encoding="utf-8"))
    assert printed and written
    for command in dict.fromkeys(printed + written):
        run = paste(command, root)
        assert run.returncode == 1 and "Traceback" not in run.stdout + run.stderr, run.stderr
        lines = run.stderr.splitlines()
        assert lines[:-1] and all(line.startswith("services/new-org.yaml:") and "TODO" in line for line in lines[:-1]), lines
        assert re.fullmatch(r"\d+ error\(s\), 0 warning\(s\)", lines[-1])


@pytest.mark.slow
def test_the_command_a_translation_warning_prints_works_as_printed(tmp_path: Path) -> None:
    root = fresh_copy(tmp_path / "project")
    assert _worked(paste(f"{RUN} translations confirm", root))
    record = root / "services" / "example.yaml"
    text = record.read_text(encoding="utf-8")
    english = re.search(r"^( +en: [^\n\"'>|]+)$", text, re.M)
    assert english is not None
    record.write_text(text.replace(english.group(1), english.group(1) + " Changed.", 1), encoding="utf-8")
    warned = paste(f"{RUN} check", root)
    printed = commands_in(warned.stderr)
    assert warned.returncode == 0 and len(printed) == 1, warned.stderr
    assert _worked(paste(printed[0], root))
    after = paste(f"{RUN} check", root)
    assert _worked(after) and after.stderr == "", after.stderr


def test_the_scripts_named_for_editors_are_there_and_the_first_one_sets_up() -> None:
    """Scripts are not run here (they set up .venv from PyPI, or run these very tests); each must exist, and both guides start with scripts/build."""
    named = {script for name in ("README.md", "CONTRIBUTING.md") for script in SCRIPT.findall((ROOT / name).read_text(encoding="utf-8"))}
    assert "scripts/build" in named
    assert [s for s in named if not os.access(ROOT / s, os.X_OK)] == []
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"```\n(.*?)\n", readme).group(1) == "scripts/build"  # type: ignore[union-attr]
