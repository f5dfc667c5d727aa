"""The view logic behind the referral finder, the table filters and the comparison."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from generator.build import foreign_names
from generator.pages.answers import route_verdict
from generator.pages.areas import group_by_area, part_of, split_by_area, split_programmes
from generator.pages.plan import Page, nav_pages, plan_pages
from generator.pages.render import environment, render_page
from generator.pages.urls import referrer_path, relative_link
from generator.pages.views import (
    CompareView,
    Directory,
    FinderView,
    GroupSize,
    ProgrammeView,
    ReferrerView,
    by_verdict,
    directory_places,
    directory_roles,
    model_slug,
    model_views,
    programme_views,
    provider_views,
    role_groups,
    table_choices,
)
from generator.records.geography import gss_names
from generator.records.model import Area, Country, DeliveryMode, Format, Referrer, Text

from .conftest import fixture_files
from .opendata_fixtures import fixture_views


@pytest.fixture(scope="module")
def programmes():
    """The views of the fixture records."""
    return programme_views([(item.record, item.path) for item in fixture_files()])


def whole(programmes):
    """The split of a directory small enough for one page (the fixture records)."""
    return split_programmes(programmes)


def role_page(referrer, programmes, split=None):
    """A role's page (its first part), as the plan makes it."""
    split = split or whole(programmes)
    return ReferrerView(referrer, split.parts[0], Directory(programmes, split))


ENGLISH_COUNCILS = sorted(code for code in gss_names() if code.startswith("E06"))
"""Real ONS codes for made-up areas: an area is an official code."""


def spread(programmes, areas=6):
    """The fixture programmes, each also copied into more made-up areas, so that lists can be split."""
    copies = []
    for n in range(areas):
        for view in programmes:
            # An area lies in one country: each country's programmes get areas of their own.
            country = view.programme.country.value.lower()
            code = ENGLISH_COUNCILS[n] if country == "gb" else f"GM{n:04d}"
            area = Area(code=code, name=Text(en=f"Area {n} {country}", nl=f"Gebied {n} {country}"))
            copies.append(dataclasses.replace(view, programme=view.programme.model_copy(update={"areas": [area]})))
    return programmes + copies


def by_id(programmes, programme_id):
    return next(view for view in programmes if view.programme.id == programme_id)


def in_the_netherlands(view):
    """The same programme, as if it ran in the Netherlands."""
    return dataclasses.replace(view, programme=view.programme.model_copy(update={"country": Country.NL}))


def test_areas_are_grouped_by_country_gb_first(programmes):
    dutch = in_the_netherlands(by_id(programmes, "only-route-group"))
    groups = group_by_area([dutch] + [view for view in programmes if view.programme.id != "only-route-group"])
    assert [group.country for group in groups] == [Country.GB, Country.NL]
    gb_areas = [area.area.id for area in groups[0].areas]
    assert gb_areas == ["E10000016", "E10000024", "E09000027", "W06000003", "W06000004"]
    exampleshire = groups[0].areas[0]
    assert {view.programme.id for view in exampleshire.programmes} == {"example-group", "example-one-to-one"}
    assert exampleshire.anchor == "area-E10000016"


def test_social_worker_in_exampleshire_sees_the_area_block(programmes):
    """The finder shows this block of the social worker's page."""
    view = role_page(Referrer.social_worker, programmes)
    exampleshire = next(group for country in view.countries for group in country.areas if group.area.id == "E10000016")
    assert [item.programme.id for item in exampleshire.programmes] == ["example-group", "example-one-to-one"]
    routes = [item.route_for(Referrer.social_worker) for item in exampleshire.programmes]
    assert [route_verdict(route) if route else None for route in routes] == ["yes", "not_stated"]


def test_a_stated_refusal_is_no(programmes):
    view = by_id(programmes, "example-group")
    assert route_verdict(view.route_for(Referrer.cafcass)) == "no"
    assert view.route_for(Referrer.self).verdict == "conditional"


def test_silence_is_not_stated_never_no(programmes):
    example = by_id(programmes, "example-group")
    assert example.route_for(Referrer.probation_officer).verdict == "not_stated"
    assert example.route_for(Referrer.social_worker).verdict == "yes"


