"""Every mistake in tests/bad_records/ gives exactly the expected lines, exit status 1 and no traceback.

See tests/bad_records/README.md for the scheme: one defect per case, each
derived from base.yaml, each with a `<name>.expected` file of problem lines.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import generator.__main__ as cli
from generator.build import check

from .conftest import ROOT, TODAY

CASES_DIR = Path(__file__).resolve().parent / "bad_records"
BASE = CASES_DIR / "base.yaml"
CASES = sorted(p.stem for p in CASES_DIR.glob("*.yaml") if p.name != "base.yaml") + sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())


def _expected(case: str) -> list[str]:
    return (CASES_DIR / f"{case}.expected").read_text(encoding="utf-8").splitlines()


def _services(case: str, root: Path) -> Path:
    """Put the case's file(s) into root/services/, as an editor's project would hold them."""
    services = root / "services"
    services.mkdir(parents=True)
    source = CASES_DIR / case
    for path in sorted(source.glob("*.yaml")) if source.is_dir() else [CASES_DIR / f"{case}.yaml"]:
        shutil.copyfile(path, services / path.name)
    return root


def _is_error(line: str) -> bool:
    return ": warning: " not in line and ": notice: " not in line


def _is_notice(line: str) -> bool:
    return ": notice: " in line


def test_there_are_enough_cases_and_each_has_its_expected_lines() -> None:
    assert len(CASES) >= 30
    for case in CASES:
        assert (CASES_DIR / f"{case}.expected").is_file(), f"{case} has no .expected file"
    stray = {p.stem for p in CASES_DIR.glob("*.expected")} - set(CASES)
    assert not stray, f".expected files without a case: {stray}"


def test_the_base_record_is_valid(tmp_path: Path) -> None:
    services = tmp_path / "services"
    services.mkdir()
    shutil.copyfile(BASE, services / "base.yaml")
    files, problems = check(tmp_path, TODAY)
    assert [str(p) for p in problems] == []
    assert files[0].record.programmes[0].id == "example-caring-dads"


def _text(path: Path) -> str:
    """A case's text, decoding Latin-1 for the not-UTF-8 case and UTF-16 for the UTF-16 one."""
    raw = path.read_bytes()
    if b"\x00" in raw:
        return raw.decode("utf-16-le")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _body(path: Path) -> list[str]:
    """A case's lines without its first (comment) line."""
    return _text(path).splitlines()[1:]


@pytest.mark.parametrize("case", [c for c in CASES if c != "empty" and not (CASES_DIR / c).is_dir()])
def test_each_case_is_the_base_with_one_change(case: str) -> None:
    path = CASES_DIR / f"{case}.yaml"
    assert _text(path).startswith("# "), "the first line says what the defect is"
    changes = [op for op in difflib.SequenceMatcher(a=_body(BASE), b=_body(path), autojunk=False).get_opcodes() if op[0] != "equal"]
    # The UTF-16 case holds the base's very text: its one change is the encoding.
    assert len(changes) == (0 if case == "utf16-without-bom" else 1), f"{case} differs from base.yaml in {len(changes)} places"


def test_the_not_utf8_case_really_is_not_utf8() -> None:
    with pytest.raises(UnicodeDecodeError):
        (CASES_DIR / "not-utf8.yaml").read_bytes().decode("utf-8")


def test_the_utf16_case_has_no_byte_order_mark_and_would_read_as_utf8() -> None:
    """Without a byte-order mark, plain-English UTF-16 is valid UTF-8 full of zero bytes: the case the reader must catch."""
    raw = (CASES_DIR / "utf16-without-bom.yaml").read_bytes()
    assert not raw.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in raw
    assert raw.decode("utf-8").replace("\x00", "") == _text(CASES_DIR / "utf16-without-bom.yaml")


@pytest.mark.parametrize("case", CASES)
def test_check_prints_exactly_the_expected_lines(case: str, tmp_path: Path) -> None:
    _, problems = check(_services(case, tmp_path), TODAY)
    assert [str(p) for p in problems] == _expected(case)


def _cli_args(root: Path, *command: str) -> list[str]:
    return ["--root", str(root), "--today", TODAY.isoformat(), *command]


