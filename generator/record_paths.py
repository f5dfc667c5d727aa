"""Field paths that name list items by their id, so they survive reordering."""

from __future__ import annotations

from typing import Any

from .yaml_lines import Path


def id_path(path: Path, data: Any) -> str:
    """Write a path with ids where items have one: programmes[hacro-caring-dads].summary."""
    parts: list[str] = []
    node = data
    for step in path:
        child = node[step]
        if isinstance(step, int):
            parts.append(f"[{child['id']}]" if isinstance(child, dict) and "id" in child else f"[{step}]")
        else:
            parts.append(("." if parts else "") + step)
        node = child
    return "".join(parts)