def test_answers_list_open_routes_before_silence_and_refusals(programmes):
    exampleshire = [by_id(programmes, "example-group"), by_id(programmes, "example-one-to-one")]
    ordered = by_verdict(list(reversed(exampleshire)), Referrer.social_worker)
    assert [v.programme.id for v in ordered] == ["example-group", "example-one-to-one"]
    cafcass = by_verdict(exampleshire, Referrer.cafcass)
    assert [v.programme.id for v in cafcass] == ["example-one-to-one", "example-group"]


def test_filter_values_of_a_row(programmes):
    group = by_id(programmes, "example-group").filters
    assert group == {
        "country": "GB",
        "areas": "E10000016",
        "format": "group",
        "modes": "in_person online",
        "referrers": "social_worker self",
    }
    assert by_id(programmes, "example-one-to-one").filters["modes"] == "unknown"


def test_filter_options_are_those_in_use(programmes):
    choices = table_choices(programmes)
    assert choices.formats == [Format.group, Format.one_to_one]
    assert DeliveryMode.online in choices.modes and DeliveryMode.phone not in choices.modes
    assert Referrer.cafcass not in choices.referrers
    assert Referrer.self in choices.referrers


def test_referrer_page_lists_every_programme_of_its_places_by_country_and_area(programmes):
    view = role_page(Referrer.probation_officer, programmes)
    listed = [p.programme.id for c in view.countries for a in c.areas for p in a.programmes]
    assert sorted(set(listed)) == sorted(v.programme.id for v in programmes if v.programme.country == Country.GB)
    # The Dutch area keeps its section, empty, so the finder can say the role is not one of its places.
    assert [a.area.id for c in view.countries for a in c.areas if not a.programmes] == ["PV27"]


def test_a_programme_answers_for_the_roles_of_the_places_it_serves(programmes):
    welsh, dutch = by_id(programmes, "wales-tadau"), by_id(programmes, "voorbeeld-vaders")
    assert [e.referrer for e in welsh.routes] == [
        Referrer.social_worker, Referrer.probation_officer, Referrer.cafcass_cymru, Referrer.family_court,
        Referrer.gp, Referrer.health, Referrer.professional, Referrer.self,
    ]
    assert welsh.route_for(Referrer.cafcass) is None and welsh.route_for(Referrer.youth_protection) is None
    assert welsh.route_for(Referrer.cafcass_cymru).verdict == "not_stated"
    assert Referrer.cafcass not in [e.referrer for e in dutch.routes] and dutch.route_for(Referrer.neighbourhood_team).verdict == "not_stated"
    assert dutch.route_for(Referrer.veilig_thuis).verdict == "no" and dutch.route_for(Referrer.youth_probation).verdict == "conditional"
    # The source's word about unnamed referrers travels with every "not stated", and changes none.
    assert welsh.route_for(Referrer.cafcass_cymru).other.note.en == "The referral form is for use by professionals."
    assert [e.verdict for e in welsh.routes if e.referrer in (Referrer.gp, Referrer.health, Referrer.professional)] == ["yes"] * 3


def test_roles_are_grouped_by_their_places_and_the_shared_ones_last(programmes):
    groups = role_groups(directory_roles(programmes), directory_places(programmes))
    assert [[j.value for j in g.places] for g in groups] == [["GB-ENG", "GB-WLS"], ["GB-ENG"], ["GB-WLS"], ["NL"], []]
    assert groups[0].roles == [Referrer.social_worker, Referrer.probation_officer, Referrer.family_court]
    assert groups[-1].roles == [Referrer.gp, Referrer.health, Referrer.professional, Referrer.self]


def test_outcomes_leave_out_background_figures(programmes):
    example = by_id(programmes, "example-group")
    assert [figure.kind for figure in example.outcomes] == ["outcome"]
    assert [figure.kind for figure in example.background] == ["context"]


def test_four_kinds_of_figure_each_in_its_place_and_an_outcome_in_words(programmes):
    welsh = by_id(programmes, "wales-tadau")
    assert [f.value for f in welsh.activity] == [26] and welsh.outcomes[0].value is None
    page = render_page(environment("en", datetime.date(2026, 11, 22)), Page(welsh))
    outcomes = page[page.index("## Outcomes") : page.index("### What the programme has done")]
    assert "- has already prevented several dozens of children from having to be taken into care (stated by" in outcomes
    assert "**26**" not in outcomes and "- **26** men referred in the latest cohort" in page
    assert "as stated in Example Family Support Wales web page, 1 June 2018" in page


