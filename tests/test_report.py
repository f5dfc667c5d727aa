"""The editors' data report: unknown facts, reviews due, translations and sources, with file and line."""

from __future__ import annotations

import datetime
from pathlib import Path

from generator.build import check, report
from generator.pages.report import Entry, ReportView, editor_report, report_parts

from .conftest import ROOT, TODAY, fixture_files


def _line_of(file: str, text: str, after: int = 0) -> int:
    lines = (ROOT / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if i > after and text in line)


def test_unknown_facts_name_file_line_and_field() -> None:
    files, _ = check(ROOT, TODAY)
    entries = [str(e) for e in report(ROOT, files, TODAY).unknown]
    route = _line_of("services/hacro.yaml", "referral_routes:")
    address = _line_of("services/hacro.yaml", "address: unknown", after=route)
    assert f"services/hacro.yaml:{address}: programmes[hacro-caring-dads].referral_routes[0].channel.address: not published in the sources; ask the provider and fill it in" in entries
    assert any(e.startswith("services/wiltshire.yaml:") and ".email:" in e for e in entries)


def test_reviews_due_are_listed_before_and_after_the_date() -> None:
    files, _ = check(ROOT, TODAY)
    soon = report(ROOT, files, datetime.date(2027, 10, 1)).reviews
    late = report(ROOT, files, datetime.date(2028, 1, 1)).reviews
    assert len(soon) == len(files) and all("review due by 2027-11-22" in str(e) for e in soon)
    assert all("review overdue since 2027-11-22" in str(e) for e in late)
    assert report(ROOT, files, TODAY).reviews == []


def test_editors_page_is_built_in_both_languages(site: Path) -> None:
    english = (site / "editors" / "index.html").read_text(encoding="utf-8")
    dutch = (site / "nl" / "editors" / "index.html").read_text(encoding="utf-8")
    assert "Facts recorded as unknown" in english and "services/example.yaml:" in english
    assert "Feiten die als onbekend zijn vastgelegd" in dutch and "niet gepubliceerd in de bronnen" in dutch


def test_a_long_report_goes_on_over_pages_of_at_most_the_given_size():
    entries = [Entry("services/x.yaml", line, "field", "m") for line in range(1, 8)]
    parts = report_parts(ReportView(unknown=entries, reviews=entries[:2]), size=3)
    assert [part.path for part in parts] == ["editors.md", "editors/2.md", "editors/3.md"]
    assert all(sum(len(e) for _, e in part.sections) <= 3 for part in parts)
    # Every entry once, in the report's order; empty sections stay, saying there is nothing to do.
    flat = [(title, entry.line) for part in parts for title, section in part.sections for entry in section]
    assert flat == [(title, entry.line) for title, section in ReportView(unknown=entries, reviews=entries[:2]).sections() for entry in section]
    assert ("Translations to check", []) in parts[0].sections
    assert parts[0].part_paths == [part.path for part in parts]


def test_a_cited_document_missing_from_the_folder_of_source_documents_is_listed(tmp_path: Path) -> None:
    files = list(fixture_files())
    cited = sorted(source.document for item in files for source in item.record.sources if source.document)
    assert cited == ["example.txt", "only-route.txt", "voorbeeld.txt", "wales.txt"]
    for present in ("example.txt", "voorbeeld.txt", "wales.txt"):
        (tmp_path / present).write_text("the leaflet\n", encoding="utf-8")
    listed = [str(entry) for entry in editor_report(files, [], TODAY, tmp_path).sources if "folder of source documents" in str(entry)]
    assert listed == [f"{files[1].path}:151: sources[council-guide].document: the document only-route.txt is not in the folder of source documents"]
    unchecked = editor_report(files, [], TODAY, None).sources
    assert not any("folder of source documents" in str(entry) for entry in unchecked)
