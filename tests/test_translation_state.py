"""Stale translations: one language changed since the last confirmation, the other did not."""

from __future__ import annotations

from pathlib import Path

from generator.__main__ import main
from generator.build import check
from generator.records.translation_state import STATE_FILE, confirmed_state, stale_translations

from .conftest import TODAY, copy_fixture_project


def _edit(root: Path, old: str, new: str) -> None:
    path = root / "services" / "example.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _stale(root: Path) -> list[str]:
    _, problems = check(root, TODAY)
    return [str(p) for p in problems if "may be out of date" in p.message]


def test_changing_only_the_english_warns_until_confirmed(tmp_path: Path) -> None:
    root = copy_fixture_project(tmp_path)
    assert main(["--root", str(root), "--today", TODAY.isoformat(), "translations", "confirm"]) == 0
    assert (root / STATE_FILE).is_file() and _stale(root) == []

    _edit(root, "en: Programme team", "en: The programme team")
    stale = _stale(root)
    assert len(stale) == 1
    assert stale[0].startswith("services/example.yaml:")
    assert "provider.contacts[0].role: warning: the English text changed but the Dutch did not" in stale[0]
    assert main(["--root", str(root), "--today", TODAY.isoformat(), "check", "--strict"]) == 1

    assert main(["--root", str(root), "--today", TODAY.isoformat(), "translations", "confirm", "services/example.yaml"]) == 0
    assert _stale(root) == []


def test_changing_both_languages_is_not_stale(tmp_path: Path) -> None:
    root = copy_fixture_project(tmp_path)
    files, _ = check(root, TODAY)
    state = confirmed_state(files, {})
    _edit(root, "en: Programme team", "en: The programme team")
    _edit(root, "nl: Programmateam", "nl: Het programmateam")
    files, _ = check(root, TODAY)
    assert stale_translations(files, state) == []


def test_the_committed_state_has_no_stale_translation() -> None:
    assert _stale(Path(__file__).resolve().parent.parent) == []
