"""The JSON Schema editors' tools use: exported from the model, current, documented."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from pydantic import BaseModel

from generator import model
from generator.field_reference import END, START, with_field_reference
from generator.schema import SCHEMA_PATH, provider_schema, schema_text
from generator.yaml_lines import read_yaml

ROOT = Path(__file__).resolve().parent.parent
RECORDS = sorted((ROOT / "services").glob("*.yaml")) + [ROOT / "tests" / "fixtures" / "services" / "example.yaml"]


def test_committed_schema_is_current() -> None:
    committed = (ROOT / SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == schema_text(), "schema/provider.schema.json is stale: run `.venv/bin/python -m generator schema`"


def test_schema_is_draft_07() -> None:
    schema = provider_schema()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in json.dumps(schema)
    jsonschema.Draft7Validator.check_schema(schema)


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.name)
def test_records_validate_against_the_schema(path: Path) -> None:
    data = json.loads(json.dumps(read_yaml(path.read_text(encoding="utf-8")).data, default=str))
    errors = list(jsonschema.Draft7Validator(provider_schema()).iter_errors(data))
    assert not errors, [e.message for e in errors]


def test_schema_rejects_a_misspelt_key() -> None:
    data = json.loads(json.dumps(read_yaml(RECORDS[0].read_text(encoding="utf-8")).data, default=str))
    data["provider"]["emial"] = "x"
    assert list(jsonschema.Draft7Validator(provider_schema()).iter_errors(data))


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.name)
def test_every_record_starts_with_the_schema_modeline(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    assert (path.parent / first.split("$schema=", 1)[1]).resolve() == (ROOT / SCHEMA_PATH).resolve()


MODELS = [value for value in vars(model).values() if isinstance(value, type) and issubclass(value, BaseModel) and value is not model.Record]


@pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__name__)
def test_every_field_has_a_description_for_editors(cls: type[BaseModel]) -> None:
    assert cls.__doc__ and cls.__doc__.strip()
    for name, field in cls.model_fields.items():
        assert field.description and len(field.description) > 10, f"{cls.__name__}.{name} has no description"


def test_field_reference_in_contributing_is_current() -> None:
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert START in guide and END in guide
    assert guide == with_field_reference(guide), "CONTRIBUTING.md's field reference is stale: run `.venv/bin/python -m generator schema`"
    for name in model.Programme.model_fields:
        assert f"| `{name}` |" in guide
