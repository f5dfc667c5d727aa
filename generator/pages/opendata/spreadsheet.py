"""data/programmes.csv and its Frictionless data package: one row per programme and language.

UTF-8 with a byte-order mark, so that Excel reads the accents right. A fact the
provider does not publish holds the site's words for it (“not published —
contact the provider”), which the data package declares as a missing value; a
cell that does not apply (the group size of a one-to-one programme) is empty.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from generator.languages import LANGUAGES
from generator.pages.answers import RouteEntry
from generator.pages.i18n import label
from generator.pages.opendata.words import first_email, gettext, status_words, text, unknown_words, verdict_words
from generator.pages.urls import OPEN_DATA, absolute_url
from generator.pages.views import ProgrammeView
from generator.records.model import PHONE_PATTERN, UNKNOWN, Format, Referrer, known

# (column, Table Schema type, description): the facts a commissioner compares, in the order a reader scans them.
COLUMNS: list[tuple[str, str, str]] = [
    ("id", "string", "The programme's short name, the last part of its page address; the same in both languages."),
    ("language", "string", "The language of the row's texts: en or nl. Every programme has one row in each."),
    ("programme", "string", "The programme's name."),
    ("provider", "string", "The organisation that runs it."),
    ("country", "string", "GB (United Kingdom) or NL (the Netherlands)."),
    ("areas", "string", "The areas it serves, separated by “; ”."),
    ("status", "string", "Running, pilot or ended."),
    ("format", "string", "Group or one-to-one."),
    ("delivery", "string", "In person, by phone and/or online, separated by “; ”."),
    ("sessions", "integer", "How many sessions."),
    ("weeks", "integer", "How many weeks it runs."),
    ("hours", "number", "Contact hours in all."),
    ("group_size", "integer", "The largest number of fathers in a group; empty for a one-to-one programme."),
    ("cost", "string", "What it costs the father."),
    *[
        (
            f"referral_{r.value}",
            "string",
            f"Whether a referrer of this kind ({r.value}) may refer: yes, yes on conditions, no, or not stated by the provider, with the provider's own words for the referrer where it gives them; empty where the role belongs to another country than the places the programme serves.",
        )
        for r in Referrer
    ],
    ("contact_email", "string", "The first published e-mail address of the programme's contacts."),
    ("last_reviewed", "date", "The day an editor last checked the facts against the provider's documents."),
    ("page", "string", "The programme's page on this site, in the row's language."),
]


def _value(value: Any, lang: str, show=str) -> str:
    """A fact as a cell: shown where known, the unknown words where not, empty where it does not apply."""
    if value is None:
        return ""
    return show(value) if known(value) else unknown_words(lang)


def _answer(entry: RouteEntry | None, lang: str) -> str:
    """One referrer's answer as a cell; empty for a role of another country than the programme's places."""
    return "" if entry is None else verdict_words(entry, lang)


def row(view: ProgrammeView, lang: str, base_url: str) -> list[str]:
    """One programme's row in one language, in COLUMNS order."""
    p, f = view.programme, view.programme.format
    return [
        p.id,
        lang,
        text(p.name, lang),
        text(view.provider.name, lang),
        p.country.value,
        "; ".join(text(a.name, lang) for a in p.areas),
        status_words(p, lang),
        _value(f.kind, lang, lambda k: label(k, lang)),
        _value(f.delivery_modes, lang, lambda modes: "; ".join(label(m, lang) for m in modes)),
        _value(f.sessions, lang),
        _value(f.weeks, lang),
        _value(f.hours, lang, lambda h: f"{h:g}"),
        # A group whose size the record leaves out is "not published", never empty as for one-to-one.
        _value(UNKNOWN if f.kind == Format.group and f.group_size is None else f.group_size, lang),
        _value(p.cost, lang, lambda c: text(c, lang)),
        *[_answer(view.route_for(r), lang) for r in Referrer],
        first_email(view) or unknown_words(lang),
        view.last_reviewed.isoformat(),
        absolute_url(base_url, view.path, lang),
    ]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_OR_PHONE = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?|" + PHONE_PATTERN)
"""A plain number (-2, 2.5) or phone number (+44 20 7946 0000): a spreadsheet reads it as the value it is, never as a formula to run."""


def safe_cell(value: str) -> str:
    """A cell a spreadsheet shows as text, not a formula: one that starts as a formula does gets a ' before it (OWASP's advice on CSV injection)."""
    if value.startswith(_FORMULA_START) and not _NUMBER_OR_PHONE.fullmatch(value):
        return "'" + value
    return value


def programmes_csv(views: list[ProgrammeView], base_url: str) -> str:
    """The whole CSV, byte-order mark first, every programme in each language."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _, _ in COLUMNS])
    for lang in LANGUAGES:
        writer.writerows([safe_cell(cell) for cell in row(view, lang, base_url)] for view in views)
    return "\ufeff" + out.getvalue()


def data_package(base_url: str) -> dict[str, Any]:
    """datapackage.json: what the CSV holds, column by column (Frictionless Data Package v1)."""
    return {
        "name": "fathers-programme-directory",
        "title": gettext("Fathers' Programme Directory", "en"),
        "homepage": absolute_url(base_url, OPEN_DATA, "en"),
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": [
            {
                "name": "programmes",
                "path": "programmes.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
                "schema": {
                    "fields": [{"name": name, "type": kind, "description": description} for name, kind, description in COLUMNS],
                    "missingValues": ["", *(unknown_words(lang) for lang in LANGUAGES)],
                    "primaryKey": ["id", "language"],
                },
            }
        ],
    }
