"""Pages say so when their facts were last checked more than a year ago."""

from __future__ import annotations

import datetime

import pytest

from generator.build import plan
from generator.pages.render import environment, render_page

from .conftest import fixture_files

NOTICE = {
    "en": "This information was last checked on 15 January 2026 and may be out of date.",
    "nl": "Deze informatie is voor het laatst gecontroleerd op 15 januari 2026 en is mogelijk verouderd.",
}


def provider_and_programme(lang: str, today: datetime.date) -> list[str]:
    pages, _ = plan(list(fixture_files()))
    env = environment(lang, today)
    return [render_page(env, p) for p in pages if p.path in ("providers/example.md", "programmes/example-group.md")]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_notice_appears_after_twelve_months(lang: str) -> None:
    for page in provider_and_programme(lang, datetime.date(2027, 1, 16)):
        assert NOTICE[lang] in page


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_notice_within_twelve_months(lang: str) -> None:
    for page in provider_and_programme(lang, datetime.date(2027, 1, 15)):
        assert NOTICE[lang] not in page
