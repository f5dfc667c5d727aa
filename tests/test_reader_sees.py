"""What a reader sees, checked in the generated Markdown: comparison cards that
give their facts in one order, e-mail addresses that break at sensible points,
and a whole-country area whose entry in the contents is not labelled like its
country's (axe's landmark-unique on Dutch role pages)."""

from __future__ import annotations

import dataclasses
import re

from generator.build import plan
from generator.pages.render import email_text, environment, render_page
from generator.records.model import Area, Text

from .conftest import TODAY, fixture_files, fixture_pages


def test_an_e_mail_address_may_break_after_the_at_and_each_dot_only():
    assert email_text("team.lead@service.example.org") == "team.<wbr>lead@<wbr>service.<wbr>example.<wbr>org"
    assert "[team@<wbr>service.<wbr>example.<wbr>org](mailto:team@service.example.org)" in fixture_pages()["en/programmes/example-group.md"]


def test_a_whole_country_area_is_labelled_apart_from_its_country_in_the_contents():
    files = list(fixture_files())
    [index] = [i for i, f in enumerate(files) if any(p.id == "voorbeeld-vaders" for p in f.record.programmes)]
    record = files[index].record
    whole = Area(code="NL", name=Text(en="The Netherlands", nl="Nederland"))
    programmes = [p.model_copy(update={"areas": [whole], "venues": [], "courses": []}) for p in record.programmes]
    files[index] = dataclasses.replace(files[index], record=record.model_copy(update={"programmes": programmes}))
    [page] = [p for p in plan(files)[0] if p.path == "referrals/youth-protection.md"]
    dutch = render_page(environment("nl", TODAY), page)
    assert '### Nederland { #area-NL data-toc-label="Nederland: het hele land" }' in dutch
    # An area that is not the whole country keeps its plain heading.
    assert "data-toc-label" not in fixture_pages()["nl/referrals/youth-protection.md"]


def test_every_comparison_card_gives_the_same_facts_in_the_same_order():
    for lang in ("en", "nl"):
        cards = re.findall(r'<article class="fpd-card".*?\n</article>', fixture_pages()[f"{lang}/compare.md"], re.S)
        names = [tuple(re.findall(r'<p class="fpd-fact__name">([^<]*)</p>', card)) for card in cards]
        assert len(cards) >= 5 and len(names[0]) >= 10
        assert len(set(names)) == 1, names


def test_an_area_link_to_the_comparison_shows_that_areas_programmes():
    pages = fixture_pages()
    for name in ("en/compare.md", "nl/compare.md", "en/models/caring-dads.md"):
        links = dict(re.findall(r"\[(Exampleshire|Onlyshire)\]\([^)]*compare\.md\?show=([^#)]*)#", pages[name]))
        assert links == {"Exampleshire": "example-group,example-one-to-one", "Onlyshire": "only-route-group,only-route-follow-on"}, name
