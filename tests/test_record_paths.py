"""One walk of a record gives each rule what a walk of its own would: the same parts, in the same order."""

from __future__ import annotations

from generator.records.model import Figure, Programme, Provider, Record, Text
from generator.records.record_paths import Walk, parts

from .conftest import fixture_files


def test_a_walk_gives_each_kind_what_parts_gives() -> None:
    for item in fixture_files():
        walk = Walk(item.record)
        for kind in (Record, Provider, Programme, Figure, Text, str):
            found = walk.of(kind)
            assert found == list(parts(item.record, kind))
            assert found or kind is Figure, f"{item.path} has no {kind.__name__}"
    assert any(Walk(item.record).of(Figure) for item in fixture_files()), "some fixture has a figure"
