"""What the first paint of every built page waits for: the stylesheets that apply on screen, never the printed sheet's, and no script.

Lighthouse (scripts/scores) blames every stylesheet in <head> that the browser
must fetch before it paints, and every script that is neither async nor
deferred, even at the end of <body>. print.css holds rules for print only, so
it is linked for print; the scripts are deferred, which runs them in the same
order once the page is parsed.
"""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import built_pages

STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*>")
SCRIPT_FILE = re.compile(r"<script\b[^>]*\bsrc=[^>]*>")


def test_no_page_waits_for_the_print_stylesheet_before_its_first_paint(site: Path) -> None:
    pages = built_pages(site)
    assert len(pages) > 40
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        links = STYLESHEET.findall(head)
        printed = [link for link in links if "assets/print.css" in link]
        assert len(printed) == 1 and 'media="print"' in printed[0], (page, links)
        blocking = [link for link in links if "media=" not in link]
        assert len(blocking) == 5, (page, blocking)  # Material's main and palette, and ours: directory, quick exit, finder
    # The rules it holds are for print only, as the media attribute says.
    css = (site / "assets" / "print.css").read_text(encoding="utf-8")
    outside = re.sub(r"@media print\s*\{(?:[^{}]|\{[^{}]*\})*\}", "", re.sub(r"/\*.*?\*/", "", css, flags=re.S))
    assert outside.strip() == ""


def test_every_script_file_is_deferred_material_first(site: Path) -> None:
    pages = built_pages(site)
    for page in pages:
        scripts = SCRIPT_FILE.findall(page.read_text(encoding="utf-8"))
        assert len(scripts) == 5 and "javascripts/bundle." in scripts[0], (page, scripts)
        assert all(tag.startswith("<script defer src=") for tag in scripts), (page, scripts)
