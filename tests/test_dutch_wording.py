"""Small points of Dutch wording from the reviews of issue #20, on the fixture pages.

A semicolon does not start a new sentence, so what follows it is lower case;
a label that is a main clause (“Zo verstuurt u de aanmelding”) has a name
that reads inside the one-line list of facts not published.
"""

from __future__ import annotations

import re

import pytest

from generator.pages.i18n import label_in_text
from generator.records.model import Referrer

from .conftest import fixture_pages


@pytest.mark.parametrize(("lang", "expected"), [("en", "Group; in person, online"), ("nl", "Groep; op locatie, online")])
def test_the_comparison_format_line_goes_on_in_lower_case_after_the_semicolon(lang, expected):
    lines = re.findall(r"^\w+; .+$", fixture_pages()[f"{lang}/compare.md"], re.M)
    assert expected in lines
    assert all(line.split("; ", 1)[1][:1].islower() for line in lines), lines


def test_the_not_published_list_names_the_referral_channel_shortly_in_dutch():
    page = fixture_pages()["nl/programmes/only-route-group.md"]
    [line] = [line for line in page.splitlines() if "reactietermijn" in line and line.startswith('<p class="fpd-unpublished">')]
    assert "Niet vermeld: hoe u de aanmelding verstuurt, reactietermijn." in line
    # The long label is still the label of the fact where it is published.
    assert "Zo verstuurt u de aanmelding\n: " in fixture_pages()["nl/programmes/example-group.md"]


@pytest.mark.parametrize(
    ("lang", "referrer", "expected"),
    [
        ("nl", Referrer.gp, "huisarts"),
        ("nl", Referrer.self, "de vader zelf"),
        ("nl", Referrer.cafcass, "Cafcass-medewerker"),
        ("nl", Referrer.child_protection_board, "Raad voor de Kinderbescherming"),
        ("nl", Referrer.veilig_thuis, "Veilig Thuis"),
        ("en", Referrer.gp, "GP"),
        ("en", Referrer.social_worker, "social worker"),
    ],
)
def test_a_role_inside_a_sentence_is_lower_case_unless_it_starts_with_a_name(lang, referrer, expected):
    assert label_in_text(referrer, lang) == expected


def test_the_roles_listed_after_a_colon_are_lower_case():
    page = fixture_pages()["nl/programmes/example-group.md"]
    assert "mogen aanmelden: reclasseringswerker \\(Probation Service\\), familierechter, huisarts," in page
    assert ": Maatschappelijk werker, de vader zelf (onder voorwaarden)." in page
