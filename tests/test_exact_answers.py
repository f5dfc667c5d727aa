"""Every answer says what the source says: "only through" is an answer, an absent
value is "not published", never another value.

Uses the fixture provider `only-route` (tests/fixtures/services/only-route.yaml),
whose source names the only way in and whose group programme has no group size.
"""

from __future__ import annotations

import re

import pytest

from generator.build import plan
from generator.pages.opendata import hsds, spreadsheet
from generator.pages.opendata.programmes_json import open_data
from generator.pages.views import programme_views
from generator.records.geography import Jurisdiction
from generator.records.model import Referrer
from generator.records.roles import roles_for

from .conftest import fixture_files, fixture_pages

GROUP = "only-route-group"
FOLLOW_ON = "only-route-follow-on"


def views():
    """The fixture programmes' views, by id."""
    files = fixture_files()
    return {view.programme.id: view for view in programme_views([(f.record, f.path) for f in files])}


def blocks(text: str, programme_id: str) -> list[str]:
    """Each part of a page that speaks of one programme: a comparison card, a finder or referral answer, a table row."""
    found = re.findall(rf'<article class="fpd-card" data-programme="{programme_id}".*?\n</article>', text, re.S)
    found += re.findall(rf'<div class="fpd-programme-answer" data-programme="{programme_id}".*?\n</div>', text, re.S)
    found += [line for line in text.splitlines() if line.startswith("| ") and f"{programme_id}.md" in line]
    return found


def test_every_referrer_without_a_route_reads_no_only_through():
    entries = views()[GROUP].routes
    others = [entry for entry in entries if entry.referrer != Referrer.social_worker]
    assert others and all(entry.verdict == "no" and entry.only_through for entry in others)
    assert views()[GROUP].route_for(Referrer.social_worker).verdict == "yes"
    assert views()[GROUP].unstated == []


def test_without_only_routes_silence_stays_not_stated():
    view = views()[FOLLOW_ON]
    assert Referrer.probation_officer in view.unstated
    assert view.only_through == []


@pytest.mark.parametrize("referrer", [r for r in roles_for([Jurisdiction.ENG]) if r != Referrer.social_worker])
def test_referral_pages_answer_no_with_the_only_way_in(referrer):
    page = fixture_pages()[f"en/referrals/{referrer.value.replace('_', '-')}.md"]
    [answer] = blocks(page, GROUP)
    assert 'data-verdict="no"' in answer
    assert "the family&#39;s key worker" in answer or "the family's key worker" in answer
    assert "Not stated" not in answer
    if referrer == Referrer.self:
        assert "you cannot refer yourself, only the family's key worker can refer you" in answer
    else:
        assert "No — only through the family's key worker" in answer


def test_programme_page_names_the_only_way_in_and_who_it_shuts_out():
    page = fixture_pages()["en/programmes/only-route-group.md"]
    assert "### Social worker (the family's key worker): Yes" in page
    everyone_else = page[page.index("### Everyone else") :].split("\n## ")[0]
    assert "No — only through the family's key worker" in everyone_else
    assert "Only Route Council guide" in everyone_else
    assert "probation officer" in everyone_else and "the father himself" in everyone_else
    assert "Other referrers" not in page


def test_comparison_and_open_data_follow_the_only_way_in():
    [card] = blocks(fixture_pages()["en/compare.md"], GROUP)
    assert "Everyone else: only through the family's key worker" in card
    _, data = plan(list(fixture_files()))
    entry = next(p for p in open_data(data.programmes)["programmes"] if p["id"] == GROUP)
    assert entry["referrers_not_stated"] == []
    assert set(entry["referrers_only_through"]) == {r.value for r in roles_for([Jurisdiction.ENG])} - {"social_worker"}
    assert entry["only_routes"]["through"]["en"] == "the family's key worker"


def test_dutch_pages_say_the_same():
    page = fixture_pages()["nl/referrals/self.md"]
    [answer] = blocks(page, GROUP)
    assert "Nee: u kunt zich niet zelf aanmelden; alleen de gezinsbegeleider van het gezin kan u aanmelden" in answer


