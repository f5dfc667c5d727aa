"""Rules across records: unique ids, links between records, review dates."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.problem import FieldPath, Problem, field_path
from generator.records.geography import jurisdiction_of
from generator.records.load import LoadedFile
from generator.records.model import UNKNOWN, Referrer, Route, Text
from generator.records.record_paths import nodes
from generator.records.roles import role_places, roles_for
from generator.records.spelling import spelling_problems
from generator.records.terms import TERMS_FILE, ruled_out_words

REVIEW_WARN_DAYS = 365
REVIEW_FAIL_DAYS = 730


def _problem(item: LoadedFile, path: FieldPath, message: str, severity: str = "error") -> Problem:
    return Problem(item.path, item.document.line_of(path), field_path(path), message, severity)  # type: ignore[arg-type]


def _unique_ids(files: list[LoadedFile]) -> Iterator[Problem]:
    """Provider and programme ids name pages, so each may be used once across all files."""
    seen: dict[str, tuple[LoadedFile, FieldPath]] = {}
    for item in files:
        places: list[tuple[str, FieldPath]] = [(item.record.provider.id, ("provider", "id"))]
        places += [(p.id, ("programmes", i, "id")) for i, p in enumerate(item.record.programmes)]
        for value, path in places:
            if value in seen:
                first, first_path = seen[value]
                where = f"{first.path}:{first.document.line_of(first_path)}"
                yield _problem(item, path, f"the id “{value}” is already used in {where}; ids must be unique across all files, so give one of them another id")
            else:
                seen[value] = (item, path)


def _references(item: LoadedFile, programme_ids: set[str]) -> Iterator[Problem]:
    """Every id a record points at must exist."""
    record = item.record
    sources = [s.id for s in record.sources]
    contacts = [c.id for c in record.provider.contacts]
    for name, ids, path in (("source", sources, ("sources",)), ("contact", contacts, ("provider", "contacts"))):
        for index, value in enumerate(ids):
            if ids.index(value) != index:
                yield _problem(item, path + (index, "id"), f"the {name} id “{value}” is used twice in this file")

    def must_be(kind: str, value: str | None, known: list[str] | set[str], path: FieldPath) -> Iterator[Problem]:
        if value is not None and value not in known:
            listed = ", ".join(sorted(known)) or "none yet"
            yield _problem(item, path, f"there is no {kind} with the id “{value}” (known: {listed}); write one of the known ids, or add the {kind} first")

    # Every part of a record that names its source (a route, a figure, a course, an intake ...) says so
    # in a key `source`: one walk checks them all, whatever part a later model adds.
    for named, node in nodes(item.document.data):
        if named and named[-1] == "source" and isinstance(node, str):
            yield from must_be("source", node, sources, named)
    for p_index, programme in enumerate(record.programmes):
        base: FieldPath = ("programmes", p_index)
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
                    yield _problem(item, base + ("referral_routes", i) + key, f"there is already a route for {referrer.value}; put everything for one referrer in one route")
                routed.add(referrer)
        venues = [venue.id for venue in programme.venues]
        for i, course in enumerate(programme.courses):
            if course.venue != "online":
                yield from must_be("venue", course.venue, venues, base + ("courses", i, "venue"))
        for i, alternative in enumerate(programme.alternatives):
            yield from must_be("programme", alternative.programme, programme_ids, base + ("alternatives", i, "programme"))
        if programme.country != record.provider.country:
            yield _problem(item, base + ("country",), f"the programme's country ({programme.country.value}) differs from its provider's ({record.provider.country.value})")


def _places_and_roles(item: LoadedFile) -> Iterator[Problem]:
    """A programme's areas lie in its country, and its routes name roles of the places it serves."""
    for p_index, programme in enumerate(item.record.programmes):
        base: FieldPath = ("programmes", p_index)
        for a_index, area in enumerate(programme.areas):
            if jurisdiction_of(area.code).country != programme.country.value:
                yield _problem(item, base + ("areas", a_index, "code"), f"the area {area.code} lies outside the programme's country ({programme.country.value})")
        codes = [area.code for area in programme.areas]
        for v_index, venue in enumerate(programme.venues):
            if venue.area not in codes:
                yield _problem(item, base + ("venues", v_index, "area"), f"the venue lies in {venue.area}, which is not one of the programme's areas ({', '.join(codes)}); add the area or correct the code")
        served = roles_for(programme.jurisdictions)
        places = ", ".join(j.value for j in programme.jurisdictions)
        for r_index, route in enumerate(programme.referral_routes):
            for key, referrer in _referrer_places(route):
                if referrer not in served:
                    where = ", ".join(j.value for j in role_places(referrer))
                    yield _problem(
                        item,
                        base + ("referral_routes", r_index) + key,
                        f"{referrer.value} is a role in {where}, and this programme's areas lie in {places}; use one of the roles there: {', '.join(r.value for r in served)}",
                    )


