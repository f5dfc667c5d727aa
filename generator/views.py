"""The data each generated page's template receives: one documented class per template.

Views hold records, not translated strings: the template picks the language
through the `t` filter, so one view serves both languages.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .model import Area, Contact, Programme, Provider, ProviderFile, Referrer, Route, Source, Text


def programme_path(programme_id: str) -> str:
    """The page of a programme, the same in both languages."""
    return f"programmes/{programme_id}.md"


def provider_path(provider_id: str) -> str:
    """The page of a provider, the same in both languages."""
    return f"providers/{provider_id}.md"


def referrer_path(referrer: Referrer) -> str:
    """The page that lists what one kind of referrer may use."""
    return f"referrals/{referrer.value.replace('_', '-')}.md"


@dataclass(frozen=True)
class RouteEntry:
    """What a programme says about one kind of referrer; `route` is None where the source is silent."""

    referrer: Referrer
    route: Route | None


def route_verdict(entry: RouteEntry) -> str:
    """yes, conditional, no, or not_stated: the one answer the site gives a referrer."""
    if entry.route is None:
        return "not_stated"
    if not entry.route.allowed:
        return "no"
    return "conditional" if entry.route.conditions else "yes"


@dataclass(frozen=True)
class ProgrammeView:
    """`programme.md.j2`: one programme with everything its page shows, ids already resolved."""

    programme: Programme
    provider: Provider
    contacts: list[Contact]
    sources: list[Source]
    routes: list[RouteEntry]
    alternatives: list[tuple[Programme, Text]]
    last_reviewed: datetime.date
    record_file: str

    @property
    def path(self) -> str:
        """This programme's page."""
        return programme_path(self.programme.id)

    @property
    def stated_routes(self) -> list[RouteEntry]:
        """The routes the source states, allowed or not."""
        return [entry for entry in self.routes if entry.route is not None]

    @property
    def unstated(self) -> list[Referrer]:
        """Referrers the source says nothing about."""
        return [entry.referrer for entry in self.routes if entry.route is None]

    @property
    def may_refer(self) -> list[RouteEntry]:
        """The routes by which a referrer may refer, directly or on conditions."""
        return [entry for entry in self.stated_routes if entry.route and entry.route.allowed]

    def route_for(self, referrer: Referrer) -> RouteEntry:
        """What the programme says about one referrer."""
        return next(entry for entry in self.routes if entry.referrer == referrer)


@dataclass(frozen=True)
class ProgrammeListView:
    """`programmes.md.j2`: every programme, for the all-programmes table."""

    programmes: list[ProgrammeView]


@dataclass(frozen=True)
class ProviderView:
    """`provider.md.j2`: one provider, its programmes and sources."""

    provider: Provider
    programmes: list[ProgrammeView]
    sources: list[Source]
    last_reviewed: datetime.date
    record_file: str

    @property
    def path(self) -> str:
        """This provider's page."""
        return provider_path(self.provider.id)

    @property
    def areas(self) -> list[Area]:
        """Every area the provider's programmes serve, once each."""
        seen: dict[str, Area] = {}
        for view in self.programmes:
            for area in view.programme.areas:
                seen.setdefault(area.id, area)
        return list(seen.values())


@dataclass(frozen=True)
class ProviderListView:
    """`providers.md.j2`: every provider."""

    providers: list[ProviderView]


@dataclass(frozen=True)
class ReferrerView:
    """`referrer.md.j2`: what one kind of referrer may use, programme by programme."""

    referrer: Referrer
    programmes: list[ProgrammeView]

    @property
    def path(self) -> str:
        """This referrer's page."""
        return referrer_path(self.referrer)

    def _where(self, verdict: str) -> list[ProgrammeView]:
        return [view for view in self.programmes if route_verdict(view.route_for(self.referrer)) == verdict]

    @property
    def direct(self) -> list[ProgrammeView]:
        """Programmes this referrer may refer to directly."""
        return self._where("yes")

    @property
    def conditional(self) -> list[ProgrammeView]:
        """Programmes this referrer may refer to on conditions."""
        return self._where("conditional")

    @property
    def refused(self) -> list[ProgrammeView]:
        """Programmes that take no referral from this referrer."""
        return self._where("no")

    @property
    def unstated(self) -> list[ProgrammeView]:
        """Programmes whose source says nothing about this referrer."""
        return self._where("not_stated")


@dataclass(frozen=True)
class ReferrerListView:
    """`referrers.md.j2`: every kind of referrer, with how many programmes each may use."""

    referrers: list[ReferrerView]


def programme_views(records: list[tuple[ProviderFile, str]]) -> list[ProgrammeView]:
    """Resolve each programme's ids into the contacts, sources and programmes they name."""
    by_id = {p.id: p for record, _ in records for p in record.programmes}
    views = []
    for record, file in records:
        contacts = {c.id: c for c in record.provider.contacts}
        sources = {s.id: s for s in record.sources}
        for programme in record.programmes:
            stated = {route.referrer: route for route in programme.referral_routes}
            views.append(
                ProgrammeView(
                    programme=programme,
                    provider=record.provider,
                    contacts=[contacts[c] for c in programme.contacts],
                    sources=[sources[s] for s in programme.sources],
                    routes=[RouteEntry(r, stated.get(r)) for r in Referrer],
                    alternatives=[(by_id[a.programme], a.when) for a in programme.alternatives],
                    last_reviewed=record.last_reviewed,
                    record_file=file,
                )
            )
    return views


def provider_views(records: list[tuple[ProviderFile, str]], programmes: list[ProgrammeView]) -> list[ProviderView]:
    """One view per provider, with its programmes' views."""
    return [
        ProviderView(
            provider=record.provider,
            programmes=[view for view in programmes if view.provider.id == record.provider.id],
            sources=list(record.sources),
            last_reviewed=record.last_reviewed,
            record_file=file,
        )
        for record, file in records
    ]
