"""No page tells the reader to contact a provider whose document gives no way to reach it.

The fixture provider `only-route` publishes no e-mail address or phone number
(tests/fixtures/services/only-route.yaml); `example` publishes both, and keeps
the advice to ask it. Every page that answers for a programme is read: the
programme page (also the print sheet and its checklist), the role pages (whose
answers the finder shows), the comparison and the table of programmes.
"""

from __future__ import annotations

import re

import pytest

from .conftest import fixture_pages
from .test_exact_answers import blocks

UNREACHABLE = ["only-route-group", "only-route-follow-on"]
REACHABLE = "example-group"

ADVICE = {
    "en": re.compile(r"contact (?:the provider|them)|ask (?:the provider|them (?:before|what|whether))", re.I),
    "nl": re.compile(r"contact op met de aanbieder|vraag (?:het na bij )?de aanbieder|vraag (?:het|ernaar) na|vraag ernaar", re.I),
}
"""The advice to get in touch with the provider, in each language's words."""

NO_CONTACT = {
    "en": "The document this directory used gives no e-mail address or phone number for this provider: see [Contacts](",
    "nl": "Het brondocument van deze wegwijzer geeft geen e-mailadres of telefoonnummer van deze aanbieder: zie [Contact](",
}


def answers_about(programme_id: str, lang: str) -> list[str]:
    """Every part of a page, in one language, that speaks of one programme: its own page whole, and its blocks elsewhere."""
    pages = fixture_pages()
    found = [pages[f"{lang}/programmes/{programme_id}.md"]]
    for path, text in pages.items():
        if path.startswith(f"{lang}/") and path != f"{lang}/programmes/{programme_id}.md":
            found += blocks(text, programme_id)
    return found


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("programme_id", UNREACHABLE)
def test_no_advice_to_contact_a_provider_without_a_published_contact(programme_id, lang):
    parts = answers_about(programme_id, lang)
    # The programme page, and its answer on every role page, its card and its row.
    assert len(parts) > 10
    offending = [match.group(0) for part in parts for match in ADVICE[lang].finditer(part)]
    assert offending == []


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_not_stated_answer_says_the_document_gives_no_contact_and_links_to_what_it_says(lang):
    pages = fixture_pages()
    probation = pages[f"{lang}/referrals/probation-officer.md"]
    [answer] = [block for block in blocks(probation, "only-route-follow-on") if "fpd-programme-answer" in block]
    assert 'data-verdict="not_stated"' in answer
    assert NO_CONTACT[lang] + "../programmes/only-route-follow-on.md#contacts)." in answer
    page = pages[f"{lang}/programmes/only-route-follow-on.md"]
    assert NO_CONTACT[lang] + "#contacts)." in page and "{ #contacts }" in page


def test_a_provider_with_a_published_contact_is_still_the_one_to_ask():
    page = fixture_pages()["en/programmes/example-group.md"]
    assert "Contact the provider before you refer." in page
    assert "The document this directory used gives no e-mail address" not in page
