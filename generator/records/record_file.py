"""A provider file that loaded to a valid record: what the checks of one record read."""

from __future__ import annotations

from dataclasses import dataclass

from generator.records.model import ProviderFile
from generator.records.yaml_reader import Document


@dataclass(frozen=True)
class RecordFile:
    """One provider file: its path as editors see it, its record and its line map."""

    path: str
    record: ProviderFile
    document: Document
