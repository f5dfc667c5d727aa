"""The postcode box's data: the ONS Postcode Directory cut into one small file per outward code, and the table of areas beside it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import brotli
import msgpack
import pytest

from generator import build
from generator.build import plan
from generator.pages import urls
from generator.pages.postcodes import RUN_DIGITS, area_table, compact, onspd_rows, outward_files
from generator.records.geography import gss_counties, gss_names

from .conftest import fixture_files


def council_of(entry: dict[str, Any], inward: str) -> str | None:
    """The council an inward code lies in, read from an outward code's file as finder.js reads it ("absent" if the file does not hold it)."""
    units = entry["sectors"].get(inward[0], "")
    if inward[1:] not in [units[i : i + 2] for i in range(0, len(units), 2)]:
        return "absent"
    councils = entry["councils"]
    runs = str(entry.get("runs", ""))
    starts = [runs[i : i + 4] for i in range(0, len(runs), 4)]
    found = [run for run in starts if run[:3] <= inward]
    council: str | None = councils[RUN_DIGITS.index(found[-1][3])] if runs else councils[0]
    return council


def onspd_file(path: Path, postcodes: list[str], councils: list[object]) -> Path:
    """A file laid out as the package's, with these postcodes and council codes."""
    data = {"columns": ["pcd", "laua"], "data": {"pcd": postcodes, "laua": councils}}
    path.write_bytes(brotli.compress(msgpack.packb(data, use_bin_type=True)))
    return path


def test_an_outward_code_in_one_council_is_that_council_alone_with_its_postcodes_by_sector() -> None:
    assert compact({"1EU": "E06000054", "1ET": "E06000054", "2AB": "E06000054"}) == {"councils": ["E06000054"], "sectors": {"1": "ETEU", "2": "AB"}}


def test_every_postcode_of_an_outward_code_across_councils_is_found_in_its_council() -> None:
    inward = {f"{sector}{a}{b}": ("E07000242" if (sector + ord(a) + ord(b)) % 3 else "E07000072") for sector in range(10) for a in "ABD" for b in "AB"}
    entry = compact(inward)
    assert entry["councils"] == ["E07000072", "E07000242"]
    assert len(entry["runs"]) < 4 * len(inward)
    assert {code: council_of(entry, code) for code in inward} == inward


def test_a_postcode_missing_from_the_directory_is_absent_not_given_its_neighbours_council() -> None:
    entry = compact({"1AA": "E07000243", "1AB": "E07000243", "6AF": "E07000099"})
    assert [council_of(entry, code) for code in ("1AZ", "1BA", "6AA", "7ZZ", "BAA")] == ["absent"] * 5
    assert council_of(entry, "1AB") == "E07000243" and council_of(entry, "6AF") == "E07000099"


def test_a_postcode_the_directory_gives_no_council_is_held_with_none() -> None:
    entry = compact({"9AA": None, "1AA": "S12000033", "1AB": "S12000034"})
    assert entry["councils"] == [None, "S12000033", "S12000034"]
    assert [council_of(entry, code) for code in ("1AA", "1AB", "9AA", "9AB")] == ["S12000033", "S12000034", None, "absent"]


def test_more_councils_than_a_run_can_name_is_an_error() -> None:
    with pytest.raises(ValueError, match="37 councils"):
        compact({f"{i // 26}{chr(65 + i % 26)}A": f"E0700{i:04d}" for i in range(37)})


def test_postcodes_are_grouped_by_outward_code_as_the_directory_spells_them() -> None:
    files = outward_files([("M1  1AA", "E08000003"), ("CM210AA", "E07000242"), ("CM219QR", "E07000073"), ("SG1 1FL", "E07000243")])
    assert list(files) == ["CM21", "M1", "SG1"]
    assert council_of(files["CM21"], "0AA") == "E07000242" and council_of(files["CM21"], "9QR") == "E07000073"
    assert council_of(files["CM21"], "0AB") == "absent"
    assert files["M1"] == {"councils": ["E08000003"], "sectors": {"1": "AA"}}


def test_every_postcode_but_northern_irelands_is_read_with_its_uk_council_or_none(tmp_path: Path) -> None:
    file = onspd_file(
        tmp_path / "postcodes_X.msgpack.br",
        ["SN101ET", "GY1 1AA", "IM1 1AA", "BT1 1AA", "AB239AA", "BT589ZZ", "SN101EU"],
        ["E06000054", "L99999999", "M99999999", "N09000003", float("nan"), float("nan"), "E06000054"],
    )
    assert list(onspd_rows([file])) == [("SN101ET", "E06000054"), ("GY1 1AA", None), ("IM1 1AA", None), ("AB239AA", None), ("SN101EU", "E06000054")]


@pytest.fixture(scope="module")
def directory() -> Path:
    """The outward codes' files of the installed ONS Postcode Directory, as every build publishes them (made by the first)."""
    return build.postcode_files()


