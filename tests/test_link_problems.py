"""A broken link in a hand-written page stops the build with the file, the line and what to do."""

from __future__ import annotations

from pathlib import Path

from generator.build import build
from generator.publish.link_problems import content_link_problems

from .conftest import TODAY, copy_project

OUTPUT = """\
INFO    -  Building documentation to directory: /tmp/build/site-nl
WARNING -  Doc file 'about.md' contains a link 'nowhere.md', but the target is not found among documentation files.
WARNING -  Doc file 'about.md' contains a link 'glossary.md#none', but the doc 'glossary.md' does not contain an anchor '#none'.
WARNING -  Doc file 'about.md' contains an absolute link '/privacy/', it was left as is.
WARNING -  Doc file 'about.md' contains an unrecognized relative link 'privacy/', it was left as is.
WARNING -  Doc file 'programmes/x.md' contains a link 'y.md', but the target is not found among documentation files.
Aborted with 5 warnings in strict mode!
"""


def test_warnings_about_content_pages_become_problems_and_the_rest_stay_for_developers(tmp_path: Path) -> None:
    page = tmp_path / "content" / "nl" / "about.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Over\n\n[a](nowhere.md)\n[b](glossary.md#none) [c](/privacy/)\n\n[d](privacy/)\n", encoding="utf-8")
    problems, others = content_link_problems(OUTPUT, "nl", tmp_path)
    assert [str(p) for p in problems] == [
        "content/nl/about.md:3: the link “nowhere.md” leads to no page of the site; link to a page by its file name, e.g. glossary.md or ../about.md",
        "content/nl/about.md:4: the link “glossary.md#none” points to a heading the page does not have; check the part after #",
        "content/nl/about.md:4: the link “/privacy/” starts with /, so it breaks when the site moves; link to the page's file instead, e.g. glossary.md",
        "content/nl/about.md:6: the link “privacy/” is not a page's file; link to a page by its file name, e.g. glossary.md",
    ]
    assert others == ["WARNING -  Doc file 'programmes/x.md' contains a link 'y.md', but the target is not found among documentation files."]


def test_a_broken_link_in_a_content_page_stops_the_build_and_keeps_the_last_site(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    assert build(root, TODAY).built
    before = (root / "site" / "about" / "index.html").read_text(encoding="utf-8")
    page = root / "content" / "en" / "about.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    page.write_text("\n".join(lines + ["", "See the [missing page](nowhere.md)."]) + "\n", encoding="utf-8")
    outcome = build(root, TODAY)
    assert not outcome.built and not outcome.messages
    assert [str(p) for p in outcome.errors] == [
        f"content/en/about.md:{len(lines) + 2}: the link “nowhere.md” leads to no page of the site; link to a page by its file name, e.g. glossary.md or ../about.md"
    ]
    assert (root / "site" / "about" / "index.html").read_text(encoding="utf-8") == before
