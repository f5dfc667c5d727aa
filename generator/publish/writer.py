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


def update_folder(folder: Path, changed: dict[str, str], wanted: set[str]) -> None:
    """Write the `changed` files (path → text) into a folder of the build's own, and delete every file there that is not `wanted`."""
    for name, text in changed.items():
        _make_parent(folder / name)
        (folder / name).write_text(text, encoding="utf-8")
    if folder.is_dir():
        for top, _, names in os.walk(folder, topdown=False):
            relative = os.path.relpath(top, folder).replace(os.sep, "/")
            for name in names:
                if (name if relative == "." else f"{relative}/{name}") not in wanted:
                    os.unlink(os.path.join(top, name))
            if relative != "." and not os.listdir(top):
                os.rmdir(top)


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


_DELETE = "import shutil, sys\nfor path in sys.argv[1:]:\n    shutil.rmtree(path, ignore_errors=True)"
"""The program of the process that empties the trash."""


@contextlib.contextmanager
def emptying(trash: Path) -> Iterator[None]:
    """Delete what `trash` holds now in a process of its own while the caller works (thousands of files take seconds), waiting for it on leaving.

    A process, not a thread: a thread deleting would take turns with the
    build for the interpreter's lock. A build's own site folder is not among
    what is deleted (`site_folder` takes it out of the trash first).
    """
    held = sorted(str(path) for path in trash.iterdir()) if trash.is_dir() else []
    process = subprocess.Popen([sys.executable, "-c", _DELETE, *held], **OWN_SESSION) if held else None
    try:
        yield
    finally:
        if process is not None:
            process.wait()


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


def _entries(folder: Path) -> tuple[dict[str, int], set[str]]:
    """Every file below `folder` by its path there, with its inode, and every folder: as the directory listing gives them, without a call per file."""
    files: dict[str, int] = {}
    folders: set[str] = set()
    pending = [("", str(folder))]
    while pending:
        prefix, path = pending.pop()
        try:
            listing = list(os.scandir(path))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in listing:
            name = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                folders.add(name)
                pending.append((name + "/", entry.path))
            else:
                files[name] = entry.inode()
    return files, folders


class SiteFolder:
    """The folder a build makes the new site in, which may still hold an older site: only what changed is then redone.

    Making twenty thousand files and eight thousand folders afresh took a
    one-record build seconds. An older site's files may be hard links shared
    with the last site, which is being served, so nothing here is written
    into: a file is replaced (unlinked, then made), and whatever this build
    does not put here is swept away before the site is indexed or swapped in.
    Names are paths under the site's root, as "nl/programmes/x/index.html".
    """

    def __init__(self, folder: Path, last: Path) -> None:
        self.folder, self.last = folder, last
        self._held, self._folders = _entries(folder)
        self._last, _ = _entries(last)
        self._placed: set[str] = set()

    def shared(self) -> float:
        """The share of the last site's files that are already here, as the same files."""
        return sum(self._held.get(name) == inode for name, inode in self._last.items()) / max(len(self._last), 1)

    def start_afresh(self, trash: Path) -> None:
        """Put what the folder holds into `trash` and begin with none: after a build that finished every page again, an
        older site holds nothing of the last one, and replacing each of its files cost more than making them."""
        if self.folder.is_dir():
            trash.mkdir(parents=True, exist_ok=True)
            os.replace(self.folder, trash / f"{self.folder.name}-{time.time_ns()}")
        self._held, self._folders = {}, set()

    def adopt(self, other: SiteFolder, root: str, other_roots: tuple[str, ...]) -> None:
        """Take what `other` (this folder as a process of its own left it, after it put a language's files here) knows of the files below `root`, but those below `other_roots`."""

        def inside(name: str) -> bool:
            return name.startswith(root) and not name.startswith(other_roots)

        self._held = {name: inode for name, inode in self._held.items() if not inside(name)} | {name: inode for name, inode in other._held.items() if inside(name)}
        self._folders = {name for name in self._folders if not inside(name + "/")} | {name for name in other._folders if inside(name + "/")}
        self._placed = {name for name in self._placed if not inside(name)} | {name for name in other._placed if inside(name)}

    def _free(self, name: str) -> Path:
        """The path of `name`, its folder made and nothing left at its place (an older site may hold a file where a folder goes, or the reverse)."""
        self._placed.add(name)
        if not self._held and not self._folders:  # nothing here yet, perhaps not the folder itself
            self.folder.mkdir(parents=True, exist_ok=True)
        steps = name.split("/")
        for n in range(1, len(steps)):
            folder = "/".join(steps[:n])
            if folder not in self._folders:
                if folder in self._held:
                    self._remove(folder)
                (self.folder / folder).mkdir(parents=True, exist_ok=True)
                self._folders.add(folder)
        if name in self._held or name in self._folders:
            self._remove(name)
        return self.folder / name

    def _remove(self, name: str) -> None:
        """Delete the file or folder `name` that an older site left."""
        if self._held.pop(name, None) is not None:
            (self.folder / name).unlink()
            return
        shutil.rmtree(self.folder / name)
        inside = name + "/"
        self._folders = {folder for folder in self._folders if folder != name and not folder.startswith(inside)}
        self._held = {path: inode for path, inode in self._held.items() if not path.startswith(inside)}

    def keep(self, name: str) -> bool:
        """Put the last site's file `name` here (a hard link), unless it is here already; False if the last site has no such file."""
        inode = self._last.get(name)
        if inode is None:
            return False
        if self._held.get(name) == inode:
            self._placed.add(name)
            return True
        target = self._free(name)
        try:
            os.link(self.last / name, target)
        except FileNotFoundError:
            self._placed.discard(name)
            return False
        except OSError:
            shutil.copyfile(self.last / name, target)
        return True

    def keep_folder(self, name: str) -> bool:
        """`keep` every file of a folder of the last site; False if the last site has no such folder."""
        inside = [path for path in self._last if path.startswith(name + "/")]
        return all([self.keep(path) for path in inside]) and bool(inside)

    def link_folder(self, source: Path, name: str) -> None:
        """Put a folder of files that never change once made (`write_folder`) here as hard links, keeping those that are already."""
        for entry in os.scandir(source):
            path = f"{name}/{entry.name}"
            if self._held.get(path) == entry.inode():
                self._placed.add(path)
                continue
            target = self._free(path)
            try:
                os.link(entry.path, target)
            except OSError:
                shutil.copyfile(entry.path, target)

    def write(self, name: str, data: str | bytes) -> None:
        """Make the file `name` hold `data` (text is written as UTF-8)."""
        target = self._free(name)
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)

    def copy(self, source: Path, name: str) -> None:
        """Make the file `name` a copy of `source`."""
        shutil.copyfile(source, self._free(name))

    def sweep(self, root: str, other_roots: tuple[str, ...]) -> None:
        """Delete every file below `root` that this build has not put here, but those below `other_roots`, and the folders left empty."""
        for name in [name for name in self._held if name.startswith(root) and name not in self._placed and not name.startswith(other_roots)]:
            (self.folder / name).unlink()
            del self._held[name]
        for name in sorted((f for f in self._folders if f.startswith(root) and not (f + "/").startswith(other_roots)), reverse=True):
            with contextlib.suppress(OSError):  # a folder that still holds files stays
                (self.folder / name).rmdir()
                self._folders.discard(name)


