"""Ids name pages: an id may not name a page the generator makes of its own."""

from __future__ import annotations

from collections.abc import Iterator

from generator.pages import urls
from generator.problem import FieldPath, Problem, field_path
from generator.records.load import LoadedFile


def _id_problems(item: LoadedFile) -> Iterator[Problem]:
    places: list[tuple[str, str, FieldPath]] = [(item.record.provider.id, urls.provider_path(item.record.provider.id), ("provider", "id"))]
    places += [(p.id, urls.programme_path(p.id), ("programmes", i, "id")) for i, p in enumerate(item.record.programmes)]
    for value, page, path in places:
        if urls.is_generated_page(page):
            message = f"“{value}” cannot be an id: its page would be {urls.page_url(page, 'en')}, where the site has a page of its own; choose another id"
            yield Problem(item.path, item.document.line_of(path), field_path(path), message)


def id_problems(files: list[LoadedFile]) -> list[Problem]:
    """Every provider or programme id whose page would stand where a generated page does (“index” is the list of all programmes)."""
    return [problem for item in files for problem in _id_problems(item)]