def test_a_missing_group_size_is_never_shown_as_one_to_one():
    pages = {name: text for name, text in fixture_pages().items() if "Key Worker Dads" in text}
    assert len(pages) >= 10, sorted(pages)
    seen = 0
    for name, text in pages.items():
        for block in blocks(text, GROUP) or ([text] if name.endswith(f"{GROUP}.md") else []):
            seen += 1
            assert "One-to-one" not in block and "Individueel" not in block, name
    assert seen >= 10
    for lang, words in (("en", "group size"), ("nl", "groepsgrootte")):
        programme = fixture_pages()[f"{lang}/programmes/{GROUP}.md"]
        [card] = blocks(fixture_pages()[f"{lang}/compare.md"], GROUP)
        for text in (programme, card):
            [line] = re.findall(r'<p class="fpd-unpublished">[^<]*</p>', text[: text.index('<p class="fpd-unpublished">') + 400])
            assert words in line.lower(), (lang, line)


def test_not_published_is_said_once_per_section():
    page = fixture_pages()["en/programmes/only-route-group.md"]
    key_facts = page[page.index("## Key facts") : page.index("## Before you refer")]
    assert key_facts.count("Not published") == 1
    assert "not published — contact the provider" not in key_facts
    compare = fixture_pages()["en/compare.md"]
    for card in blocks(compare, GROUP) + blocks(compare, FOLLOW_ON):
        assert card.count("Not published") == 1


def test_a_precondition_is_shown_wherever_the_programme_is_offered():
    page = fixture_pages()["en/referrals/self.md"]
    [answer] = blocks(page, FOLLOW_ON)
    assert "Precondition:** Only for a father referred to Key Worker Dads" in answer
    assert 'data-verdict="conditional"' in answer
    assert "Precondition:** Only for a father" in fixture_pages()["en/programmes/only-route-follow-on.md"]


def test_provider_rules_are_said_plainly_not_ticked():
    page = fixture_pages()["en/programmes/only-route-follow-on.md"]
    rules = page[page.index("**How the provider decides**") :].split("\n\n")[1]
    assert "The council decides who is suitable." in rules
    assert '<input type="checkbox"> <span>The council decides' not in page


def test_figures_say_who_states_them_what_from_and_that_no_date_is_given():
    page = fixture_pages()["en/programmes/only-route-group.md"]
    assert "(stated by Only Route Council; from cases tracked as part of ongoing evaluation; the source gives no date)" in page
    example = fixture_pages()["en/programmes/example-group.md"]
    outcomes = example[example.index("## Outcomes") : example.index("### Background figures")]
    assert "20,906" not in outcomes and "20,906" in example[example.index("### Background figures") :]


def test_an_unknown_status_reads_not_published():
    page = fixture_pages()["en/programmes/only-route-group.md"]
    unpublished = re.search(r'<p class="fpd-unpublished">[^<]*</p>', page)
    assert unpublished is not None and "status" in unpublished.group(0)
    assert "Running" not in page


def test_the_spreadsheet_and_hsds_follow_the_only_way_in_and_the_missing_group_size():
    view = views()[GROUP]
    columns = [name for name, _, _ in spreadsheet.COLUMNS]
    cells = dict(zip(columns, spreadsheet.row(view, "en", "https://example.org/")))
    assert cells["referral_probation_officer"] == "No — only through the family's key worker"
    assert cells["referral_social_worker"] == "Yes (in the provider's words: the family's key worker)"
    assert cells["referral_youth_protection"] == "", "a role of another country is no answer, not “not stated”"
    # A number column holds numbers only: the group's unpublished size is empty, and `format` says it is a group.
    assert (cells["group_size"], cells["format"]) == ("", "Group")
    process = hsds.application_process(view, "en")
    assert "Probation officer: No — only through the family's key worker" in process
    assert "does not say whether these may refer" not in process
