"""Translations kept in step: what each Dutch text was made from, and the other way round.

Like gettext's "fuzzy" flag: `translations.lock.json` records a fingerprint of
both languages of every text as an editor last confirmed them. When one
language changes and the other does not, `check` warns that the translation
may be stale until an editor runs `.venv/bin/python -m generator translations confirm`.
"""

from __future__ import annotations

import json
import pathlib

from generator.commands import RUN
from generator.problem import Problem, field_path
from generator.records.load import LoadedFile

STATE_FILE = "translations.lock.json"
State = dict[str, dict[str, dict[str, str]]]
"""file → text key → {"en": fingerprint, "nl": fingerprint}."""


def read_state(root: pathlib.Path) -> State:
    """The recorded state, or an empty one where none was written yet."""
    path = root / STATE_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def confirmed_state(files: list[LoadedFile], state: State) -> State:
    """The state with every text of `files` confirmed as it stands now."""
    updated = dict(state)
    for item in files:
        updated[item.path] = {key: {"en": en, "nl": nl} for key, _, en, nl in item.findings.texts}
    return dict(sorted(updated.items()))


def stale_translations(files: list[LoadedFile], state: State) -> list[Problem]:
    """A warning for each text whose one language changed since the last confirmation while the other did not."""
    problems = []
    for item in files:
        recorded = state.get(item.path, {})
        for key, path, en, nl in item.findings.texts:
            before = recorded.get(key)
            if before is None:
                continue
            en_changed = before["en"] != en
            nl_changed = before["nl"] != nl
            if en_changed != nl_changed:
                changed, other = ("English", "Dutch") if en_changed else ("Dutch", "English")
                problems.append(
                    Problem(
                        item.path,
                        item.document.line_of(path),
                        field_path(path),
                        f"the {changed} text changed but the {other} did not, so the {other} may be out of date; "
                        f"check it, then run `{RUN} translations confirm {item.path}`",
                        "warning",
                    )
                )
    return problems
