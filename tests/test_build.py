"""A full build of the fixture records: pages, languages, switcher, search, open data, privacy."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from generator.languages import LANGUAGE_ROOTS
from generator.records.model import Referrer

from .conftest import ROOT, built_pages, fixture_files

PROGRAMMES = ["example-group", "example-one-to-one", "only-route-group", "only-route-follow-on", "voorbeeld-vaders", "wales-tadau", "riverside-online"]
PROVIDERS = ["example", "only-route", "voorbeeld", "wales", "riverside"]
HAND_WRITTEN = sorted(p.stem for p in (ROOT / "content" / "en").glob("*.md"))


def html_pages(site: Path, lang: str) -> dict[str, str]:
    """Every page of one language by its URL path (without the /nl/ prefix)."""
    base = site / LANGUAGE_ROOTS[lang].rstrip("/") if lang != "en" else site
    pages = {}
    for path in built_pages(base, "index.html"):
        relative = path.parent.relative_to(base).as_posix()
        if lang == "en" and (relative == "nl" or relative.startswith("nl/")):
            continue
        pages["" if relative == "." else relative + "/"] = path.read_text(encoding="utf-8")
    assert len(pages) > 20, "the tests below would check too few pages"
    return pages


def expected_paths() -> set[str]:
    paths = {"", "programmes/", "providers/", "referrals/"}
    paths |= {f"programmes/{p}/" for p in PROGRAMMES} | {f"providers/{p}/" for p in PROVIDERS}
    paths |= {f"referrals/{r.value.replace('_', '-')}/" for r in Referrer}
    paths |= {f"{name}/" for name in HAND_WRITTEN if name != "index"}
    return paths


def test_the_fixture_records_are_the_programmes_and_providers_named_here() -> None:
    assert sorted(p.id for item in fixture_files() for p in item.record.programmes) == sorted(PROGRAMMES)
    assert sorted(item.record.provider.id for item in fixture_files()) == sorted(PROVIDERS)


def test_build_succeeded_with_strict_mkdocs_for_both_languages(built_project) -> None:
    root, outcome = built_project
    assert outcome.built and not outcome.errors and not outcome.messages
    for lang in LANGUAGE_ROOTS:
        assert (root / "build" / f"mkdocs.{lang}.yml").is_file()


@pytest.mark.parametrize("lang", list(LANGUAGE_ROOTS))
def test_page_list_is_the_same_in_each_language(site: Path, lang: str) -> None:
    assert expected_paths() <= set(html_pages(site, lang))
    assert set(html_pages(site, "en")) == set(html_pages(site, "nl"))


@pytest.mark.parametrize("lang", list(LANGUAGE_ROOTS))
def test_html_lang_is_right_on_every_page(site: Path, lang: str) -> None:
    for path, html in html_pages(site, lang).items():
        assert re.search(rf'<html lang="{lang}"', html), path


@pytest.mark.parametrize("lang", list(LANGUAGE_ROOTS))
def test_switcher_lands_on_the_same_page_in_the_other_language(site: Path, lang: str) -> None:
    other = {"en": "nl", "nl": "en"}[lang]
    for path, html in html_pages(site, lang).items():
        links = re.findall(r'<a class="fpd-languages__link" href="([^"]+)" hreflang="(\w+)" lang="\w+"', html)
        assert [hreflang for _, hreflang in links] == [other], path
        page_url = "http://site/" + LANGUAGE_ROOTS[lang] + path
        target = urlparse(urljoin(page_url, links[0][0])).path
        assert target == "/" + LANGUAGE_ROOTS[other] + path, (path, target)
        assert (site / target.lstrip("/") / "index.html").is_file(), target


@pytest.mark.parametrize("lang", list(LANGUAGE_ROOTS))
def test_hreflang_alternates_are_absolute_and_per_page(site: Path, lang: str) -> None:
    for path, html in html_pages(site, lang).items():
        alternates = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))
        assert set(alternates) == {"en", "nl", "x-default"}, path
        assert alternates["en"].endswith("/" + path) and alternates["nl"].endswith("/nl/" + path)
        assert all(href.startswith("https://") for href in alternates.values())


def test_each_language_has_its_own_search_index_of_the_same_pages(site: Path) -> None:
    entries = {lang: json.loads((site / root / "pagefind" / "pagefind-entry.json").read_text()) for lang, root in (("en", ""), ("nl", "nl/"))}
    # One bundle per language, under the language's root, holding that language alone.
    assert {lang: list(entry["languages"]) for lang, entry in entries.items()} == {"en": ["en"], "nl": ["nl"]}
    languages = {lang: entry["languages"][lang] for lang, entry in entries.items()}
    assert languages["en"]["page_count"] == languages["nl"]["page_count"] > 10
    # Every page marked for search is indexed, and no other (Pagefind reads only the folders of marked pages).
    for lang in ("en", "nl"):
        marked = [path for path, html in html_pages(site, lang).items() if "data-pagefind-body" in html]
        assert languages[lang]["page_count"] == len(marked)
    # Dutch pages are indexed with the Dutch stemmer's WebAssembly.
    assert languages["nl"]["wasm"] == "nl"
    assert not (site / "search").exists() and not (site / "nl" / "search").exists()


def test_no_file_of_the_search_bundles_is_left_empty(site: Path) -> None:
    for bundle in (site / "pagefind", site / "nl" / "pagefind"):
        files = [path for path in bundle.rglob("*") if path.is_file()]
        assert len(files) > 5
        assert [path.relative_to(site).as_posix() for path in files if path.stat().st_size == 0] == []


def test_search_reads_records_answers_comparison_and_hand_written_pages_but_not_lists(site: Path) -> None:
    for lang, prefix in LANGUAGE_ROOTS.items():
        pages = html_pages(site, lang)
        marked = {path for path, html in pages.items() if "data-pagefind-body" in html}
        assert {"programmes/example-group/", "providers/example/", "glossary/", "", "finder/", "compare/", "referrals/", "referrals/cafcass/"} <= marked
        assert not marked & {"programmes/", "providers/", "models/", "editors/"}
        # The pages that repeat every programme count for less than the programme's own page.
        weighted = {path for path, html in pages.items() if 'data-pagefind-body data-pagefind-weight="0.2"' in html}
        assert "compare/" in weighted and "referrals/cafcass/" in weighted and not weighted & {"programmes/example-group/", "finder/", "referrals/"}
        programme = (site / prefix / "programmes" / "example-group" / "index.html").read_text()
        # Meta in an attribute, so that no hidden text comes into the page or its excerpts.
        assert '<span data-pagefind-meta="provider:EFS"></span>' in programme
        article = programme[programme.index("<article") : programme.index("</article>")]
        assert "<span hidden>" not in article and "verwijz" not in article.lower()


ENGLISH_UI = ["Key facts", "How to refer", "not published", "Who may refer", "Last reviewed", "Referral routes", "All programmes"]


def test_dutch_pages_show_no_english_interface_words(site: Path) -> None:
    for path, html in html_pages(site, "nl").items():
        for word in ENGLISH_UI:
            assert word not in html, (path, word)


def test_numbers_and_dates_follow_the_page_locale(site: Path) -> None:
    english = (site / "programmes" / "example-group" / "index.html").read_text()
    dutch = (site / "nl" / "programmes" / "example-group" / "index.html").read_text()
    assert "20,906" in english and "20.906" in dutch
    assert "15 January 2026" in english and "15 januari 2026" in dutch


def test_unknown_facts_say_not_published(site: Path) -> None:
    english = (site / "programmes" / "example-group" / "index.html").read_text()
    dutch = (site / "nl" / "programmes" / "example-group" / "index.html").read_text()
    assert "Not published: cost." in english and '<span class="fpd-unpublished">not published</span>' in english
    assert "Niet vermeld: kosten." in dutch and '<span class="fpd-unpublished">niet vermeld</span>' in dutch


def test_record_pages_stay_out_of_the_sidebar(site: Path) -> None:
    html = (site / "programmes" / "index.html").read_text()
    sidebar = html.split('class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "example-group" not in sidebar and "providers/example" not in sidebar


def test_no_page_requests_a_third_party_host(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        html = path.read_text(encoding="utf-8")
        for url in re.findall(r'(?:src|href)="((?:https?:)?//[^"]+)"', html):
            if re.search(r'<link rel="alternate" hreflang="[\w-]+" href="' + re.escape(url), html):
                continue
            assert not re.search(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=\"" + re.escape(url), html), (path, url)
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, path


def test_open_data_lists_every_programme_with_its_routes(site: Path) -> None:
    data = json.loads((site / "data" / "programmes.json").read_text())
    programmes = {p["id"]: p for p in data["programmes"]}
    assert sorted(programmes) == sorted(PROGRAMMES)
    for entry in programmes.values():
        assert set(entry["name"]) == {"en", "nl"} and set(entry["provider"]["name"]) == {"en", "nl"}
        for lang, url in entry["url"].items():
            assert url.startswith("/" + LANGUAGE_ROOTS[lang])
            assert (site / url.lstrip("/") / "index.html").is_file(), url
        assert entry["areas"] and "kind" in entry["format"] and "contacts" in entry
        for route in entry["referral_routes"]:
            assert route["referrer"] in {r.value for r in Referrer}
            assert isinstance(route["allowed"], bool) and isinstance(route["conditions"], list)
    group = {r["referrer"]: r for r in programmes["example-group"]["referral_routes"]}
    assert group["cafcass"]["allowed"] is False
    assert group["self"]["allowed"] is True and group["self"]["conditions"]
    assert group["social_worker"]["allowed"] is True and not group["social_worker"]["conditions"]


def test_every_programme_and_fact_source_appears(site: Path) -> None:
    english = (site / "programmes" / "example-group" / "index.html").read_text()
    assert "team@service.example.org" in english and "Example web page" in english and "Motivational interviewing." in english
    dutch = (site / "nl" / "programmes" / "example-group" / "index.html").read_text()
    assert "80%" in dutch and "Voorbeeld-webpagina" in dutch


def test_every_link_within_the_site_leads_to_a_file(site: Path) -> None:
    """MkDocs checks the links it knows of; this checks every href and src in the built pages, as a reader follows them."""
    broken = []
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        page_url = "/" + path.relative_to(site).as_posix()
        html = path.read_text(encoding="utf-8")
        for url in re.findall(r'(?:src|href)="([^"#?]+)[^"]*"', html):
            if urlparse(url).scheme or url.startswith("//"):
                continue
            target = site / urlparse(urljoin(page_url, url)).path.lstrip("/")
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append((page_url, url))
    assert broken == []


@pytest.mark.parametrize("lang", list(LANGUAGE_ROOTS))
def test_the_open_data_page_links_to_the_file(site: Path, lang: str) -> None:
    page = site / LANGUAGE_ROOTS[lang] / "open-data" / "index.html"
    links = re.findall(r'href="([^"]*programmes\.json)"', page.read_text(encoding="utf-8"))
    assert links
    for url in links:
        target = site / urlparse(urljoin("/" + LANGUAGE_ROOTS[lang] + "open-data/", url)).path.lstrip("/")
        assert json.loads(target.read_text(encoding="utf-8"))["programmes"], url
