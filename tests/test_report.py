"""The editors' data report: unknown facts, reviews due, translations and sources, with file and line."""

from __future__ import annotations

import datetime
from pathlib import Path

from generator.pages.report import editor_report

from .conftest import ROOT, TODAY, fixture_files


def _line_of(file: str, text: str, after: int = 0) -> int:
    lines = (ROOT / "tests" / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if i > after and text in line)


def test_unknown_facts_name_file_line_and_field() -> None:
    files = list(fixture_files())
    entries = [str(e) for e in editor_report(files, [], TODAY, None).unknown]
    contacts = _line_of("fixtures/services/example.yaml", "- id: lead")
    email = _line_of("fixtures/services/example.yaml", "email: unknown", after=contacts)
    assert f"fixtures/services/example.yaml:{email}: provider.contacts[lead].email: not published in the sources; ask the provider and fill it in" in entries
    assert any(e.startswith("fixtures/services/only-route.yaml:") and ".email:" in e for e in entries)


def test_reviews_due_are_listed_before_and_after_the_date() -> None:
    files = list(fixture_files())
    [reviewed] = {item.record.last_reviewed for item in files if item.path.endswith("wales.yaml")}
    due = reviewed.replace(year=reviewed.year + 1)
    soon = [str(e) for e in editor_report(files, [], due - datetime.timedelta(days=30), None).reviews if "wales.yaml" in str(e)]
    late = [str(e) for e in editor_report(files, [], due + datetime.timedelta(days=30), None).reviews if "wales.yaml" in str(e)]
    assert soon == [f"fixtures/services/wales.yaml:{_line_of('fixtures/services/wales.yaml', 'last_reviewed:')}: last_reviewed: review due by {due}"]
    assert len(late) == 1 and f"review overdue since {due}" in late[0]
    assert [e for e in editor_report(files, [], reviewed, None).reviews if "wales.yaml" in str(e)] == []


def test_a_cited_document_missing_from_the_folder_of_source_documents_is_listed(tmp_path: Path) -> None:
    files = list(fixture_files())
    cited = sorted(source.document for item in files for source in item.record.sources if source.document)
    assert cited == ["example-leaflet.txt", "example.txt", "only-route.txt", "riverside.txt", "voorbeeld.txt", "wales.txt"]
    for present in ("example-leaflet.txt", "example.txt", "riverside.txt", "voorbeeld.txt", "wales.txt"):
        (tmp_path / present).write_text("the leaflet\n", encoding="utf-8")
    listed = [str(entry) for entry in editor_report(files, [], TODAY, tmp_path).sources if "folder of source documents" in str(entry)]
    assert listed == [f"{files[1].path}:{_line_of(files[1].path, 'document: only-route.txt')}: sources[council-guide].document: the document only-route.txt is not in the folder of source documents"]
    unchecked = editor_report(files, [], TODAY, None).sources
    assert not any("folder of source documents" in str(entry) for entry in unchecked)
