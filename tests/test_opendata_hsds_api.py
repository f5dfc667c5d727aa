"""The HSDS snapshot as a generic client reads it: every endpoint at its own path on a host that behaves as GitHub Pages does.

The Open Referral UK validator cannot run here, so its basic checks are
reimplemented: each endpoint answers 200 with JSON, each list is a valid Page
whose items are the ones its /{id} endpoints give, every id is a UUID, and every
answer is valid against the official HSDS 3.0 schema (strict, as the
specification's CI checks).
"""

from __future__ import annotations

import json
import subprocess
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from compiletojsonschema.compiletojsonschema import CompileToJsonSchema
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.core.result import Ok

from generator.build import finish_page
from generator.formats import api_json_text, json_text
from generator.pages.opendata.openapi import SCHEMAS

from .opendata_fixtures import BASE_URL
from .static_host import serve_like_github_pages
from .test_opendata_hsds import STANDARDS, TOOLS, strict_schema

LISTS = {
    "services": ("compiled/service_list.json", "compiled/service.json"),
    "taxonomies": ("taxonomy.json", "taxonomy.json"),
    "taxonomy_terms": ("taxonomy_term.json", "taxonomy_term.json"),
    "service_at_locations": ("compiled/service_at_location.json", "compiled/service_at_location.json"),
    "organizations": ("compiled/organization.json", "compiled/organization.json"),
}
"""Each list endpoint Open Referral UK requires, with the official schema of a list item and of its /{id} answer."""


def get(url: str) -> tuple[int, str, Any]:
    """What a plain HTTP client gets: the status after redirects, the content type and the body parsed as JSON."""
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.headers.get_content_type(), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), None


def test_the_local_host_answers_as_github_pages_does(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "index.json").write_text("{}")
    (tmp_path / "page.html").write_text("{}")
    (tmp_path / "plain").write_text("{}")
    with serve_like_github_pages(tmp_path) as address:
        assert get(f"{address}/folder/index.json")[:2] == (200, "application/json")
        assert get(f"{address}/folder")[0] == get(f"{address}/folder/")[0] == 404  # no index.html, no listing
        assert get(f"{address}/page")[:2] == (200, "text/html")
        assert get(f"{address}/plain")[:2] == (200, "application/octet-stream")
        assert get(f"{address}/missing")[0] == 404


def test_an_answer_is_the_same_json_with_no_markup_and_finishing_the_pages_leaves_it_alone() -> None:
    data = {"name": "Dads </script><b>&amp;</b>", "nested": ["<", ">", "&"]}
    text = api_json_text(data)
    assert json.loads(text) == data and not {"<", ">", "&"} & set(text)
    for path in ("hsds/index.html", "nl/hsds/services/index.html"):
        assert finish_page(path, text, {}) == text
    page = "<!doctype html><html><head><title>X</title></head><body></body></html>"
    assert "Content-Security-Policy" in finish_page("nl/open-data/index.html", page, {}), "a page is still finished"


@pytest.fixture(scope="module")
def answers(site: Path) -> Iterator[dict[str, dict[str, Any]]]:
    """Every endpoint of each language's snapshot as a client reads it, by language and then by the endpoint's path (e.g. /services/{id})."""
    found: dict[str, dict[str, Any]] = {}
    with serve_like_github_pages(site) as address:
        for lang, base in (("en", f"{address}/hsds"), ("nl", f"{address}/nl/hsds")):
            read = found.setdefault(lang, {})

            def fetch(path: str) -> Any:
                status, kind, data = get(base + path)
                assert (status, kind) == (200, "text/html"), f"{base}{path} gives {status} {kind}"
                assert get(base + path.rstrip("/") + "/index.json")[1:] == ("application/json", data)
                read[path] = data
                return data

            fetch("/")
            for name in LISTS:
                for item in fetch(f"/{name}")["contents"]:
                    fetch(f"/{name}/{item['id']}")
    yield found


