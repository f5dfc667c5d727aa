"""The accessibility statement names the versions of the checkers the tests and scripts/scores actually run."""

from __future__ import annotations

import json
import re
from pathlib import Path

import axe_playwright_python
import pytest

from .conftest import ROOT


def checker_versions() -> dict[str, str]:
    """axe-core as bundled with axe-playwright-python, the Nu HTML Checker and Lighthouse as package.json pins them."""
    bundle = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")[:300]
    pins = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    axe = re.search(r"axe v([0-9.]+)", bundle)
    assert axe is not None
    return {"axe-core": axe.group(1), "Nu HTML Checker": pins["vnu-jar"], "Lighthouse": pins["lighthouse"]}


@pytest.mark.parametrize("lang, word", [("en", "version"), ("nl", "versie")])
def test_statement_names_the_versions_the_tests_run(lang: str, word: str) -> None:
    text = re.sub(r"\s+", " ", (ROOT / "content" / lang / "accessibility.md").read_text(encoding="utf-8"))
    versions = checker_versions()
    assert versions["axe-core"].count(".") == 2
    assert f"**axe-core** ({word} {versions['axe-core']})" in text
    assert f"Nu HTML Checker</span> ({word} {versions['Nu HTML Checker']})" in text or f"Nu HTML Checker ({word} {versions['Nu HTML Checker']})" in text
    assert f"Lighthouse {versions['Lighthouse']}" in text
