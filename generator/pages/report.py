"""The data report for editors: what is unknown, what is due, what needs a translator.

Printed by `.venv/bin/python -m generator report` and shown on the editors' page of the
site; every entry names the file and line to open.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from generator.pages.i18n import N_
from generator.pages.urls import editors_path
from generator.problem import FieldPath, Problem
from generator.records.checks import REVIEW_WARN_DAYS
from generator.records.load import LoadedFile
from generator.records.model import UNKNOWN
from generator.records.record_paths import id_path, parts

REVIEW_SOON_DAYS = 60
REPORT_PART_SIZE = 400
"""Entries on one page of the editors' report: about 400 bytes each, so a page stays near 200 kB."""


@dataclass(frozen=True)
class Entry:
    """One line of the report: where to look and what to do.

    `message` is an English gettext message with %(name)s placeholders filled
    from `params`, so the editors' page can show it in either language.
    """

    file: str
    line: int
    field: str
    message: str
    params: dict[str, str] = dataclasses.field(default_factory=dict)  # `field` here is the attribute above

    def text(self, gettext: Callable[[str], str] = lambda m: m) -> str:
        """The message in the language of `gettext`."""
        return gettext(self.message) % self.params

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.text()}"


@dataclass(frozen=True)
class ReportView:
    """Every section of the data report, each a list of entries; ReportPart splits it into pages."""

    unknown: list[Entry] = field(default_factory=list)
    reviews: list[Entry] = field(default_factory=list)
    translations: list[Entry] = field(default_factory=list)
    sources: list[Entry] = field(default_factory=list)

    def sections(self) -> list[tuple[str, list[Entry]]]:
        """The sections in the order editors act on them, by their English titles."""
        return [
            (N_("Translations to check"), self.translations),
            (N_("Reviews due"), self.reviews),
            (N_("Sources to check"), self.sources),
            (N_("Facts recorded as unknown"), self.unknown),
        ]


@dataclass(frozen=True)
class ReportPart:
    """One page of the data report, its sections (or their continuation) in order."""

    template: ClassVar[str] = "editors.md.j2"

    number: int
    sections: list[tuple[str, list[Entry]]]
    count: int

    @property
    def path(self) -> str:
        """This page of the report."""
        return editors_path(self.number)

    @property
    def part_paths(self) -> list[str]:
        """Every page of the report, in order."""
        return [editors_path(number) for number in range(1, self.count + 1)]


def report_parts(report: ReportView, size: int = REPORT_PART_SIZE) -> list[ReportPart]:
    """The report in pages of at most `size` entries; a long section goes on over the next page."""
    pages: list[list[tuple[str, list[Entry]]]] = [[]]
    used = 0
    for title, entries in report.sections():
        if not entries:
            pages[-1].append((title, []))
        rest = entries
        while rest:
            if used == size:
                pages.append([])
                used = 0
            taken, rest = rest[: size - used], rest[size - used :]
            pages[-1].append((title, taken))
            used += len(taken)
    return [ReportPart(number, sections, len(pages)) for number, sections in enumerate(pages, start=1)]


def _unknowns(item: LoadedFile) -> Iterator[Entry]:
    for path, value in parts(item.record, str):
        if value == UNKNOWN:
            yield Entry(item.path, item.document.line_of(path), id_path(path, item.record), N_("not published in the sources; ask the provider and fill it in"))


def _review(item: LoadedFile, today: datetime.date) -> Iterator[Entry]:
    due = item.record.last_reviewed + datetime.timedelta(days=REVIEW_WARN_DAYS)
    line = item.document.line_of(("last_reviewed",))
    if due < today:
        yield Entry(item.path, line, "last_reviewed", N_("review overdue since %(date)s: check every fact against the sources, then update the date"), {"date": due.isoformat()})
    elif (due - today).days <= REVIEW_SOON_DAYS:
        yield Entry(item.path, line, "last_reviewed", N_("review due by %(date)s"), {"date": due.isoformat()})


def _sources(item: LoadedFile, folder: Path | None) -> Iterator[Entry]:
    for index, source in enumerate(item.record.sources):
        path: FieldPath = ("sources", index)
        if source.url == UNKNOWN:
            yield Entry(item.path, item.document.line_of(path + ("url",)), f"sources[{source.id}].url", N_("no web address for this source: add it if the provider publishes one"))
        if folder is not None and source.document is not None and not (folder / source.document).is_file():
            yield Entry(item.path, item.document.line_of(path + ("document",)), f"sources[{source.id}].document", N_("the document %(document)s is not in the folder of source documents"), {"document": source.document})
    for index, programme in enumerate(item.record.programmes):
        cited = set(programme.sources) | {r.source for r in programme.referral_routes} | ({programme.only_routes.source} if programme.only_routes else set())
        if not cited:
            yield Entry(item.path, item.document.line_of(("programmes", index, "sources")), f"programmes[{programme.id}].sources", N_("this programme names no source"))


def editor_report(files: list[LoadedFile], stale: list[Problem], today: datetime.date, sources: Path | None) -> ReportView:
    """The whole report, from checked records and their translations to check; `sources` is the folder of source documents, if the build was given one."""
    words = N_("one language of this text changed and the other did not: check the translation, then confirm it")
    return ReportView(
        unknown=[entry for item in files for entry in _unknowns(item)],
        reviews=[entry for item in files for entry in _review(item, today)],
        translations=[Entry(p.file, p.line, p.field, words) for p in stale],
        sources=[entry for item in files for entry in _sources(item, sources)],
    )