def check(schema: Path, documents: list[Any], folder: Path) -> None:
    """check-jsonschema on every document, each in a file of its own."""
    assert documents
    paths = []
    for n, document in enumerate(documents):
        paths.append(folder / f"{schema.stem}-{n}.json")
        paths[-1].write_text(json_text(document), encoding="utf-8")
    result = subprocess.run([str(TOOLS / "check-jsonschema"), "--schemafile", str(schema), *map(str, paths)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_every_endpoint_answers_at_its_own_path_with_valid_hsds_3(answers: dict[str, dict[str, Any]], tmp_path: Path) -> None:
    schemas: dict[str, Path] = {}
    for item_schema, one_schema in LISTS.values():
        for name in (item_schema, one_schema):
            if name not in schemas:
                schemas[name] = strict_schema(STANDARDS / "hsds-3.0" / "schema" / name, tmp_path / name.replace("/", "-"))
    for lang, read in answers.items():
        root = read["/"]
        assert root["version"] == "3.0" and root["openapi_url"] == BASE_URL + ("nl/" if lang == "nl" else "") + "hsds/openapi.json"
        for name, (item_schema, one_schema) in LISTS.items():
            listed = read[f"/{name}"]
            contents = listed["contents"]
            assert contents, f"/{name} is empty: the checks below would check nothing"
            assert (listed["total_items"], listed["size"], listed["total_pages"], listed["page_number"]) == (len(contents), len(contents), 1, 1)
            assert (listed["first_page"], listed["last_page"], listed["empty"]) == (True, True, False)
            ids = [item["id"] for item in contents]
            assert len(set(ids)) == len(ids) and all(uuid.UUID(i) for i in ids)
            assert all(read[f"/{name}/{i}"]["id"] == i for i in ids)
            folder = tmp_path / lang / name
            folder.mkdir(parents=True)
            check(schemas[item_schema], contents, folder)
            check(schemas[one_schema], [read[f"/{name}/{i}"] for i in ids], folder)


@pytest.mark.slow
def test_every_attribute_names_a_term_and_a_taxonomy_that_endpoints_serve(answers: dict[str, dict[str, Any]]) -> None:
    for lang, read in answers.items():
        services = [read[f"/services/{s['id']}"] for s in read["/services"]["contents"]]
        attributes = [a for s in services for a in s["attributes"] + [a for area in s["service_areas"] for a in area["attributes"]]]
        assert len(attributes) > 20
        for attribute in attributes:
            assert read[f"/taxonomy_terms/{attribute['taxonomy_term_id']}"] == attribute["taxonomy_term"]
        terms = read["/taxonomy_terms"]["contents"]
        assert {a["taxonomy_term_id"] for a in attributes} == {t["id"] for t in terms}
        assert len({t["term_uri"] for t in terms}) == len(terms)
        assert all(f"/taxonomies/{t['taxonomy_id']}" in read for t in terms)
        assert all(t["language"] == lang for t in terms)


@pytest.mark.slow
def test_every_service_points_at_an_organization_that_lists_it(answers: dict[str, dict[str, Any]]) -> None:
    for read in answers.values():
        services = read["/services"]["contents"]
        assert services
        for service in services:
            listed = read[f"/organizations/{service['organization_id']}"]["services"]
            assert [s["id"] for s in listed].count(service["id"]) == 1
        assert sum(len(read[f"/organizations/{o['id']}"]["services"]) for o in read["/organizations"]["contents"]) == len(services)


@pytest.mark.slow
def test_venues_are_locations_and_areas_carry_their_official_codes(answers: dict[str, dict[str, Any]]) -> None:
    read = answers["en"]
    links = read["/service_at_locations"]["contents"]
    assert [link["location"]["name"] for link in links] == ["Example Town Hall"]
    assert links[0]["location"]["description"] == "Address: 1 High Street, Exampleton"
    assert read[f"/services/{links[0]['service_id']}"]["service_at_locations"] == links
    areas = {area["name"]: area for s in read["/services"]["contents"] for area in read[f"/services/{s['id']}"]["service_areas"]}
    assert areas["Exampleshire"]["uri"] == "http://statistics.data.gov.uk/id/statistical-geography/E10000016"
    assert areas["Exampleshire"]["attributes"][0]["value"] == "E10000016"
    dutch = next(area for area in areas.values() if area["attributes"][0]["taxonomy_term"]["code"] == "area-code/cbs")
    assert "uri" not in dutch and dutch["attributes"][0]["value"] in {"NL", "PV27"}


@pytest.mark.slow
def test_the_openapi_description_offers_only_what_the_snapshot_answers(site: Path, answers: dict[str, dict[str, Any]]) -> None:
    description = json.loads((site / "hsds" / "openapi.json").read_text(encoding="utf-8"))
    assert description["servers"] == [{"url": BASE_URL + "hsds"}]
    read = answers["en"]
    for path, item in description["paths"].items():
        operations = [op for method, op in item.items() if method != "parameters"]
        assert all("parameters" not in op for op in operations), f"{path} declares query parameters the snapshot ignores"
        assert [p["in"] for p in item.get("parameters", [])] in ([], ["path"])
        name = path.removesuffix("/{id}")
        assert name in read or any(key.startswith(name + "/") for key in read), path
    assert set(description["paths"]) == {"/"} | {f"/{name}" for name in LISTS} | {f"/{name}/{{id}}" for name in LISTS}


def _offline(data: Any) -> Any:
    """The OpenAPI description with each official schema it names by address put in its place, from the copies in tests/standards."""
    if isinstance(data, list):
        return [_offline(item) for item in data]
    if not isinstance(data, dict):
        return data
    reference = data.get("$ref", "")
    if reference.startswith(SCHEMAS):
        return CompileToJsonSchema(input_filename=str(STANDARDS / "hsds-3.0" / "schema" / reference.removeprefix(SCHEMAS))).get()
    return {key: _offline(value) for key, value in data.items()}


@pytest.mark.slow
def test_schemathesis_finds_every_endpoint_as_its_openapi_description_says(site: Path) -> None:
    """Schemathesis on the English snapshot's own OpenAPI description: documented status codes and content types, examples first.

    Run by hand, as its pytest plugin does not run under this pytest. It checks
    a body against its schema only for a JSON content type, so the bodies are
    checked against the official schemas by the tests above.
    """
    description = _offline(json.loads((site / "hsds" / "openapi.json").read_text(encoding="utf-8")))
    with serve_like_github_pages(site) as address:
        description["servers"] = [{"url": f"{address}/hsds"}]
        results = list(schemathesis.openapi.from_dict(description).get_all_operations())
        operations = [result.ok() for result in results if isinstance(result, Ok)]
        assert len(operations) == len(results), "an operation of the description is invalid"
        assert len(operations) == 1 + 2 * len(LISTS)
        for operation in operations:
            strategies = [operation.as_strategy(), *operation.get_strategies_from_examples()]
            calls = []

            @given(case=st.one_of(strategies))
            @settings(max_examples=12, deadline=None, database=None, suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
            def call(case: Any) -> None:
                calls.append(case.call_and_validate(base_url=f"{address}/hsds").status_code)

            call()
            assert 200 in calls, f"{operation.label} never answered"