def read(directory: Path, outward: str) -> dict[str, Any]:
    """One outward code's file."""
    data: dict[str, Any] = json.loads((directory / f"{outward}.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.slow
@pytest.mark.parametrize(
    ("postcode", "council", "county"),
    [
        ("SG1 1FL", "E07000243", "E10000015"),  # Stevenage, in Hertfordshire
        ("CM21 0AA", "E07000242", "E10000015"),  # East Hertfordshire
        ("CV31 1BD", "E07000222", "E10000031"),  # Warwick, in Warwickshire
        ("SN10 1ET", "E06000054", None),  # Wiltshire, its own upper tier
        ("M1 1AA", "E08000003", None),  # Manchester
    ],
)
def test_the_directory_puts_a_postcode_in_its_council_and_county(directory: Path, postcode: str, council: str, county: str | None) -> None:
    outward, inward = postcode.split()
    assert council_of(read(directory, outward), inward) == council
    assert gss_counties().get(council) == county


@pytest.mark.slow
@pytest.mark.parametrize(
    ("postcode", "council"),
    [
        ("SG1 1ZZ", "absent"),  # Stevenage's SG1 1ZY and SG1 1ZZ are not in the directory: once given Stevenage
        ("ME14 1ZZ", "absent"),
        ("M1 1ZZ", "absent"),
        ("SG1 9ZZ", "E07000243"),  # but SG1 9ZZ is, in Stevenage
        ("AB23 9AA", None),  # a non-geographic postcode: in the directory with no council
        ("GY1 1AA", None),  # Guernsey: the directory's pseudo code for the Channel Islands
    ],
)
def test_the_directory_holds_exactly_its_postcodes(directory: Path, postcode: str, council: str | None) -> None:
    outward, inward = postcode.split()
    assert council_of(read(directory, outward), inward) == council


@pytest.mark.slow
def test_every_council_of_the_directory_is_in_the_table_of_areas_and_northern_ireland_is_left_out(directory: Path) -> None:
    outward_codes = {path.stem for path in directory.glob("*.json")}
    assert len(outward_codes) > 2900 and not {code for code in outward_codes if code.startswith("BT")}
    councils = {code for outward in outward_codes for code in read(directory, outward)["councils"]} - {None}
    assert councils <= set(area_table([], "en")["within"])
    assert len(councils) > 300


@pytest.mark.parametrize(("lang", "postcodes"), [("en", "../postcodes/"), ("nl", "../../postcodes/")])
def test_the_table_of_areas_names_counties_nations_and_the_programmes_that_serve_them(lang: str, postcodes: str) -> None:
    _, data = plan(list(fixture_files()))
    table = area_table(data.programmes, lang)
    assert table["postcodes"] == postcodes
    assert table["within"]["E07000110"] == ["E10000016", "E92000001"]  # Maidstone, in Kent, England
    assert table["within"]["E06000054"] == ["E92000001"]
    assert table["names"]["E10000016"] == "Exampleshire"  # the fixture record's name for the area
    assert table["names"]["E08000003"] == gss_names()["E08000003"] == "Manchester"
    assert table["names"]["E92000001"] == {"en": "England", "nl": "Engeland"}[lang]
    kent = {programme["url"] for programme in table["programmes"] if "E10000016" in programme["areas"]}
    assert kent == {"../programmes/example-group/", "../programmes/example-one-to-one/"}
    assert table["dutch"].startswith("Dit is een Nederlandse postcode.")


def test_a_page_finds_the_table_of_areas_at_any_depth() -> None:
    assert urls.data_address(urls.FINDER, urls.POSTCODE_AREAS) == "../data/postcode-areas.json"
    assert urls.data_address(urls.programmes_path(2), urls.POSTCODE_AREAS) == "../../../data/postcode-areas.json"


def test_the_outward_codes_files_are_made_once_per_release_and_older_ones_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = onspd_file(tmp_path / "postcodes_S.msgpack.br", ["SN101ET", "SG1 1FL"], ["E06000054", "E07000243"])
    monkeypatch.setattr(build, "onspd_files", lambda: [file])
    (tmp_path / "cache" / "2025.6.1-0123456789ab").mkdir(parents=True)
    folder = build.postcode_files(tmp_path / "cache")
    assert [path.name for path in (tmp_path / "cache").iterdir()] == [folder.name]  # the older release's files are gone
    assert sorted(path.name for path in folder.iterdir()) == ["SG1.json", "SN10.json"]
    assert json.loads((folder / "SN10.json").read_text(encoding="utf-8")) == {"councils": ["E06000054"], "sectors": {"1": "ET"}}
    monkeypatch.setattr(build, "onspd_files", lambda: pytest.fail("the kept files were made again"))
    assert build.postcode_files(tmp_path / "cache") == folder
