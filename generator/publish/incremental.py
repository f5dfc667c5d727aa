"""What decides how much of a build can be kept from the last one: digests of its inputs, kept in build/.

A page is rendered again only if what it is made from changed
(publish/rendered.py), and staging touches only the files whose text changed.
The rest is kept when its inputs are the same as last time:

- each language's engine build runs `--dirty` (only pages whose staged file
  is newer than its output) when nothing every page uses has changed since
  the last engine build that succeeded: the language's config, mkdocs.yml,
  the theme overrides, the engine's version and the set of staged files
  (a page added or removed changes the navigation and lists); otherwise it
  builds everything;
- each finished file of site/ is kept (hard-linked into the new site) when
  the engine's file and what finishing adds to it (search marks, the
  generator's code) are the same as those it was made from;
- each language's search index is kept when every page it reads is.

A state file is removed before the step it describes and written only once
the step has succeeded, so an interrupted or failed build leaves no claim
that its half-done output is up to date.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent.parent
SITE_STATE = "site.json"
"""In build/: the digest each file of site/ was made from, and the search index's."""


def digest(*parts: bytes | str) -> str:
    """A short digest of `parts`, taken in order."""
    hashed = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "little") + data)
    return hashed.hexdigest()


def files_below(folder: Path) -> list[str]:
    """The path below `folder` of every file there (but Python's caches), sorted (os.walk: Path.rglob took a third of a second for 6,000 files)."""
    found: list[str] = []
    for top, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if name != "__pycache__"]
        relative = os.path.relpath(top, folder).replace(os.sep, "/")
        found += [name if relative == "." else f"{relative}/{name}" for name in names]
    return sorted(found)


def tree_digest(folder: Path) -> str:
    """A digest of every file below `folder` (but Python's caches): names and contents."""
    return digest(*(part for name in files_below(folder) for part in (name, (folder / name).read_bytes())))


def engine_state_file(work: Path, lang: str) -> Path:
    """Where the inputs of one language's last successful engine build are kept."""
    return work / f"engine.{lang}.json"


def engine_inputs(root: Path, work: Path, lang: str, engine: str) -> str:
    """A digest of what every page of one language's engine build uses: its config, mkdocs.yml, the theme, the engine and the list of staged files."""
    docs = work / "docs" / lang
    staged = "\n".join(files_below(docs))
    versions = versions_of(engine, "mkdocs", "mkdocs-material", "markdown", "pymdown-extensions")
    config = (work / f"mkdocs.{lang}.yml").read_bytes()
    return digest(versions, config, (root / "mkdocs.yml").read_bytes(), tree_digest(root / "site_templates" / "overrides"), staged)


def versions_of(*packages: str) -> str:
    """The installed versions of `packages`, as one line (an upgrade changes what they make)."""
    return " ".join(f"{name} {metadata.version(name)}" for name in packages)


def code_digest() -> str:
    """A digest of the generator's own files, which finishing a page runs (a change to them finishes every page again)."""
    return tree_digest(_PACKAGE)


def read_build_state(path: Path) -> dict[str, Any]:
    """A state file's contents; empty if it is missing or unreadable (then nothing is kept)."""
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}
