"""Which files under services/ are provider files, and what to rename the others to.

The generator reads `services/<provider id>.yaml` and nothing else, so that a
record is never skipped in silence: every other file in the folder is reported
with the name it should have. The name it should have is the provider's id,
read from the file where it can be, else the file's own name in lower case.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.records.model import SLUG
from generator.records.yaml_errors import YamlProblem
from generator.records.yaml_reader import read_yaml

_SLUG = re.compile(SLUG)
_RECORD_EXTENSION = re.compile(r"\.ya?ml", re.IGNORECASE)
NAME_RULE = "a provider file is named after its provider's id, in lower-case letters, digits and hyphens, and ends in .yaml (like hacro.yaml)"


def is_record_name(path: Path, folder: Path) -> bool:
    """Whether the generator reads this file: directly in `folder`, named <slug>.yaml."""
    return path.parent == folder and path.suffix == ".yaml" and bool(_SLUG.fullmatch(path.stem))


def _provider_id(path: Path, limit: int) -> str | None:
    """The provider id the file gives, if it can be read as a record at all."""
    raw = path.read_bytes()
    if len(raw) > limit:
        return None
    try:
        data = read_yaml(raw.decode("utf-8").removeprefix("\ufeff")).data
    except (UnicodeDecodeError, YamlProblem):
        return None
    provider = data.get("provider") if isinstance(data, dict) else None
    identifier = provider.get("id") if isinstance(provider, dict) else None
    return identifier if isinstance(identifier, str) and _SLUG.fullmatch(identifier) else None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def misnamed_message(path: Path, folder: Path, limit: int) -> str:
    """What to do with a file under services/ that the generator does not read."""
    stem = _RECORD_EXTENSION.split(path.name)[0] if _RECORD_EXTENSION.search(path.name) else None
    identifier = _provider_id(path, limit) or (_slug(stem) if stem is not None else None)
    where = "provider files sit directly in services/, not in a folder inside it" if path.parent != folder else NAME_RULE
    if not identifier:
        return f"this file is not read: only provider files belong in services/, and {NAME_RULE}; move this file out of services/ or delete it"
    target = folder / f"{identifier}.yaml"
    verb = "move" if path.parent != folder else "rename"
    message = f"this file is not read: {where}; {verb} it to services/{target.name}"
    if target.exists() and not target.samefile(path):
        message += f", but services/{target.name} exists already: if this file is an old copy, delete it"
    return message