def site_folder(scratch: Path, trash: Path, last: Path) -> SiteFolder:
    """Where the new site is made (`scratch`), nothing made yet: in what an interrupted build left there, else in the newest
    site the trash holds, when that holds at least half of the `last` site's files; else in a new folder."""
    if not scratch.is_dir() or scratch.is_symlink():
        older = sorted(path for path in trash.iterdir() if path.is_dir() and not path.is_symlink()) if trash.is_dir() else []
        if older:
            os.replace(older[-1], scratch)
    site = SiteFolder(scratch, last)
    if site.shared() < 0.5:
        site.start_afresh(trash)
    return site


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


def write_sitemap(site: SiteFolder, root: str, xml: str) -> None:
    """Write a language's sitemap.xml (below `root` in the new site) and its gzipped copy, which carries no time or name, so that it is the same on any day."""
    site.write(root + "sitemap.xml", xml)
    site.write(root + "sitemap.xml.gz", gzip.compress(xml.encode("utf-8"), mtime=0))


@dataclass(frozen=True)
class SearchIndexing:
    """A Pagefind run under way: what it writes, and what is left out of its bundle once it ends."""

    process: subprocess.Popen[str]
    bundle: Path
    unused: tuple[str, ...]


def start_search_index(pages: Path, bundle: Path, unused: tuple[str, ...], glob: str, scratch: Path, excluded: tuple[str, ...] = ()) -> SearchIndexing:
    """Start indexing the marked pages `glob` matches under `pages` with Pagefind into `bundle`, leaving out the elements the `excluded` selectors match; `end_search_index` waits for it."""
    # Pagefind's own command, not its Python API: the API ends its indexing
    # service as soon as the service answers "files written", which now and
    # then left a file of the bundle empty (pagefind-entry.json one build in
    # twelve, and search failed). The command exits only once it has written.
    # The glob (search.search_glob) can be too long for a command line, so it
    # goes in the config file Pagefind reads from the folder it runs in (and
    # so do the selectors, of which the command line takes only one).
    write_json(fresh_folder(scratch) / "pagefind.json", {"glob": glob, "exclude_selectors": list(excluded)})
    process = subprocess.Popen(
        [sys.executable, "-m", "pagefind", "--site", str(pages.resolve()), "--output-path", str(bundle.resolve()), "--quiet"],
        cwd=scratch, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **OWN_SESSION,
    )
    return SearchIndexing(process, bundle, unused)


def end_search_index(indexing: SearchIndexing) -> None:
    """Wait for a Pagefind run to end, then leave the `unused` files out of its bundle."""
    output, _ = indexing.process.communicate()
    if indexing.process.returncode != 0:
        raise RuntimeError(f"Pagefind could not index the site:\n{output}")
    for name in indexing.unused:
        (indexing.bundle / name).unlink(missing_ok=True)
