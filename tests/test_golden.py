"""Golden tests: the Markdown each template renders from the fixture records.

Regenerate with `scripts/update-golden` after a deliberate change, then read
the diff: it is the change a reader will see.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.languages import LANGUAGE_ROOTS

from .conftest import fixture_pages

GOLDEN = Path(__file__).resolve().parent / "golden"


def test_golden_markdown_matches() -> None:
    pages = fixture_pages()
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for path in GOLDEN.rglob("*.md"):
            path.unlink()
        for name, text in pages.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*.md")}
    assert sorted(pages) == sorted(expected), "pages added or removed: run scripts/update-golden"
    for name, text in pages.items():
        assert text == expected[name], f"{name} differs from its golden copy: run scripts/update-golden and review the diff"


@pytest.mark.parametrize("lang", list(LANGUAGE_ROOTS))
def test_record_text_is_escaped(lang: str) -> None:
    page = fixture_pages()[f"{lang}/providers/example.md"]
    assert r"\*" in page and r"\[" in page and "&amp;" in page
    assert "*stars*" not in page and "*sterren*" not in page