def test_a_status_from_an_old_source_is_not_shown_as_current(programmes):
    welsh = by_id(programmes, "wales-tadau")
    assert welsh.newest_dated_source.published == datetime.date(2018, 6, 1)
    late = render_page(environment("en", datetime.date(2026, 11, 22)), Page(welsh))
    assert "Last stated as running in Example Family Support Wales web page, 1 June 2018; not confirmed since" in late
    assert ": Running" not in late
    fresh = render_page(environment("en", datetime.date(2018, 9, 1)), Page(welsh))
    assert "Running (as stated in Example Family Support Wales web page, 1 June 2018)" in fresh
    # Where every source is undated the status stands as the record gives it, and the sources say so.
    dutch = render_page(environment("en", datetime.date(2026, 11, 22)), Page(by_id(programmes, "voorbeeld-vaders")))
    assert ": Running\n" in dutch and "\\(Voorbeeldreclassering\\), undated\n" in dutch


def test_courses_show_only_from_today_with_their_venue_and_dated_source(programmes):
    example = by_id(programmes, "example-group")
    page = render_page(environment("en", datetime.date(2026, 11, 22)), Page(example))
    where = page[page.index("## Where and when") : page.index("## How to refer")]
    assert "6 October 2026" not in page, "a course that has started is not shown as upcoming"
    assert "- Starts 12 January 2027, Tuesdays, 6 to 8 pm: Example Town Hall (Exampleshire), 1 High Street, Exampleton (as stated in Example Dads leaflet, autumn 2026, 1 October 2026)" in where
    assert where.index("12 January 2027") < where.index("1 February 2027: Online")
    later = render_page(environment("en", datetime.date(2027, 3, 1)), Page(example))
    assert "No upcoming course is published." in later and "January 2027" not in later
    # The finder and the role pages give the next course with each answer.
    env = environment("en", datetime.date(2026, 11, 22))
    role = render_page(env, Page(role_page(Referrer.social_worker, programmes)))
    assert "Next course\n: Starts 12 January 2027, Tuesdays, 6 to 8 pm: Example Town Hall" in role


def test_intake_costs_by_residence_and_a_second_referrer_are_shown_with_their_dated_source(programmes):
    riverside = by_id(programmes, "riverside-online")
    assert riverside.route_for(Referrer.self).verdict == "conditional", "a route that needs a second referrer is a yes on conditions"
    page = render_page(environment("en", datetime.date(2026, 11, 22)), Page(riverside))
    assert "Cost\n: Fathers who live in the borough, or whose children do: Free; Fathers from elsewhere: £150\n" in page
    assert "Taking referrals?\n: Full: the next start date is to be confirmed (as stated in Riverside Dads Online flyer, 15 September 2026)" in page
    assert "**Also needed:** A professional who knows the family also refers him and attends the screening." in page
    dutch = render_page(environment("nl", datetime.date(2026, 11, 22)), Page(riverside))
    assert "Aanmelden mogelijk?\n: Vol: de volgende begindatum wordt nog bekendgemaakt (bron: Flyer van Riverside Dads Online, 15 september 2026)" in dutch
    role = render_page(environment("en", datetime.date(2026, 11, 22)), Page(role_page(Referrer.self, programmes)))
    assert "Taking referrals?\n: Full: the next start date is to be confirmed" in role


def test_organisations_are_named_with_their_part_and_language(programmes):
    welsh = by_id(programmes, "wales-tadau")
    names = [(o.name, o.lang, o.part) for o in welsh.programme.organisations]
    assert names == [("Cymdeithas Tai Enghreifftiol", "cy", "partner"), ("Example Licensing Ltd", "en", "licence_holder")]
    page = render_page(environment("nl", datetime.date(2026, 11, 22), names=foreign_names(list(fixture_files()))), Page(welsh, welsh.record_file))
    assert 'Andere betrokken organisaties\n: <span lang="cy">Cymdeithas Tai Enghreifftiol</span> (partner), <span lang="en">Example Licensing Ltd</span> (licentiehouder)' in page


def test_a_model_has_a_page_saying_where_it_runs_without_restating_it(programmes):
    models = {model.name: model for model in model_views(programmes, whole(programmes))}
    caring = models["Caring Dads"]
    assert caring.path == "models/caring-dads.md" and caring.providers == 5
    assert [a.area.code for c in caring.countries for a in c.areas] == ["E10000016", "E10000024", "E09000027", "W06000003", "W06000004", "PV27"]
    page = render_page(environment("en"), Page(caring))
    assert "- [Conwy](../compare.md?show=wales-tadau#area-W06000003): " in page and "Grŵp Tadau" in page
    programme = render_page(environment("en"), Page(by_id(programmes, "wales-tadau")))
    assert "Programme model\n: [Caring Dads](../models/caring-dads.md)" in programme
    # Names alike but for case and punctuation are one model; "index" is the list's own page.
    assert model_slug("Caring  DADS!") == "caring-dads" and model_slug("Index") == "index-model" and model_slug("—") == "model"


