"""A broken link in a hand-written page stops the build, before the engine runs, with the file, the line and what to do."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.build import Outcome, build
from generator.pages.content_links import anchors, content_link_problems, slug

from .conftest import TODAY, built

DOCS = {
    "about.md": "",
    "glossary.md": "# Glossary\n\n## Section 7 report\n\n## Cafcass { #cafcass }\n",
    "privacy.md": "# Privacy\n\n## Cookies\n\n## Cookies\n",
    "programmes/index.md": "<h2 id=\"area-hertfordshire\">Hertfordshire</h2>\n",
    "data/programmes.csv": "id\n",
}


def problems_in(text: str) -> list[str]:
    """The problems the check finds in a Dutch about.md holding `text`."""
    docs = DOCS | {"about.md": text}
    return [str(p) for p in content_link_problems({"about.md": text}, docs, "nl")]


def test_links_that_lead_nowhere_are_named_with_their_line_and_what_to_write() -> None:
    text = "# Over\n\n[a](nowhere.md)\n[b](glossary.md#none) [c](/privacy/)\n\n[d](privacy/)\n"
    assert problems_in(text) == [
        "content/nl/about.md:3: the link “nowhere.md” leads to no page of the site; link to a page by its file name, e.g. glossary.md or ../about.md",
        "content/nl/about.md:4: the link “glossary.md#none” points to a heading the page does not have; check the part after #",
        "content/nl/about.md:4: the link “/privacy/” starts with /, so it breaks when the site moves; link to the page's file instead, e.g. glossary.md",
        "content/nl/about.md:6: the link “privacy/” is not a page's file; link to a page by its file name, e.g. glossary.md",
    ]


def test_links_to_pages_headings_and_files_of_the_site_hold() -> None:
    text = (
        "# Over\n\n## Onze bronnen\n\n"
        "[a](glossary.md#section-7-report) [b](glossary.md#cafcass) [c](privacy.md#cookies_1)\n"
        "[d](programmes/index.md#area-hertfordshire) [e](data/programmes.csv) [f](#onze-bronnen)\n"
        "[g](https://example.org/x.md) [h](mailto:a@example.org) [i](tel:999) [j](finder.md?area=x)\n"
    )
    assert problems_in(text.replace(" [j](finder.md?area=x)", "")) == []
    assert problems_in(text) == ["content/nl/about.md:7: the link “finder.md?area=x” leads to no page of the site; link to a page by its file name, e.g. glossary.md or ../about.md"]


def test_links_in_code_are_not_links_and_reference_links_are() -> None:
    text = "# Over\n\n`[x](nowhere.md)`\n\n```\n[y](nowhere.md)\n```\n\n[z][ref]\n\n[ref]: gone.md\n"
    assert problems_in(text) == ["content/nl/about.md:11: the link “gone.md” leads to no page of the site; link to a page by its file name, e.g. glossary.md or ../about.md"]


def test_a_heading_id_follows_python_markdown() -> None:
    assert anchors("## JSON-LD van `schema.org` <a id=\"json-ld\"></a>\n") == {"json-ld-van-schemaorg", "json-ld"}
    assert slug("Wie mag aanmelden?") == "wie-mag-aanmelden"


def test_a_broken_link_in_a_content_page_stops_the_build_and_keeps_the_last_site(built_project: tuple[Path, Outcome], tmp_path: Path) -> None:
    root = Path(shutil.copytree(built_project[0], tmp_path / "project"))
    before = (built(root, built_project[1]) / "about" / "index.html").read_text(encoding="utf-8")
    page = root / "content" / "en" / "about.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    page.write_text("\n".join(lines + ["", "See the [missing page](nowhere.md)."]) + "\n", encoding="utf-8")
    outcome = build(root, TODAY)
    assert not outcome.built and not outcome.messages
    assert [str(p) for p in outcome.errors] == [
        f"content/en/about.md:{len(lines) + 2}: the link “nowhere.md” leads to no page of the site; link to a page by its file name, e.g. glossary.md or ../about.md"
    ]
    assert (root / "site" / "about" / "index.html").read_text(encoding="utf-8") == before
