"""The JSON Schema editors' tools use (VS Code through yaml-language-server, pre-commit).

Exported from the model, never written by hand: `.venv/bin/python -m generator schema`.
"""

from __future__ import annotations

import json
from typing import Any

from generator.records.model import ProviderFile

SCHEMA_PATH = "schema/provider.schema.json"
DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def _draft_07(node: Any) -> Any:
    """Rewrite pydantic's 2020-12 `$defs` into draft-07 `definitions`, which every editor tool reads."""
    if isinstance(node, dict):
        return {("definitions" if key == "$defs" else key): _draft_07(value) for key, value in node.items()} | (
            {"$ref": node["$ref"].replace("#/$defs/", "#/definitions/")} if "$ref" in node else {}
        )
    if isinstance(node, list):
        return [_draft_07(item) for item in node]
    return node


def provider_schema() -> dict[str, Any]:
    """The draft-07 JSON Schema of one provider file."""
    schema = _draft_07(ProviderFile.model_json_schema(mode="validation"))
    return {
        "$schema": DRAFT_07,
        "title": "A provider file of the Fathers' Programme Directory",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def schema_text() -> str:
    """The schema as the committed file holds it."""
    return json.dumps(provider_schema(), ensure_ascii=False, indent=2) + "\n"
