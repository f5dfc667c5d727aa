"""The site comes out the same on ProperDocs as on MkDocs 1.6 (README, "Engines").

The fixture records are built once per engine (DIRECTORY_ENGINE; the session's
build in tests/conftest.py is the one for its own engine), and the two sites
are compared: the same pages in both languages, the same links in each page,
the same hreflang alternates, the same open data byte for byte.
Only the engines' `<meta name="generator">` tags, which name them and their
versions, may differ; they are read, not compared, to show which engine built
which site.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from generator.build import Outcome, build, plan
from generator.languages import LANGUAGE_ROOTS
from generator.publish.engine import ENGINES, chosen_engine

from .conftest import TODAY, built, built_pages, copy_fixture_project, fixture_files

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def sites(built_project: tuple[Path, Outcome], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The fixture site built by each engine, by engine name: the session's own build for the engine it ran on."""
    sessions = chosen_engine()
    built_sites = {sessions: built(*built_project)}
    for engine in ENGINES:
        if engine == sessions:
            continue
        root = copy_fixture_project(tmp_path_factory.mktemp(engine))
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("DIRECTORY_ENGINE", engine)
            built_sites[engine] = built(root, build(root, TODAY))
    return built_sites


class _Attributes(HTMLParser):
    """Every tag's attributes of a page, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(page: Path) -> list[tuple[str, dict[str, str | None]]]:
    """The tags of a built page with their attributes."""
    parser = _Attributes()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.tags


def pages(site: Path) -> list[str]:
    """Every HTML page of a built site, by its path under site/."""
    return [path.relative_to(site).as_posix() for path in built_pages(site)]


def hrefs(page: Path) -> list[str]:
    """Every href of a page (links, stylesheets, alternates), in order."""
    return [attrs["href"] or "" for _, attrs in tags(page) if "href" in attrs]


def alternates(page: Path) -> list[tuple[str, str]]:
    """The hreflang alternates a page names in its head, as (hreflang, href)."""
    return [(attrs["hreflang"] or "", attrs["href"] or "") for tag, attrs in tags(page) if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs]


def generator_tag(page: Path) -> str:
    """What a page's `<meta name="generator">` says built it."""
    return next(attrs["content"] or "" for tag, attrs in tags(page) if tag == "meta" and attrs.get("name") == "generator")


def test_each_site_was_built_by_its_engine(sites: dict[str, Path]) -> None:
    assert generator_tag(sites["mkdocs"] / "index.html").startswith("mkdocs-1.")
    assert "ProperDocs" in generator_tag(sites["properdocs"] / "index.html")


def test_both_engines_build_the_same_pages_in_both_languages(sites: dict[str, Path]) -> None:
    mkdocs, properdocs = pages(sites["mkdocs"]), pages(sites["properdocs"])
    assert mkdocs == properdocs
    for root in LANGUAGE_ROOTS.values():
        assert f"{root}index.html" in mkdocs and f"{root}programmes/index.html" in mkdocs


def test_each_page_has_the_same_links(sites: dict[str, Path]) -> None:
    found = pages(sites["mkdocs"])
    assert len(found) > 20
    for path in found:
        links = hrefs(sites["mkdocs"] / path)
        assert links, path
        assert hrefs(sites["properdocs"] / path) == links, path


def test_each_page_has_the_same_hreflang_alternates(sites: dict[str, Path]) -> None:
    found = pages(sites["mkdocs"])
    for path in found:
        expected = alternates(sites["mkdocs"] / path)
        # Each language and x-default, on every page, the 404 pages too.
        assert len(expected) == len(LANGUAGE_ROOTS) + 1, path
        assert alternates(sites["properdocs"] / path) == expected, path


def test_open_data_is_the_same_byte_for_byte(sites: dict[str, Path]) -> None:
    _, data = plan(list(fixture_files()))
    for lang, root in LANGUAGE_ROOTS.items():
        # The base address changes what the files say, not which files there are.
        files = sorted(data.files(lang, "https://directory.example.org/", {}))
        assert len(files) > 4
        for name in files:
            path = f"{root}{name}"
            assert (sites["properdocs"] / path).read_bytes() == (sites["mkdocs"] / path).read_bytes(), path


def test_programme_pages_carry_the_same_json_ld(sites: dict[str, Path]) -> None:
    found = [path for path in pages(sites["mkdocs"]) if JSON_LD.search((sites["mkdocs"] / path).read_text(encoding="utf-8"))]
    assert len(found) == len(LANGUAGE_ROOTS) * len(plan(list(fixture_files()))[1].programmes)
    for path in found:
        assert JSON_LD.findall((sites["properdocs"] / path).read_text(encoding="utf-8")) == JSON_LD.findall((sites["mkdocs"] / path).read_text(encoding="utf-8")), path


def test_the_404_pages_lead_to_the_other_languages_home(sites: dict[str, Path]) -> None:
    # A 404 page is served at whatever address was missing, so its links must not depend on it.
    missing = "https://directory.example.org/{}no/such/page/"
    for site in sites.values():
        for lang, root in LANGUAGE_ROOTS.items():
            links = [(attrs["hreflang"], attrs["href"] or "") for tag, attrs in tags(site / root / "404.html") if "fpd-languages__link" in (attrs.get("class") or "")]
            assert links, (site, lang)
            for other, href in links:
                assert urljoin(missing.format(root), href) == f"https://directory.example.org/{LANGUAGE_ROOTS[other or '']}", (lang, href)
