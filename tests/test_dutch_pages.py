"""The built Dutch pages read as Dutch: no English phrase left in what a reader sees, and no sentences run together."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from generator.pages import i18n
from generator.records import model
from generator.records.terms import TERMS_FILE

from .conftest import ROOT

# English that was once left in Dutch pages (issue #20): a period, a word the
# term list rules out, a heading, a theme's own words.
ENGLISH_PHRASES = ["End of May", "local authority", "private law", "de county", "Not found", "Told to do a course", "Participant", "Not stated by the provider"]
# A word of three letters or more, a full stop and a word straight after it: two sentences joined.
RUN_TOGETHER = re.compile(r"[a-zà-ÿ]{3,}\.[A-Za-zà-ÿ]{3,}")


def visible_text(page: str) -> str:
    """What a reader of a built page sees: no scripts, no styles, no passages marked as English, no tags, no web addresses."""
    page = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r'<(\w+)[^>]*\blang="en"[^>]*>.*?</\1>', " ", page, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    return re.sub(r"\s+", " ", re.sub(r"https?://\S+", " ", text))


def dutch_pages(site: Path) -> dict[str, str]:
    """Every built Dutch page, by its path under nl/."""
    return {str(path.relative_to(site / "nl")): path.read_text(encoding="utf-8") for path in sorted((site / "nl").rglob("*.html"))}


@pytest.mark.slow
def test_dutch_pages_show_no_english_phrase(site: Path) -> None:
    pages = dutch_pages(site)
    assert "404.html" in pages and "finder/index.html" in pages and len(pages) > 20
    found = [f"{path}: “{phrase}”" for path, page in pages.items() for phrase in ENGLISH_PHRASES if phrase.lower() in visible_text(page).lower()]
    assert not found, found


@pytest.mark.slow
def test_the_dutch_theme_words_are_dutch(site: Path) -> None:
    pages = dutch_pages(site)
    assert "<h1>Pagina niet gevonden</h1>" in pages["404.html"]
    assert 'aria-label="Koptekst"' in pages["index.html"]
    assert not [path for path, page in pages.items() if 'aria-label="Header"' in page]


@pytest.mark.slow
def test_the_dutch_finder_runs_no_sentences_together(site: Path) -> None:
    text = visible_text((site / "nl" / "finder" / "index.html").read_text(encoding="utf-8"))
    assert "JavaScript" in text and "af te drukken" in text
    assert not RUN_TOGETHER.findall(text)


def test_no_dutch_interface_text_runs_sentences_together() -> None:
    with (ROOT / "generator" / "locales" / "nl" / "LC_MESSAGES" / "messages.po").open("rb") as po:
        strings = [m.string for m in read_po(po, locale="nl_NL") if m.id and isinstance(m.string, str)]
    assert len(strings) > 100
    assert RUN_TOGETHER.findall("goed af te drukken.werken zonder JavaScript")
    assert [s for s in strings if RUN_TOGETHER.search(s)] == []


def test_every_dutch_term_gives_its_reason() -> None:
    terms = yaml.safe_load(TERMS_FILE.read_text(encoding="utf-8"))["terms"]
    assert len(terms) > 15
    assert [t["concept"] for t in terms if not str(t.get("why", "")).strip()] == []


@pytest.mark.parametrize(
    "value, lang, shown",
    [(5.4, "en", "5.4%"), (5.4, "nl", "5,4%"), (23.4, "en", "23.4%"), (80, "en", "80%"), (62.0, "nl", "62%")],
)
def test_a_percentage_keeps_the_decimals_its_source_gives(value: float, lang: str, shown: str) -> None:
    assert i18n.percent(value, lang) == shown


def test_a_testimonial_may_leave_its_speaker_unknown() -> None:
    quote = {"en": "It has been unbelievable.", "nl": "Het was ongelooflijk."}
    assert model.Testimonial.model_validate({"quote": quote, "speaker_role": "unknown", "source": "page"}).speaker_role == "unknown"
    with pytest.raises(ValueError):
        model.Testimonial.model_validate({"quote": quote, "source": "page"})
