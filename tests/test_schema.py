"""The JSON Schema editors' tools use: exported from the model, current, documented."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import jsonschema
import pytest
from pydantic import BaseModel

from generator.problem import field_path
from generator.records import model
from generator.records.field_reference import END, START, with_field_reference
from generator.records.json_schema import SCHEMA_PATH, provider_schema, schema_text
from generator.records.yaml_reader import read_yaml

ROOT = Path(__file__).resolve().parent.parent
RECORDS = sorted((ROOT / "tests" / "fixtures" / "services").glob("*.yaml"))


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


BAD_RECORDS = ROOT / "tests" / "bad_records"
# Mistakes within one file that VS Code can flag from the schema alone. The rest
# need the check: YAML the editor's tools read differently, anchors, review
# dates, and ids that refer to other records.
FLAGGED_WHILE_TYPING = [
    "attribute-list", "bad-email", "bad-enum", "bad-phone", "bad-url", "cost-number", "cost-only-english",
    "empty-value", "img-onerror", "javascript-url", "list-for-text", "markdown-link", "missing-dutch",
    "missing-english", "missing-field", "misspelt-key", "misspelt-nested-key", "script-tag",
    "text-for-number", "unknown-capitalised", "wrong-list-item",
]


@pytest.mark.parametrize("case", FLAGGED_WHILE_TYPING)
def test_the_schema_flags_the_mistake_at_the_field_check_names(case: str) -> None:
    data = json.loads(json.dumps(read_yaml((BAD_RECORDS / f"{case}.yaml").read_text(encoding="utf-8")).data, default=str))
    expected_field = (BAD_RECORDS / f"{case}.expected").read_text(encoding="utf-8").split(": ")[1]
    errors = list(jsonschema.Draft7Validator(provider_schema()).iter_errors(data))
    paths = [field_path(tuple(error.absolute_path)) for error in errors]
    assert any(expected_field.startswith(path) and path for path in paths), (expected_field, paths)


# Strings on both sides of each pattern: editors' tools run the schema's
# patterns as JavaScript regular expressions (with the u flag), the check as Python's.
SAMPLES = [
    "unknown", "team@example.org", "team(at)example.org", "01234 567890", "+31 30 123 4567", "call the office",
    "https://www.hacro.org.uk/caring-dads", "www.example.org", "http://example.org", "Plain text, with: a colon",
    "<script>", "< b>", "JavaScript:alert(1)", "[hier](https://x.nl)", "{: .x}", "&#60;", "", "   ", "Tekst 's avonds",
]


def _schema_patterns(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["pattern"]} if "pattern" in node else set()
        return found | {p for value in node.values() for p in _schema_patterns(value)}
    if isinstance(node, list):
        return {p for item in node for p in _schema_patterns(item)}
    return set()


@pytest.mark.slow
def test_the_schema_patterns_mean_the_same_in_javascript() -> None:
    patterns = sorted(_schema_patterns(provider_schema()))
    assert len(patterns) >= 5
    script = "const [patterns, samples] = JSON.parse(require('fs').readFileSync(0, 'utf8'));" \
        "console.log(JSON.stringify(patterns.map(p => samples.map(s => new RegExp(p, 'u').test(s)))));"
    run = subprocess.run(["node", "-e", script], input=json.dumps([patterns, SAMPLES]), capture_output=True, text=True, check=True)
    in_javascript = json.loads(run.stdout)
    in_python = [[re.search(pattern, sample) is not None for sample in SAMPLES] for pattern in patterns]
    assert in_javascript == in_python
    plain_text = next(p for p in patterns if p.startswith("^(?!"))
    assert [s for s in SAMPLES if re.search(plain_text, s) is None] == ["<script>", "< b>", "JavaScript:alert(1)", "[hier](https://x.nl)", "{: .x}", "&#60;", "", "   "]


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
