"""Whatever an editor's file holds, loading it ends in a valid record or in plain problems, never an exception."""

from __future__ import annotations

import copy
import re
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.problem import Problem
from generator.records.checks import check_records
from generator.records.load import load_file

from .conftest import FIXTURES, ROOT, TODAY

NAME = "services/record.yaml"
BASE = ROOT / "tests" / "bad_records" / "base.yaml"
RECORDS = {path.name: path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.yaml"))} | {BASE.name: BASE.read_text(encoding="utf-8")}
PARSED = {name: yaml.safe_load(text) for name, text in RECORDS.items()}
# Words that belong to PyYAML or pydantic, not to an editor.
JARGON = re.compile(r"Input should|validation error|Field required|Value error|<block|scalar|Traceback|annotation|NoneType|literal\[")
LINE_BREAKS = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _load(content: str | bytes) -> tuple[object, list[Problem]]:
    """Write one file and load it the way `check` does."""
    raw = content.encode("utf-8") if isinstance(content, str) else content
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "record.yaml"
        path.write_bytes(raw)
        item, problems = load_file(path, NAME)
    assert (item is None) == bool(problems), "a record comes with no problems, and problems with no record"
    lines = len(LINE_BREAKS.split(raw.decode("utf-8", errors="replace"))) + 1
    for problem in problems:
        assert problem.file == NAME
        assert 1 <= problem.line <= lines, problem
        assert problem.message.strip()
        assert str(problem).startswith(f"{NAME}:{problem.line}: ")
        assert len(LINE_BREAKS.split(str(problem))) == 1, "one problem, one line"
        assert not JARGON.search(problem.message), problem
    if item is not None:
        for problem in check_records([item], TODAY):  # the rules across records must cope with any valid record
            assert problem.message.strip() and problem.line >= 1
    return item, problems


# (a) Random text that looks a little like YAML, and random data written as YAML.

YAML_CHARACTERS = st.sampled_from(list(":-[]{}'\"&*!|>#,?%@`~\\ \t\n\r") + ["  ", "\n  ", "\n- ", ": ", "en: ", "nl: ", "id: ", "unknown", "no", "yes", "2026-13-01", "0123", "\ufeff", "\x00", "\u2028"])
YAMLISH = st.lists(st.one_of(YAML_CHARACTERS, st.text(max_size=8)), max_size=60).map("".join)


@pytest.mark.slow
@SETTINGS
@given(YAMLISH)
def test_random_yamlish_text_never_raises(text: str) -> None:
    _load(text)


FIELD_NAMES = ["a\nb", "tab\there", "line\u2028break", "provider", "programmes", "sources", "last_reviewed", "id", "name", "en", "nl", "contacts", "email", "phone", "format", "sessions", "cost", "status", "referral_routes", "channel", "address", "lang", "unknown", "entry_condtions"]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.dates(),
    st.sampled_from(["unknown", "Unknown", "no", "yes", "<script>x</script>", "[a](javascript:x)", "team@example.org", "https://example.org", "01234 567890", "active", "GB"]),
)
DATA = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=6)), children, max_size=5),
    max_leaves=30,
)


@pytest.mark.slow
@SETTINGS
@given(DATA, st.booleans())
def test_random_data_written_as_yaml_never_raises(data: object, flow: bool) -> None:
    _load(yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False))


# (b) The real records, broken at random the way an editor's hands might break them.

VALUES = ["[]", "{}", "17", "-1", "0", "2.5", "yes", "no", "~", "''", "'x'", '"', "'", "2026-13-01", "2099-01-01", "- a", "unknown", "Unknown", "{en: x}", "[a, b]", "&a x", "*a", "!!python/object:os.system x", "<img src=x onerror=alert(1)>", "x: y", "\t", "@home", "* item"]


@st.composite
def broken_record(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(sorted(RECORDS.values())))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        lines = text.split("\n")
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        line = lines[index]
        mutation = draw(st.sampled_from(["delete", "duplicate", "tab", "retype", "truncate", "unicode", "dedent", "indent"]))
        if mutation == "delete":
            del lines[index]
        elif mutation == "duplicate":
            lines.insert(index, line)
        elif mutation == "tab":
            lines[index] = "\t" + line.lstrip(" ") if draw(st.booleans()) else line.replace(": ", ":\t", 1)
        elif mutation == "retype" and ":" in line:
            lines[index] = line.split(":", 1)[0] + ": " + draw(st.sampled_from(VALUES))
        elif mutation == "dedent":
            lines[index] = line[draw(st.integers(min_value=1, max_value=4)) :]
        elif mutation == "indent":
            lines[index] = " " * draw(st.integers(min_value=1, max_value=4)) + line
        text = "\n".join(lines)
        if mutation == "truncate":
            text = text[: draw(st.integers(min_value=0, max_value=len(text)))]
        elif mutation == "unicode":
            at = draw(st.integers(min_value=0, max_value=len(text)))
            text = text[:at] + draw(st.text(min_size=1, max_size=5)) + text[at:]
    return text


@pytest.mark.slow
@SETTINGS
@given(broken_record())
def test_randomly_broken_records_never_raise(text: str) -> None:
    _load(text)


def _paths(data: object, path: tuple = ()) -> list[tuple]:
    """Every path to a value inside the data."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, path + (index,))
    return found


@pytest.mark.slow
@SETTINGS
@given(st.data())
def test_records_with_a_key_deleted_or_a_value_of_another_type_never_raise(data: st.DataObject) -> None:
    """Structural mutations, written back as clean YAML: these reach deep into the schema's checks."""
    record = copy.deepcopy(PARSED[data.draw(st.sampled_from(sorted(PARSED)))])
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        path = data.draw(st.sampled_from(_paths(record)[1:]))
        parent = record
        for step in path[:-1]:
            parent = parent[step]
        if data.draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(SCALARS | st.just([]) | st.just({}) | st.just({"en": "x"}) | st.just(["x"]))
    item, problems = _load(yaml.safe_dump(record, allow_unicode=True, sort_keys=False))
    assert item is not None or problems


@pytest.mark.slow
@SETTINGS
@given(st.sampled_from(sorted(RECORDS.values())), st.lists(st.tuples(st.floats(min_value=0, max_value=1, exclude_max=True), st.integers(min_value=0, max_value=255)), min_size=1, max_size=4))
def test_records_with_random_bytes_never_raise(text: str, changes: list[tuple[float, int]]) -> None:
    raw = bytearray(text.encode("utf-8"))
    for where, byte in changes:
        raw[int(where * len(raw))] = byte
    _load(bytes(raw))


def test_the_records_mutated_load_without_problems() -> None:
    """The starting point of the mutations is valid, so every problem above comes from a mutation."""
    assert len(RECORDS) >= 4
    for text in RECORDS.values():
        item, problems = _load(text)
        assert problems == [] and item is not None
