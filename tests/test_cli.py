"""A broken record stops the build with a plain message, exit status 1, and the last good site/ untouched."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import generator.__main__ as cli
from generator.build import Outcome, build
from generator.records.yaml_reader import read_yaml

from .conftest import ROOT, TODAY, built, copy_fixture_project

RECORD = "services/example.yaml"


def tree_hash(folder: Path) -> str:
    """One hash of every path (files and folders) and every byte below a folder."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode() + (b"/" if path.is_dir() else b""))
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@pytest.fixture
def project(built_project: tuple[Path, Outcome], tmp_path: Path) -> Path:
    """A fresh copy of the fixture project as built once (tests/conftest.py), with the generator package, for one test to break."""
    site = built(*built_project)
    assert (site / "index.html").is_file() and (site / "nl" / "index.html").is_file()
    assert not built_project[1].problems, "the fixture records must have no problem: each test below adds its own"
    root = Path(shutil.copytree(built_project[0], tmp_path / "project", symlinks=True))
    shutil.copytree(ROOT / "generator", root / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    return root


def _line_of(root: Path, pattern: str) -> int:
    lines = (root / RECORD).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if re.search(pattern, line))


def _replace(root: Path, pattern: str, new: str) -> int:
    """Replace the first line matching `pattern` in the record; return its line number."""
    path = root / RECORD
    lines = path.read_text(encoding="utf-8").split("\n")
    number = _line_of(root, pattern)
    lines[number - 1] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return number


def _bad_date(root: Path) -> str:
    line = _replace(root, r"^last_reviewed:", "last_reviewed: 2026-13-01")
    return f"{RECORD}:{line}: last_reviewed: “2026-13-01” is not a real date; write it as YYYY-MM-DD, like 2026-11-22"


def _misspelt_key(root: Path) -> str:
    line = _replace(root, r"^  short_name:", "  short_nam: EFS")
    return f"{RECORD}:{line}: provider.short_nam: `short_nam` is not a field here; did you mean `short_name`?"


def _unclosed_quote(root: Path) -> str:
    line = _replace(root, r"^  short_name:", '  short_name: "EFS')
    return f"{RECORD}:{line}: provider.short_name: a quoted text starts on this line but its closing quote is missing; end the text with the same quote mark it starts with"


def _tab(root: Path) -> str:
    line = _replace(root, r"^  short_name:", "\tshort_name: EFS")
    return f"{RECORD}:{line}: provider.short_name: this line has a tab character, which YAML does not allow; use spaces instead, both to indent and after the colon"


def _script(root: Path) -> str:
    line = _replace(root, r"^  short_name:", "  short_name: EFS<script>alert(1)</script>")
    return f"{RECORD}:{line}: provider.short_name: contains “<script>”, which would put HTML, a script or a link into the page"


def _not_utf8(root: Path) -> str:
    """The short name saved in Latin-1 (é as the single byte E9) in an otherwise UTF-8 file."""
    path = root / RECORD
    raw = path.read_bytes()
    assert b"short_name: EFS\n" in raw
    path.write_bytes(raw.replace(b"short_name: EFS\n", b"short_name: EFS caf\xe9\n", 1))
    line = raw[: raw.index(b"short_name: EFS")].count(b"\n") + 1
    return f"{RECORD}:{line}: the file is not saved as UTF-8 text; save it again as UTF-8 in your editor"


def _emptied(root: Path) -> str:
    (root / RECORD).write_text("", encoding="utf-8")
    return f"{RECORD}:1: the file is empty; it should hold a provider's record, with the fields provider:, programmes:, sources: and last_reviewed:"


def _copied(root: Path) -> str:
    shutil.copyfile(root / RECORD, root / "services" / "example2.yaml")
    line = _line_of(root, r"^  id: ")
    return f"services/example2.yaml:{line}: provider.id: the id “example” is already used in {RECORD}:{line}"


BREAKS: dict[str, Callable[[Path], str]] = {
    "bad date": _bad_date,
    "misspelt key": _misspelt_key,
    "unclosed quote": _unclosed_quote,
    "tab": _tab,
    "script in a text": _script,
    "not UTF-8": _not_utf8,
    "empty file": _emptied,
    "a file copied under a new name": _copied,
}


@pytest.mark.parametrize("name", BREAKS)
def test_a_broken_record_stops_the_build_and_site_stays_as_it_was(project: Path, name: str) -> None:
    before = tree_hash(project / "site")
    expected = BREAKS[name](project)
    outcome = build(project, TODAY)
    assert not outcome.built
    assert any(str(problem).startswith(expected) for problem in outcome.errors), [str(p) for p in outcome.problems]
    assert tree_hash(project / "site") == before


def test_warnings_stop_a_strict_build_and_site_stays_as_it_was(project: Path) -> None:
    before = tree_hash(project / "site")
    line = _replace(project, r"^last_reviewed:", "last_reviewed: 2024-10-01")
    outcome = build(project, TODAY, strict=True)
    assert not outcome.built
    assert outcome.errors == []
    assert [str(p) for p in outcome.warnings] == [
        f"{RECORD}:{line}: last_reviewed: warning: the facts were last checked more than two years ago (2024-10-01); check them against the sources and update the date"
    ]
    assert tree_hash(project / "site") == before


