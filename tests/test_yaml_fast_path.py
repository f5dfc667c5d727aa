"""libyaml reads a record for speed; wherever it is used, it reads exactly what PyYAML reads, and PyYAML still says every mistake."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.records.yaml_errors import YamlProblem
from generator.records.yaml_reader import _libyaml_agrees, _read, read_yaml

from .conftest import FIXTURES

BAD_RECORDS = Path(__file__).resolve().parent / "bad_records"
TEXTS = {path.name: path.read_bytes().decode("utf-8", errors="replace") for path in sorted(FIXTURES.glob("*.yaml")) + sorted(BAD_RECORDS.glob("*.yaml"))}

PIECES = st.sampled_from(list(":-[]{}'\"&*!|>#,?%@`~\\ \n\r") + ["  ", "\n  ", "\n- ", ": ", "en: ", "nl: ", "id: ", "---", "...", "\u2028", "\x85", "'it''s'", ">-\n  ", "|+\n"])
YAMLISH = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map(lambda parts: "".join(parts) + "\n")


def _outcome(text: str, loader: type) -> tuple[object, ...]:
    """What reading `text` with `loader`'s parser gives: the data and both line maps, or the problem."""
    try:
        document = _read(text, loader)
    except YamlProblem as problem:
        return ("problem", problem.line, str(problem), problem.path)
    return ("read", repr(document.data), document.lines, document.last_lines)


def _same_where_libyaml_reads(text: str) -> None:
    """Where the fast path takes `text` and libyaml reads it, PyYAML reads the very same document."""
    if not _libyaml_agrees(text):
        return
    try:
        fast = _outcome(text, yaml.CBaseLoader)
    except (yaml.YAMLError, UnicodeEncodeError):
        return  # read_yaml reads the file again with PyYAML
    if fast[0] == "read":
        assert fast == _outcome(text, yaml.BaseLoader)


def test_libyaml_is_there_to_be_used() -> None:
    assert yaml.__with_libyaml__


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_every_test_record_reads_the_same_with_libyaml(name: str) -> None:
    _same_where_libyaml_reads(TEXTS[name])


def test_the_fixture_records_take_the_fast_path() -> None:
    fixtures = [TEXTS[path.name] for path in FIXTURES.glob("*.yaml")]
    assert fixtures and all(_libyaml_agrees(text) for text in fixtures)
    assert all(_outcome(text, yaml.CBaseLoader)[0] == "read" for text in fixtures)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAMLISH)
def test_random_text_libyaml_reads_is_read_the_same_by_pyyaml(text: str) -> None:
    _same_where_libyaml_reads(text)


@pytest.mark.parametrize("text", ["|#\n", "a: |#\n  x\n", "a: >-#\n"])
def test_a_comment_straight_after_a_block_indicator_is_still_refused(text: str) -> None:
    with pytest.raises(YamlProblem):
        read_yaml(text)


@pytest.mark.parametrize("text", ["id: example\t\n", "id:\texample\n", "provider:\n  id: x\n\t\n"])
def test_a_tab_libyaml_would_allow_is_still_refused(text: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        read_yaml(text)
    assert "tab" in str(caught.value)


def test_an_empty_document_without_a_line_break_keeps_pyyaml_s_line() -> None:
    assert _read("---", yaml.CBaseLoader).lines == {(): 2}  # libyaml puts the empty value after the end of the file
    assert read_yaml("---").lines == {(): 1}
