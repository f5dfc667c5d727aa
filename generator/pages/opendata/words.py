"""The words every open-data format shares: the referral answers and the facts, in one language."""

from __future__ import annotations

from generator.pages import answers
from generator.pages.answers import RouteEntry
from generator.pages.i18n import N_, label, translations
from generator.pages.views import ProgrammeView
from generator.records.model import UNKNOWN, Programme, Status, Text, known

INTAKE_WORDS = {"open": N_("Taking referrals"), "waiting_list": N_("Taking referrals onto a waiting list"), "full": N_("Full"), "closed": N_("Not taking referrals")}
"""The intake's state as the programme page says it (macros/facts.md.j2 spells the same words)."""


def gettext(message: str, lang: str) -> str:
    """An interface word in one language, from the Babel catalogue."""
    return translations(lang).gettext(message)


def unknown_words(lang: str) -> str:
    """What every format says where the provider publishes nothing: the site's own words."""
    return gettext("not published — contact the provider", lang)


def text(value: Text | str, lang: str) -> str:
    """A record's text in one language; plain strings (names, numbers) as they are."""
    return value.get(lang) if isinstance(value, Text) else str(value)


def verdict_words(entry: RouteEntry, lang: str) -> str:
    """The answer for one referrer as the formats publish it (answers.verdict_words), with the provider's own words for the referrer where it gives them."""
    answer = answers.verdict_words(entry, lang)
    if entry.route is not None and entry.route.referrer_as is not None:
        return gettext("%(answer)s (in the provider's words: %(referrer)s)", lang) % {"answer": answer, "referrer": entry.route.referrer_as.get(lang)}
    return answer


def route_conditions(entry: RouteEntry, lang: str) -> list[str]:
    """The conditions of one referrer's route, and the second referrer it needs, as sentences; none where it has no route."""
    if entry.route is None:
        return []
    needed = [gettext("Also needed", lang) + ": " + entry.route.also_needed.get(lang)] if entry.route.also_needed else []
    return [item.get(lang) for item in entry.route.conditions] + needed


def eligibility_lines(view: ProgrammeView, lang: str) -> list[str]:
    """The father's conditions (views.Eligibility) as “Label: texts” lines, in the order the pages show them."""
    return [gettext(name, lang) + ": " + " ".join(item.get(lang) for item in items) for name, items in view.eligibility.rows]


def referrer_answer(entry: RouteEntry, lang: str) -> str:
    """“Social worker: Yes”: the referrer and the answer in one phrase."""
    return f"{label(entry.referrer, lang)}: {verdict_words(entry, lang)}"


def first_email(view: ProgrammeView) -> str | None:
    """The first published e-mail of the programme's contacts (team inboxes come first), or None."""
    return next((c.email for c in view.contacts if known(c.email)), None)


def record_status(programme: Programme) -> str:
    """The record's status as a word: active, pilot, ended or unknown."""
    # The status is an enum member, or the plain word unknown where the record does not know it.
    return str(getattr(programme.status, "value", programme.status))


def status_words(programme: Programme, lang: str) -> str:
    """The status as the site says it (Running, Pilot, Ended), or the unknown words."""
    status = record_status(programme)
    return unknown_words(lang) if status == UNKNOWN else label(Status(status), lang)