def test_the_build_command_reports_and_exits_1(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree_hash(project / "site")
    expected = _bad_date(project)
    status = cli.main(["--root", str(project), "--today", TODAY.isoformat(), "build"])
    err = capsys.readouterr().err
    assert status == 1
    assert err.splitlines() == [expected, "1 error(s), 0 warning(s)", "Nothing was written; the last good site/ is unchanged."]
    assert tree_hash(project / "site") == before


def _run(root: Path, *command: str) -> subprocess.CompletedProcess[str]:
    """`python -m generator …` run inside the copy, so that it checks the copy's own services/."""
    return subprocess.run([sys.executable, "-m", "generator", *command], cwd=root, capture_output=True, text=True, encoding="utf-8", timeout=300)


def test_check_in_a_copy_of_the_repository_passes_on_good_records(project: Path) -> None:
    run = _run(project, "check")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert "error(s)" not in run.stderr


@pytest.mark.parametrize("name", ["misspelt key", "unclosed quote", "not UTF-8", "a file copied under a new name"])
def test_check_and_build_in_a_copy_of_the_repository_fail_without_a_traceback(project: Path, name: str) -> None:
    expected = BREAKS[name](project)
    before = tree_hash(project / "site")
    for command in ("check", "build"):
        run = _run(project, command)
        assert run.returncode == 1, run.stderr
        assert "Traceback" not in run.stdout + run.stderr
        assert any(line.startswith(expected) for line in run.stderr.splitlines()), run.stderr
    assert "Nothing was written; the last good site/ is unchanged." in run.stderr
    assert tree_hash(project / "site") == before


@pytest.mark.slow
def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    """`python -m generator report | head` must not end in “stopped unexpectedly”."""
    root = copy_fixture_project(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(root), "report"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # before the generator has written anything: its first write finds no reader
    assert process.wait(timeout=120) == 0
    assert process.stderr.read() == ""


BASE_RECORD = ROOT / "tests" / "bad_records" / "base.yaml"
NOT_READ = "this file is not read: a provider file is named after its provider's id, in lower-case letters, digits and hyphens, and ends in .yaml (like hacro.yaml)"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Example Family Services.YAML", f"services/Example Family Services.YAML:1: {NOT_READ}; rename it to services/example.yaml"),
        ("x.yaml.txt", f"services/x.yaml.txt:1: {NOT_READ}; rename it to services/example.yaml"),
        ("new.yml", f"services/new.yml:1: {NOT_READ}; rename it to services/example.yaml"),
        ("Example.yaml", f"services/Example.yaml:1: {NOT_READ}; rename it to services/example.yaml"),
        ("old/example.yaml", "services/old/example.yaml:1: this file is not read: provider files sit directly in services/, not in a folder inside it; move it to services/example.yaml"),
        ("notes.txt", f"services/notes.txt:1: this file is not read: only provider files belong in services/, and {NOT_READ[len('this file is not read: '):]}; move this file out of services/ or delete it"),
    ],
)
def test_a_file_the_generator_does_not_read_is_reported_with_its_right_name(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, expected: str) -> None:
    """Every file under services/ is read or reported: the name it should have is the provider id it gives."""
    path = tmp_path / "services" / name
    path.parent.mkdir(parents=True)
    shutil.copyfile(BASE_RECORD, path)
    if name == "notes.txt":
        path.write_text("Things to ask the provider.\n", encoding="utf-8")
    for command in ("check", "build"):
        assert cli.main(["--root", str(tmp_path), "--today", TODAY.isoformat(), command]) == 1
        assert capsys.readouterr().err.splitlines()[:2] == [expected, "1 error(s), 0 warning(s)"]
    assert not (tmp_path / "site").exists()


def test_a_misnamed_file_that_cannot_be_read_is_named_from_its_file_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "services").mkdir()
    (tmp_path / "services" / "New Provider.yml").write_text("provider:\n\tid: x\n", encoding="utf-8")
    assert cli.main(["--root", str(tmp_path), "--today", TODAY.isoformat(), "check"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == f"services/New Provider.yml:1: {NOT_READ}; rename it to services/new-provider.yaml"


def test_a_misnamed_copy_of_a_file_says_the_right_name_is_taken(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "services").mkdir()
    shutil.copyfile(BASE_RECORD, tmp_path / "services" / "example.yaml")
    shutil.copyfile(BASE_RECORD, tmp_path / "services" / "example.yaml.bak")
    assert cli.main(["--root", str(tmp_path), "--today", TODAY.isoformat(), "check"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"services/example.yaml.bak:1: {NOT_READ}; rename it to services/example.yaml, but services/example.yaml exists already: if this file is an old copy, delete it"
    )


def test_check_and_build_say_what_they_checked_when_all_is_well(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Silence is never the answer: the same words for check and build, on standard output."""
    (tmp_path / "services").mkdir()
    for name in ("example", "second"):
        text = BASE_RECORD.read_text(encoding="utf-8")
        (tmp_path / "services" / f"{name}.yaml").write_text(text.replace("example", name), encoding="utf-8")
    assert cli.main(["--root", str(tmp_path), "--today", TODAY.isoformat(), "check"]) == 0
    output = capsys.readouterr()
    assert (output.out, output.err) == ("2 files, 2 programmes, no problems\n", "")


def test_the_build_says_what_it_checked_before_it_says_it_built(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--root", str(project), "--today", TODAY.isoformat(), "build"]) == 0
    output = capsys.readouterr()
    records = sorted((project / "services").glob("*.yaml"))
    programmes = sum(len(read_yaml(path.read_text(encoding="utf-8")).data["programmes"]) for path in records)
    assert len(records) > 1 and programmes > 1
    assert output.out.splitlines() == [f"{len(records)} files, {programmes} programmes, no problems", "Built site/ (English at /, Dutch at /nl/)."]
