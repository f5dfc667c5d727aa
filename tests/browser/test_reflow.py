"""Reflow (WCAG 1.4.10): every built page, in both languages, at 320 px wide.

Every page is visited once at 320 px (tests/browser/visits.py says which and
how), apart from the visit at 1280 px in test_accessibility.py, so that the two
run at once in two pytest-xdist workers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .visits import NARROW, Visit, every_page, visit_every_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def narrow(browser: Browser, site: Path, site_url: str) -> Iterator[dict[str, Visit]]:
    yield visit_every_page(browser, every_page(site, site_url), NARROW, focus_exit=False)


def test_axe_finds_nothing_at_320(narrow: dict[str, Visit]) -> None:
    found = {path: visit.violations for path, visit in narrow.items() if visit.violations}
    assert not found


def test_nothing_scrolls_sideways_at_320(narrow: dict[str, Visit]) -> None:
    found = {path: visit.sideways for path, visit in narrow.items() if visit.sideways > 0}
    assert not found


def test_no_page_logs_an_error_or_a_csp_violation_at_320(narrow: dict[str, Visit]) -> None:
    found = {url: visit.errors for url, visit in narrow.items() if visit.errors}
    assert not found
