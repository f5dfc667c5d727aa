"""The one module that writes files: staged docs, configs, data, the search index and the site swap."""

from __future__ import annotations

import contextlib
import gzip
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.formats import compact_json, json_text
from generator.publish.processes import OWN_SESSION


def _make_parent(path: Path) -> None:
    # Asked first: most files go into a folder that is there already, and mkdir
    # says so with an exception, which cost a one-record build a second.
    if not path.parent.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)


def write_if_changed(path: Path, text: str) -> bool:
    """Write a text file unless it already holds exactly this text; say whether it wrote."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    _make_parent(path)
    path.write_text(text, encoding="utf-8")
    return True


def stage(folder: Path, files: dict[str, str]) -> int:
    """Make `folder` hold exactly `files` (path → text), touching only what changed.

    Unchanged files keep their modification time, so `mkdocs serve` and
    `--dirty` builds redo only what an edit affected.
    """
    written = sum(write_if_changed(folder / name, text) for name, text in files.items())
    if folder.is_dir():
        for path in sorted(folder.rglob("*"), reverse=True):
            relative = path.relative_to(folder).as_posix()
            if path.is_file() and relative not in files:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written


def write_yaml(path: Path, data: dict[str, Any]) -> None:
    """Write a generated YAML file (a per-language MkDocs config)."""
    write_if_changed(path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def write_json(path: Path, data: Any) -> None:
    """Write a JSON file."""
    write_if_changed(path, json_text(data))


def write_compact_json(path: Path, data: Any) -> None:
    """Write a JSON file without spaces (a large one the build keeps for itself)."""
    write_if_changed(path, compact_json(data))


def write_folder(path: Path, files: dict[str, str]) -> None:
    """Make a new folder holding exactly `files` (name → text), whole or not at all: it appears in one rename.

    Where another build made the same folder in the meantime, its copy is kept.
    """
    scratch = fresh_folder(path.with_name(f"{path.name}.{os.getpid()}.part"))
    for name, text in files.items():
        (scratch / name).write_text(text, encoding="utf-8")
    try:
        os.replace(scratch, path)
    except OSError:
        if not path.is_dir():
            raise
        shutil.rmtree(scratch)


def drop_older(folder: Path) -> None:
    """Delete every other folder beside `folder`: the files of an older release, or of older code (not one still being written)."""
    for other in folder.parent.iterdir():
        if other.is_dir() and not other.name.startswith(folder.name):
            shutil.rmtree(other, ignore_errors=True)


def copy_folder(source: Path, target: Path) -> None:
    """Put a folder of files (made by `write_folder`, never changed after) into the site being built.

    Each file is hard-linked where both are on one file system: thousands of
    small files, copied on every build, took seconds.
    """
    shutil.copytree(source, target, copy_function=_link_or_copy)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def fresh_folder(path: Path) -> Path:
    """Empty a scratch folder, creating it if needed (whatever an interrupted build left there)."""
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True, exist_ok=True)
    return path


def swap_in(new: Path, target: Path, trash: Path) -> None:
    """Replace `target` with `new` in two renames, so a failed build never leaves a half site; the old one goes into `trash` (see `emptying`)."""
    trash.mkdir(parents=True, exist_ok=True)
    with _uninterrupted():
        if target.exists():
            os.replace(target, trash / f"{target.name}-{time.time_ns()}")
        os.replace(new, target)


@contextlib.contextmanager
def emptying(trash: Path) -> Iterator[None]:
    """Delete what `trash` holds now in a thread while the caller works (thousands of files take seconds), waiting for it on leaving."""
    held = sorted(trash.iterdir()) if trash.is_dir() else []

    def empty() -> None:
        for path in held:
            shutil.rmtree(path, ignore_errors=True)

    thread = threading.Thread(target=empty)
    thread.start()
    try:
        yield
    finally:
        thread.join()


@contextlib.contextmanager
def _uninterrupted() -> Iterator[None]:
    """Ignore Ctrl-C and kill (SIGINT, SIGTERM) while inside, so that no interruption falls between two renames."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread handles signals
        return
    kept = {number: signal.signal(number, signal.SIG_IGN) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in kept.items():
            signal.signal(number, handler)


def write_file(path: Path, text: str) -> None:
    """Write a new file of the site being made (never one `keep` linked: it would change the last site too)."""
    _make_parent(path)
    path.write_text(text, encoding="utf-8")


def copy_file(source: Path, target: Path) -> None:
    """Copy a file into the site being made."""
    _make_parent(target)
    shutil.copyfile(source, target)


def keep(previous: Path, target: Path) -> None:
    """Put a file of the last site into the one being made: a hard link (nothing writes to either afterwards), else a copy."""
    _make_parent(target)
    try:
        os.link(previous, target)
    except OSError:
        shutil.copyfile(previous, target)


def keep_folder(previous: Path, target: Path) -> None:
    """`keep` every file of a folder of the last site."""
    for path in previous.rglob("*"):
        if path.is_file():
            keep(path, target / path.relative_to(previous))


def private_folder(name: str) -> Path | None:
    """A folder of this name in the system's temporary folder that only this user may use, made if need be; None if it is not so."""
    folder = Path(tempfile.gettempdir()) / name
    try:
        folder.mkdir(mode=stat.S_IRWXU, exist_ok=True)
        entry = folder.lstat()
    except OSError:
        return None
    # Made by someone else, a link, or open to others: whoever can write there could put a file the build trusts.
    if entry.st_uid != os.getuid() or not stat.S_ISDIR(entry.st_mode) or stat.S_IMODE(entry.st_mode) != stat.S_IRWXU:
        return None
    return folder


FORGOTTEN_AFTER = 7 * 24 * 3600
"""Seconds after which a project's kept files are deleted by another project's run."""


def keep_private(folder: Path, files: dict[str, bytes], used: set[str]) -> None:
    """Write `files` (name → bytes) into a folder only this user may read, each whole or not at all, and delete the files there not `used`."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for name, data in files.items():
        # Written beside and renamed: a run reading at the same time finds the old file or the new, never half of one.
        part = folder / f"{name}.{os.getpid()}.part"
        part.write_bytes(data)
        part.chmod(0o600)
        part.replace(folder / name)
    for path in folder.iterdir():
        if path.name not in used and not path.name.endswith(".part"):
            path.unlink(missing_ok=True)
    # The folders of projects not built for a week (a test's copy, a deleted clone) go too.
    for other in folder.parent.iterdir():
        if other.is_dir() and other != folder and time.time() - other.stat().st_mtime > FORGOTTEN_AFTER:
            shutil.rmtree(other, ignore_errors=True)


def forget(path: Path) -> None:
    """Remove a state file of the build, if there is one."""
    path.unlink(missing_ok=True)


def write_sitemap(folder: Path, xml: str) -> None:
    """Write a built site's sitemap.xml and its gzipped copy, which carries no time or name, so that it is the same on any day."""
    write_file(folder / "sitemap.xml", xml)
    (folder / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))


