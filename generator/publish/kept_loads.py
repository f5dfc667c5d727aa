"""Provider files as last loaded, kept between runs: `check`, a build and the preview then parse, validate and check only the files that changed.

Reading a file (YAML, its line map, the checks on its text, validation,
the rules within its record: records/record_checks.py) is most of `check`'s
time, and a one-record edit changes one file. What a
file loads to is kept as a pickle, by a digest of the file's name, its bytes
and the generator's code. A pickle runs code when it is read, so it is never
kept in the project, where a pull request could bring one: it is kept in a
folder of the system's temporary folder that only this user can write to,
checked as Jinja checks its own, and where no such folder can be had nothing
is kept. Each project has a folder of its own, which holds only what its
last run loaded.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from generator.publish import writer
from generator.publish.incremental import code_digest, digest
from generator.records.load import Loaded


class KeptLoads:
    """The loads kept for one project, and those of this run, which the next run keeps."""

    def __init__(self, root: Path, folder: Path | None = None) -> None:
        base = folder if folder is not None else writer.private_folder(f"fathers-directory-{os.getuid()}")
        self.folder = base / digest(str(root.resolve())) if base is not None else None
        self.code = code_digest()
        self.used: dict[str, Loaded] = {}
        """By key: what this run loaded, kept or new."""
        self._new: set[str] = set()

    def key(self, name: str, raw: bytes) -> str:
        """The key of a file's load: its name and bytes, and the code that loads it."""
        return digest(self.code, name, raw)

    def get(self, name: str, raw: bytes) -> Loaded | None:
        """What the file loaded to when last loaded with these bytes and this code, if that is kept."""
        key = self.key(name, raw)
        if self.folder is None or key in self.used:
            return self.used.get(key)
        try:
            loaded: Loaded = pickle.loads((self.folder / key).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        self.used[key] = loaded
        return loaded

    def put(self, name: str, raw: bytes, loaded: Loaded) -> None:
        """Note what a file loaded to, to be kept by `keep`."""
        key = self.key(name, raw)
        self.used[key] = loaded
        self._new.add(key)

    def keep(self) -> None:
        """Write this run's new loads into the project's folder and drop those this run did not use."""
        if self.folder is not None:
            writer.keep_private(self.folder, {key: pickle.dumps(self.used[key], protocol=pickle.HIGHEST_PROTOCOL) for key in self._new}, set(self.used))
