"""Programmes by country and area, and the parts a long list is split into, whole areas at a time.

Every list of every programme (the table, the comparison, each role's page)
is split the same way, so that the same area is in the same part everywhere
and no page grows with the directory.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.pages.urls import area_anchor
from generator.records.model import Area, Country

if TYPE_CHECKING:  # views builds on these groups; the groups only hold its programme views
    from generator.pages.views import ProgrammeView


@dataclass(frozen=True)
class PlacedArea:
    """One area of one country, and its section's id on a page."""

    country: Country
    area: Area

    @property
    def anchor(self) -> str:
        """The id of this area's section on a page."""
        return area_anchor(self.area)


@dataclass(frozen=True)
class AreaGroup(PlacedArea):
    """One area of one country, with the programmes that serve it."""

    programmes: list[ProgrammeView]

    @property
    def whole_country(self) -> bool:
        """Whether the area is its whole country, whose name a page then gives twice (as the country's and as the area's)."""
        return self.area.is_whole(self.country)

    @property
    def programme_ids(self) -> list[str]:
        """The ids of the programmes that serve the area."""
        return [view.programme.id for view in self.programmes]


@dataclass(frozen=True)
class CountryGroup:
    """One country, with its areas in the order the records first name them."""

    country: Country
    areas: list[AreaGroup]


def group_by_area(programmes: list[ProgrammeView]) -> list[CountryGroup]:
    """Programmes by country (GB, then NL) and area; a programme serving two areas is under both."""
    groups: dict[Country, dict[str, AreaGroup]] = {}
    for view in programmes:
        country = view.programme.country
        for area in view.programme.areas:
            areas = groups.setdefault(country, {})
            if area.id not in areas:
                areas[area.id] = AreaGroup(country, area, [])
            areas[area.id].programmes.append(view)
    return [CountryGroup(country, list(groups[country].values())) for country in Country if country in groups]


PART_SIZE = 40
"""How many programme entries (a programme once per area it serves) a part of a
split page holds, whole areas at a time: at about 1.5 kB of HTML per answer or
card, a part stays well under 250 kB however large the directory grows."""


@dataclass(frozen=True)
class Part:
    """One page's share of a list split by area: whole areas, country by country, in the records' order."""

    number: int
    areas: list[AreaGroup]

    @property
    def countries(self) -> list[CountryGroup]:
        """This part's areas under their countries."""
        groups: dict[Country, list[AreaGroup]] = {}
        for group in self.areas:
            groups.setdefault(group.country, []).append(group)
        return [CountryGroup(country, areas) for country, areas in groups.items()]

    @property
    def programmes(self) -> list[ProgrammeView]:
        """The programmes of this part's areas, each once."""
        seen: dict[str, ProgrammeView] = {}
        for group in self.areas:
            for view in group.programmes:
                seen.setdefault(view.programme.id, view)
        return list(seen.values())


def split_by_area(countries: list[CountryGroup], size: int = PART_SIZE) -> list[Part]:
    """Areas packed in order into parts of at most `size` programme entries; an area larger than that is a part of its own."""
    parts: list[list[AreaGroup]] = [[]]
    for group in (area for country in countries for area in country.areas):
        if parts[-1] and sum(len(a.programmes) for a in parts[-1]) + len(group.programmes) > size:
            parts.append([])
        parts[-1].append(group)
    return [Part(number, areas) for number, areas in enumerate(parts, start=1)]


def part_of(parts: list[Part]) -> dict[str, int]:
    """The part each area is in, by area id."""
    return {group.area.id: part.number for part in parts for group in part.areas}


@dataclass(frozen=True)
class AreaEntry(PlacedArea):
    """An area in the list of every area: the ids of the programmes that serve it, not the programmes."""

    programme_ids: list[str]


@dataclass(frozen=True)
class CountryEntry:
    """One country in the list of every area."""

    country: Country
    areas: list[AreaEntry]


@dataclass(frozen=True)
class AreaIndex:
    """Every country and area of the directory, the part that holds each, and how many parts there are.

    What every part of a list needs of the areas it does not show: their names
    and places, not their programmes. A part holding this rather than every
    programme is rendered again only when its own programmes change (publish/rendered.py).
    """

    countries: list[CountryEntry]
    area_parts: dict[str, int]
    """The part that holds each area's programmes, by area id."""
    part_count: int


def area_index(every_area: list[CountryGroup], parts: list[Part]) -> AreaIndex:
    """The index of every area of a split list."""
    countries = [CountryEntry(group.country, [AreaEntry(a.country, a.area, a.programme_ids) for a in group.areas]) for group in every_area]
    return AreaIndex(countries, part_of(parts), len(parts))


@dataclass(frozen=True)
class Split:
    """Every programme by country and area, and the parts every list of every programme is split into.

    Worked out once per build and shared by every list page: each area's link
    asks which part holds it, and worked out per page (or per link) the cost
    grew with the square of the directory.
    """

    every_area: list[CountryGroup]
    parts: list[Part]
    index: AreaIndex

    @property
    def area_parts(self) -> dict[str, int]:
        """The part that holds each area's programmes, by area id."""
        return self.index.area_parts


def split_programmes(programmes: list[ProgrammeView], size: int = PART_SIZE) -> Split:
    """The programmes grouped by area and split into parts of at most `size` entries."""
    every_area = group_by_area(programmes)
    parts = split_by_area(every_area, size)
    return Split(every_area, parts, area_index(every_area, parts))