@dataclass(frozen=True)
class SearchIndexing:
    """A Pagefind run under way: what it writes, and what is left out of its bundle once it ends."""

    process: subprocess.Popen[str]
    bundle: Path
    unused: tuple[str, ...]


def start_search_index(site: Path, folder: str, unused: tuple[str, ...], glob: str, scratch: Path, excluded: tuple[str, ...] = ()) -> SearchIndexing:
    """Start indexing the marked pages `glob` matches under `site` with Pagefind into `site/<folder>`, leaving out the elements the `excluded` selectors match; `end_search_index` waits for it."""
    # Pagefind's own command, not its Python API: the API ends its indexing
    # service as soon as the service answers "files written", which now and
    # then left a file of the bundle empty (pagefind-entry.json one build in
    # twelve, and search failed). The command exits only once it has written.
    # The glob (search.search_glob) can be too long for a command line, so it
    # goes in the config file Pagefind reads from the folder it runs in (and
    # so do the selectors, of which the command line takes only one).
    write_json(fresh_folder(scratch) / "pagefind.json", {"glob": glob, "exclude_selectors": list(excluded)})
    process = subprocess.Popen(
        [sys.executable, "-m", "pagefind", "--site", str(site.resolve()), "--output-path", str((site / folder).resolve()), "--quiet"],
        cwd=scratch, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **OWN_SESSION,
    )
    return SearchIndexing(process, site / folder, unused)


def end_search_index(indexing: SearchIndexing) -> None:
    """Wait for a Pagefind run to end, then leave the `unused` files out of its bundle."""
    output, _ = indexing.process.communicate()
    if indexing.process.returncode != 0:
        raise RuntimeError(f"Pagefind could not index the site:\n{output}")
    for name in indexing.unused:
        (indexing.bundle / name).unlink(missing_ok=True)
