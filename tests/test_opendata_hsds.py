"""The HSDS 3.0 snapshot: valid against the official schemas (strict, as the specification's CI checks), stable ids, nothing filled in."""

from __future__ import annotations

import dataclasses
import datetime
import json
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any, Iterator

import pytest

from generator.formats import json_text
from generator.pages.opendata import hsds
from generator.records.geography import Jurisdiction
from generator.records.model import Organisation, Referrer, Status
from generator.records.roles import roles_for

from .opendata_fixtures import BASE_URL, dutch_view, fixture_views, with_refusal_without_route, with_status

STANDARDS = Path(__file__).resolve().parent / "standards"
TOOLS = Path(sys.executable).parent


def strict_schema(schema: Path, target: Path) -> Path:
    """The schema with additional properties forbidden everywhere, as the specification's CI makes it."""
    compiled = subprocess.run([str(TOOLS / "compiletojsonschema"), "--set-additional-properties-false-everywhere", str(schema)], capture_output=True, text=True, check=True)
    target.write_text(compiled.stdout, encoding="utf-8")
    return target


def check(schema: Path, documents: list[Any], folder: Path) -> subprocess.CompletedProcess:
    """check-jsonschema on each document, written to a file of its own."""
    assert documents
    paths = []
    for n, document in enumerate(documents):
        paths.append(folder / f"document-{n}.json")
        paths[-1].write_text(json_text(document), encoding="utf-8")
    return subprocess.run([str(TOOLS / "check-jsonschema"), "--schemafile", str(schema), *map(str, paths)], capture_output=True, text=True, check=False)


def views() -> list:
    """Every kind of programme the tests cover: the fixtures, a Dutch one, unknown and ended status, a refusal without a route."""
    base = fixture_views()
    return base + [dutch_view(base[0]), with_status(base[1], "unknown"), with_status(base[0], Status.ended), with_refusal_without_route(base[1], Referrer.health)]


def every_snapshot() -> Iterator[tuple[str, dict[str, Any]]]:
    for lang in ("en", "nl"):
        yield lang, hsds.snapshot(views(), lang, BASE_URL)


def services(snapshot: dict[str, Any]) -> list[dict[str, Any]]:
    found = [data for path, data in snapshot.items() if path.startswith("hsds/services/") and path != "hsds/services/"]
    assert found
    return found


