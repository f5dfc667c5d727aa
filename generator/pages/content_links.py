"""The links in hand-written pages, checked against the page plan before any engine runs.

An editor who changes content/<lang>/about.md hears which line holds a link
that leads nowhere, and what to write instead, in our words. The check reads
the Markdown we are about to stage, so it does not depend on how the engine
words its own warnings (the engine still fails the build on any warning, as a
last guard for what this check does not read).

A link may name a page (about.md, ../providers/hacro.md), a data file
(data/programmes.csv), either with #heading, or a heading of the same page
(#csv). Links with a scheme (https:, mailto:, tel:) are outside the site.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata

from generator.problem import Problem

_LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_HREF = re.compile(r"""\bhref\s*=\s*["']([^"']*)["']""")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`[^`]*`")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_HTML_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")


def slug(text: str) -> str:
    """The id Python-Markdown's toc extension gives a heading (its default slugify)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def _prose_lines(text: str) -> list[tuple[int, str]]:
    """The lines of a Markdown text outside fenced code, numbered from 1."""
    lines, fenced = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            lines.append((number, line))
    return lines


def anchors(text: str) -> set[str]:
    """Every id a Markdown page will have: its headings' (as toc makes them, repeats numbered _1, _2), and ids written out."""
    found: set[str] = set()
    for _, line in _prose_lines(text):
        heading = _HEADING.match(line)
        if heading:
            written = _ATTR_ID.search(heading.group(2))
            title = _ATTR_ID.sub("", heading.group(2)).strip()
            anchor = written.group(1) if written else slug(re.sub(r"<[^>]+>|[*_`]", "", title))
            base, count = anchor, 0
            while anchor in found:
                count += 1
                anchor = f"{base}_{count}"
            found.add(anchor)
        else:
            found.update(match.group(1) for match in _ATTR_ID.finditer(line))
        found.update(_HTML_ID.findall(line))
    return found


def links(text: str) -> list[tuple[int, str]]:
    """Every link target written in a Markdown text, with its line."""
    found = []
    for number, line in _prose_lines(text):
        line = _CODE_SPAN.sub("", line)
        found += [(number, target) for target in _LINK.findall(line)]
        found += [(number, target) for target in _REFERENCE.findall(line)]
        found += [(number, target) for target in _HREF.findall(line)]
    return found


def _fault(target: str, page: str, docs: dict[str, str]) -> str | None:
    """What is wrong with one link from `page`, or None if it leads somewhere on the site."""
    if not target or _SCHEME.match(target):
        return None
    if target.startswith("/"):
        return f"the link “{target}” starts with /, so it breaks when the site moves; link to the page's file instead, e.g. glossary.md"
    address, _, anchor = target.partition("#")
    address = address.split("?", 1)[0]
    if address:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), address))
        if resolved not in docs:
            if address.endswith("/") or "." not in posixpath.basename(address):
                return f"the link “{target}” is not a page's file; link to a page by its file name, e.g. glossary.md"
            return f"the link “{target}” leads to no page of the site; link to a page by its file name, e.g. glossary.md or ../about.md"
    else:
        resolved = page
    if anchor and resolved.endswith(".md") and anchor not in anchors(docs[resolved]):
        return f"the link “{target}” points to a heading the page does not have; check the part after #"
    return None


def content_link_problems(content: dict[str, str], docs: dict[str, str], lang: str) -> list[Problem]:
    """Problems with the links of one language's hand-written pages (name → Markdown), against every file it stages (docs/ path → text)."""
    problems = []
    for name, text in sorted(content.items()):
        for line, target in links(text):
            fault = _fault(target, name, docs)
            if fault:
                problems.append(Problem(f"content/{lang}/{name}", line, "", fault))
    return problems
