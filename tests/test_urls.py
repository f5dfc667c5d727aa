"""One module owns every address: templates ask it, and what it answers matches how the engine serves pages."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from generator.pages import urls
from generator.records.model import Referrer

TEMPLATES = Path(__file__).resolve().parent.parent / "site_templates"
SPELT_PATH = re.compile(r"""(?:link|address)\(\s*["'][^"']*["']|["'][\w/-]+\.(?:md|json|csv)["']|["'](?:programmes|providers|referrals|compare|editors|data|hsds)/["']""")


def test_no_template_spells_a_path() -> None:
    templates = sorted(TEMPLATES.rglob("*.j2")) + sorted((TEMPLATES / "overrides").rglob("*.html"))
    assert len(templates) > 10
    spelt = [f"{path.relative_to(TEMPLATES)}: {match.group(0)}" for path in templates for match in SPELT_PATH.finditer(path.read_text(encoding="utf-8"))]
    assert spelt == []


def test_pages_are_served_as_folders_in_each_language() -> None:
    assert urls.page_url(urls.HOME, "en") == "/"
    assert urls.page_url(urls.programmes_path(), "nl") == "/nl/programmes/"
    assert urls.page_url(urls.programme_path("a-b"), "nl") == "/nl/programmes/a-b/"
    assert urls.built_file(urls.HOME) == "index.html"
    assert urls.built_file(urls.REFERRERS) == "referrals/index.html"
    assert urls.built_file(urls.referrer_path(Referrer.social_worker, 2)) == "referrals/social-worker/2/index.html"
    assert urls.absolute_url("https://x.org/dir/", urls.PROGRAMMES_CSV, "nl") == "https://x.org/dir/nl/data/programmes.csv"
    assert urls.absolute_url("https://x.org/dir/", urls.FINDER, "en") == "https://x.org/dir/finder/"


def test_parts_of_split_pages_never_take_a_record_page_address() -> None:
    # A programme or provider may be called "all" or "2"; the parts sit one folder deeper.
    assert urls.programmes_path(2) != urls.programme_path("2")
    assert urls.providers_path(2) != urls.provider_path("2")
    assert urls.programmes_path(2).startswith("programmes/all/")


def test_links_between_pages_are_what_posixpath_would_give() -> None:
    paths = [urls.HOME, urls.FINDER, urls.programmes_path(), urls.programme_path("a"), urls.programmes_path(2), urls.referrer_path(Referrer.self, 3), urls.PROGRAMMES_CSV]
    for source in paths:
        for target in paths:
            assert urls.relative_link(source, target) == posixpath.relpath(target, posixpath.dirname(source) or ".")
