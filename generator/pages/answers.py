"""The one answer the site gives a referrer about a programme: yes, yes on conditions, no, or not stated.

A route the record holds is a yes (or a conditional yes: conditions, or a
precondition of the programme's own). No route is silence, unless the source
names the only way in: then it has answered for every other referrer too, and
the answer is no.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.records.model import OnlyRoutes, OtherReferrers, Referrer, Route, Text


@dataclass(frozen=True)
class RouteEntry:
    """What a programme says about one kind of referrer.

    `route` is None where the record has no route for the referrer. Whether that
    is silence or a refusal depends on `only`: a source that names the only way in
    has answered for every other referrer too.
    """

    referrer: Referrer
    route: Route | None
    only: OnlyRoutes | None = None
    only_when: Text | None = None
    """The programme's own precondition, which holds for every referrer."""
    other: OtherReferrers | None = None
    """What the source says of referrers it does not name: shown beside a “not stated”, never turned into an answer."""

    @property
    def verdict(self) -> str:
        """yes, conditional, no, or not_stated (see `route_verdict`)."""
        return route_verdict(self)

    @property
    def only_through(self) -> bool:
        """True where the answer is no because the source names another, only, way in."""
        return self.route is None and self.only is not None


def route_verdict(entry: RouteEntry) -> str:
    """yes, conditional, no, or not_stated: the one answer the site gives a referrer."""
    if entry.route is None:
        return "no" if entry.only is not None else "not_stated"
    if not entry.route.allowed:
        return "no"
    return "conditional" if entry.route.conditions or entry.route.also_needed or entry.only_when else "yes"


VERDICT_ORDER = ("yes", "conditional", "not_stated", "no")
"""The order in which answers list programmes: the open routes first, refusals last."""
