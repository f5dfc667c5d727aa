"""Rules across records: unique ids, links between records, review dates; with what the rules within each record found when it was loaded."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.problem import FieldPath, Problem, field_path
from generator.records.load import LoadedFile
from generator.records.record_checks import unknown_id
from generator.records.spelling import spelling_problems

REVIEW_WARN_DAYS = 365
REVIEW_FAIL_DAYS = 730


def _problem(item: LoadedFile, path: FieldPath, message: str, severity: str = "error") -> Problem:
    return Problem(item.path, item.document.line_of(path), field_path(path), message, severity)  # type: ignore[arg-type]


def _unique_ids(files: list[LoadedFile]) -> Iterator[Problem]:
    """Provider and programme ids name pages, so each may be used once across all files."""
    seen: dict[str, tuple[LoadedFile, FieldPath]] = {}
    for item in files:
        for value, path in item.findings.ids:
            if value in seen:
                first, first_path = seen[value]
                where = f"{first.path}:{first.document.line_of(first_path)}"
                yield _problem(item, path, f"the id “{value}” is already used in {where}; ids must be unique across all files, so give one of them another id")
            else:
                seen[value] = (item, path)


def _alternatives(item: LoadedFile, programme_ids: set[str]) -> Iterator[Problem]:
    """Every programme a record names as an alternative must exist, in this file or another."""
    for value, path in item.findings.alternatives:
        if value not in programme_ids:
            yield _problem(item, path, unknown_id("programme", value, programme_ids))


def _review_dates(item: LoadedFile, today: datetime.date) -> Iterator[Problem]:
    """Facts age: a notice after a year, and after two years a warning, so `check --strict` fails."""
    age = (today - item.record.last_reviewed).days
    if age < 0:
        yield _problem(item, ("last_reviewed",), f"the date {item.record.last_reviewed} lies in the future; write the day the file was last checked")
    elif age > REVIEW_FAIL_DAYS:
        yield _problem(item, ("last_reviewed",), f"the facts were last checked more than two years ago ({item.record.last_reviewed}); check them against the sources and update the date", "warning")
    elif age > REVIEW_WARN_DAYS:
        yield _problem(item, ("last_reviewed",), f"the facts were last checked more than a year ago ({item.record.last_reviewed}); a review is due (after two years `check --strict` fails)", "notice")


def check_records(files: list[LoadedFile], today: datetime.date) -> list[Problem]:
    """Every problem across the loaded records, errors and warnings together."""
    programme_ids = {p.id for item in files for p in item.record.programmes}
    problems = list(_unique_ids(files))
    for item in files:
        problems += (_problem(item, *finding) for finding in item.findings.found)
        problems += _alternatives(item, programme_ids)
        problems += _review_dates(item, today)
    return problems + spelling_problems([(item, item.findings.spelling) for item in files])
