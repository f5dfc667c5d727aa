"""Two builds of one commit are byte-identical, on any day, and a build that redoes only what an edit changed makes the same site as a clean one: every file compared byte for byte."""

from __future__ import annotations

import datetime
import gc
import gzip
import os
import re
import shutil
import subprocess
from pathlib import Path

import jinja2
import pytest

import generator.build
from generator.build import build
from generator.pages.plan import Page
from generator.pages.render import render_page
from generator.pages.urls import RECORDS_FOLDER
from generator.publish.sitemap import dated_sitemap

from .conftest import TODAY, built, copy_fixture_project

COMMITTED = "2026-10-01"
"""The day the fixture project's one commit is dated, which its sitemap's dates must come from."""


def committed_project(target: Path) -> Path:
    """A copy of the fixture project in a git repository of its own, committed on COMMITTED."""
    root = copy_fixture_project(target)
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{COMMITTED}T12:00:00", "GIT_COMMITTER_DATE": f"{COMMITTED}T12:00:00"}
    for command in (["init", "-q"], ["add", "-A"], ["-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", "fixture"]):
        subprocess.run(["git", *command], cwd=root, env=env, check=True)
    return root


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path under site/."""
    files = {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}
    assert len(files) > 100, "too few files to compare"
    return files


@pytest.fixture(scope="module")
def first_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project built once, on the day the tests are frozen at; copy it before changing anything."""
    root = committed_project(tmp_path_factory.mktemp("first"))
    built(root, build(root, TODAY))
    return root


@pytest.fixture(scope="module")
def first_site(first_project: Path) -> Path:
    """The site of `first_project`."""
    return first_project / "site"


def edit(root: Path) -> None:
    """Change one record's name, which lists on other pages show too, and one hand-written page."""
    record, page = root / "services" / "example.yaml", root / "content" / "nl" / "privacy.md"
    record.write_text(record.read_text(encoding="utf-8").replace("en: Example Family Service\n", "en: Example Family Services Ltd\n", 1), encoding="utf-8")
    page.write_text(page.read_text(encoding="utf-8") + "\nEen zin erbij.\n", encoding="utf-8")


@pytest.mark.slow
def test_two_builds_of_one_commit_on_different_days_are_byte_identical(first_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Another folder, and the engine's clock a year on (it reads SOURCE_DATE_EPOCH as the day it runs).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime.datetime(2027, 11, 22, tzinfo=datetime.timezone.utc).timestamp())))
    root = committed_project(tmp_path / "second")
    second = site_files(built(root, build(root, TODAY)))
    first = site_files(first_site)
    assert sorted(second) == sorted(first)
    assert [name for name in first if first[name] != second[name]] == []


@pytest.mark.slow
def test_the_sitemaps_are_dated_by_the_commit_and_zipped_without_a_time(first_site: Path) -> None:
    for sitemap in (first_site / "sitemap.xml", first_site / "nl" / "sitemap.xml"):
        xml = sitemap.read_text(encoding="utf-8")
        assert re.findall(r"<lastmod>([^<]*)</lastmod>", xml) == [COMMITTED] * xml.count("<loc>") and xml.count("<loc>") > 20
        zipped = sitemap.with_name("sitemap.xml.gz").read_bytes()
        assert zipped[4:8] == b"\0\0\0\0" and gzip.decompress(zipped) == xml.encode("utf-8")


def test_a_page_without_history_has_no_date_and_others_keep_theirs() -> None:
    xml = "<url>\n         <loc>https://x.org/nl/</loc>\n         <lastmod>2030-01-01</lastmod>\n    </url><url><loc>https://x.org/nl/about/</loc><lastmod>2030-01-01</lastmod></url>"
    dated = dated_sitemap(xml, "https://x.org/nl/", {"index.html": "2026-01-02"})
    assert dated == "<url>\n         <loc>https://x.org/nl/</loc>\n         <lastmod>2026-01-02</lastmod>\n    </url><url><loc>https://x.org/nl/about/</loc></url>"


@pytest.mark.slow
def test_a_build_after_an_edit_redoes_only_what_changed_and_makes_what_a_clean_build_makes(first_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A copy keeps the files' times, which tell the engine's dirty build what is newer than its output.
    again = Path(shutil.copytree(first_project, tmp_path / "again", symlinks=True))
    built(again, build(again, TODAY))  # the copy's site/ is not the folder its state describes: this build finishes every page again
    untouched, untouched_page = again / "build" / "site-en" / "glossary" / "index.html", again / "site" / "glossary" / "index.html"
    engine_time, page_file = untouched.stat().st_mtime_ns, untouched_page.stat().st_ino
    edit(again)
    # The first language renders in this process: which of its pages are rendered, by the file each is made from.
    rendered: list[str] = []

    def rendering(env: jinja2.Environment, page: Page) -> str:
        rendered.append(page.source)
        return render_page(env, page)

    monkeypatch.setattr(generator.build, "render_page", rendering)
    incremental = site_files(built(again, build(again, TODAY)))
    assert "services/example.yaml" in rendered and RECORDS_FOLDER in rendered
    assert not [source for source in rendered if source not in ("services/example.yaml", RECORDS_FOLDER)], "a page of a record that did not change was rendered again"
    assert untouched.stat().st_mtime_ns == engine_time, "the engine built an unchanged page again"
    assert untouched_page.stat().st_ino == page_file, "an unchanged page was finished again rather than kept"

    clean = tmp_path / "clean"
    for name in ("services", "content", "site_templates", "mkdocs.yml", ".git"):
        (shutil.copytree if (first_project / name).is_dir() else shutil.copy)(first_project / name, clean / name)
    edit(clean)
    expected = site_files(built(clean, build(clean, TODAY)))
    assert b"Example Family Services Ltd" in incremental["providers/index.html"]
    assert b"Een zin erbij." in incremental["nl/privacy/index.html"]
    assert sorted(incremental) == sorted(expected)
    assert [name for name in expected if incremental[name] != expected[name]] == []


@pytest.mark.slow
def test_a_site_made_in_an_older_site_s_folder_leaves_the_served_site_as_it_was(first_project: Path, tmp_path: Path) -> None:
    # Each build makes its site in the folder of the site before the last one, whose unchanged files are hard links shared
    # with the site being served: a build that wrote into one would change the served site before the swap.
    root = Path(shutil.copytree(first_project, tmp_path / "older", symlinks=True))
    page = root / "content" / "nl" / "privacy.md"
    built(root, build(root, TODAY))
    record = root / "services" / "example.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("en: Example Family Service\n", "en: Example Family Services Ltd\n", 1), encoding="utf-8")
    served = site_files(built(root, build(root, TODAY)))
    # A page the last build kept, which this build changes: its file in the older site is the served site's file.
    page.write_text(page.read_text(encoding="utf-8") + "\nEen zin erbij.\n", encoding="utf-8")
    made = site_files(built(root, build(root, TODAY)))
    (replaced,) = (root / "build" / "trash").iterdir()
    assert b"Een zin erbij." in made["nl/privacy/index.html"]
    assert site_files(replaced) == served, "a build changed a file of the site it replaced"
    # The build held its records apart from the garbage collector; the preview builds many times in one process.
    assert gc.isenabled() and gc.get_freeze_count() == 0
