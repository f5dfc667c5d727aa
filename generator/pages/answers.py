"""The one answer the site gives a referrer about a programme: yes, yes on conditions, no, or not stated.

A route the record holds is a yes (or a conditional yes: conditions, a second
referrer, or a precondition of the programme's own). No route is silence,
unless the source names the only way in: then it has answered for every other
referrer too, and the answer is no. The words of each answer are here, once,
for the pages and the open data alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from generator.pages.i18n import N_, translations
from generator.records.model import OnlyRoutes, OtherReferrers, Referrer, Route, Text


class Verdict(StrEnum):
    """The answer for one referrer."""

    yes = "yes"
    conditional = "conditional"
    not_stated = "not_stated"
    no = "no"


VERDICT_ORDER = (Verdict.yes, Verdict.conditional, Verdict.not_stated, Verdict.no)
"""The order in which answers list programmes: the open routes first, refusals last."""

MAY_REFER = (Verdict.yes, Verdict.conditional)
"""The verdicts by which a referrer may refer, directly or on conditions: the ones whose route details are published."""

VERDICT_WORDS: dict[Verdict, tuple[str, str]] = {
    Verdict.yes: (N_("Yes"), N_("Yes, you can refer yourself")),
    Verdict.conditional: (N_("Yes, on conditions"), N_("Yes, you can refer yourself, on conditions")),
    Verdict.not_stated: (N_("Not stated by the provider — contact them"), N_("Not stated by the provider — ask them whether you can refer yourself")),
    Verdict.no: (N_("No"), N_("No: you cannot refer yourself")),
}
"""The one table of an answer's words: as told to a referrer, and as told to the father himself."""

UNREACHABLE_SILENCE_WORDS = (N_("Not stated by the provider"), N_("The provider does not say whether you can refer yourself"))
"""A “not stated” for a provider whose document gives no e-mail address or phone number: asking the provider is no advice there."""

ONLY_THROUGH_WORDS = (N_("No — only through %(way)s"), N_("No: you cannot refer yourself, only %(way)s can refer you"))
"""A no because the source names the only way in, which the answer names."""


@dataclass(frozen=True)
class RouteEntry:
    """What a programme says about one kind of referrer.

    `route` is None where the record has no route for the referrer. Whether that
    is silence or a refusal depends on `only`: a source that names the only way
    in has answered for every other referrer too.
    """

    referrer: Referrer
    route: Route | None
    only: OnlyRoutes | None = None
    only_when: Text | None = None
    """The programme's own precondition, which holds for every referrer."""
    other: OtherReferrers | None = None
    """What the source says of referrers it does not name: shown beside a “not stated”, never turned into an answer."""
    reachable: bool = True
    """False where the document the directory used gives no e-mail address or phone number for the programme: no answer then says to contact the provider."""

    @property
    def verdict(self) -> Verdict:
        """yes, conditional, no, or not_stated (see `route_verdict`)."""
        return route_verdict(self)

    @property
    def only_through(self) -> bool:
        """True where the answer is no because the source names another, only, way in."""
        return self.route is None and self.only is not None


def route_verdict(entry: RouteEntry) -> Verdict:
    """yes, conditional, no, or not_stated: the one answer the site gives a referrer."""
    if entry.route is None:
        return Verdict.no if entry.only is not None else Verdict.not_stated
    if not entry.route.allowed:
        return Verdict.no
    conditional = entry.route.conditions or entry.route.also_needed or entry.only_when
    return Verdict.conditional if conditional else Verdict.yes


def verdict_words(entry: RouteEntry, lang: str, to_the_father: bool = False) -> str:
    """The answer in words, e.g. “Yes, on conditions”; spoken to the father (“Yes, you can refer yourself”) where asked, and
    naming the only way in where that is why the answer is no."""
    form = 1 if to_the_father else 0
    gettext = translations(lang).gettext
    if entry.only_through and entry.only is not None:
        return gettext(ONLY_THROUGH_WORDS[form]) % {"way": entry.only.through.get(lang)}
    if entry.verdict == Verdict.not_stated and not entry.reachable:
        return gettext(UNREACHABLE_SILENCE_WORDS[form])
    return gettext(VERDICT_WORDS[entry.verdict][form])
