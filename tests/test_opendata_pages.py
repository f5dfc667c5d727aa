"""The built site publishes every open-data form in both languages, and the open-data pages explain each."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from generator.languages import LANGUAGE_ROOTS
from generator.pages.opendata import hsds

FILES = ["hsds/index.json", "hsds/openapi.json", "data/programmes.csv", "data/datapackage.json", "data/programmes.json"]


def linked_files(site: Path, page: str, lang: str) -> dict[str, Path]:
    """Every file an open-data-style page links to within the site, by the link's last path parts."""
    html = (site / LANGUAGE_ROOTS[lang] / page).read_text(encoding="utf-8")
    base = "/" + LANGUAGE_ROOTS[lang] + page.removesuffix("index.html")
    found = {}
    for url in re.findall(r'href="([^"#]+\.(?:json|csv))"', html):
        target = site / urlparse(urljoin(base, url)).path.lstrip("/")
        found[target.relative_to(site / LANGUAGE_ROOTS[lang]).as_posix()] = target
    return found


@pytest.mark.parametrize("lang", list(LANGUAGE_ROOTS))
def test_the_open_data_page_links_to_every_form_and_each_link_works(site: Path, lang: str) -> None:
    links = linked_files(site, "open-data/index.html", lang)
    assert set(FILES) <= set(links)
    for name in FILES:
        assert links[name].is_file(), name
        if name.endswith(".json"):
            assert json.loads(links[name].read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", list(LANGUAGE_ROOTS))
def test_the_open_data_page_explains_status_attributes_the_uk_profile_and_gives_a_working_example(site: Path, lang: str) -> None:
    """The page is the real one; its example names a real programme, so it is checked to be where the site serves that programme."""
    html = (site / LANGUAGE_ROOTS[lang] / "open-data" / "index.html").read_text(encoding="utf-8")
    for anchor in ("hsds", "hsds-attributes", "uk-profile", "json-ld", "csv"):
        assert f'id="{anchor}"' in html, anchor
    for field in hsds.UK_PROFILE_DROPS:
        assert f"<code>{field}</code>" in html, field
    for status in ("active", "inactive", "defunct", "directory-status/unknown"):
        assert f"<code>{status}</code>" in html
    assert "CC BY 4.0" in html and str(hsds.NAMESPACE) in html
    services = json.loads((site / LANGUAGE_ROOTS[lang] / "hsds" / "services" / "index.json").read_text(encoding="utf-8"))["contents"]
    codes = {a["taxonomy_term"]["code"].split("/")[0] for path in (site / LANGUAGE_ROOTS[lang] / "hsds" / "services").glob("*/index.json") for a in json.loads(path.read_text())["attributes"]}
    assert codes and services
    for code in codes:
        assert f"<code>{code}" in html, code
    example = re.search(r"curl &quot;\$SITE/((?:nl/)?hsds/services/)([0-9a-f-]{36})(/index\.json)&quot;", html)
    assert example and example.group(2) == hsds.hsds_id("service", "hacro-caring-dads"), "the example is HACRO's Caring Dads"
    fixture_programme = example.group(1) + hsds.hsds_id("service", "example-group") + example.group(3)
    assert (site / fixture_programme).is_file(), "the example's address is where the site serves a programme"


@pytest.mark.parametrize("lang", list(LANGUAGE_ROOTS))
def test_the_all_programmes_page_links_to_the_csv(site: Path, lang: str) -> None:
    links = linked_files(site, "programmes/index.html", lang)
    assert links["data/programmes.csv"].is_file()


def test_each_language_has_its_snapshot_with_the_same_ids(site: Path) -> None:
    programmes = sorted(p.parent.name for p in (site / "programmes").glob("*/index.html"))
    ids = {}
    for lang in LANGUAGE_ROOTS:
        folder = site / LANGUAGE_ROOTS[lang] / "hsds" / "services"
        page = json.loads((folder / "index.json").read_text(encoding="utf-8"))
        ids[lang] = sorted(s["id"] for s in page["contents"])
        assert ids[lang] == sorted(p.parent.name for p in folder.glob("*/index.json"))
        assert sorted(s["url"].rstrip("/").rsplit("/", 1)[-1] for s in page["contents"]) == programmes
    assert ids["en"] == ids["nl"] and len(ids["en"]) == len(programmes) > 3


def test_the_built_csv_is_plain_utf_8_with_its_header_first(site: Path) -> None:
    raw = (site / "data" / "programmes.csv").read_bytes()
    assert raw.startswith(b"id,language,")
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    programmes = len(list((site / "programmes").glob("*/index.html")))
    assert len(table) == 2 * programmes > 0
    assert (site / "nl" / "data" / "programmes.csv").read_bytes() == raw
