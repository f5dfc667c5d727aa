"""Every answer carries the father's conditions: the precondition, the residence rule,
the entry conditions, how the provider decides and the exclusions (views.Eligibility),
on the role pages (which the finder shows), the comparison, the programme page and
in every open-data format.

Fixture programmes: `example-group` has a residence rule, an entry condition and an
exclusion; `only-route-follow-on` a precondition and a provider's rule;
`riverside-online` none of these.
"""

from __future__ import annotations

import csv
import io

from generator.pages.opendata import hsds, spreadsheet
from generator.pages.opendata.programmes_json import open_data
from generator.pages.views import eligibility

from .conftest import fixture_pages
from .opendata_fixtures import BASE_URL, fixture_views
from .test_exact_answers import blocks

GROUP = "example-group"
FOLLOW_ON = "only-route-follow-on"
RESIDENCE = {"en": "The father or his children live in Exampleshire.", "nl": "De vader of zijn kinderen wonen in Exampleshire."}
CONDITION = {"en": "The father lives in Exampleshire.", "nl": "De vader woont in Exampleshire."}
EXCLUSION = {"en": "Fathers with a history of sexual offending against children.", "nl": "Vaders met een geschiedenis van zedendelicten tegen kinderen."}
PRECONDITION = "Only for a father referred to Key Worker Dads for whom no group place is free."
RULE = "The council decides who is suitable."


def views():
    """The fixture views by id."""
    return {view.programme.id: view for view in fixture_views()}


def test_the_view_gives_each_condition_once_in_one_order():
    group = views()[GROUP].eligibility
    assert [label for label, _ in group.rows] == ["Residence rule", "Before a father can start", "Who it is not for"]
    assert [[t.en for t in items] for _, items in group.rows] == [[RESIDENCE["en"]], [CONDITION["en"]], [EXCLUSION["en"]]]
    follow_on = views()[FOLLOW_ON].eligibility
    assert [label for label, _ in follow_on.rows] == ["Precondition", "How the provider decides"]
    assert views()["riverside-online"].eligibility.rows == []


def test_an_entry_condition_that_repeats_the_residence_rule_is_said_once():
    view = views()[GROUP]
    repeated = view.programme.model_copy(update={"entry_conditions": [view.programme.residency_rule, *view.programme.entry_conditions]})
    assert [t.en for t in eligibility(repeated).conditions] == [CONDITION["en"]]


def test_every_role_page_answer_carries_the_conditions_in_both_languages():
    pages = fixture_pages()
    seen = 0
    for name, text in pages.items():
        if "/referrals/" not in name or name.endswith("index.md"):
            continue
        lang = name[:2]
        for answer in blocks(text, GROUP):
            seen += 1
            assert RESIDENCE[lang] in answer and CONDITION[lang] in answer and EXCLUSION[lang] in answer, name
            assert "example-group.md#before-you-refer" in answer, name
    assert seen >= 4


def test_a_precondition_and_the_providers_rule_travel_to_every_answer():
    answers = [answer for name, text in fixture_pages().items() if name.startswith("en/referrals/") for answer in blocks(text, FOLLOW_ON)]
    assert answers
    for answer in answers:
        assert PRECONDITION in answer and RULE in answer


def test_the_comparison_card_and_the_programme_page_carry_them():
    pages = fixture_pages()
    for lang in ("en", "nl"):
        [card] = [b for b in blocks(pages[f"{lang}/compare.md"], GROUP) if "fpd-card" in b]
        assert RESIDENCE[lang] in card and CONDITION[lang] in card and EXCLUSION[lang] in card
    page = pages["en/programmes/example-group.md"]
    how = page[page.index("## How to refer") : page.index("## Who it is for")]
    assert how.count("[Before you refer](#before-you-refer)") == len(views()[GROUP].may_refer) >= 1


def test_the_checklist_has_boxes_for_conditions_only():
    page = fixture_pages()["en/programmes/example-group.md"]
    checklist = page[page.index("## Before you refer") : page.index("## How to refer")]
    boxes = checklist[: checklist.index("None of these applies to him")]
    exclusions = checklist[checklist.index("None of these applies to him") :]
    assert RESIDENCE["en"] in boxes and CONDITION["en"] in boxes and boxes.count('type="checkbox"') == 2
    assert EXCLUSION["en"] in exclusions and 'type="checkbox"' not in exclusions
    assert "The boxes are only for you" in boxes
    bare = fixture_pages()["en/programmes/only-route-follow-on.md"]
    bare_checklist = bare[bare.index("## Before you refer") : bare.index("## How to refer")]
    assert 'type="checkbox"' not in bare_checklist and "boxes" not in bare_checklist


def test_the_csv_has_a_column_for_each_condition_and_answers_carry_their_routes_conditions():
    table = list(csv.DictReader(io.StringIO(spreadsheet.programmes_csv(fixture_views(), BASE_URL).removeprefix("\ufeff"))))
    for lang in ("en", "nl"):
        row = next(r for r in table if r["id"] == GROUP and r["language"] == lang)
        assert (row["residence_rule"], row["entry_conditions"], row["exclusions"]) == (RESIDENCE[lang], CONDITION[lang], EXCLUSION[lang])
        assert row["precondition"] == "" and row["provider_decides"] == ""
    follow_on = next(r for r in table if r["id"] == FOLLOW_ON and r["language"] == "en")
    assert (follow_on["precondition"], follow_on["provider_decides"]) == (PRECONDITION, RULE)
    assert follow_on["residence_rule"] == "not published — contact the provider"
    group = next(r for r in table if r["id"] == GROUP and r["language"] == "en")
    assert group["referral_self"] == "Yes, on conditions: After a Cafcass recommendation."


def test_json_and_hsds_carry_them():
    entry = next(e for e in open_data(fixture_views())["programmes"] if e["id"] == GROUP)
    assert entry["residency_rule"]["en"] == RESIDENCE["en"] and entry["exclusions"][0]["en"] == EXCLUSION["en"]
    assert entry["entry_conditions"][0]["en"] == CONDITION["en"]
    view = views()[GROUP]
    for lang in ("en", "nl"):
        described = hsds.eligibility(view, lang) or ""
        assert RESIDENCE[lang] in described and CONDITION[lang] in described and EXCLUSION[lang] in described
    follow_on = hsds.eligibility(views()[FOLLOW_ON], "en") or ""
    assert PRECONDITION in follow_on and RULE in follow_on
