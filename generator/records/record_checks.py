"""Rules within one record: checked when its file is loaded, and kept with the load, so a file that did not change is not walked again.

What the rules across records (checks.py) and the translation state need of
a record is gathered in the same pass: its ids, the programme ids it points
at, the words for the spell checker, the fingerprints of its texts.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from generator.languages import LANGUAGES
from generator.problem import FieldPath, Severity
from generator.records.geography import jurisdiction_of
from generator.records.model import ESSENTIAL, UNKNOWN, Figure, Programme, Provider, ProviderFile, Record, Referrer, Route, Text
from generator.records.record_file import RecordFile
from generator.records.record_paths import Walk
from generator.records.roles import role_places, roles_for
from generator.records.spelling import DutchWords, dutch_words
from generator.records.terms import TERMS_FILE, ruled_out_words
from generator.records.text_prints import TextPrint, text_prints


class Finding(NamedTuple):
    """A problem at a path of one record; its line is looked up when it is reported."""

    path: FieldPath
    message: str
    severity: Severity = "error"


@dataclass(frozen=True)
class Findings:
    """What the rules within one record found in it, and what the rules across records and the translation state need of it."""

    found: tuple[Finding, ...]
    ids: tuple[tuple[str, FieldPath], ...]
    """The provider's and the programmes' ids, with the paths of their fields: ids name pages, so each is used once across all files."""
    alternatives: tuple[tuple[str, FieldPath], ...]
    """The programme ids its programmes name as alternatives, with their paths: each must be a programme of some file."""
    spelling: DutchWords
    texts: tuple[TextPrint, ...]
    """Its bilingual texts, fingerprinted: translation_state.py compares them with the last confirmed ones."""


def record_findings(item: RecordFile) -> Findings:
    """Check one record on its own, and gather what the checks across records need of it."""
    record = item.record
    # One walk of the record for all the rules, each taking the parts it looks at.
    walk = Walk(record)
    found = [
        *_references(record, walk),
        *_places_and_roles(walk),
        *_figures(walk),
        *_essentials(walk),
        *_dutch_terms(walk),
    ]
    named = walk.of(Provider) + walk.of(Programme)
    ids = tuple((part.id, path + ("id",)) for path, part in named)
    alternatives = tuple(
        (alternative.programme, base + ("alternatives", i, "programme"))
        for base, programme in walk.of(Programme)
        for i, alternative in enumerate(programme.alternatives)
    )
    return Findings(tuple(found), ids, alternatives, dutch_words(item, walk), text_prints(record, walk))


def unknown_id(kind: str, value: str, known: Collection[str]) -> str:
    """What to say of an id that names no `kind` among the `known` ids."""
    listed = ", ".join(sorted(known)) or "none yet"
    return f"there is no {kind} with the id “{value}” (known: {listed}); write one of the known ids, or add the {kind} first"


def _references(record: ProviderFile, walk: Walk) -> Iterator[Finding]:
    """Every id a record points at within itself must exist (the programme ids of alternatives are checked across records)."""
    sources = [s.id for s in record.sources]
    contacts = [c.id for c in record.provider.contacts]
    for name, ids, path in (("source", sources, ("sources",)), ("contact", contacts, ("provider", "contacts"))):
        for index, value in enumerate(ids):
            if ids.index(value) != index:
                yield Finding(path + (index, "id"), f"the {name} id “{value}” is used twice in this file")

    def must_be(kind: str, value: str | None, known: list[str], path: FieldPath) -> Iterator[Finding]:
        if value is not None and value not in known:
            yield Finding(path, unknown_id(kind, value, known))

    # Every part of a record that names its source (a route, a figure, a course, an intake ...) says so
    # in a field `source`: one walk checks them all, whatever part a later model adds.
    for where, part in walk.of(Record):
        if isinstance(getattr(part, "source", None), str):
            yield from must_be("source", getattr(part, "source"), sources, where + ("source",))
    for base, programme in walk.of(Programme):
        for i, value in enumerate(programme.sources):
            yield from must_be("source", value, sources, base + ("sources", i))
        for i, value in enumerate(programme.contacts):
            yield from must_be("contact", value, contacts, base + ("contacts", i))
        routed: set[Referrer] = set()
        for i, route in enumerate(programme.referral_routes):
            if route.channel != "unknown":
                yield from must_be("contact", route.channel.contact, contacts, base + ("referral_routes", i, "channel", "contact"))
            for key, referrer in _referrer_places(route):
                if referrer in routed:
                    yield Finding(base + ("referral_routes", i) + key, f"there is already a route for {referrer.value}; put everything for one referrer in one route")
                routed.add(referrer)
        venues = [venue.id for venue in programme.venues]
        for i, course in enumerate(programme.courses):
            if course.venue != "online":
                yield from must_be("venue", course.venue, venues, base + ("courses", i, "venue"))
        if programme.country != record.provider.country:
            yield Finding(base + ("country",), f"the programme's country ({programme.country.value}) differs from its provider's ({record.provider.country.value})")


def _places_and_roles(walk: Walk) -> Iterator[Finding]:
    """A programme's areas lie in its country, and its routes name roles of the places it serves."""
    for base, programme in walk.of(Programme):
        for a_index, area in enumerate(programme.areas):
            if jurisdiction_of(area.code).country != programme.country.value:
                yield Finding(base + ("areas", a_index, "code"), f"the area {area.code} lies outside the programme's country ({programme.country.value})")
        codes = [area.code for area in programme.areas]
        for v_index, venue in enumerate(programme.venues):
            if venue.area not in codes:
                yield Finding(base + ("venues", v_index, "area"), f"the venue lies in {venue.area}, which is not one of the programme's areas ({', '.join(codes)}); add the area or correct the code")
        served = roles_for(programme.jurisdictions)
        places = ", ".join(j.value for j in programme.jurisdictions)
        for r_index, route in enumerate(programme.referral_routes):
            for key, referrer in _referrer_places(route):
                if referrer not in served:
                    where = ", ".join(j.value for j in role_places(referrer))
                    yield Finding(
                        base + ("referral_routes", r_index) + key,
                        f"{referrer.value} is a role in {where}, and this programme's areas lie in {places}; use one of the roles there: {', '.join(r.value for r in served)}",
                    )


