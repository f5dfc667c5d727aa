"""Field paths: the values of a record with their paths, and paths that name list items by their id, so they survive reordering."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel

from generator.problem import FieldPath

T = TypeVar("T")


def id_path(path: FieldPath, record: BaseModel) -> str:
    """Write a path of a checked record with ids where items have one: programmes[hacro-caring-dads].summary."""
    parts: list[str] = []
    node: Any = record
    for step in path:
        child = node[step] if isinstance(step, int) else getattr(node, step)
        if isinstance(step, int):
            parts.append(f"[{getattr(child, 'id')}]" if isinstance(child, BaseModel) and "id" in type(child).model_fields else f"[{step}]")
        else:
            parts.append(("." if parts else "") + step)
        node = child
    return "".join(parts)


def nodes(data: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, Any]]:
    """Every value in a record, with its path, parents before their children."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from nodes(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from nodes(value, path + (index,))


def parts(node: object, kind: type[T], path: FieldPath = ()) -> Iterator[tuple[FieldPath, T]]:
    """Every part of a checked record that is a `kind`, with its path, named by the model's own fields (parents first)."""
    if isinstance(node, kind):
        yield path, node
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from parts(getattr(node, name), kind, path + (name,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from parts(value, kind, path + (index,))


class Walk:
    """Every part of one checked record with its path, walked once: `of(kind)` gives what `parts(record, kind)` gives, in its order."""

    def __init__(self, record: BaseModel) -> None:
        self._every = list(parts(record, object))

    def of(self, kind: type[T]) -> list[tuple[FieldPath, T]]:
        """The parts that are a `kind`, with their paths (parents first)."""
        return [(path, node) for path, node in self._every if isinstance(node, kind)]
