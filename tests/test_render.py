"""Rendering rules: record text is escaped; names in the other language carry `lang`."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from generator.pages.render import Markdown, environment, escape, foreign_name_marker
from generator.pages.urls import built_address, relative_link
from generator.records.model import Area, Text

from .conftest import fixture_files


def test_escape_neutralises_markup_and_markdown() -> None:
    assert escape("<script>alert(1)</script>") == r"\<script\>alert\(1\)\</script\>"
    assert escape("[x](javascript:y) *a* _b_ {: .c} # d | e & f") == r"\[x\]\(javascript:y\) \*a\* \_b\_ \{: .c\} \# d \| e &amp; f"
    assert escape("two\nlines") == "two lines"
    assert escape(Markdown("**kept**")) == "**kept**"


def test_names_in_the_other_language_are_marked_once() -> None:
    names = [("Leger des Heils Jeugdbescherming en Reclassering", "nl"), ("Reclassering", "nl"), ("Refuge Floating Support", "en")]
    on_english = foreign_name_marker(names, "en")
    text = escape("Run by Leger des Heils Jeugdbescherming en Reclassering with Refuge Floating Support.")
    assert on_english(text) == 'Run by <span lang="nl">Leger des Heils Jeugdbescherming en Reclassering</span> with Refuge Floating Support.'
    on_dutch = foreign_name_marker(names, "nl")
    assert on_dutch(escape("Via Refuge Floating Support.")) == 'Via <span lang="en">Refuge Floating Support</span>.'


@pytest.mark.parametrize(
    ("text", "block"),
    [
        ("2026. A year", "ol"),
        ("- x", "ul"),
        ("+ x", "ul"),
        (": x", "dl"),
        ("# x", "h1"),
        ("===", "h1"),
        ("---", "h2"),
        ("> x", "blockquote"),
        ("Dads\r===\r- item", "h1"),
    ],
)
def test_a_text_printed_at_the_start_of_a_line_never_makes_markdown_structure(text: str, block: str) -> None:
    """Under a line, as a paragraph of its own and as a list item, the text stays words, read back as the engine reads a page (\\r is a line break)."""
    extensions = ["admonition", "attr_list", "def_list", "tables", "toc", "md_in_html"]

    def read(page: str) -> str:
        return markdown.markdown(page.replace("\r", "\n"), extensions=extensions)

    assert f"<{block}" in read(f"Label\n{text}\n\n{text}\n"), "the text does make structure when it is not escaped"
    page = read(f"Label\n{escape(text)}\n\n{escape(text)}\n\n- {escape(text)}\n")
    assert re.findall(r"<(\w+)", page) == ["p", "p", "ul", "li"]
    assert html.unescape(re.sub(r"<[^>]+>", "", page)).split("\n")[1] == text.replace("\r", " ")


def test_names_with_escaped_characters_still_match() -> None:
    mark = foreign_name_marker([("Children & Family Support Service", "en")], "nl")
    assert mark(escape("De Children & Family Support Service helpt.")) == 'De <span lang="en">Children &amp; Family Support Service</span> helpt.'


def test_relative_links_between_docs() -> None:
    assert relative_link("programmes/a.md", "providers/b.md") == "../providers/b.md"
    assert relative_link("index.md", "programmes/a.md") == "programmes/a.md"


def test_an_area_that_is_the_whole_country_is_named_once() -> None:
    programmes = {p.id: p for item in fixture_files() for p in item.record.programmes}
    nationwide = programmes["voorbeeld-vaders"].model_copy(update={"areas": [Area(code="NL", name=Text(en="The Netherlands", nl="Nederland"))]})
    for lang, whole, part in (("en", "The Netherlands", "Exampleshire (United Kingdom)"), ("nl", "Nederland", "Exampleshire (Verenigd Koninkrijk)")):
        label = environment(lang).filters["area_label"]
        assert label(nationwide) == whole
        assert label(programmes["example-group"]) == part


def test_relative_links_to_built_pages() -> None:
    assert built_address("finder.md", "referrals/social-worker.md") == "../referrals/social-worker/"
    assert built_address("finder.md", "referrals/index.md") == "../referrals/"
    assert built_address("index.md", "finder.md") == "finder/"
    assert built_address("programmes/a.md", "index.md") == "../../"
    assert built_address("finder.md", "finder.md") == "./"
