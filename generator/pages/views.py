"""The data each generated page's template receives: one documented class per template.

Views hold records, not translated strings: the template picks the language
through the `t` filter, so one view serves both languages.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar

from generator.pages.answers import VERDICT_ORDER, RouteEntry
from generator.pages.areas import AreaEntry, AreaGroup, AreaIndex, CountryEntry, CountryGroup, Part, Split, group_by_area
from generator.pages.i18n import N_
from generator.pages.urls import (
    FINDER,
    MODELS,
    REFERRERS,
    compare_path,
    model_path,
    programme_path,
    programmes_path,
    provider_path,
    providers_path,
    referrer_path,
)
from generator.records.geography import Jurisdiction
from generator.records.model import (
    UNKNOWN,
    Area,
    Contact,
    DeliveryMode,
    Figure,
    Format,
    Programme,
    Provider,
    ProviderFile,
    Referrer,
    Source,
    Text,
    Venue,
)
from generator.records.roles import role_places, roles_for


@dataclass(frozen=True)
class Eligibility:
    """What must be true of the father whoever refers him, which every answer carries with it.

    Each group holds the record's texts; `rows` gives the groups that have any,
    in the one order every page and open-data format shows them.
    """

    precondition: list[Text]
    residence: list[Text]
    conditions: list[Text]
    decides: list[Text]
    exclusions: list[Text]

    LABELS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("precondition", N_("Precondition")),
        ("residence", N_("Residence rule")),
        ("conditions", N_("Before a father can start")),
        ("decides", N_("How the provider decides")),
        ("exclusions", N_("Who it is not for")),
    )
    """Each group's field and its label (a Babel message id), in the order shown."""

    @property
    def rows(self) -> list[tuple[str, list[Text]]]:
        """(label, texts) of every group that has any, in LABELS order; empty where the father need meet nothing published."""
        return [(label, items) for name, label in self.LABELS if (items := getattr(self, name))]


def eligibility(programme: Programme) -> Eligibility:
    """The programme's conditions for the father, the residence rule once even where an entry condition repeats it word for word."""
    residence = [programme.residency_rule] if isinstance(programme.residency_rule, Text) else []
    return Eligibility(
        precondition=[programme.only_when] if programme.only_when else [],
        residence=residence,
        conditions=[item for item in programme.entry_conditions if item not in residence],
        decides=list(programme.provider_rules),
        exclusions=list(programme.exclusions),
    )


class GroupSize(StrEnum):
    """A group size that is not a number."""

    not_published = "not_published"
    not_a_group = "not_a_group"


