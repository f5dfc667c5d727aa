"""data/programmes.csv and its Frictionless data package: one row per programme and language.

UTF-8 without a byte-order mark: Frictionless's JavaScript reader takes a mark
for part of the first column's name, and `utf-8-sig` is no encoding name the
Data Package standard knows. A number the provider does not publish, and one
that does not apply (the group size of a one-to-one programme), is an empty
cell, so that every reader types the number columns as numbers; a text the
provider does not publish holds the site's words for it (“not published —
contact the provider”). The data package declares both as missing values.
The build describes the CSV with the `frictionless` library, the reference
implementation of the Data Package standard, and validates it with it.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from typing import Any

import frictionless

from generator.formats import compact_json
from generator.languages import LANGUAGES
from generator.pages.answers import RouteEntry
from generator.pages.i18n import label
from generator.pages.opendata.words import first_email, gettext, route_conditions, status_words, text, unknown_words, verdict_words
from generator.pages.urls import OPEN_DATA, absolute_url
from generator.pages.views import ProgrammeView
from generator.records.model import PHONE_PATTERN, Referrer, Text, known

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
    ("sessions", "integer", "How many sessions; empty where the provider does not publish it."),
    ("weeks", "integer", "How many weeks it runs; empty where the provider does not publish it."),
    ("hours", "number", "Contact hours in all; empty where the provider does not publish them."),
    ("group_size", "integer", "The largest number of fathers in a group; empty where the provider does not publish it, and for a one-to-one programme (see format)."),
    ("cost", "string", "What it costs the father."),
    ("residence_rule", "string", "Who counts as living in the area the programme serves, whoever refers him."),
    ("precondition", "string", "The one situation in which the provider offers the programme; empty where it has none."),
    ("entry_conditions", "string", "What must be true of the father before he can start, whoever refers him (the residence rule aside)."),
    ("provider_decides", "string", "How the provider decides whom it takes, which a referrer cannot check beforehand; empty where it says nothing."),
    ("exclusions", "string", "Whom the programme does not take."),
    *[
        (
            f"referral_{r.value}",
            "string",
            f"Whether a referrer of this kind ({r.value}) may refer: yes, yes on conditions, no, or not stated by the provider, with the provider's own words for the referrer where it gives them and, after a colon, the route's own conditions; the father's conditions (residence_rule to exclusions) hold for every referrer. Empty where the role belongs to another country than the places the programme serves.",
        )
        for r in Referrer
    ],
    ("contact_email", "string", "The first published e-mail address of the programme's contacts."),
    ("last_reviewed", "date", "The day an editor last checked the facts against the provider's documents."),
    ("page", "string", "The programme's page on this site, in the row's language."),
]


VERSION = "2.0.0"
"""The data package's version: the major number changes when a column is removed or changes its meaning, the minor when one is added."""

CONSTRAINTS: dict[str, dict[str, Any]] = {
    "id": {"required": True, "pattern": "[a-z0-9]+(-[a-z0-9]+)*"},
    "language": {"required": True, "enum": list(LANGUAGES)},
    "programme": {"required": True},
    "provider": {"required": True},
    "country": {"required": True, "enum": ["GB", "NL"]},
    "sessions": {"minimum": 1},
    "weeks": {"minimum": 1},
    "hours": {"minimum": 0},
    "group_size": {"minimum": 1},
    "last_reviewed": {"required": True},
    "page": {"required": True},
}
"""What each column's cells must be, for the columns that have a rule; the data package gives them as field constraints."""


def _number(value: Any) -> str:
    """A number as a cell: empty where it is unknown or does not apply, so that the column holds numbers only."""
    return f"{value:g}" if value is not None and known(value) else ""


def _value(value: Any, lang: str, show=str) -> str:
    """A fact as a cell: shown where known, the unknown words where not, empty where it does not apply."""
    if value is None:
        return ""
    return show(value) if known(value) else unknown_words(lang)


