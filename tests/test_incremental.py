"""What decides between an engine build of every page and a dirty one: only a change to a page's own text allows the dirty one."""

from __future__ import annotations

from pathlib import Path

from generator.publish.engine import chosen_engine
from generator.publish.incremental import engine_inputs

from .conftest import copy_project


def staged_project(root: Path) -> Path:
    copy_project(root)
    (root / "build" / "docs" / "en").mkdir(parents=True)
    (root / "build" / "docs" / "en" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "build" / "mkdocs.en.yml").write_text("INHERIT: ../mkdocs.yml\n", encoding="utf-8")
    return root


def test_only_a_change_to_a_page_s_own_text_keeps_the_engine_s_inputs(tmp_path: Path) -> None:
    root = staged_project(tmp_path)
    work = root / "build"
    inputs = lambda: engine_inputs(root, work, "en", chosen_engine())  # noqa: E731
    first = inputs()
    (work / "docs" / "en" / "index.md").write_text("# Home, changed\n", encoding="utf-8")
    assert inputs() == first

    changes = [
        lambda: (work / "docs" / "en" / "new.md").write_text("# New\n", encoding="utf-8"),  # a page added: nav and lists change
        lambda: (work / "mkdocs.en.yml").write_text("INHERIT: ../mkdocs.yml\nsite_name: x\n", encoding="utf-8"),
        lambda: (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8"),
        lambda: next((root / "site_templates" / "overrides").rglob("*.html")).write_text("<!-- changed -->", encoding="utf-8"),
        lambda: (work / "docs" / "en" / "new.md").unlink(),  # a page removed
    ]
    seen = {first}
    for change in changes:
        change()
        assert inputs() not in seen
        seen.add(inputs())