@dataclass(frozen=True)
class ProgrammeView:
    """One programme with everything its page shows, ids already resolved."""

    template: ClassVar[str] = "programme.md.j2"

    programme: Programme
    provider: Provider
    contacts: list[Contact]
    sources: list[Source]
    routes: list[RouteEntry]
    alternatives: list[tuple[Programme, Text]]
    last_reviewed: datetime.date
    record_file: str
    sources_by_id: dict[str, Source] = field(default_factory=dict)
    """Every source of the programme's file by id, for a fact (a figure, a course) that names its own."""

    @property
    def path(self) -> str:
        """This programme's page."""
        return programme_path(self.programme.id)

    @property
    def group_size(self) -> int | GroupSize | None:
        """The group size as a page states it: the largest group, not published (a group whose size the record leaves out), not a group (one-to-one), or None where the format itself is not published."""
        f = self.programme.format
        if f.kind == Format.one_to_one:
            return GroupSize.not_a_group
        if f.kind == Format.group:
            return f.group_size if isinstance(f.group_size, int) else GroupSize.not_published
        return None

    @property
    def provider_path(self) -> str:
        """The page of this programme's provider."""
        return provider_path(self.provider.id)

    @property
    def only_source(self) -> Source | None:
        """The source that says the programme's routes are the only ways in."""
        only = self.programme.only_routes
        return self.sources_by_id[only.source] if only else None

    @property
    def model_path(self) -> str:
        """The page of the programme model it delivers, which says where else the model runs."""
        return model_path(model_slug(self.programme.model))

    # Cached: the lists and filters ask these of every programme on page after page.
    @functools.cached_property
    def stated_routes(self) -> list[RouteEntry]:
        """The routes the source states, allowed or not."""
        return [entry for entry in self.routes if entry.route is not None]

    @property
    def stated_groups(self) -> list[list[RouteEntry]]:
        """The stated routes, one group per route, so a route written for several referrers (also_for) shows once."""
        groups: dict[int, list[RouteEntry]] = {}
        for entry in self.stated_routes:
            groups.setdefault(id(entry.route), []).append(entry)
        return list(groups.values())

    @property
    def unstated(self) -> list[Referrer]:
        """Referrers the source says nothing about."""
        return [entry.referrer for entry in self.routes if entry.verdict == "not_stated"]

    @property
    def only_through(self) -> list[Referrer]:
        """Referrers who may not refer because the source names the only way in."""
        return [entry.referrer for entry in self.routes if entry.only_through]

    @functools.cached_property
    def may_refer(self) -> list[RouteEntry]:
        """The routes by which a referrer may refer, directly or on conditions."""
        return [entry for entry in self.stated_routes if entry.route and entry.route.allowed]

    def route_for(self, referrer: Referrer) -> RouteEntry | None:
        """What the programme says about one referrer; None for a role of another country than the places it serves."""
        return next((entry for entry in self.routes if entry.referrer == referrer), None)

    def _figures(self, kind: str) -> list[Figure]:
        return [figure for figure in self.programme.figures if figure.kind == kind]

    @property
    def outcomes(self) -> list[Figure]:
        """Results of the programme as its provider states them, with or without a number."""
        return self._figures("outcome")

    @property
    def activity(self) -> list[Figure]:
        """What the programme itself did (referrals, participants, children reached): never shown as results."""
        return self._figures("activity")

    @property
    def evaluation(self) -> list[Figure]:
        """Findings of an evaluation of the programme."""
        return self._figures("evaluation")

    @property
    def background(self) -> list[Figure]:
        """Background figures, such as local crime statistics: never shown as results."""
        return self._figures("context")

    @property
    def venues_by_id(self) -> dict[str, Venue]:
        """The programme's venues by id, for its courses."""
        return {venue.id: venue for venue in self.programme.venues}

    @property
    def newest_dated_source(self) -> Source | None:
        """The programme's most recently published dated source, which the status is as of; None where every source is undated."""
        dated = [source for source in self.sources if isinstance(source.published, datetime.date)]
        return max(dated, key=lambda source: source.published) if dated else None

    @property
    def unreachable(self) -> bool:
        """True where the provider publishes no e-mail address or phone number for this programme (programme_unreachable)."""
        return programme_unreachable(self.contacts, self.provider)

    @functools.cached_property
    def eligibility(self) -> Eligibility:
        """What must be true of the father whoever refers him, carried with every answer the site gives for this programme."""
        return eligibility(self.programme)

    @functools.cached_property
    def filters(self) -> dict[str, str]:
        """The values the all-programmes filters match this programme on."""
        return filter_values(self)


@dataclass(frozen=True)
class SplitListView:
    """One part of a list of every programme, split by area (areas.Split); a subclass says where its parts live.

    It holds its own programmes and only an index of the other areas, so that
    a change to a record renders again only the parts that show it.
    """

    part: Part
    """The areas this part shows."""
    index: AreaIndex

    def part_path(self, part: int | str) -> str:
        """One part's page (a placeholder such as "{part}" gives the pattern finder.js fills in)."""
        raise NotImplementedError

    @property
    def number(self) -> int:
        """Which part this is, from 1."""
        return self.part.number

    @property
    def path(self) -> str:
        """This part's page."""
        return self.part_path(self.number)

    @property
    def shown(self) -> list[ProgrammeView]:
        """The programmes this part shows, each once."""
        return self.part.programmes

    @property
    def every_area(self) -> list[CountryEntry]:
        """Every country and area of the directory, for choosing an area (and the filters)."""
        return self.index.countries

    @property
    def area_parts(self) -> dict[str, int]:
        """The part that holds each area's programmes, by area id."""
        return self.index.area_parts

    @property
    def part_paths(self) -> list[str]:
        """Every part's page, in order."""
        return [self.part_path(number) for number in range(1, self.index.part_count + 1)]

    def area_path(self, group: AreaEntry) -> str:
        """The part that holds an area's programmes."""
        return self.part_path(self.area_parts[group.area.id])


@dataclass(frozen=True)
class TableChoices:
    """What the all-programmes table's filters offer: what at least one programme has, each in the model's order."""

    formats: list[Format]
    modes: list[DeliveryMode]
    referrers: list[Referrer]


def table_choices(programmes: list[ProgrammeView]) -> TableChoices:
    """The filters' choices for a directory, worked out once for every part of the table (per part, the cost grew with the square of the directory)."""
    formats = {view.filters["format"] for view in programmes}
    modes = {mode for view in programmes for mode in view.filters["modes"].split()}
    referrers = {entry.referrer for view in programmes for entry in view.may_refer}
    return TableChoices(
        formats=[kind for kind in Format if kind.value in formats],
        modes=[mode for mode in DeliveryMode if mode.value in modes],
        referrers=[referrer for referrer in Referrer if referrer in referrers],
    )


