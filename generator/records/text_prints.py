"""A record's bilingual texts with a fingerprint of each language: what the translation state (translation_state.py) compares."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from generator.problem import FieldPath
from generator.records.model import Text
from generator.records.record_file import RecordFile
from generator.records.record_paths import id_path, parts


@dataclass(frozen=True)
class TextPrint:
    """One bilingual text in a record: its key (its path with ids), its path, and a fingerprint of each language."""

    key: str
    path: FieldPath
    en: str
    nl: str


def fingerprint(text: str) -> str:
    """A short, stable fingerprint of a text."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


def text_prints(item: RecordFile) -> tuple[TextPrint, ...]:
    """Every {en, nl} text in a loaded file."""
    return tuple(TextPrint(id_path(path, item.record), path, fingerprint(text.en), fingerprint(text.nl)) for path, text in parts(item.record, Text))
