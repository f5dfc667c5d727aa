"""Every Python package is pinned: constraints.txt holds each requirement at the version the requirements files name."""

from __future__ import annotations

import re

from .conftest import ROOT


def pins(text: str) -> dict[str, str]:
    """`name==version` lines of a requirements or constraints file, by normalised name."""
    found = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;#]+)", text, re.M)
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in found}


def test_constraints_pin_every_requirement_at_its_version():
    constraints = pins((ROOT / "constraints.txt").read_text(encoding="utf-8"))
    assert {"pip", "mkdocs", "jinja2", "markupsafe"} <= set(constraints)
    for name in ("requirements.txt", "requirements-test.txt"):
        required = pins((ROOT / name).read_text(encoding="utf-8"))
        assert required
        for package, version in required.items():
            assert constraints.get(package) == version, f"{name} asks for {package}=={version}; run scripts/update-constraints"


def test_requirements_without_a_pin_are_pinned_in_constraints():
    constraints = pins((ROOT / "constraints.txt").read_text(encoding="utf-8"))
    for name in ("requirements.txt", "requirements-test.txt"):
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-r") and "==" not in line:
                name_part = re.match(r"[A-Za-z0-9._-]+", line)
                assert name_part is not None, line
                package = re.sub(r"[-_.]+", "-", name_part.group(0)).lower()
                assert package in constraints, f"{name}: {line} is not pinned in constraints.txt"
