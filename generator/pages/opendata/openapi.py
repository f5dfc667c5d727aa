"""hsds/openapi.json: an OpenAPI 3.1 description of what the static HSDS snapshot answers, and nothing more.

The official HSDS 3.0 API definition offers query parameters (`page`,
`per_page`, `search`, filters) that static files cannot honour, so this one
lists the snapshot's endpoints without them: every list is one page holding
everything. Its schemas are the official ones, by their published addresses.
"""

from __future__ import annotations

from typing import Any

from generator.pages.opendata.hsds import VERSION, endpoint_url
from generator.pages.opendata.words import gettext
from generator.pages.urls import OPEN_DATA, absolute_url

SCHEMAS = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
"""Where the official HSDS 3.0 schemas are published; the official API definition refers to them there too."""

ENDPOINTS: list[tuple[str, str, str]] = [
    ("services", "compiled/service.json", "compiled/service_list.json"),
    ("taxonomies", "taxonomy.json", "taxonomy.json"),
    ("taxonomy_terms", "taxonomy_term.json", "taxonomy_term.json"),
    ("service_at_locations", "compiled/service_at_location.json", "compiled/service_at_location.json"),
    # The official API names compiled/organization_list.json for a list item, but the 3.0 schemas have no such file;
    # a list item is the organization without its services, which compiled/organization.json describes.
    ("organizations", "compiled/organization.json", "compiled/organization.json"),
]
"""Each list endpoint: its name, the schema of one item at /{name}/{id}, and the schema of an item of the list."""


def _json(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    """A 200 response whose body is JSON of `schema`: as text/html at the endpoint's own path on a static host, as application/json from its index.json."""
    return {"200": {"description": description, "content": {kind: {"schema": schema} for kind in ("text/html", "application/json")}}}


def _page_of(item_schema: str) -> dict[str, Any]:
    """The schema of a Page whose contents are items of `item_schema`."""
    return {"allOf": [{"$ref": "#/components/schemas/Page"}], "properties": {"contents": {"type": "array", "items": {"$ref": SCHEMAS + item_schema}}}}


def openapi(lang: str, base_url: str, examples: dict[str, str]) -> dict[str, Any]:
    """The API definition of one language's snapshot, its server that language's /hsds; `examples` gives an id each list endpoint serves, by its name."""
    paths: dict[str, Any] = {
        "/": {"get": {"operationId": "getAPIMetaInformation", "summary": "The HSDS version, profile and this API definition.", "responses": _json("API meta information.", {
            "type": "object",
            "required": ["version", "profile", "openapi_url"],
            "properties": {"version": {"const": VERSION}, "profile": {"type": "string", "format": "uri"}, "openapi_url": {"type": "string", "format": "uri"}},
        })}},
    }
    for name, one, listed in ENDPOINTS:
        paths[f"/{name}"] = {"get": {"operationId": f"list_{name}", "summary": f"Every item of /{name}, on one page.", "responses": _json("One Page holding every item.", _page_of(listed))}}
        paths[f"/{name}/{{id}}"] = {
            "parameters": [{"in": "path", "name": "id", "required": True, "schema": {"type": "string", "format": "uuid"}} | ({"example": examples[name]} if name in examples else {})],
            "get": {"operationId": f"get_{name}_by_id", "summary": f"One item of /{name}.", "responses": {
                **_json("The item.", {"$ref": SCHEMAS + one}),
                "404": {"description": "No item has this id."},
            }},
        }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": gettext("Fathers' Programme Directory", lang) + " — HSDS " + VERSION,
            "version": VERSION,
            "description": (
                "A static snapshot of the directory in Open Referral HSDS 3.0, rebuilt with the site. It takes no query parameters: "
                "every list is one page holding every item. Each endpoint answers with the same JSON at its own path (from the "
                "folder's index.html, which a static host sends as text/html, after redirecting {path} to {path}/) and at "
                "{path}/index.json (application/json). See the open-data page."
            ),
            "license": {"name": "CC-BY-4.0", "identifier": "CC-BY-4.0"},
        },
        "externalDocs": {"url": absolute_url(base_url, OPEN_DATA, lang) + "#hsds"},
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "servers": [{"url": endpoint_url(base_url, lang)}],
        "paths": paths,
        "components": {"schemas": {"Page": {
            "type": "object",
            "required": ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"],
            "properties": {
                "total_items": {"type": "integer"}, "total_pages": {"const": 1}, "page_number": {"const": 1}, "size": {"type": "integer"},
                "first_page": {"const": True}, "last_page": {"const": True}, "empty": {"type": "boolean"}, "contents": {"type": "array"},
            },
        }}},
    }