@dataclass(frozen=True)
class ProgrammeListView(SplitListView):
    """One part of the all-programmes table, whose filters offer what every programme has."""

    template: ClassVar[str] = "programmes.md.j2"

    choices: TableChoices = field(kw_only=True)

    def part_path(self, part: int | str) -> str:
        """One part of the table."""
        return programmes_path(part)


@dataclass(frozen=True)
class ProviderView:
    """One provider, its programmes and sources."""

    template: ClassVar[str] = "provider.md.j2"

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
    def unreachable(self) -> bool:
        """True where the provider publishes no e-mail address or phone number."""
        return unreachable(self.provider.contacts)

    @property
    def areas(self) -> list[Area]:
        """Every area the provider's programmes serve, once each."""
        seen: dict[str, Area] = {}
        for view in self.programmes:
            for area in view.programme.areas:
                seen.setdefault(area.id, area)
        return list(seen.values())


def unreachable(contacts: list[Contact]) -> bool:
    """True where none of the contacts has a published e-mail address or phone number."""
    return all(c.email == UNKNOWN and c.phone == UNKNOWN for c in contacts)


def programme_unreachable(contacts: list[Contact], provider: Provider) -> bool:
    """True where none of a programme's contacts, or of its provider's where the programme names none, has a published e-mail address or phone number."""
    return unreachable(contacts or provider.contacts)


PROVIDERS_PER_PAGE = 100
"""Providers on one page of the list of providers: under 1 kB of HTML each."""