@pytest.mark.parametrize("case", CASES)
def test_the_command_line_prints_them_and_fails(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m generator check` (and `--strict`) through main(), on the case's project, on TODAY."""
    root = _services(case, tmp_path)
    expected = _expected(case)
    errors = [line for line in expected if _is_error(line)]
    notices = [line for line in expected if _is_notice(line)]
    warnings = len(expected) - len(errors) - len(notices)

    status = cli.main(_cli_args(root, "check"))
    output = capsys.readouterr()
    lines = output.err.splitlines()
    assert lines[: len(expected)] == expected
    summary = f"{len(errors)} error(s), {warnings} warning(s)" + (f", {len(notices)} notice(s)" if notices else "")
    assert lines[len(expected) :] == ([summary] if expected else [])
    assert "Traceback" not in output.err + output.out
    assert status == (1 if errors else 0)

    strict_status = cli.main(_cli_args(root, "check", "--strict"))
    assert strict_status == (1 if errors or warnings else 0)
    capsys.readouterr()


# One case of each kind of outcome runs as a real process; every case runs through main() above.
PROCESS_CASES = {
    "no problem": "yes-no-stays-text",
    "a notice": "review-13-months",
    "a warning": "dutch-term",
    "a record the model refuses": "missing-field",
    "unreadable YAML": "tab-indentation",
    "not UTF-8": "not-utf8",
    "a clash between two files": "duplicate-programme-id",
}


def test_each_kind_of_outcome_has_its_case() -> None:
    """The cases run as processes cover success, notice, warning and error, so the exit statuses of all are seen."""
    kinds = {name: _expected(case) for name, case in PROCESS_CASES.items()}
    assert kinds["no problem"] == []
    assert kinds["a notice"] and all(_is_notice(line) for line in kinds["a notice"])
    assert kinds["a warning"] and all(": warning: " in line for line in kinds["a warning"])
    errors = [name for name, lines in kinds.items() if any(_is_error(line) for line in lines)]
    assert errors == ["a record the model refuses", "unreadable YAML", "not UTF-8", "a clash between two files"]


@pytest.mark.slow
@pytest.mark.parametrize("case", list(PROCESS_CASES.values()), ids=list(PROCESS_CASES))
def test_a_real_run_prints_the_lines_and_exits_without_a_traceback(case: str, tmp_path: Path) -> None:
    """A separate `python -m generator check` (and `check --strict`) process: the same lines, the exit status, and no traceback."""
    root = _services(case, tmp_path)
    expected = _expected(case)
    errors = any(_is_error(line) for line in expected)
    warnings = any(": warning: " in line for line in expected)
    # --strict differs from check only where there is a warning; main() shows it for every case.
    runs = [(["check"], errors)] + ([(["check", "--strict"], True)] if warnings else [])
    for command, fails in runs:
        run = subprocess.run(
            [sys.executable, "-m", "generator", *_cli_args(root, *command)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )
        assert "Traceback" not in run.stdout + run.stderr, run.stderr
        assert run.stderr.splitlines()[: len(expected)] == expected
        assert run.returncode == (1 if fails else 0), (command, run.stderr)


def test_yes_no_stays_text(tmp_path: Path) -> None:
    """`short_name: no` is the text “no”: an editor writing no where text belongs means the word."""
    files, problems = check(_services("yes-no-stays-text", tmp_path), TODAY)
    assert problems == []
    assert files[0].record.provider.short_name == "no"


def test_a_phone_number_with_a_plus_is_read_as_written(tmp_path: Path) -> None:
    """`+441234567890` unquoted is the text the editor wrote, as `+44 1234 567890` is, not the number 441234567890."""
    files, problems = check(_services("phone-plus-unquoted", tmp_path), TODAY)
    assert problems == []
    assert files[0].record.provider.contacts[0].phone == "+441234567890"


def test_the_alias_bomb_is_refused_at_its_first_anchor(tmp_path: Path) -> None:
    """Refused while reading events, before anything is expanded: the message names the anchor's line."""
    text = (CASES_DIR / "alias-bomb.yaml").read_text(encoding="utf-8")
    first_anchor = next(number for number, line in enumerate(text.splitlines(), start=1) if "&l0" in line)
    _, problems = check(_services("alias-bomb", tmp_path), TODAY)
    assert len(problems) == 1
    assert problems[0].line == first_anchor
    assert problems[0].message.startswith("“&l0” is an anchor, which is not allowed")
