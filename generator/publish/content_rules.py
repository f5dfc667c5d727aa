"""What a hand-written page (content/<lang>/*.md) may hold: Markdown and the few HTML elements the pages use.

Markdown passes raw HTML through, and an attribute list ({onclick=…}) sets any
attribute, so a pull request could publish a script, a frame, a redirect
(<meta http-equiv="refresh">, which no Content-Security-Policy stops), a form
or an image from another host. Each page is rendered as MkDocs renders it and
the HTML that comes out is held to an allow-list: whatever way the Markdown was
written, what is refused is what would reach the reader. A refusal names the
line of the page where its text first appears.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import markdown
from mkdocs.utils.meta import get_data

from generator.languages import LANGUAGES
from generator.pages import urls
from generator.problem import Problem
from generator.publish.config_rules import MARKDOWN_EXTENSIONS

CONTENT_FOLDER = "content"

_MARKDOWN_ELEMENTS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "em", "strong", "code", "pre", "blockquote", "hr", "br"}
_MARKDOWN_ELEMENTS |= {"table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "a", "img", "div", "span"}
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}
"""Beyond id, class and lang (any element): what Markdown writes, and the <div class>, <span lang> and <a id> the pages use."""

_COMMON_ATTRIBUTES = {"id", "class", "lang"}
_NAME = re.compile(r"[\w -]*")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
FRONT_MATTER = {"title"}
"""The front matter a hand-written page may set; others (template, hide, …) would change how the theme builds it."""

# MkDocs always adds these to the configured ones.
_EXTENSIONS = sorted({"toc", "tables", "fenced_code"} | MARKDOWN_EXTENSIONS)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def _address_problem(element: str, value: str) -> str | None:
    """Why an address may not stand in a link or an image, if it may not; browsers skip spaces and control characters in it."""
    address = _INVISIBLE.sub("", value).lower()
    scheme = _SCHEME.match(address)
    if element == "img":
        if scheme or address.startswith(("//", "\\\\", "/\\", "\\/")):
            return f"the image “{value}” is on another site, which would learn of every reader; put the image in the project and link it by its path"
        return None
    if scheme and scheme.group(1) not in LINK_SCHEMES:
        return f"a link to “{value}” runs or opens something other than a page; links may be to pages (https:), e-mail (mailto:) or phone numbers (tel:)"
    return None


class _Refusals(HTMLParser):
    """Reads a rendered page and notes what the allow-list refuses, as (reason, text to find it by in the source)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refused: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _MARKDOWN_ELEMENTS:
            allowed = "Markdown, <div class>, <span lang> and <a id>"
            self.refused.append((f"<{tag}> is not allowed in a hand-written page (it may hold {allowed}); write it in Markdown or ask a developer", f"<{tag}"))
            return
        for name, value in attrs:
            value = value or ""
            if name not in _COMMON_ATTRIBUTES | ALLOWED_ATTRIBUTES.get(tag, set()):
                self.refused.append((f"the attribute {name} is not allowed on <{tag}> in a hand-written page; only id, class and lang are, and a link's address", name))
            elif name in _COMMON_ATTRIBUTES and not _NAME.fullmatch(value):
                self.refused.append((f"{name}=“{value}” may hold only letters, digits, hyphens and spaces", value))
            elif name in ("href", "src") and (reason := _address_problem(tag, value)):
                self.refused.append((reason, value))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_decl(self, decl: str) -> None:
        self.refused.append(("a <!…> declaration is not allowed in a hand-written page", "<!" + decl[:10]))

    def unknown_decl(self, data: str) -> None:
        self.handle_decl(data)

    def handle_pi(self, data: str) -> None:
        self.refused.append(("a <?…> instruction is not allowed in a hand-written page", "<?" + data[:10]))


def _line_finder(text: str) -> Callable[[str], int]:
    """A function from a piece of the page's text to the line where it next appears (line 1 if it does not)."""
    folded = html.unescape(text).casefold()
    after: dict[str, int] = {}
    # Where each line starts, so that finding a line is a search, not a count through the text (a page may hold many refusals).
    breaks = [match.start() for match in re.finditer("\n", folded)]

    def line_of(needle: str) -> int:
        key = needle.casefold()
        start = folded.find(key, after.get(key, 0))
        if start < 0:
            start = folded.find(key)
        if start < 0:
            return 1
        after[key] = start + 1
        return bisect.bisect_left(breaks, start) + 1

    return line_of


@functools.cache
def _markdown() -> markdown.Markdown:
    """One Markdown reader for every page: setting up its extensions costs more than reading a page."""
    return markdown.Markdown(extensions=_EXTENSIONS)


def page_problems(name: str, text: str) -> list[Problem]:
    """What a hand-written page (`name`, e.g. content/en/about.md) holds that a page may not."""
    body, meta = get_data(text)
    line_of = _line_finder(text)
    problems = [
        Problem(name, line_of(f"{key}:"), key, f"a hand-written page may set only {', '.join(sorted(FRONT_MATTER))} at its top; {key} would change how the page is built")
        for key in meta
        if key not in FRONT_MATTER
    ]
    problems += [
        Problem(name, line_of(f"{key}:"), key, "write plain text, without <, >, \" or &")
        for key in FRONT_MATTER
        if key in meta and (not isinstance(meta[key], str) or set(meta[key]) & set('<>"&'))
    ]
    reader = _Refusals()
    reader.feed(_markdown().reset().convert(body))
    reader.close()
    return problems + [Problem(name, line_of(needle), "", reason) for reason, needle in reader.refused]


def _file_problems(root: Path, path: Path) -> Iterator[Problem]:
    name = path.relative_to(root).as_posix()
    parts = path.relative_to(root / CONTENT_FOLDER).parts
    if len(parts) < 2 or parts[0] not in LANGUAGES or path.suffix != ".md":
        yield Problem(name, 1, "", f"only Markdown pages (.md) belong in content/, in a folder per language ({', '.join(f'content/{lang}/' for lang in LANGUAGES)}); anything else would be published as it is")
        return
    page = "/".join(parts[1:])
    if urls.is_generated_page(page):
        yield Problem(name, 1, "", f"the generator makes the page at {urls.page_url(page, parts[0])} itself; a hand-written page there would replace it, so give this page another name")
        return
    # x.md is served as x/, so a page can stand in a folder by its name alone.
    folder = urls.built_file(page).split("/")[0]
    if folder in urls.GENERATED_FOLDERS:
        yield Problem(name, 1, "", f"the folder {folder}/ holds the pages and files the generator makes; a hand-written page there could replace one, so put it in another folder")
        return
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        yield Problem(name, path.read_bytes()[: error.start].count(b"\n") + 1, "", "this page is not saved as UTF-8; save it as UTF-8 in your editor")
        return
    yield from page_problems(name, text)


def content_problems(root: Path) -> list[Problem]:
    """Every file in content/ that is not a page, stands where a generated page does, or holds what pages may not."""
    folder = root / CONTENT_FOLDER
    return [problem for path in sorted(folder.rglob("*")) if path.is_file() for problem in _file_problems(root, path)]
