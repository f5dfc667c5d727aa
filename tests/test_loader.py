"""read_yaml and load_file: values read as an editor means them, lines kept, every refusal a plain problem."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from generator.problem import field_path
from generator.records.limits import MAX_FILE_BYTES
from generator.records.line_fields import field_at_line
from generator.records.load import load_file
from generator.records.yaml_errors import YamlProblem
from generator.records.yaml_reader import read_yaml

HERE = Path(__file__).resolve().parent

BASE = Path(__file__).resolve().parent / "bad_records" / "base.yaml"

NESTED = """\
# a comment
provider:
  id: example
  contacts:
    - id: team
      email: team@example.org
    - id: office

      phone: "01234 567890"
programmes:
  - id: one
    description:
      - en: First.
        nl: Eerste.
      - en: >-
          Folded text
          over two lines.
        nl: Tweede.
last_reviewed: 2026-11-01
"""


def _problem(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as caught:
        read_yaml(text)
    return caught.value


def test_the_line_map_names_the_line_of_every_key_and_item() -> None:
    lines = read_yaml(NESTED).lines
    assert lines[("provider",)] == 2
    assert lines[("provider", "id")] == 3
    assert lines[("provider", "contacts")] == 4
    assert lines[("provider", "contacts", 0)] == 5
    assert lines[("provider", "contacts", 0, "email")] == 6
    assert lines[("provider", "contacts", 1)] == 7
    assert lines[("provider", "contacts", 1, "phone")] == 9
    assert lines[("programmes", 0, "description", 1)] == 15
    assert lines[("programmes", 0, "description", 1, "nl")] == 18
    assert lines[("last_reviewed",)] == 19


def test_a_missing_field_points_at_its_nearest_ancestor() -> None:
    document = read_yaml(NESTED)
    assert document.line_of(("provider", "contacts", 1, "email")) == 7
    assert document.line_of(("programmes", 0, "name", "nl")) == 11
    assert document.line_of(("nowhere",)) == 2  # the line where the data starts


def test_folded_text_is_joined() -> None:
    data = read_yaml(NESTED).data
    assert data["programmes"][0]["description"][1]["en"] == "Folded text over two lines."


@pytest.mark.parametrize(
    ("written", "read"),
    [
        # YAML 1.1 would turn these into booleans, numbers in base 8 or 60, or infinity; an editor means the text.
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("No", "No"),
        ("y", "y"),
        ("0123", "0123"),
        ("1e3", "1e3"),
        ("12:30", "12:30"),
        ("0x1F", "0x1F"),
        (".inf", ".inf"),
        ("1.0e400", "1.0e400"),
        ("2026-13-01", "2026-13-01"),
        ("22-11-2026", "22-11-2026"),
        # A leading + is a phone number, read as written with or without spaces.
        ("+441234567890", "+441234567890"),
        ("+44 1234 567890", "+44 1234 567890"),
        ("+17", "+17"),
        ("+2.5", "+2.5"),
        # What an editor means as a number, a yes/no, nothing or a date.
        ("17", 17),
        ("0", 0),
        ("-3", -3),
        ("2.5", 2.5),
        ("1.5e3", 1500.0),
        ("true", True),
        ("false", False),
        ("~", None),
        ("null", None),
        ("", None),
        ("2026-11-22", datetime.date(2026, 11, 22)),
        ("2024-02-29", datetime.date(2024, 2, 29)),
        # Quoted values are always text.
        ('"17"', "17"),
        ("'no'", "no"),
        ('"true"', "true"),
        ('"2026-11-22"', "2026-11-22"),
        ('"01234 567890"', "01234 567890"),
        ('""', ""),
    ],
)
def test_values_read_as_an_editor_means_them(written: str, read: object) -> None:
    value = read_yaml(f"value: {written}\n").data["value"]
    assert value == read
    assert type(value) is type(read)


def test_a_date_that_does_not_exist_stays_text_so_the_check_can_say_so() -> None:
    assert read_yaml("last_reviewed: 2025-02-29\n").data == {"last_reviewed": "2025-02-29"}


def test_the_alias_bomb_is_refused_by_the_error_it_raises() -> None:
    """Refused on the first anchor while reading events: nothing is ever expanded (a billion "lol"s would not fit in memory)."""
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    problem = _problem("\n".join(levels) + "\n")
    assert problem.line == 1
    assert problem.path == ("a0",)
    assert problem.message.startswith("“&a0” is an anchor, which is not allowed; remove it and write the value out in full")


@pytest.mark.parametrize(
    ("text", "line", "path", "start"),
    [
        ("name: &n Caring Dads\nmodel: *n\n", 1, ("name",), "“&n” is an anchor, which is not allowed"),
        ("a: 1\nlist:\n  - *undefined\n", 3, ("list", 0), "“*undefined” is an alias, which is not allowed"),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", 1, ("base",), "“&b” is an anchor"),
        ("model: *Caring Dads*\n", 1, ("model",), "“*Caring” is an alias"),
    ],
)
def test_anchors_and_aliases_are_refused_where_they_are(text: str, line: int, path: tuple, start: str) -> None:
    problem = _problem(text)
    assert (problem.line, problem.path) == (line, path)
    assert problem.message.startswith(start)
    assert "write the value out in full" in problem.message and "put the whole text in quotes" in problem.message


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!python/object:os.system x\n", "!!python/object:os.system"),
        ("a: !!python/object/apply:os.system [ls]\n", "!!python/object/apply:os.system"),
        ("a:\n  b: !!binary aGk=\n", "!!binary"),
        ("a: !!str 12\n", "!!str"),
        ("a: !custom x\n", "!custom"),
    ],
)
def test_tags_are_refused_and_named_as_written(text: str, tag: str) -> None:
    problem = _problem(text)
    assert f"the tag “{tag}” is not allowed" in problem.message
    assert problem.line == text.count("\n")


def test_a_duplicate_key_names_both_lines() -> None:
    problem = _problem("provider:\n  id: a\n  name: x\n  id: b\n")
    assert (problem.line, problem.path) == (4, ("provider", "id"))
    assert problem.message == "the key `id` appears twice here (first on line 2); keep one and delete the other"


@pytest.mark.parametrize("text", ["", "   \n\n", "# only a comment\n# and another\n"])
def test_an_empty_file_says_what_it_should_hold(text: str) -> None:
    problem = _problem(text)
    assert problem.line == 1
    assert problem.message.startswith("the file is empty; it should hold a provider's record")


def test_two_documents_are_refused_at_the_second() -> None:
    problem = _problem("a: 1\n---\nb: 2\n")
    assert problem.line == 2
    assert "more than one YAML document" in problem.message


@pytest.mark.parametrize(
    ("text", "line", "path", "words"),
    [
        ('a: 1\nb: "never closed\nc: 3\n', 2, ("b",), "closing quote is missing"),
        ("a: 1\nb: 'never closed\nc: 3\n", 2, ("b",), "closing quote is missing"),
        ('a: "x"\nb: "never closed\nc: 3\nd: "y"\ne: 5\n', 2, ("b",), "closing quote is missing"),
        ("a:\n  b: 1\n   c: 2\n", 3, ("a", "c"), "indented further than the line above"),
        # Between the levels of a and b, c is taken to be in a, as the line above it is.
        ("a:\n    b: 1\n  c: 2\n", 3, ("a", "c"), "not lined up"),
        # The first line of a block sets its indentation: when it is the odd one, it is the line to fix.
        ("p:\n  n:\n     en: x\n    nl: y\n", 3, ("p", "n", "en"), "not lined up"),
        ("p:\n  l:\n     - id: a\n      m: 1\n", 3, ("p", "l", 0, "id"), "not lined up"),
        # An item out of line is still the next item of its list, and a key out of line is in its item.
        ("p:\n  l:\n    - id: a\n      m: 1\n   - id: b\n      m: 2\n", 5, ("p", "l", 1, "id"), "not lined up"),
        ("p:\n  l:\n    - id: a\n      m: 1\n    - id: b\n     m: 2\n", 6, ("p", "l", 1, "m"), "not lined up"),
        (" p:\n  n: 1\nq: 2\n", 1, ("p",), "starts the record but is indented"),
        ("p:\n  short_name:Example\n  n: 1\n", 2, ("p", "short_name"), "no space after the colon of “short_name:”; write “short_name: Example”"),
        ("a:\n\tb: 1\n", 2, ("a", "b"), "tab character"),
        # The tab is taken as wide as makes the file readable: two spaces here, four below.
        ("p:\n  n:\n    en: x\n\ts: y\n", 4, ("p", "s"), "tab character"),
        ("p:\n  - n:\n      en: x\n\tm: y\n", 4, ("p", 0, "m"), "tab character"),
        ("a: 1\nb: x\x07y\n", 2, ("b",), "invisible control character (U+0007)"),
        ("a: 1\nb: * not a bullet\n", 2, ("b",), "starts with * or &"),
        ("a: 1\nb: @home\n", 2, ("b",), "put the whole text in quotes"),
        ("a: 1\nb: Note: this\n", 2, ("b",), "put the whole text in quotes"),
        ("a: 1\nb: [open list\nc: 2\n", 2, ("b",), "never closed"),
        ('a: "bad \\q escape"\n', 1, ("a",), "backslash"),
        ("a:\n  b: 1\n  c\n  d: 2\n", 3, ("a",), "is not “key: value”"),
        ("p:\n- id: x\n  n: 1\n- id: y\n  m: Note: z\n", 5, ("p", 1, "m"), "put the whole text in quotes"),
        ("p:\n  - d:\n      - en: >-\n          Note: text may hold this\n        nl: Bad: x\n", 5, ("p", 0, "d", 0, "nl"), "put the whole text in quotes"),
    ],
)
def test_broken_yaml_names_the_line_and_field_to_fix(text: str, line: int, path: tuple, words: str) -> None:
    problem = _problem(text)
    assert problem.line == line, problem.message
    assert problem.path == path
    assert words in problem.message
    assert "<block" not in problem.message and "scalar" not in problem.message  # no PyYAML jargon


def test_an_apostrophe_inside_folded_text_is_not_taken_for_an_unclosed_quote() -> None:
    text = "about:\n  nl: >-\n    Wij werken\n    's avonds.\nwrong\n"
    problem = _problem(text)
    assert "closing quote" not in problem.message
    assert problem.line == 5


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    problem = _problem("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "nested far too deeply" in problem.message


def test_a_complex_key_is_refused() -> None:
    problem = _problem("? [a, b]\n: c\n")
    assert "a key must be a plain word" in problem.message


def _with(tmp_path: Path, old: str, new: str, encoding: str = "utf-8", bom: bool = False) -> Path:
    text = BASE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "record.yaml"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.replace(old, new).encode(encoding))
    return path


def test_load_file_reads_the_base_record(tmp_path: Path) -> None:
    item, problems = load_file(_with(tmp_path, "", ""), "services/record.yaml")
    assert problems == []
    assert item is not None
    assert item.record.last_reviewed == datetime.date(2026, 11, 1)
    assert item.record.provider.contacts[0].phone == "01234 567890"
    assert item.document.line_of(("programmes", 0, "format", "sessions")) == 36


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    item, problems = load_file(_with(tmp_path, "", "", bom=True), "services/record.yaml")
    assert problems == [] and item is not None


@pytest.mark.parametrize(("written", "meant"), [("yes", True), ("no", False), ("true", True), ("false", False)])
def test_yes_and_no_where_true_or_false_is_expected_mean_true_and_false(tmp_path: Path, written: str, meant: bool) -> None:
    """In a true/false field an editor writing yes or no means yes or no; everywhere else they are text."""
    item, problems = load_file(_with(tmp_path, "voluntary: true", f"voluntary: {written}"), "services/record.yaml")
    assert problems == []
    assert item is not None and item.record.programmes[0].format.voluntary is meant


def test_no_where_text_is_expected_is_the_word(tmp_path: Path) -> None:
    item, problems = load_file(_with(tmp_path, "publisher: Example Family Service", "publisher: no"), "services/record.yaml")
    assert problems == []
    assert item is not None and item.record.sources[0].publisher == "no"


def test_a_quoted_number_where_a_number_is_expected_is_still_the_number(tmp_path: Path) -> None:
    item, problems = load_file(_with(tmp_path, "sessions: 17", 'sessions: "17"'), "services/record.yaml")
    assert problems == []
    assert item is not None and item.record.programmes[0].format.sessions == 17


def test_a_file_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    item, problems = load_file(_with(tmp_path, "nl: Voorbeeld Gezinsdienst", "nl: Voorbeeld Café", encoding="latin-1"), "services/record.yaml")
    assert item is None
    assert [(p.line, p.message) for p in problems] == [(6, "the file is not saved as UTF-8 text; save it again as UTF-8 in your editor")]


@pytest.mark.parametrize("text", ["just a sentence\n", "- a\n- b\n", "42\n"])
def test_a_file_that_is_not_a_record(tmp_path: Path, text: str) -> None:
    path = tmp_path / "record.yaml"
    path.write_text(text, encoding="utf-8")
    item, problems = load_file(path, "services/record.yaml")
    assert item is None
    assert len(problems) == 1 and "should hold the fields provider:, programmes:, sources: and last_reviewed:" in problems[0].message


def test_a_key_with_a_line_break_stays_on_one_problem_line(tmp_path: Path) -> None:
    path = tmp_path / "record.yaml"
    path.write_text('"sour\\nces": 1\n"tab\\there": 2\n"tab\\there": 3\n', encoding="utf-8")
    item, problems = load_file(path, "services/record.yaml")
    assert item is None
    assert [str(p) for p in problems] == ["services/record.yaml:3: tab\\u0009here: the key `tab\\u0009here` appears twice here (first on line 2); keep one and delete the other"]
    path.write_text('"sour\\nces": 1\n', encoding="utf-8")
    _, problems = load_file(path, "services/record.yaml")
    assert "services/record.yaml:1: sour\\u000aces: `sour\\u000aces` is not a field here; did you mean `sources`?" in [str(p) for p in problems]


def _content_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), start=1) if line.strip() and not line.lstrip().startswith("#")]


@pytest.mark.parametrize("shift", [1, -1])
def test_a_line_one_space_off_is_named_with_its_own_field(tmp_path: Path, shift: int) -> None:
    """Every line of the base record moved one space: where that breaks the file, the problem names that line and its field."""
    base = BASE.read_text(encoding="utf-8")
    lines = base.splitlines()
    checked = 0
    for number in _content_lines(base)[1:]:  # the comment is line 1; every other line, the first key included
        line = lines[number - 1]
        if shift < 0 and not line.startswith(" "):
            continue
        moved = " " + line if shift > 0 else line[1:]
        path = tmp_path / "record.yaml"
        path.write_text("\n".join(lines[: number - 1] + [moved] + lines[number:]) + "\n", encoding="utf-8")
        _, problems = load_file(path, "services/record.yaml")
        if not problems:
            continue  # YAML still reads it as meant (a list indented one more, say)
        checked += 1
        field = field_path(field_at_line(base, number))
        assert [(p.line, p.field) for p in problems][:1] == [(number, field)], (number, moved, [str(p) for p in problems])
    assert checked > 40


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """The longest line is named: that is where a paste gone wrong is."""
    text = BASE.read_text(encoding="utf-8").replace("nl: Een voorbeeldaanbieder voor de tests.", "nl: " + "Lang. " * 100_000)
    path = tmp_path / "record.yaml"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > MAX_FILE_BYTES
    item, problems = load_file(path, "services/record.yaml")
    assert item is None
    assert [str(p) for p in problems] == [
        "services/record.yaml:11: the file is 602 kB, more than the 500 kB a provider file may hold; "
        "its longest line is this one (600,008 characters): look for a text pasted in by mistake and shorten it"
    ]


def test_a_utf16_file_with_a_byte_order_mark_is_not_utf8_either(tmp_path: Path) -> None:
    path = tmp_path / "record.yaml"
    path.write_bytes(BASE.read_text(encoding="utf-8").encode("utf-16"))
    item, problems = load_file(path, "services/record.yaml")
    assert item is None
    assert [(p.line, p.message) for p in problems] == [(1, "the file is not saved as UTF-8 text but as UTF-16 (which some editors call “Unicode”); save it again as UTF-8 in your editor")]


def test_two_merge_conflicts_are_two_problems(tmp_path: Path) -> None:
    text = BASE.read_text(encoding="utf-8")
    text = text.replace("  short_name: Example\n", "<<<<<<< HEAD\n  short_name: Example\n=======\n  short_name: Ex\n>>>>>>> main\n")
    text = text.replace("      voluntary: true\n", "<<<<<<< HEAD\n      voluntary: true\n=======\n>>>>>>> main\n")
    path = tmp_path / "record.yaml"
    path.write_text(text, encoding="utf-8")
    _, problems = load_file(path, "services/record.yaml")
    assert [(p.line, p.field) for p in problems] == [(7, "provider.short_name"), (47, "programmes[0].format.voluntary")]
    assert "the version from “HEAD” is on line 48, the version from “main” empty" in problems[1].message


def test_the_first_line_of_a_group_moved_out_to_its_key_is_named_inside_it(tmp_path: Path) -> None:
    """`en:` written under `name:` at name's own column: YAML stops on the `nl:` below it, but `en:` is the line to fix."""
    path = _with(tmp_path, "    name:\n      en: Caring Dads\n", "    name:\n    en: Caring Dads\n")
    _, problems = load_file(path, "services/record.yaml")
    assert [str(p) for p in problems] == [
        "services/record.yaml:24: programmes[0].name.en: this line is not lined up with the lines around it; indent it with the same number of spaces as the other keys at its level"
    ]


def test_a_value_with_a_line_break_stays_on_the_problem_s_one_line(tmp_path: Path) -> None:
    record = (HERE / "bad_records" / "base.yaml").read_text(encoding="utf-8")
    (tmp_path / "base.yaml").write_text(record.replace("email: team@example.org", 'email: "team\\r@example.org"'), encoding="utf-8")
    _, problems = load_file(tmp_path / "base.yaml", "services/base.yaml")
    assert problems and all("\r" not in str(p) and "\n" not in str(p) for p in problems)
    assert any("team\\u000d@example.org" in p.message for p in problems)


def test_a_line_broken_back_to_the_first_column_still_gets_a_field() -> None:
    """A key line broken into the first column leaves no level above to place the next line at; it stands where it is."""
    text = "provider:\n  contacts:\n    - id: team\n      note:\n        en: We answer.\n        \nnl: We antwoorden.\n    - id: lead\n"
    assert field_at_line(text, 8) == (0, "id")