@dataclass(frozen=True)
class ProviderListView:
    """One page of the list of providers, in the records' order."""

    template: ClassVar[str] = "providers.md.j2"

    every_provider: list[ProviderView]
    number: int = 1

    @property
    def path(self) -> str:
        """This page of the list."""
        return providers_path(self.number)

    @property
    def providers(self) -> list[ProviderView]:
        """The providers this page lists."""
        start = (self.number - 1) * PROVIDERS_PER_PAGE
        return self.every_provider[start : start + PROVIDERS_PER_PAGE]

    @property
    def part_paths(self) -> list[str]:
        """Every page of the list, in order."""
        return [providers_path(number) for number in range(1, max(1, -(-len(self.every_provider) // PROVIDERS_PER_PAGE)) + 1)]


@dataclass(frozen=True)
class Directory:
    """Every programme, and every area: what a role's first part counts and lists."""

    programmes: list[ProgrammeView]
    split: Split


@dataclass(frozen=True)
class ReferrerView:
    """One part of what one kind of referrer may use, area by area.

    The first part is the role's page: it also counts every programme and
    links every area to the part that holds it. A later part holds only its
    own programmes, so that a change to one record renders again only the
    parts that show it (publish/rendered.py keys a page by its view).
    """

    template: ClassVar[str] = "referrer.md.j2"

    referrer: Referrer
    part: Part
    directory: Directory | None = None
    """On the first part only: every programme and area."""

    @property
    def number(self) -> int:
        """Which part of the role's page this is, from 1."""
        return self.part.number

    @property
    def path(self) -> str:
        """This part's page."""
        return referrer_path(self.referrer, self.number)

    def _where(self, verdict: str) -> list[ProgrammeView]:
        programmes = self.directory.programmes if self.directory else []
        return [view for view in programmes if (entry := view.route_for(self.referrer)) and entry.verdict == verdict]

    @property
    def places(self) -> list[Jurisdiction]:
        """Where this role belongs; empty for a role every country has."""
        return role_places(self.referrer)

    @property
    def direct(self) -> list[ProgrammeView]:
        """Programmes this referrer may refer to directly (counted on the first part)."""
        return self._where("yes")

    @property
    def conditional(self) -> list[ProgrammeView]:
        """Programmes this referrer may refer to on conditions (counted on the first part)."""
        return self._where("conditional")

    @property
    def refused(self) -> list[ProgrammeView]:
        """Programmes that take no referral from this referrer (counted on the first part)."""
        return self._where("no")

    @property
    def unstated(self) -> list[ProgrammeView]:
        """Programmes whose source says nothing about this referrer (counted on the first part)."""
        return self._where("not_stated")

    @property
    def countries(self) -> list[CountryGroup]:
        """This part's programmes by country and area, those this referrer may use first in each area.

        Only programmes that answer for this role are listed; an area whose
        programmes serve other countries keeps its section, empty, so that the
        finder can say so for it.
        """
        return [
            CountryGroup(group.country, [AreaGroup(a.country, a.area, by_verdict(a.programmes, self.referrer)) for a in group.areas])
            for group in self.part.countries
        ]

    @property
    def every_area(self) -> list[CountryGroup]:
        """Every area of the directory, for the role page's list of areas (on the first part)."""
        return self.directory.split.every_area if self.directory else []

    def area_path(self, group: AreaGroup) -> str:
        """The part of this role's page that holds an area's answers (linked from the first part)."""
        assert self.directory is not None, "only the first part lists the areas"
        return referrer_path(self.referrer, self.directory.split.area_parts[group.area.id])

    @property
    def first_path(self) -> str:
        """The role's page: the first part."""
        return referrer_path(self.referrer)


@dataclass(frozen=True)
class ReferrerListView:
    """Every kind of referrer, with how many programmes each may use."""

    template: ClassVar[str] = "referrers.md.j2"

    referrers: list[ReferrerView]
    role_groups: list[RoleGroup]
    """The roles by the places they belong to (role_groups)."""

    @property
    def path(self) -> str:
        """The page of every kind of referrer."""
        return REFERRERS

    @property
    def groups(self) -> list[tuple[RoleGroup, list[ReferrerView]]]:
        """The roles' views by the places the roles belong to, each country's first and the shared roles last."""
        by_role = {view.referrer: view for view in self.referrers}
        return [(group, [by_role[role] for role in group.roles]) for group in self.role_groups]


def programme_views(records: list[tuple[ProviderFile, str]]) -> list[ProgrammeView]:
    """Resolve each programme's ids into the contacts, sources and programmes they name."""
    by_id = {p.id: p for record, _ in records for p in record.programmes}
    views = []
    for record, file in records:
        contacts = {c.id: c for c in record.provider.contacts}
        sources = {s.id: s for s in record.sources}
        for programme in record.programmes:
            stated = {referrer: route for route in programme.referral_routes for referrer in route.referrers}
            own = [contacts[c] for c in programme.contacts]
            reachable = not programme_unreachable(own, record.provider)
            views.append(
                ProgrammeView(
                    programme=programme,
                    provider=record.provider,
                    contacts=own,
                    sources=[sources[s] for s in programme.sources],
                    routes=[
                        RouteEntry(r, stated.get(r), programme.only_routes, programme.only_when, programme.other_referrers, reachable)
                        for r in roles_for(programme.jurisdictions)
                    ],
                    alternatives=[(by_id[a.programme], a.when) for a in programme.alternatives],
                    last_reviewed=record.last_reviewed,
                    record_file=file,
                    sources_by_id=sources,
                )
            )
    return views


def provider_views(records: list[tuple[ProviderFile, str]], programmes: list[ProgrammeView]) -> list[ProviderView]:
    """One view per provider, with its programmes' views."""
    by_provider: dict[str, list[ProgrammeView]] = {}
    for view in programmes:
        by_provider.setdefault(view.provider.id, []).append(view)
    return [
        ProviderView(
            provider=record.provider,
            programmes=by_provider.get(record.provider.id, []),
            sources=list(record.sources),
            last_reviewed=record.last_reviewed,
            record_file=file,
        )
        for record, file in records
    ]


def directory_places(programmes: list[ProgrammeView]) -> list[Jurisdiction]:
    """The jurisdictions the directory's programmes serve, in the model's order."""
    served = {j for view in programmes for j in view.programme.jurisdictions}
    return [j for j in Jurisdiction if j in served]


def directory_roles(programmes: list[ProgrammeView]) -> list[Referrer]:
    """Every role some programme answers for, in the model's order: the roles of the places the directory covers."""
    return roles_for(directory_places(programmes))


@dataclass(frozen=True)
class RoleGroup:
    """Roles that belong to the same places, for a list of roles: the places (none for the roles every country has), then the roles."""

    places: list[Jurisdiction]
    roles: list[Referrer]


def role_groups(roles: list[Referrer], covered: list[Jurisdiction]) -> list[RoleGroup]:
    """Roles grouped by the places they belong to (of those the directory covers), each country's first and the shared roles last."""
    groups: dict[tuple[Jurisdiction, ...], list[Referrer]] = {}
    for role in roles:
        groups.setdefault(tuple(j for j in role_places(role) if j in covered), []).append(role)
    return [RoleGroup(list(places), members) for places, members in sorted(groups.items(), key=lambda item: not item[0])]


def by_verdict(programmes: list[ProgrammeView], referrer: Referrer) -> list[ProgrammeView]:
    """The programmes that answer for a role (those serving a place where it belongs), those the referrer may use first."""
    answers = [(view, entry) for view in programmes if (entry := view.route_for(referrer)) is not None]
    return [view for view, entry in sorted(answers, key=lambda pair: VERDICT_ORDER.index(pair[1].verdict))]


def filter_values(view: ProgrammeView) -> dict[str, str]:
    """The values the all-programmes filters match a programme's row on, as space-separated words."""
    p = view.programme
    modes = [] if isinstance(p.format.delivery_modes, str) else [m.value for m in p.format.delivery_modes]
    return {
        "country": p.country.value,
        "areas": " ".join(area.id for area in p.areas),
        "format": p.format.kind.value if isinstance(p.format.kind, Format) else p.format.kind,
        "modes": " ".join(modes) or UNKNOWN,
        "referrers": " ".join(entry.referrer.value for entry in view.may_refer),
    }


@dataclass(frozen=True)
class FinderView:
    """The finder's form; its answers come from the part of the chosen role's page that holds the chosen area (ReferrerView)."""

    template: ClassVar[str] = "finder.md.j2"

    split: Split
    role_groups: list[RoleGroup]
    """The roles of the places the directory covers, by the places they belong to (role_groups)."""

    @property
    def path(self) -> str:
        """The finder's page."""
        return FINDER

    @property
    def countries(self) -> list[CountryGroup]:
        """The countries and areas a reader can choose."""
        return self.split.every_area

    @property
    def area_parts(self) -> dict[str, int]:
        """The part of every role's page that holds each area, by area id."""
        return self.split.area_parts

    @property
    def compare_path(self) -> str:
        """The comparison page, linked from the finder."""
        return compare_path()

    def page_for(self, referrer: Referrer, part: int | str = 1) -> str:
        """The static page with the same answers for one referrer (one part of it), for readers without JavaScript."""
        return referrer_path(referrer, part)


@dataclass(frozen=True)
class CompareView(SplitListView):
    """One part of the comparison, the programmes of some areas side by side, facts in the same order on each card."""

    template: ClassVar[str] = "compare.md.j2"

    def part_path(self, part: int | str) -> str:
        """One part of the comparison."""
        return compare_path(part)

    def area_query(self, group: AreaEntry) -> str:
        """The query that shows only an area's programmes on its part (compare_query)."""
        return compare_query(group)


def compare_query(group: AreaGroup | AreaEntry) -> str:
    """The query that shows only an area's programmes on its part of the comparison (finder.js ticks them), so that an area's link compares that area."""
    return "?show=" + ",".join(group.programme_ids)


def model_slug(name: str) -> str:
    """A model's name as the last part of its page's address: Caring Dads → caring-dads.

    Names that differ only in case or punctuation are one model. "index" is
    the list of models' own page, so a model of that name takes another.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "model"
    return "index-model" if slug == "index" else slug


@dataclass(frozen=True)
class ModelView:
    """One programme model (Caring Dads, say) and the areas where the directory's programmes deliver it.

    The model's page lists areas, not programmes, each linked to its part of
    the comparison, so that it stays small however many deliveries there are.
    """

    template: ClassVar[str] = "model.md.j2"

    name: str
    programmes: list[ProgrammeView]
    split: Split

    @property
    def path(self) -> str:
        """This model's page."""
        return model_path(model_slug(self.name))

    @property
    def countries(self) -> list[CountryGroup]:
        """The areas where the model runs, by country."""
        return group_by_area(self.programmes)

    @property
    def providers(self) -> int:
        """How many providers deliver it."""
        return len({view.provider.id for view in self.programmes})

    def area_path(self, group: AreaGroup) -> str:
        """The part of the comparison that holds an area's programmes side by side."""
        return compare_path(self.split.area_parts[group.area.id])

    def area_query(self, group: AreaGroup) -> str:
        """The query that shows every programme of the area on that part, this model's and the others (compare_query)."""
        every = {area.area.id: area for country in self.split.every_area for area in country.areas}
        return compare_query(every[group.area.id])


@dataclass(frozen=True)
class ModelListView:
    """Every programme model the directory's programmes deliver, with how many providers run each."""

    template: ClassVar[str] = "models.md.j2"

    models: list[ModelView]

    @property
    def path(self) -> str:
        """The list of models."""
        return MODELS


def model_views(programmes: list[ProgrammeView], split: Split) -> list[ModelView]:
    """One view per model, in the order the records first name them; names alike but for case and punctuation are one model."""
    by_slug: dict[str, list[ProgrammeView]] = {}
    for view in programmes:
        by_slug.setdefault(model_slug(view.programme.model), []).append(view)
    return [ModelView(views[0].programme.model, views, split) for views in by_slug.values()]