NEVER_UNKNOWN = "a record means nothing without it: write it from the source (unknown is for facts a record can do without)"


def _essentials(walk: Walk) -> Iterator[Finding]:
    """The facts without which a record says nothing (the model marks them: names, summaries, areas, what each source is) are never unknown."""
    for path, part in walk.of(Record):
        for name, field in type(part).model_fields.items():
            if ESSENTIAL in field.metadata:
                text: Text = getattr(part, name)
                for lang in LANGUAGES:
                    if text.get(lang).casefold() == UNKNOWN:
                        yield Finding(path + (name, lang), f"this cannot be unknown: {NEVER_UNKNOWN}")


def _figures(walk: Walk) -> Iterator[Finding]:
    """A figure is a number with its unit, or words alone: never half of a number."""
    for path, figure in walk.of(Figure):
        if (figure.value is None) != (figure.unit is None):
            given = "value" if figure.unit is None else "unit"
            yield Finding(
                path + (given,),
                "a figure with a number needs both value and unit (percent or count); for a figure the source states in words only, leave out both and write the statement as label",
            )


def _referrer_places(route: Route) -> Iterator[tuple[FieldPath, Referrer]]:
    """Each referrer a route names, with the path of the key that names it."""
    yield ("referrer",), route.referrer
    for n, referrer in enumerate(route.also_for):
        yield ("also_for", n), referrer


def _dutch_terms(walk: Walk) -> Iterator[Finding]:
    """The Dutch of every text follows the term list: one term per concept."""
    where = TERMS_FILE.relative_to(TERMS_FILE.parents[3]).as_posix()
    for path, text in walk.of(Text):
        for word, term in ruled_out_words(text.nl):
            yield Finding(path + ("nl",), f"the Dutch text uses “{word}”, which the term list rules out: for {term.concept} write {term.choices} ({where})", "warning")
