"""Golden tests: the Markdown each template renders from the fixture records.

Regenerate with `scripts/update-golden` after a deliberate change, then read
the diff: it is the change a reader will see.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.build import foreign_names, plan
from generator.load import load_services
from generator.mkdocs_config import LANGUAGE_ROOTS
from generator.render import environment, render_page

from .conftest import TODAY

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "services"
GOLDEN = HERE / "golden"


def rendered() -> dict[str, str]:
    """Every generated page of the fixture records, by golden file path."""
    files, problems = load_services(FIXTURES, HERE)
    assert not problems, [str(p) for p in problems]
    pages, _ = plan(files)
    out = {}
    for lang in LANGUAGE_ROOTS:
        env = environment(lang, TODAY, names=foreign_names(files))
        for page in pages:
            out[f"{lang}/{page.path}"] = render_page(env, page)
    return out


def test_golden_markdown_matches() -> None:
    pages = rendered()
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
    page = rendered()[f"{lang}/providers/example.md"]
    assert r"\*" in page and r"\[" in page and "&amp;" in page
    assert "*stars*" not in page and "*sterren*" not in page
