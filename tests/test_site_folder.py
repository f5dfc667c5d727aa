"""The new site is made in the folder of an older one (writer.SiteFolder): it ends holding exactly what the build put there, and the last site is never written into."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from generator.publish.writer import SiteFolder, site_folder


def tree(folder: Path) -> dict[str, str]:
    """Every file below `folder` with its text, and every folder (as "name/")."""
    found = {path.relative_to(folder).as_posix() + ("/" if path.is_dir() else ""): "" if path.is_dir() else path.read_text(encoding="utf-8") for path in folder.rglob("*")}
    assert found, "an empty tree proves nothing"
    return found


def make(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_new_site_holds_what_the_build_put_there_and_nothing_the_older_site_left(tmp_path: Path) -> None:
    last = make(tmp_path / "last", {"kept/index.html": "kept", "page/index.html": "last"})
    older = make(tmp_path / "older", {"gone/index.html": "old", "gone/deep/x.json": "old", "page": "a file where a folder goes", "new/index.html/y": "a folder where a file goes", "nl/gone.html": "old"})
    site = SiteFolder(older, last)
    assert site.keep("kept/index.html")
    site.write("page/index.html", "new")
    site.write("new/index.html", "new")
    site.sweep("", ("nl/",))
    assert tree(older) == {"kept/": "", "kept/index.html": "kept", "page/": "", "page/index.html": "new", "new/": "", "new/index.html": "new", "nl/": "", "nl/gone.html": "old"}
    site.sweep("nl/", ())
    assert "nl/gone.html" not in tree(older) and "page/index.html" in tree(older)


def test_a_file_of_the_last_site_is_never_written_into(tmp_path: Path) -> None:
    last = make(tmp_path / "last", {"page/index.html": "served"})
    older = tmp_path / "older"
    (older / "page").mkdir(parents=True)
    os.link(last / "page" / "index.html", older / "page" / "index.html")  # as a build keeps a file: one file in both sites
    SiteFolder(older, last).write("page/index.html", "changed")
    assert (last / "page" / "index.html").read_text(encoding="utf-8") == "served"
    assert (older / "page" / "index.html").read_text(encoding="utf-8") == "changed"


def test_a_kept_file_already_there_is_left_alone_and_another_is_replaced(tmp_path: Path) -> None:
    last = make(tmp_path / "last", {"same.html": "kept", "other.html": "kept"})
    older = make(tmp_path / "older", {"other.html": "stale"})
    os.link(last / "same.html", older / "same.html")
    ctime = (older / "same.html").stat().st_ctime_ns
    site = SiteFolder(older, last)
    assert site.keep("same.html") and site.keep("other.html")
    assert not site.keep("missing.html")
    assert (older / "same.html").stat().st_ctime_ns == ctime, "a file that was already the last site's was linked again"
    assert (older / "other.html").stat().st_ino == (last / "other.html").stat().st_ino
    assert site.keep_folder("nowhere") is False


def test_a_folder_of_unchanging_files_is_linked_once(tmp_path: Path) -> None:
    source = make(tmp_path / "postcodes", {"AB1.json": "a", "CD2.json": "c"})
    older = tmp_path / "older"
    site = SiteFolder(older, tmp_path / "last")
    site.link_folder(source, "postcodes")
    again = SiteFolder(older, tmp_path / "last")
    make(source, {"EF3.json": "e"})
    again.link_folder(source, "postcodes")
    again.sweep("", ())
    assert tree(older) == {"postcodes/": "", "postcodes/AB1.json": "a", "postcodes/CD2.json": "c", "postcodes/EF3.json": "e"}
    assert all((older / "postcodes" / name).stat().st_ino == (source / name).stat().st_ino for name in ("AB1.json", "EF3.json"))


def test_the_site_folder_is_the_one_an_interrupted_build_left_else_the_newest_in_the_trash(tmp_path: Path) -> None:
    last = make(tmp_path / "site", {"a": "served"})
    trash = tmp_path / "trash"
    for name in ("site-100", "site-200"):
        (trash / name).mkdir(parents=True)
        os.link(last / "a", trash / name / "a")
    scratch = tmp_path / "site-next"
    assert site_folder(scratch, trash, last).folder == scratch and (scratch / "a").samefile(last / "a")
    assert sorted(path.name for path in trash.iterdir()) == ["site-100"]
    os.link(last / "a", make(tmp_path / "elsewhere", {"b": "left by an interrupted build"}) / "a")
    shutil.rmtree(scratch)
    os.replace(tmp_path / "elsewhere", scratch)
    assert (site_folder(scratch, trash, last).folder / "b").is_file() and sorted(path.name for path in trash.iterdir()) == ["site-100"]


def test_an_older_site_that_holds_little_of_the_last_one_goes_to_the_trash(tmp_path: Path) -> None:
    last = make(tmp_path / "site", {"a": "served", "b": "served"})
    trash = make(tmp_path / "trash", {"site-100/a": "finished before the last build finished every page again"})
    site = site_folder(tmp_path / "site-next", trash, last)
    assert not site.folder.exists() and len(list(trash.iterdir())) == 1 and not (trash / "site-100").exists()
    site.write("a", "new")
    assert tree(site.folder) == {"a": "new"}
    fresh = tmp_path / "fresh"
    assert site_folder(fresh / "site-next", fresh / "trash", last).folder == fresh / "site-next" and not fresh.exists(), "nothing is made before the check has passed"


def test_what_a_process_of_its_own_put_here_for_one_language_is_taken_over(tmp_path: Path) -> None:
    last = make(tmp_path / "last", {"a.html": "kept", "nl/a.html": "kept"})
    older = make(tmp_path / "older", {"stale.html": "old", "nl/stale.html": "old"})
    here = SiteFolder(older, last)
    apart = pickle.loads(pickle.dumps(here))  # as the folder goes to the process that finishes the first language
    apart.keep("a.html")
    apart.sweep("", ("nl/",))
    here.keep("nl/a.html")
    here.sweep("nl/", ())
    stale = pickle.loads(pickle.dumps(here))
    here.adopt(apart, "", ("nl/",))
    here.sweep("", ("nl/",))  # knows that the other process placed a.html and deleted stale.html
    assert tree(older) == {"a.html": "kept", "nl/": "", "nl/a.html": "kept"}
    with pytest.raises(FileNotFoundError):
        stale.sweep("", ("nl/",))  # not knowing what the other process did, it deletes stale.html again
