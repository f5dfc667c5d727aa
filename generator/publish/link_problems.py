"""MkDocs's warnings about links in hand-written pages, as problems an editor can act on.

MkDocs names the page as it sits in the build folder ("Doc file 'about.md'")
and words the fault for developers. An editor changed content/<lang>/about.md,
so the problem names that file, the line the link is on, and what to do.
Warnings about generated pages are the developers' to fix and stay as MkDocs
wrote them.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.problem import Problem

_LINK_WARNING = re.compile(
    r"WARNING\s+-\s+Doc file '(?P<doc>[^']+)' contains (?P<kind>an absolute |an unrecognized relative |a )link '(?P<link>[^']+)', (?P<why>.*)$"
)


def _advice(link: str, kind: str, why: str) -> str:
    """What is wrong with a link, and what to write instead."""
    if kind.strip() == "an absolute":
        return f"the link “{link}” starts with /, so it breaks when the site moves; link to the page's file instead, e.g. glossary.md"
    if kind.strip() == "an unrecognized relative":
        return f"the link “{link}” is not a page's file; link to a page by its file name, e.g. glossary.md"
    if "anchor" in why:
        return f"the link “{link}” points to a heading the page does not have; check the part after #"
    return f"the link “{link}” leads to no page of the site; link to a page by its file name, e.g. glossary.md or ../about.md"


def _line_of(text: str, link: str) -> int:
    """The line the link is written on (the first one, if it is there more than once)."""
    lines = text.splitlines()
    for needle in (f"]({link}", link):
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return 1


def content_link_problems(output: str, lang: str, root: Path) -> tuple[list[Problem], list[str]]:
    """From one language's MkDocs output: problems in content/<lang>/ files, and the warnings left for developers."""
    problems: list[Problem] = []
    others: list[str] = []
    for line in output.splitlines():
        if not line.startswith("WARNING"):
            continue
        found = _LINK_WARNING.match(line)
        source = f"content/{lang}/{found.group('doc')}" if found else ""
        if found and (root / source).is_file():
            link = found.group("link")
            text = (root / source).read_text(encoding="utf-8")
            problems.append(Problem(source, _line_of(text, link), "", _advice(link, found.group("kind"), found.group("why"))))
        else:
            others.append(line)
    return problems, others
