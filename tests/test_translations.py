"""Every interface word has its Dutch, and the catalogue knows every word the code uses."""

from __future__ import annotations

import re
import subprocess
import sys
from enum import Enum
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from generator.pages.i18n import LABELS, label, translations

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "generator" / "locales" / "nl" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def extracted(tmp_path: Path) -> Catalog:
    """The messages the code and templates use now, extracted as scripts/update-translations does."""
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "N_", "--no-location", "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    with pot.open("rb") as handle:
        return read_po(handle)


def dutch() -> Catalog:
    with PO.open("rb") as handle:
        return read_po(handle, locale="nl")


@pytest.mark.slow
def test_every_message_in_use_has_a_dutch_translation(tmp_path: Path) -> None:
    catalogue = dutch()
    in_use = list(extracted(tmp_path))
    assert len(in_use) > 50, "extraction found almost nothing: check babel.cfg"
    missing = []
    for message in in_use:
        if not message.id:
            continue
        translated = catalogue.get(message.id)
        strings = translated.string if translated else None
        if not translated or translated.fuzzy or not all(strings if isinstance(strings, tuple) else [strings]):
            missing.append(message.id)
    assert not missing, f"no Dutch for {missing}: run scripts/update-translations and fill in messages.po"


def test_placeholders_survive_translation() -> None:
    for message in dutch():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            assert set(PLACEHOLDER.findall(str(text))) == set(PLACEHOLDER.findall(str(ids[0]))), message.id


@pytest.mark.parametrize("kind", list(LABELS))
def test_every_enum_value_has_a_label_in_both_languages(kind: type[Enum]) -> None:
    with PO.open("rb") as po:
        dutch = {message.id: message.string for message in read_po(po, locale="nl_NL") if message.id}
    for value in kind:
        english, dutch_label = label(value, "en"), label(value, "nl")
        assert english and dutch_label
        # A proper name (Wales, Veilig Thuis) is the same in both languages, but written in the catalogue.
        assert dutch.get(LABELS[kind][value.value]), f"{value} has no Dutch label in {PO.name}"


def test_dutch_catalogue_is_loaded() -> None:
    assert translations("nl").gettext("Key facts") == "Belangrijkste gegevens"