def test_finder_and_compare_pages_are_planned_and_in_the_sidebar(programmes):
    providers = provider_views([(item.record, item.path) for item in fixture_files()], programmes)
    pages = {page.path: page for page in plan_pages(programmes, providers)}
    assert isinstance(pages["finder.md"].view, FinderView)
    assert isinstance(pages["compare.md"].view, CompareView)
    nav_paths = [path for _, path in nav_pages()]
    assert "finder.md" in nav_paths and "compare.md" in nav_paths


def test_areas_are_split_into_parts_of_whole_areas_in_order(programmes):
    programmes = spread(programmes)
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
    assert len(whole(programmes).parts) == 1
    view = role_page(Referrer.social_worker, programmes)
    onlyshire = next(group for country in view.every_area for group in country.areas if group.area.id == "E10000024")
    assert view.area_path(onlyshire) == referrer_path(Referrer.social_worker) == "referrals/social-worker.md"


def test_a_split_role_page_links_each_area_to_its_part(programmes):
    programmes = spread(programmes)
    split = split_programmes(programmes, size=2)
    parts = split.parts
    first = role_page(Referrer.probation_officer, programmes, split)
    last = ReferrerView(Referrer.probation_officer, parts[-1])
    assert last.path == f"referrals/probation-officer/{len(parts)}.md"
    shown = [group.area.id for country in last.countries for group in country.areas]
    assert shown == [group.area.id for group in parts[-1].areas]
    paths = {group.area.id: first.area_path(group) for country in first.every_area for group in country.areas}
    assert paths[parts[0].areas[0].area.id] == "referrals/probation-officer.md"
    assert paths[parts[-1].areas[0].area.id] == last.path
    # The counts cover every programme that answers for the role, on whichever part; Dutch ones do not.
    answering = [view for view in programmes if view.programme.country == Country.GB]
    assert len(first.direct + first.conditional + first.refused + first.unstated) == len(answering) < len(programmes)


def test_every_part_of_every_split_page_is_planned(programmes):
    providers = provider_views([(item.record, item.path) for item in fixture_files()], programmes)
    paths = [page.path for page in plan_pages(programmes, providers)]
    assert len(paths) == len(set(paths))
    assert {"programmes/index.md", "compare.md", "finder.md", "referrals/index.md", "referrals/cafcass.md"} <= set(paths)


def test_only_the_first_part_of_a_split_comparison_lists_every_area(programmes):
    programmes = spread(programmes)
    split = split_programmes(programmes, size=2)
    env = environment("en")
    first, last = (render_page(env, Page(CompareView(split.parts[n - 1], split.index))) for n in (1, len(split.parts)))
    areas = [group.area for country in split.every_area for group in country.areas]
    assert "{ #areas }" in first and all(f"{area.name.en}](" in first for area in areas)
    # A later part links back to that list instead of repeating it, so it does not grow with the directory.
    assert "{ #areas }" not in last and f"[Programmes by area]({relative_link(CompareView(split.parts[-1], split.index).path, 'compare.md')}#areas)" in last
    assert not any(f"{area.name.en}](" in last for area in areas if area not in [group.area for group in split.parts[-1].areas])



def _with_format(view: ProgrammeView, **changes: object) -> ProgrammeView:
    programme = view.programme.model_copy(update={"format": view.programme.format.model_copy(update=changes)})
    return dataclasses.replace(view, programme=programme)


def test_the_group_size_is_a_number_not_published_not_a_group_or_no_fact_at_all() -> None:
    """One rule for every page: a group states its size or has none published; one-to-one is not a group; an unknown format says nothing of groups."""
    group = next(view for view in fixture_views() if view.programme.id == "example-group")
    assert group.group_size == 12
    assert _with_format(group, group_size=None).group_size == GroupSize.not_published
    assert _with_format(group, group_size="unknown").group_size == GroupSize.not_published
    assert _with_format(group, kind=Format.one_to_one, group_size=None).group_size == GroupSize.not_a_group
    assert _with_format(group, kind="unknown").group_size is None