ESSENTIAL = "a record means nothing without it: write it from the source (unknown is for facts a record can do without)"


def _essentials(item: LoadedFile) -> Iterator[Problem]:
    """The facts without which a record says nothing (the provider's and programmes' names, summaries, areas, what each source is) are never unknown."""
    record = item.record
    texts: list[tuple[FieldPath, Text]] = [(("provider", "name"), record.provider.name)]
    for p_index, programme in enumerate(record.programmes):
        base: FieldPath = ("programmes", p_index)
        texts += [(base + ("name",), programme.name), (base + ("summary",), programme.summary)]
        texts += [(base + ("areas", a_index, "name"), area.name) for a_index, area in enumerate(programme.areas)]
    texts += [(("sources", s_index, "title"), source.title) for s_index, source in enumerate(record.sources)]
    for path, text in texts:
        for lang in ("en", "nl"):
            if text.get(lang).casefold() == UNKNOWN:
                yield _problem(item, path + (lang,), f"this cannot be unknown: {ESSENTIAL}")


def _figures(item: LoadedFile) -> Iterator[Problem]:
    """A figure is a number with its unit, or words alone: never half of a number."""
    for p_index, programme in enumerate(item.record.programmes):
        for f_index, figure in enumerate(programme.figures):
            if (figure.value is None) != (figure.unit is None):
                given = "value" if figure.unit is None else "unit"
                yield _problem(
                    item,
                    ("programmes", p_index, "figures", f_index, given),
                    "a figure with a number needs both value and unit (percent or count); for a figure the source states in words only, leave out both and write the statement as label",
                )


def _referrer_places(route: Route) -> Iterator[tuple[FieldPath, Referrer]]:
    """Each referrer a route names, with the path of the key that names it."""
    yield ("referrer",), route.referrer
    for n, referrer in enumerate(route.also_for):
        yield ("also_for", n), referrer


def _review_dates(item: LoadedFile, today: datetime.date) -> Iterator[Problem]:
    """Facts age: a notice after a year, and after two years a warning, so `check --strict` fails."""
    age = (today - item.record.last_reviewed).days
    if age < 0:
        yield _problem(item, ("last_reviewed",), f"the date {item.record.last_reviewed} lies in the future; write the day the file was last checked")
    elif age > REVIEW_FAIL_DAYS:
        yield _problem(item, ("last_reviewed",), f"the facts were last checked more than two years ago ({item.record.last_reviewed}); check them against the sources and update the date", "warning")
    elif age > REVIEW_WARN_DAYS:
        yield _problem(item, ("last_reviewed",), f"the facts were last checked more than a year ago ({item.record.last_reviewed}); a review is due (after two years `check --strict` fails)", "notice")


def _dutch_terms(item: LoadedFile) -> Iterator[Problem]:
    """The Dutch of every text follows the term list: one term per concept."""
    for path, node in nodes(item.document.data):
        if path and path[-1] == "nl" and isinstance(node, str):
            for word, term in ruled_out_words(node):
                where = TERMS_FILE.relative_to(TERMS_FILE.parents[3]).as_posix()
                yield _problem(item, path, f"the Dutch text uses “{word}”, which the term list rules out: for {term.concept} write {term.choices} ({where})", "warning")


def check_records(files: list[LoadedFile], today: datetime.date) -> list[Problem]:
    """Every problem across the loaded records, errors and warnings together."""
    programme_ids = {p.id for item in files for p in item.record.programmes}
    problems = list(_unique_ids(files))
    for item in files:
        problems += _references(item, programme_ids)
        problems += _places_and_roles(item)
        problems += _figures(item)
        problems += _essentials(item)
        problems += _review_dates(item, today)
        problems += _dutch_terms(item)
    return problems + spelling_problems(files)
