"""Interface words, enum labels, dates and numbers in each page's language.

Interface words live in Babel catalogues (generator/locales/); the English
source strings are the msgids, so English needs no catalogue of its own.
"""

from __future__ import annotations

import datetime
import functools
import io
from decimal import Decimal
from enum import Enum
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import NullTranslations, Translations

from generator.languages import LOCALES
from generator.records.geography import Jurisdiction
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
        "cafcass_cymru": N_("Cafcass Cymru officer"),
        "family_court": N_("Family court"),
        "youth_protection": N_("Youth protection worker (jeugdbescherming)"),
        "youth_probation": N_("Youth probation worker (jeugdreclassering)"),
        "dutch_probation": N_("Probation officer (reclassering)"),
        "child_protection_board": N_("Child Protection Board"),
        "veilig_thuis": N_("Veilig Thuis"),
        "neighbourhood_team": N_("Neighbourhood team (wijkteam)"),
        "gp": N_("GP"),
        "health": N_("Health visitor or midwife"),
        "professional": N_("Another professional or agency"),
        "self": N_("The father himself"),
    },
    Jurisdiction: {
        "GB-ENG": N_("England"),
        "GB-WLS": N_("Wales"),
        "GB-SCT": N_("Scotland"),
        "GB-NIR": N_("Northern Ireland"),
        "NL": N_("the Netherlands"),
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


NAMED_REFERRERS = {Referrer.cafcass, Referrer.cafcass_cymru, Referrer.child_protection_board, Referrer.veilig_thuis}
"""The referrers whose label starts with a name (Cafcass, the Raad voor de Kinderbescherming, Veilig Thuis), which keeps its capital in a sentence."""


def label_in_text(value: object, lang: str) -> str:
    """A label inside a sentence or a list (“…: social worker, GP”): its first letter in lower case, unless it starts with a name or an abbreviation."""
    text = label(value, lang)
    if value in NAMED_REFERRERS or text[1:2].isupper():
        return text
    return text[:1].lower() + text[1:]


@functools.cache
def _locale(lang: str) -> Locale:
    """The page language's Babel locale, parsed once: parsing it again for every number, date and country was most of their cost."""
    return Locale.parse(LOCALES[lang])


def country_name(country: Country, lang: str) -> str:
    """The country's name in the page's language, from the CLDR data Babel carries."""
    return _locale(lang).territories[country.value]


def places(jurisdictions: list[Jurisdiction], lang: str) -> str:
    """Jurisdictions named as a list in the page's language: England and Wales, Engeland en Wales."""
    return format_list([label(j, lang) for j in jurisdictions], locale=_locale(lang))


def number(value: float, lang: str) -> str:
    """A number in the page's locale: 20,906 in English, 20.906 in Dutch."""
    return format_decimal(value, locale=_locale(lang))


def percent(value: float, lang: str) -> str:
    """A percentage given as 0–100, in the page's locale, with exactly the decimals the source gives: 5.4% stays 5.4%, never 5%."""
    # Decimal(str(…)) keeps the number as written (5.4), where the float's own digits would show 5.4000000000000006.
    return format_percent(Decimal(str(value)) / 100, locale=_locale(lang), decimal_quantization=False)


def long_date(value: datetime.date, lang: str) -> str:
    """A date in the page's locale: 22 November 2026, 22 november 2026."""
    return format_date(value, format="long", locale=_locale(lang))
