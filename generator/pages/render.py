"""Pure functions from a page's data to Markdown, through Jinja2 templates.

Every value a template prints is escaped for Markdown and HTML unless it is
`Markdown` (the GOV.UK Frontend rule: text is escaped, html is explicit), so a
record can never put markup into a page.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from generator.languages import OTHER_LANGUAGE
from generator.pages import i18n, urls
from generator.pages.answers import verdict_words
from generator.pages.plan import Page
from generator.records.checks import REVIEW_WARN_DAYS
from generator.records.model import UNKNOWN, Programme, Referrer, Text, known

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "site_templates"
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>])")
_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
"""Every character Markdown or Python takes for the end of a line: one text stays on one line."""
_LINE_START = re.compile(r"^(\s*)(?:([-=:~?])|([0-9]+)\.(?=\s|$))")
"""What makes a line a list item (“- x”, “2026. A year”), a definition (“: x”), a heading's underline (“===”, “---”) or a fence (“~~~”)."""


_COMPILED = jinja2.FileSystemBytecodeCache(pattern=f"__fpd_{hashlib.blake2b(Path(__file__).read_bytes(), digest_size=8).hexdigest()}_%s.cache")
"""Compiled templates, kept between builds: compiling them took as long as rendering the pages a one-record change renders.

Jinja's own folder for the user, in the system's temporary folder, which it
makes private to the user and refuses if anyone else could write to it: no
project file, so nothing a pull request brings, becomes code that runs. A file
is used only for the template source it was compiled from; the name carries a
digest of this module, whose settings (the i18n extension, trimming) the compiled code depends on.
"""


class Markdown(str):
    """Markdown a template or filter built on purpose; printed as it is."""


def escape(value: Any) -> str:
    """Escape a value so that Markdown and HTML show it as plain text."""
    if isinstance(value, Markdown):
        return value
    text = "" if value is None else str(value)
    text = _SPECIAL.sub(r"\\\1", _LINE_BREAK.sub(" ", text.replace("&", "&amp;")))
    # A text may be printed at the start of a line: its first character is written as a character reference,
    # which Markdown shows as the character and never reads as structure.
    return _LINE_START.sub(lambda m: m.group(1) + (f"&#{ord(m.group(2))};" if m.group(2) else f"{m.group(3)}&#46;"), text, count=1)


def _unmarked(text: str) -> str:
    return text


def email_text(address: str) -> Markdown:
    """An e-mail address as a link's words, with a break opportunity after the @ and each dot, so that a phone breaks it there and not mid-word."""
    return Markdown(re.sub(r"([@.])", r"\1<wbr>", escape(address)))


def foreign_name_marker(names: list[tuple[str, str]], lang: str, whole: bool = False) -> Callable[[str], str]:
    """A function that wraps names in another language than the page's in <span lang>: anywhere in a text, or (`whole`) a text that is the name.

    It works on escaped text, so the names are escaped the same way first; the
    longest name is tried first, so a name inside a longer one is not marked twice.
    """
    others = sorted({(escape(name), name_lang) for name, name_lang in names if name_lang != lang}, key=lambda item: -len(item[0]))
    if not others:
        return _unmarked
    languages = dict(others)
    if whole:
        return lambda text: f'<span lang="{languages[text]}">{text}</span>' if text in languages else text
    pattern = re.compile("|".join(re.escape(name) for name, _ in others))
    return lambda text: pattern.sub(lambda m: f'<span lang="{languages[m.group(0)]}">{m.group(0)}</span>', text)


def repo_url(repository: dict[str, str] | None, action: str, file: str, line: int | None = None) -> Markdown | None:
    """The address of a file on the repository host: action is blob (view), edit or commits (history)."""
    if not repository:
        return None
    anchor = f"#L{line}" if line and action == "blob" else ""
    return Markdown(f"{repository['url']}/{action}/{repository['branch']}/{file}{anchor}")


def source_link(repository: dict[str, str] | None, file: str, line: int | None = None) -> Markdown:
    """A link to a file (and line) on the repository host, or the plain path where none is set."""
    label = f"{file}:{line}" if line else file
    url = repo_url(repository, "blob", file, line)
    return Markdown(f"[`{label}`]({url})" if url else f"`{label}`")


