"""The view logic behind the referral finder, the table filters and the comparison."""

from __future__ import annotations

import pytest

from generator.build import check
from generator.model import Country, DeliveryMode, Format, Referrer
from generator.pages import NAV, plan_pages
from generator.views import (
    CompareView,
    FinderView,
    ProgrammeListView,
    ReferrerView,
    by_verdict,
    group_by_area,
    programme_views,
    provider_views,
    part_of,
    referrer_path,
    route_verdict,
    split_by_area,
)

from .conftest import ROOT, TODAY


@pytest.fixture(scope="module")
def programmes():
    """The views of the real records."""
    files, problems = check(ROOT, TODAY)
    assert not [p for p in problems if p.severity == "error"], problems
    return programme_views([(item.record, item.path) for item in files])


def whole(programmes):
    """The parts of a directory small enough for one page each (the real records)."""
    return split_by_area(group_by_area(programmes))


def by_id(programmes, programme_id):
    return next(view for view in programmes if view.programme.id == programme_id)


def test_areas_are_grouped_by_country_gb_first(programmes):
    groups = group_by_area(programmes)
    assert [group.country for group in groups] == [Country.GB, Country.NL]
    gb_areas = [area.area.id for area in groups[0].areas]
    assert {"hertfordshire", "warwickshire", "wiltshire"} <= set(gb_areas)
    assert "netherlands" not in gb_areas
    hertfordshire = next(area for area in groups[0].areas if area.area.id == "hertfordshire")
    assert {view.programme.id for view in hertfordshire.programmes} == {"hacro-caring-dads", "hacro-dedicated-dads"}
    assert hertfordshire.anchor == "area-hertfordshire"


def test_probation_officer_in_hertfordshire_may_use_both_hacro_programmes(programmes):
    """The finder shows this block of the probation officer's page."""
    view = ReferrerView(Referrer.probation_officer, programmes, whole(programmes))
    hertfordshire = next(group for country in view.countries for group in country.areas if group.area.id == "hertfordshire")
    assert sorted(item.programme.id for item in hertfordshire.programmes) == ["hacro-caring-dads", "hacro-dedicated-dads"]
    assert all(route_verdict(item.route_for(Referrer.probation_officer)) == "yes" for item in hertfordshire.programmes)


def test_hacro_takes_no_direct_referral_from_court_or_cafcass(programmes):
    for programme_id in ("hacro-caring-dads", "hacro-dedicated-dads"):
        view = by_id(programmes, programme_id)
        assert route_verdict(view.route_for(Referrer.cafcass)) == "no"
        assert route_verdict(view.route_for(Referrer.family_court)) == "no"
        assert view.route_for(Referrer.self).verdict == "conditional"


def test_silence_is_not_stated_never_no(programmes):
    warwickshire = by_id(programmes, "warwickshire-caring-dads")
    assert warwickshire.route_for(Referrer.probation_officer).verdict == "not_stated"
    assert warwickshire.route_for(Referrer.social_worker).verdict == "conditional"


def test_answers_list_open_routes_before_silence_and_refusals(programmes):
    hertfordshire = [by_id(programmes, "hacro-caring-dads"), by_id(programmes, "warwickshire-caring-dads")]
    ordered = by_verdict(list(reversed(hertfordshire)), Referrer.social_worker)
    assert [v.programme.id for v in ordered] == ["hacro-caring-dads", "warwickshire-caring-dads"]
    cafcass = by_verdict(hertfordshire, Referrer.cafcass)
    assert [v.programme.id for v in cafcass] == ["warwickshire-caring-dads", "hacro-caring-dads"]


def test_filter_values_of_a_row(programmes):
    dedicated = by_id(programmes, "hacro-dedicated-dads").filters
    assert dedicated == {
        "country": "GB",
        "areas": "hertfordshire",
        "format": "one_to_one",
        "modes": "in_person phone online",
        "referrers": "social_worker probation_officer self",
    }
    assert "cafcass" not in dedicated["referrers"].split()