@pytest.fixture(scope="module")
def core_schema(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return strict_schema(STANDARDS / "hsds-3.0" / "schema" / "compiled" / "service.json", tmp_path_factory.mktemp("schema") / "service.json")


@pytest.mark.slow
def test_every_service_is_valid_hsds_3_with_no_property_of_its_own(core_schema: Path, tmp_path: Path) -> None:
    documents = [service for _, snapshot in every_snapshot() for service in services(snapshot)]
    result = check(core_schema, documents, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_every_service_file_of_the_built_site_is_valid_hsds_3(site: Path, core_schema: Path) -> None:
    files = sorted(site.glob("hsds/services/*/index.json")) + sorted(site.glob("nl/hsds/services/*/index.json"))
    assert len(files) >= 8
    result = subprocess.run([str(TOOLS / "check-jsonschema"), "--schemafile", str(core_schema), *map(str, files)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_the_schema_check_catches_a_property_hsds_does_not_have(core_schema: Path, tmp_path: Path) -> None:
    service = services(hsds.snapshot(fixture_views(), "en", BASE_URL))[0]
    service["contacts"][0]["note"] = "not an HSDS field"
    result = check(core_schema, [service], tmp_path)
    assert result.returncode != 0 and "note" in result.stdout + result.stderr


@pytest.mark.slow
def test_the_services_page_is_an_hsds_page_of_valid_list_items(tmp_path: Path) -> None:
    schema = strict_schema(STANDARDS / "hsds-3.0" / "schema" / "compiled" / "service_list.json", tmp_path / "service_list.json")
    for lang, snapshot in every_snapshot():
        page = snapshot["hsds/services/"]
        count = len(views())
        assert page["total_items"] == page["size"] == len(page["contents"]) == count
        assert (page["total_pages"], page["page_number"], page["first_page"], page["last_page"], page["empty"]) == (1, 1, True, True, False)
        result = check(schema, page["contents"], tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        site = BASE_URL + ("nl/" if lang == "nl" else "")
        assert snapshot["hsds/"] == {"version": "3.0", "profile": site + "open-data/#hsds", "openapi_url": site + "hsds/openapi.json"}


def _without(data: Any, path: list[str]) -> None:
    """Take a dotted path out of a service, through lists and nested objects."""
    if isinstance(data, list):
        for item in data:
            _without(item, path)
    elif isinstance(data, dict):
        if len(path) == 1:
            data.pop(path[0], None)
        elif path[0] in data:
            _without(data[path[0]], path[1:])


def _schema_has(schema: dict[str, Any], path: list[str]) -> bool:
    node = schema
    for name in path:
        node = node.get("items", node)
        if name not in node.get("properties", {}):
            return False
        node = node["properties"][name]
    return True


@pytest.mark.slow
def test_uk_services_are_valid_against_the_uk_profile_once_the_fields_it_drops_are_out(tmp_path: Path) -> None:
    schema = strict_schema(STANDARDS / "hsds-uk-profile" / "schema" / "compiled" / "service.json", tmp_path / "uk.json")
    uk = [view for view in views() if view.programme.country.value == "GB"]
    documents = [hsds.service(view, lang, BASE_URL) for view in uk for lang in ("en", "nl")]
    used = set()
    for document in documents:
        for field in hsds.UK_PROFILE_DROPS:
            before = json.dumps(document)
            _without(document, field.split("."))
            if json.dumps(document) != before:
                used.add(field)
    result = check(schema, documents, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert used == set(hsds.UK_PROFILE_DROPS), "a listed field the snapshot never uses: take it off the list"


def test_the_listed_fields_are_in_hsds_3_and_not_in_the_uk_profile() -> None:
    core = json.loads((STANDARDS / "hsds-3.0" / "schema" / "compiled" / "service.json").read_text(encoding="utf-8"))
    uk = json.loads((STANDARDS / "hsds-uk-profile" / "schema" / "compiled" / "service.json").read_text(encoding="utf-8"))
    assert hsds.UK_PROFILE_DROPS
    for field in hsds.UK_PROFILE_DROPS:
        assert _schema_has(core, field.split(".")), field
        assert not _schema_has(uk, field.split(".")), field


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)


def test_ids_are_uuid5_in_the_directory_namespace_unique_and_the_same_in_every_build_and_language() -> None:
    first, again = hsds.snapshot(views(), "en", BASE_URL), hsds.snapshot(views(), "en", BASE_URL)
    dutch = hsds.snapshot(views(), "nl", BASE_URL)
    assert first == again
    assert sorted(s["id"] for s in services(first)) == sorted(s["id"] for s in services(dutch))
    # Only the term naming the text's language differs between the languages' endpoints.
    assert set(first) ^ set(dutch) == {f"hsds/taxonomy_terms/{hsds.hsds_id('taxonomy_term', f'text-language/{lang}')}/" for lang in ("en", "nl")}
    for service in services(first):
        assert uuid.UUID(service["id"]).version == 5
        assert service["id"] == hsds.hsds_id("service", next(v.programme.id for v in views() if hsds.service_id(v) == service["id"]))
        areas = service["service_areas"]
        own = [service["id"]] + [item["id"] for item in service["contacts"] + areas + service["attributes"] + [a for area in areas for a in area["attributes"]]]
        assert len(own) == len(set(own)) > 3
    # hsds_id spells out UUID 5 itself, for speed: the same ids as the standard library's, also for names beyond ASCII.
    for parts in [("service", "hacro-caring-dads"), ("attribute", "hacro-caring-dads", "referral/gp/yes"), ("funding", "x", "Gemeente ’s-Hertogenbosch é ✓"), ("taxonomy", "")]:
        assert hsds.hsds_id(*parts) == str(uuid.uuid5(hsds.NAMESPACE, "/".join(parts)))


def test_unknown_facts_are_left_out_never_filled() -> None:
    base = fixture_views()
    service = hsds.service(base[0], "en", BASE_URL)
    lead = next(c for c in service["contacts"] if c.get("name") == "Alex Example")
    assert "email" not in lead and "phones" not in lead
    team = next(c for c in service["contacts"] if c.get("email"))
    assert team["email"] == "team@service.example.org" and team["phones"][0]["number"] == "01234 567890"
    assert "fees_description" not in service  # cost: unknown
    one_to_one = hsds.service(base[1], "en", BASE_URL)
    assert one_to_one["fees_description"] == "Free."
    assert {a["taxonomy_term"]["code"] for a in one_to_one["attributes"]} >= {"weeks", "hours"}
    assert not {"sessions", "group-size"} & {a["taxonomy_term"]["code"] for a in one_to_one["attributes"]}
    for _, snapshot in every_snapshot():
        strings = list(_strings(snapshot))
        assert strings and "unknown" not in strings and "None" not in strings


def test_status_pilot_runs_ended_is_defunct_and_unknown_is_active_with_an_alert_that_says_so() -> None:
    base = fixture_views()
    assert hsds.service(base[0], "en", BASE_URL)["status"] == "active"
    assert hsds.service(base[1], "en", BASE_URL)["status"] == "active"  # pilot
    assert hsds.service(with_status(base[0], Status.ended), "en", BASE_URL)["status"] == "defunct"
    assert "alert" not in hsds.service(base[0], "en", BASE_URL)
    unknown = hsds.service(with_status(base[1], "unknown"), "en", BASE_URL)
    assert unknown["status"] == "active" and "do not say whether this programme still runs" in unknown["alert"]
    assert "directory-status/unknown" in {a["taxonomy_term"]["code"] for a in unknown["attributes"]}


def test_every_referrer_has_its_answer_as_an_attribute_and_the_routes_go_in_the_hsds_fields() -> None:
    base = fixture_views()
    service = hsds.service(base[0], "en", BASE_URL)
    answers = {a["taxonomy_term"]["code"] for a in service["attributes"] if a["taxonomy_term"]["code"].startswith("referral/")}
    assert answers == {f"referral/{e.referrer.value}/{e.verdict}" for e in base[0].routes} and len(answers) == len(roles_for([Jurisdiction.ENG]))
    assert {"referral/social_worker/yes", "referral/self/conditional", "referral/cafcass/no", "referral/probation_officer/not_stated"} <= answers
    process = service["application_process"]
    assert "Social worker: Yes" in process and "Fill in the referral form." in process and "team@service.example.org" in process
    assert "The father himself: Yes, on conditions" in process and "After a Cafcass recommendation." in process
    assert "Cafcass officer: No" in process
    assert service["required_documents"][0]["document"] == "The father himself: The Section 7 report (S7)."
    assert "Fathers with a history of sexual offending against children." in service["eligibility_description"]
    assert service["eligibility_description"].count("\n") == 3


def test_a_refusal_without_a_route_is_a_no_and_nothing_more() -> None:
    view = with_refusal_without_route(fixture_views()[1], Referrer.health)
    service = hsds.service(view, "en", BASE_URL)
    assert "referral/health/no" in {a["taxonomy_term"]["code"] for a in service["attributes"]}
    assert "Health visitor or midwife: No" in service["application_process"]


def test_the_dutch_snapshot_is_in_dutch_and_says_so() -> None:
    view = fixture_views()[0]
    english, dutch = hsds.service(view, "en", BASE_URL), hsds.service(view, "nl", BASE_URL)
    assert english["id"] == dutch["id"] and dutch["organization"]["name"] == "Voorbeeld Gezinsdienst"
    assert dutch["url"] == BASE_URL + "nl/programmes/example-group/"
    assert dutch["description"].startswith("Een groepscursus") and "Maatschappelijk werker" in dutch["application_process"]
    languages = {a["taxonomy_term"]["code"]: a["taxonomy_term"] for a in dutch["attributes"]}
    assert "text-language/nl" in languages and "text-language/en" not in languages
    assert {a["taxonomy_term"]["language"] for a in dutch["attributes"]} == {"nl"}


def test_areas_venues_costs_funders_and_history_go_where_hsds_has_a_place() -> None:
    base = fixture_views()
    changed = datetime.datetime(2026, 11, 1, 9, 30, tzinfo=datetime.timezone.utc)
    service = hsds.service(base[0], "en", BASE_URL, changed)
    assert service["last_modified"] == "2026-11-01T09:30:00+00:00" and "last_modified" not in hsds.service(base[0], "en", BASE_URL)
    area = service["service_areas"][0]
    assert area["uri"] == "http://statistics.data.gov.uk/id/statistical-geography/E10000016"
    assert (area["attributes"][0]["taxonomy_term"]["code"], area["attributes"][0]["value"]) == ("area-code/ons", "E10000016")
    dutch = hsds.service(dutch_view(base[0]), "nl", BASE_URL)["service_areas"][0]
    assert "uri" not in dutch and (dutch["attributes"][0]["taxonomy_term"]["code"], dutch["attributes"][0]["value"]) == ("area-code/cbs", "NL")
    venue = service["service_at_locations"][0]
    assert venue["location"] == {"id": venue["location_id"], "location_type": "physical", "name": "Example Town Hall", "description": "Address: 1 High Street, Exampleton"}
    riverside = next(view for view in base if view.programme.costs)
    options = hsds.service(riverside, "en", BASE_URL)["cost_options"]
    assert [(o["option"], o["amount_description"]) for o in options][0] == ("Fathers who live in the borough, or whose children do", "Free")
    funder = Organisation(name="Example Trust", lang="en", part="funder", source=base[0].programme.sources[0])
    partner = Organisation(name="Example Partner", lang="en", part="partner", source=base[0].programme.sources[0])
    funded = dataclasses.replace(base[0], programme=base[0].programme.model_copy(update={"organisations": [funder, partner]}))
    assert [f["source"] for f in hsds.service(funded, "en", BASE_URL)["funding"]] == ["Example Trust"]
    assert "funding" not in service and "cost_options" not in service


def test_the_snapshot_serves_every_term_and_link_its_services_name() -> None:
    for lang, snapshot in every_snapshot():
        terms = snapshot["hsds/taxonomy_terms/"]["contents"]
        served = {path: data for path, data in snapshot.items() if path.startswith("hsds/taxonomy_terms/") and path != "hsds/taxonomy_terms/"}
        assert {f"hsds/taxonomy_terms/{t['id']}/" for t in terms} == set(served)
        for service in services(snapshot):
            for attribute in service["attributes"] + [a for area in service["service_areas"] for a in area["attributes"]]:
                assert served[f"hsds/taxonomy_terms/{attribute['taxonomy_term_id']}/"] == attribute["taxonomy_term"]
            for link in service.get("service_at_locations", []):
                assert snapshot[f"hsds/service_at_locations/{link['id']}/"] == link
        assert len({t["term_uri"] for t in terms}) == len(terms) > 20
        assert snapshot["hsds/taxonomies/"]["contents"] == [snapshot[f"hsds/taxonomies/{terms[0]['taxonomy_id']}/"]]


def organizations(snapshot: dict[str, Any]) -> list[dict[str, Any]]:
    found = [data for path, data in snapshot.items() if path.startswith("hsds/organizations/") and path != "hsds/organizations/"]
    assert found
    return found


@pytest.mark.slow
def test_every_organization_is_valid_hsds_3_and_valid_against_the_uk_profile_once_its_drops_are_out(tmp_path: Path) -> None:
    core = strict_schema(STANDARDS / "hsds-3.0" / "schema" / "compiled" / "organization.json", tmp_path / "organization.json")
    documents = [o for _, snapshot in every_snapshot() for o in organizations(snapshot) + snapshot["hsds/organizations/"]["contents"]]
    result = check(core, documents, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    uk = strict_schema(STANDARDS / "hsds-uk-profile" / "schema" / "compiled" / "organization.json", tmp_path / "uk-organization.json")
    uk_providers = {view.provider.id for view in views() if view.programme.country.value == "GB"}
    uk_documents = [o for o in documents if o["id"] in {hsds.hsds_id("organization", p) for p in uk_providers}]
    for document in uk_documents:
        for field in hsds.UK_PROFILE_DROPS:
            if field.startswith("organization."):
                _without(document, field.removeprefix("organization.").split("."))
    result = check(uk, uk_documents, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_each_provider_is_one_organization_that_lists_its_services_and_each_service_points_at_it() -> None:
    distinct = fixture_views() + [dutch_view(fixture_views()[0])]  # views() repeats a programme's id with another status
    for snapshot in (hsds.snapshot(distinct, lang, BASE_URL) for lang in ("en", "nl")):
        listed = snapshot["hsds/organizations/"]["contents"]
        assert len(listed) == len({view.provider.id for view in distinct}) > 1
        assert all("services" not in o for o in listed)
        served = {o["id"]: o for o in organizations(snapshot)}
        assert [o["id"] for o in listed] == list(served)
        for service in services(snapshot):
            provider = served[service["organization_id"]]
            assert {k: v for k, v in provider.items() if k != "services"} == service["organization"]
            brief = next(s for s in provider["services"] if s["id"] == service["id"])
            assert brief == {key: service[key] for key in ("id", "organization_id", "name", "url", "status")}
        assert sorted(s["id"] for o in served.values() for s in o["services"]) == sorted(s["id"] for s in services(snapshot))
    example = hsds.hsds_id("organization", "example")
    assert [s["name"] for s in hsds.snapshot(fixture_views(), "en", BASE_URL)[f"hsds/organizations/{example}/"]["services"]] == [
        "Example Dads", "Example One"]


def test_courses_are_schedules_with_their_start_day_and_the_sources_words_and_nothing_made_up() -> None:
    view = fixture_views()[0]
    english, dutch = hsds.service(view, "en", BASE_URL), hsds.service(view, "nl", BASE_URL)
    venue = english["service_at_locations"][0]["id"]
    sid = english["id"]
    assert [{k: v for k, v in s.items() if k != "id"} for s in english["schedules"]] == [
        {"service_id": sid, "service_at_location_id": venue, "dtstart": "2026-10-06"},
        {"service_id": sid, "service_at_location_id": venue, "dtstart": "2027-01-12", "description": "Tuesdays, 6 to 8 pm"},
        {"service_id": sid, "attending_type": "Online", "dtstart": "2027-02-01"},
    ]
    assert dutch["schedules"][1]["description"] == "dinsdag van 18.00 tot 20.00 uur"
    assert [s["id"] for s in dutch["schedules"]] == [s["id"] for s in english["schedules"]]
    assert len({s["id"] for s in english["schedules"]}) == 3
    assert "schedules" not in hsds.service(fixture_views()[1], "en", BASE_URL), "a programme without courses has no schedule"
    twice = view.programme.model_copy(update={"courses": [*view.programme.courses, view.programme.courses[1]]})
    ids = [s["id"] for s in hsds.service(dataclasses.replace(view, programme=twice), "en", BASE_URL)["schedules"]]
    assert ids[:3] == [s["id"] for s in english["schedules"]] and len(set(ids)) == 4, "a course given twice still has an id of its own"


@pytest.mark.slow
def test_every_schedule_is_valid_against_the_official_schedule_schema(tmp_path: Path) -> None:
    schema = strict_schema(STANDARDS / "hsds-3.0" / "schema" / "schedule.json", tmp_path / "schedule.json")
    documents = [s for _, snapshot in every_snapshot() for service in services(snapshot) for s in service.get("schedules", [])]
    assert len(documents) >= 6
    result = check(schema, documents, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    result = check(schema, [dict(documents[0], opens_at=1)], tmp_path)
    assert result.returncode != 0, "the schema check would catch a wrong type"
