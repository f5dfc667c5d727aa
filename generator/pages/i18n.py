"""Interface words, enum labels, dates and numbers in each page's language.

Interface words live in Babel catalogues (generator/locales/); the English
source strings are the msgids, so English needs no catalogue of its own.
"""

from __future__ import annotations

import datetime
import functools
import io
from enum import Enum
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import NullTranslations, Translations

from generator.languages import LOCALES
from generator.records.model import ChannelKind, Country, DeliveryMode, Format, Referrer, Status

CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "locales"


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return message


LABELS: dict[type[Enum], dict[str, str]] = {
    Referrer: {
        "social_worker": N_("Social worker"),
        "probation_officer": N_("Probation officer"),
        "cafcass": N_("Cafcass officer"),
        "family_court": N_("Family court"),
        "self": N_("The father himself"),
        "health": N_("Health visitor or midwife"),
        "youth_protection": N_("Youth protection or youth probation worker"),
        "child_protection_board": N_("Child Protection Board"),
    },
    Format: {"group": N_("Group"), "one_to_one": N_("One-to-one")},
    DeliveryMode: {"in_person": N_("In person"), "phone": N_("By phone"), "online": N_("Online")},
    Status: {"active": N_("Running"), "pilot": N_("Pilot"), "ended": N_("Ended")},
    ChannelKind: {
        "email": N_("E-mail"),
        "referral_form": N_("Referral form"),
        "mosaic": N_("MOSAIC form"),
        "phone": N_("Phone"),
        "through_worker": N_("Through the family's worker"),
    },
}


@functools.cache
def translations(lang: str) -> NullTranslations:
    """The gettext translations for a language, read from its .po catalogue."""
    if lang == "en":
        return NullTranslations()
    with open(CATALOGUE_DIR / lang / "LC_MESSAGES" / "messages.po", "rb") as po:
        catalog = read_po(po, locale=LOCALES[lang])
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer)


def label(value: object, lang: str) -> str:
    """The translated label of an enum value, e.g. Referrer.self → “The father himself”."""
    for kind, names in LABELS.items():
        if isinstance(value, kind):
            return translations(lang).gettext(names[value.value])
    raise KeyError(f"no label for {value!r}")


@functools.cache
def _locale(lang: str) -> Locale:
    """The page language's Babel locale, parsed once: parsing it again for every number, date and country was most of their cost."""
    return Locale.parse(LOCALES[lang])


def country_name(country: Country, lang: str) -> str:
    """The country's name in the page's language, from the CLDR data Babel carries."""
    return _locale(lang).territories[country.value]


def number(value: float, lang: str) -> str:
    """A number in the page's locale: 20,906 in English, 20.906 in Dutch."""
    return format_decimal(value, locale=_locale(lang))


def percent(value: float, lang: str) -> str:
    """A percentage given as 0–100, in the page's locale."""
    return format_percent(value / 100, locale=_locale(lang))


def long_date(value: datetime.date, lang: str) -> str:
    """A date in the page's locale: 22 November 2026, 22 november 2026."""
    return format_date(value, format="long", locale=_locale(lang))
