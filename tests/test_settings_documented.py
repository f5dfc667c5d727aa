"""Every setting in mkdocs.yml is explained in the README, so nobody has to guess what one does."""

from __future__ import annotations

from pathlib import Path

from generator.publish.mkdocs_config import read_base

ROOT = Path(__file__).resolve().parent.parent


def _settings_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Settings in mkdocs.yml", 1)[1]
    return section.split("\n## ", 1)[0]


def test_every_setting_in_mkdocs_yml_is_documented() -> None:
    base = read_base(ROOT)
    names = [key for key in base if key != "extra"] + [f"extra.{key}" for key in base.get("extra", {})]
    section = _settings_section()
    undocumented = [name for name in names if f"`{name}`" not in section]
    assert not undocumented, f"explain these in README.md's 'Settings in mkdocs.yml': {undocumented}"