def test_filter_options_are_those_in_use(programmes):
    listing = ProgrammeListView(programmes, whole(programmes))
    assert listing.formats == [Format.group, Format.one_to_one]
    assert DeliveryMode.online in listing.modes
    assert Referrer.cafcass not in listing.referrers
    assert Referrer.probation_officer in listing.referrers


def test_referrer_page_groups_by_country_and_area(programmes):
    view = ReferrerView(Referrer.probation_officer, programmes, whole(programmes))
    countries = view.countries
    assert [c.country for c in countries] == [Country.GB, Country.NL]
    listed = [p.programme.id for c in countries for a in c.areas for p in a.programmes]
    assert sorted(listed) == sorted(v.programme.id for v in programmes)


def test_outcomes_leave_out_background_figures(programmes):
    assert by_id(programmes, "hacro-caring-dads").outcomes == []
    assert len(by_id(programmes, "wiltshire-dads-matter-too").outcomes) >= 1


def test_finder_and_compare_pages_are_planned_and_in_the_sidebar(programmes):
    files, _ = check(ROOT, TODAY)
    providers = provider_views([(item.record, item.path) for item in files], programmes)
    pages = {page.path: page for page in plan_pages(programmes, providers)}
    assert isinstance(pages["finder.md"].view, FinderView)
    assert isinstance(pages["compare.md"].view, CompareView)
    nav_paths = [path for _, path in NAV]
    assert "finder.md" in nav_paths and "compare.md" in nav_paths


def test_areas_are_split_into_parts_of_whole_areas_in_order(programmes):
    areas = [group for country in group_by_area(programmes) for group in country.areas]
    assert len(areas) >= 4
    parts = split_by_area(group_by_area(programmes), size=2)
    assert len(parts) > 1
    assert [group.area.id for part in parts for group in part.areas] == [group.area.id for group in areas]
    for part in parts:
        entries = sum(len(group.programmes) for group in part.areas)
        assert entries <= 2 or len(part.areas) == 1, part
    # Each area is in exactly one part, and a programme appears once per part.
    assert sorted(part_of(parts)) == sorted(group.area.id for group in areas)
    for part in parts:
        ids = [view.programme.id for view in part.programmes]
        assert len(ids) == len(set(ids))


def test_a_small_directory_is_one_part_on_the_pages_it_always_had(programmes):
    assert len(whole(programmes)) == 1
    view = ReferrerView(Referrer.social_worker, programmes, whole(programmes))
    warwickshire = next(group for country in view.every_area for group in country.areas if group.area.id == "warwickshire")
    assert view.area_path(warwickshire) == referrer_path(Referrer.social_worker) == "referrals/social-worker.md"


def test_a_split_role_page_links_each_area_to_its_part(programmes):
    parts = split_by_area(group_by_area(programmes), size=2)
    first = ReferrerView(Referrer.probation_officer, programmes, parts)
    last = ReferrerView(Referrer.probation_officer, programmes, parts, len(parts))
    assert last.path == f"referrals/probation-officer/{len(parts)}.md"
    shown = [group.area.id for country in last.countries for group in country.areas]
    assert shown == [group.area.id for group in parts[-1].areas]
    paths = {group.area.id: first.area_path(group) for country in first.every_area for group in country.areas}
    assert paths[parts[0].areas[0].area.id] == "referrals/probation-officer.md"
    assert paths[parts[-1].areas[0].area.id] == last.path
    # The counts cover every programme, on whichever part.
    assert len(first.direct + first.conditional + first.refused + first.unstated) == len(programmes)


def test_every_part_of_every_split_page_is_planned(programmes):
    files, _ = check(ROOT, TODAY)
    providers = provider_views([(item.record, item.path) for item in files], programmes)
    paths = [page.path for page in plan_pages(programmes, providers)]
    assert len(paths) == len(set(paths))
    assert {"programmes/index.md", "compare.md", "finder.md", "referrals/index.md", "referrals/cafcass.md"} <= set(paths)
