"""A record's bilingual texts with a fingerprint of each language: what the translation state (translation_state.py) compares."""

from __future__ import annotations

import hashlib

from generator.problem import FieldPath
from generator.records.model import ProviderFile, Text
from generator.records.record_paths import Walk, id_path

TextPrint = tuple[str, FieldPath, str, str]
"""One bilingual text in a record: its key (its path with ids), its path, and a fingerprint of each language.

A plain tuple: thousands are kept with the loads, and the garbage collector
stops following a plain tuple of strings (not a named one).
"""


def fingerprint(text: str) -> str:
    """A short, stable fingerprint of a text."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


def text_prints(record: ProviderFile, walk: Walk) -> tuple[TextPrint, ...]:
    """Every {en, nl} text in a record (`walk` is its walk)."""
    return tuple((id_path(path, record), path, fingerprint(text.en), fingerprint(text.nl)) for path, text in walk.of(Text))