def environment(
    lang: str,
    today: datetime.date | None = None,
    repository: dict[str, str] | None = None,
    history: dict[str, datetime.date] | None = None,
    names: dict[str, list[tuple[str, str]]] | None = None,
) -> jinja2.Environment:
    """A Jinja2 environment that renders in one language, as on `today` (for review notices).

    `repository` ({url, branch}) turns on edit and history links to the files
    pages come from; `history` gives the date each file last changed in git;
    `names` (record file → [(name, language)]) are marked with `lang` wherever
    they appear in text of the other language, on the pages made from the
    record that declares them (`render_page` says which record a page is of):
    a record's names never reach the pages of another.
    """
    # Pages made from every record mark only whole names (see build.foreign_names).
    markers = {source: foreign_name_marker(pairs, lang, whole=source == urls.RECORDS_FOLDER) for source, pairs in (names or {}).items()}
    page_of: list[str] = [""]

    @functools.cache
    def plain_text(text: str, source: str) -> str:
        # The same texts (interface words, names, areas) are printed on page after page.
        return markers.get(source, _unmarked)(escape(text))

    def plain(value: Any) -> str:
        """A value printed as plain text: escaped, with the names of the page's record in the other language marked."""
        return plain_text(value, page_of[0]) if type(value) is str else markers.get(page_of[0], _unmarked)(escape(value))

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        bytecode_cache=_COMPILED,
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=lambda value: value if isinstance(value, Markdown) else plain(value),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # The Babel extractor reads templates with trimmed=true (babel.cfg): they must agree.
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_translations(i18n.translations(lang), newstyle=True)  # type: ignore[attr-defined]
    unpublished = i18n.translations(lang).gettext("not published — contact the provider")

    def t(value: Text | str | None) -> str:
        if value is None or value == UNKNOWN:
            return unpublished
        return value.get(lang) if isinstance(value, Text) else str(value)

    def area_label(programme: Programme) -> str:
        """Where a programme runs, e.g. “Hertfordshire (United Kingdom)”; an area that is the whole country (its code is the country's) once."""
        names = [t(area.name) for area in programme.areas]
        if len(programme.areas) == 1 and programme.areas[0].is_whole(programme.country):
            return names[0]
        return f"{', '.join(names)} ({i18n.country_name(programme.country, lang)})"

    env.filters.update(
        t=t,
        area_label=area_label,
        places=lambda value: i18n.places(value, lang),
        # The father himself is spoken to ("You can refer yourself"); everyone else is told about their role.
        verdict_words=lambda entry: verdict_words(entry, lang, to_the_father=entry.referrer == Referrer.self),
        # A heading or label that starts with a name list ("the Netherlands") starts with a capital.
        capital=lambda value: value[:1].upper() + value[1:],
        label=lambda value: i18n.label(value, lang),
        label_in_text=lambda value: i18n.label_in_text(value, lang),
        country=lambda value: i18n.country_name(value, lang),
        number=lambda value: unpublished if value == UNKNOWN else i18n.number(value, lang),
        percent=lambda value: i18n.percent(value, lang),
        date=lambda value: i18n.long_date(value, lang),
        md=Markdown,
        # Record text inside Markdown built in a template, e.g. a link's words.
        text=lambda value: Markdown(plain(value)),
        email=email_text,
        # Front matter: Material prints title and description into HTML unescaped.
        yaml=lambda value: Markdown(json.dumps(html.escape(str(value)), ensure_ascii=False)),
        review_overdue=lambda reviewed: today is not None and (today - reviewed).days > REVIEW_WARN_DAYS,
        # A course whose start has passed is never shown as upcoming (the deploy rebuilds the site daily).
        upcoming=lambda courses: sorted((c for c in courses if today is None or c.starts >= today), key=lambda c: c.starts),
    )
    # render_page sets the record file of the page it renders, whose names are marked.
    env.extend(names_of_page=page_of)
    # Templates ask `x is known` (published) or `x is not known`, never compare with the word unknown themselves.
    env.tests["known"] = known
    env.globals.update(
        lang=lang,
        UNKNOWN=UNKNOWN,
        other_lang=OTHER_LANGUAGE[lang],
        repository=repository,
        translate=i18n.translations(lang).gettext,
        source_link=lambda file, line=None: source_link(repository, file, line),
        repo_url=lambda action, file: repo_url(repository, action, file),
        history=history or {},
        # Templates name pages through urls (urls.FINDER, urls.programme_path(id)), never by spelling a path.
        urls=urls,
    )
    return env


def file_links(env: jinja2.Environment, source: str) -> str:
    """The last-changed date and the edit and history links that end every page."""
    return env.get_template("snippets/file_links.md.j2").render(file=source)


def render_page(env: jinja2.Environment, page: Page) -> str:
    """Render one generated page's Markdown, ending with the links to its source; only its own record's names are marked."""
    env.names_of_page[0] = page.source  # type: ignore[attr-defined]
    link = lambda to_page: Markdown(urls.relative_link(page.path, to_page))  # noqa: E731
    address = lambda to_page: Markdown(urls.built_address(page.path, to_page))  # noqa: E731
    text = env.get_template(page.template).render(view=page.view, page_path=page.path, link=link, address=address)
    return text.rstrip("\n") + "\n\n" + file_links(env, page.source)