def _answer(entry: RouteEntry | None, lang: str) -> str:
    """One referrer's answer as a cell, with its route's conditions after a colon; empty for a role of another country than the programme's places."""
    if entry is None:
        return ""
    conditions = route_conditions(entry, lang)
    return verdict_words(entry, lang) + (": " + " ".join(conditions) if conditions else "")


def _texts(items: list[Text], lang: str, missing: str) -> str:
    """A list of the record's sentences as one cell; `missing` where the record has none."""
    return " ".join(item.get(lang) for item in items) or missing


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
        _number(f.sessions),
        _number(f.weeks),
        _number(f.hours),
        _number(f.group_size),
        _value(p.cost, lang, lambda c: text(c, lang)),
        _texts(view.eligibility.residence, lang, unknown_words(lang)),
        _texts(view.eligibility.precondition, lang, ""),
        _texts(view.eligibility.conditions, lang, "" if view.eligibility.residence else unknown_words(lang)),
        _texts(view.eligibility.decides, lang, ""),
        _texts(view.eligibility.exclusions, lang, unknown_words(lang)),
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
    """The whole CSV, every programme in each language."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _, _ in COLUMNS])
    for lang in LANGUAGES:
        writer.writerows([safe_cell(cell) for cell in row(view, lang, base_url)] for view in views)
    return out.getvalue()


def data_package(base_url: str) -> dict[str, Any]:
    """datapackage.json: what the CSV holds, column by column, made by frictionless as a Data Package."""
    fields = [{"name": name, "type": kind, "description": description} | ({"constraints": CONSTRAINTS[name]} if name in CONSTRAINTS else {}) for name, kind, description in COLUMNS]
    resource = frictionless.Resource.from_descriptor({
        "name": "programmes",
        "path": "programmes.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
        "schema": {"fields": fields, "missingValues": ["", *(unknown_words(lang) for lang in LANGUAGES)], "primaryKey": ["id", "language"]},
    })
    package = frictionless.Package(
        name="fathers-programme-directory",
        title=gettext("Fathers' Programme Directory", "en"),
        description=(
            "Programmes for fathers who have been abusive or neglectful (Caring Dads and related programmes) in the United Kingdom "
            "and the Netherlands: one row per programme and language, with what each kind of referrer may do, as the providers' own documents say."
        ),
        version=VERSION,
        homepage=absolute_url(base_url, OPEN_DATA, "en"),
        licenses=[{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        resources=[resource],
    )
    # Version 1 of the standard, the one every reader knows (Frictionless in JavaScript, too); frictionless 5 would write its own newer form.
    with frictionless.system.use_context(standards="v1"):
        return package.to_descriptor()


def checked(csv_text: str, package: dict[str, Any]) -> str:
    """The CSV, once frictionless has found it valid against the data package; an invalid one is the generator's fault, so it stops the build."""
    descriptor = package["resources"][0]
    errors = _errors(csv_text, compact_json({key: descriptor[key] for key in ("encoding", "schema", "dialect")}))
    if errors:
        raise ValueError("data/programmes.csv does not match its data package: " + errors)
    return csv_text


@functools.lru_cache(maxsize=1)
def _errors(csv_text: str, descriptor_text: str) -> str:
    """What frictionless finds wrong with the CSV against the resource's encoding, schema and dialect (as JSON text); empty where nothing is."""
    # Remembered for the last CSV only: a build in the same process (the preview's) whose records did
    # not change makes the same text, and validating 2,000 rows takes frictionless a fifth of a second.
    descriptor = json.loads(descriptor_text)
    resource = frictionless.Resource(
        csv_text.encode(descriptor["encoding"]),
        format="csv",
        encoding=descriptor["encoding"],
        schema=frictionless.Schema.from_descriptor(descriptor["schema"]),
        dialect=frictionless.Dialect.from_descriptor(descriptor["dialect"]),
    )
    report = resource.validate()
    return "" if report.valid else str(report.flatten(["rowNumber", "fieldName", "type", "note"]))
