"""Each language's sitemap, dated by the records' history rather than by the day of the build.

The engine dates every page of its sitemap with the day it runs, and gzips
it with that time: two builds of one commit on different days would differ.
Each page is dated instead by the last commit that changed the file it is
made from (publish/history.py); a page whose file has no history (outside
git) has no date.
"""

from __future__ import annotations

import datetime
import html
import re

from generator.pages.plan import Page
from generator.pages.urls import built_file

_URL = re.compile(r"(<loc>([^<]*)</loc>)(\s*<lastmod>[^<]*</lastmod>)?")


def page_dates(pages: list[Page], content: list[str], lang: str, history: dict[str, datetime.date]) -> dict[str, str]:
    """When each page of one language last changed (built path → ISO date): generated `pages` by their source, hand-written `content` pages by their file."""
    sources = {built_file(page.path): page.source for page in pages}
    sources.update({built_file(name): f"content/{lang}/{name}" for name in content if name.endswith(".md")})
    return {path: history[source].isoformat() for path, source in sources.items() if source in history}


def dated_sitemap(xml: str, site_url: str, dates: dict[str, str]) -> str:
    """The engine's sitemap (`xml`, of the language served at `site_url`) with each page's date from `dates` (built path → ISO date), or none."""

    def dated(url: re.Match[str]) -> str:
        address = html.unescape(url[2]).removeprefix(site_url)
        day = dates.get(built_file(address.rstrip("/") + ".md" if address else "index.md"))
        return url[1] + (f"\n         <lastmod>{day}</lastmod>" if day else "")

    return _URL.sub(dated, xml)
