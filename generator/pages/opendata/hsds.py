"""Open Referral HSDS 3.0 as static files: the API's endpoints, one snapshot per language.

    hsds/                              the API's meta information (version, profile, openapi_url)
    hsds/services/                     a Page of every service (one page: the whole directory)
    hsds/services/<uuid>/              one fully nested service
    hsds/taxonomies/, …/<uuid>/        the directory's own taxonomy of attributes
    hsds/taxonomy_terms/, …/<uuid>/    its terms
    hsds/service_at_locations/, …/<uuid>/  the venues each programme meets at
    hsds/organizations/, …/<uuid>/     the providers, each with the ids of its services

Each endpoint is a folder holding the same JSON twice (urls.HSDS_ANSWERS), so a
static host answers at the endpoint's own path. HSDS gives each record one
language, so each language's site carries its own snapshot (/hsds/ in English,
/nl/hsds/ in Dutch) with the same ids in both. Only facts the records give are
written: a field whose fact is unknown is left out, never filled. What HSDS has
no field for goes into `attributes`, with the taxonomy below, which the
open-data page documents.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
import uuid
from typing import Any

from generator.languages import LANGUAGE_NAMES
from generator.pages import answers
from generator.pages.answers import MAY_REFER, RouteEntry
from generator.pages.i18n import N_, label
from generator.pages.opendata.words import (
    INTAKE_WORDS,
    eligibility_lines,
    first_email,
    gettext,
    record_status,
    referrer_answer,
    route_conditions,
    status_words,
    text,
)
from generator.pages.urls import OPEN_DATA, OPENAPI, absolute_url, hsds_endpoint
from generator.pages.views import ProgrammeView
from generator.records.model import UNKNOWN, Area, Contact, Course, DeliveryMode, Venue, known

NAMESPACE = uuid.UUID("152e557d-31db-4c97-821a-c643f3ba9049")
"""The directory's own UUID namespace: every HSDS id is a UUID 5 of a record id in it, so ids never change between builds."""
_NAMESPACE_BYTES = NAMESPACE.bytes

VERSION = "3.0"

STATUS = {"active": "active", "pilot": "active", "ended": "defunct", UNKNOWN: "active"}
"""The record's status → HSDS `status` (required, one of active, inactive, defunct, temporarily closed).

HSDS has no “pilot” and no “unknown”. A pilot runs, so it is active. A status
no source gives is published as active with an `alert` saying so: a programme
is in the directory because its provider's own documents describe it as
offered, and no source says it stopped, which `inactive` would claim. The
record's own value is in the `directory-status` attribute, so nothing is lost.
"""

ATTRIBUTE_ANCHOR = "#hsds-attributes"
TAXONOMY = "Fathers' Programme Directory attributes"
"""The directory's own taxonomy of attributes, served at /taxonomies; the open-data page lists its terms under ATTRIBUTE_ANCHOR."""

ONS_CODE = re.compile(r"[EKNSW]\d{8}")
ONS_URI = "http://statistics.data.gov.uk/id/statistical-geography/"
"""An ONS GSS code (E10000015) names its area's URI in the ONS linked-data register; CBS codes (GM0363, PV27) have none."""


@functools.cache
def hsds_id(*parts: str) -> str:
    """The UUID 5 of a record's path, e.g. hsds_id("service", "hacro-caring-dads"): uuid.uuid5(NAMESPACE, "/".join(parts)), as text."""
    # Cached: each programme's ids are asked for by every answer that links to it, in both languages.
    # Spelt out from RFC 4122 rather than with uuid.uuid5, which takes three times as long through its UUID
    # object: a snapshot asks for some 20,000 ids (tests/test_opendata_hsds.py compares the two).
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + "/".join(parts).encode()).digest()[:16])
    digest[6] = digest[6] & 0x0F | 0x50  # version 5
    digest[8] = digest[8] & 0x3F | 0x80  # the RFC 4122 variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def service_id(view: ProgrammeView) -> str:
    """The HSDS id of a programme's service."""
    return hsds_id("service", view.programme.id)


@functools.cache
def endpoint_url(base_url: str, lang: str, *parts: str) -> str:
    """The address a client calls for an endpoint: the API's own path, without the folder's trailing slash."""
    # Cached: every attribute names its term's endpoint, some 16,000 times a snapshot at 1,000 programmes for a few dozen terms.
    return absolute_url(base_url, hsds_endpoint(*parts), lang).rstrip("/")


def _lines(title: str, items: list[str]) -> list[str]:
    """A labelled line of items, or nothing where there are none."""
    return [f"{title}: " + " ".join(items)] if items else []


def eligibility(view: ProgrammeView, lang: str) -> str | None:
    """Who the programme is for, then the father's conditions as every page gives them (views.Eligibility)."""
    lines = _lines(gettext("Who it is for", lang), [text(t, lang) for t in view.programme.for_whom])
    return "\n".join(lines + eligibility_lines(view, lang)) or None


def application_process(view: ProgrammeView, lang: str) -> str:
    """Each referrer's answer: the ways in with their conditions, steps, channel and response time, then the refusals and the silences."""
    paragraphs = []
    for entry in view.routes:
        route = entry.route
        if route is None or entry.verdict not in MAY_REFER:
            continue
        lines = [referrer_answer(entry, lang)]
        lines += _lines(gettext("Conditions", lang), route_conditions(entry, lang))
        lines += _lines(gettext("Steps", lang), [f"{n}. {text(t, lang)}" for n, t in enumerate(route.steps, 1)])
        if known(route.channel):
            address = f" ({route.channel.address})" if known(route.channel.address) else ""
            lines += _lines(gettext("How to send the referral", lang), [text(route.channel.description, lang) + address])
        if known(route.response_time):
            lines += _lines(gettext("Response time", lang), [text(route.response_time, lang)])
        lines += _lines(gettext("What you commit to", lang), [text(t, lang) for t in route.commitments])
        paragraphs.append("\n".join(lines))
    paragraphs += [referrer_answer(entry, lang) for entry in view.routes if entry.verdict == "no"]
    silent = [label(entry.referrer, lang) for entry in view.routes if entry.verdict == "not_stated"]
    if silent:
        paragraphs.append(gettext("The provider does not say whether these may refer; contact them first:", lang) + " " + ", ".join(silent))
    return "\n\n".join(paragraphs)


def taxonomy(lang: str, base_url: str) -> dict[str, Any]:
    """The directory's own taxonomy, whose terms are the attributes' keys."""
    return {
        "id": hsds_id("taxonomy", TAXONOMY),
        "name": gettext(N_("Fathers' Programme Directory attributes"), lang),
        "description": gettext(N_("Facts about a programme that HSDS has no field for: each referrer's answer, the status as the directory records it, the format, the numbers and the intake."), lang),
        "uri": absolute_url(base_url, OPEN_DATA, lang) + ATTRIBUTE_ANCHOR,
    }


def _term(key: str, name: str, description: str, lang: str, base_url: str) -> dict[str, Any]:
    """A term of the directory's own taxonomy, whose URI is its own endpoint; the open-data page lists every key."""
    term_id = hsds_id("taxonomy_term", key)
    return {
        "id": term_id,
        "code": key,
        "name": name,
        "description": description,
        "taxonomy": gettext(N_("Fathers' Programme Directory attributes"), lang),
        "taxonomy_id": hsds_id("taxonomy", TAXONOMY),
        "language": lang,
        "term_uri": endpoint_url(base_url, lang, "taxonomy_terms", term_id),
    }


def _attribute(owner: str, link: str, key: str, term: tuple[str, str], value: str | None, lang: str, base_url: str) -> dict[str, Any]:
    """One attribute of the record path `owner`: the term (name, description) of `key`, linked to the object whose id `link` is, with its value if it has one."""
    entry: dict[str, Any] = {"id": hsds_id("attribute", owner, key), "link_id": link}
    entry["taxonomy_term_id"] = hsds_id("taxonomy_term", key)
    entry["taxonomy_term"] = _term(key, *term, lang, base_url)
    if value is not None:
        entry["value"] = value
    return entry


def _referral(entry: RouteEntry, lang: str) -> tuple[str, str, str | None]:
    """A referrer's answer as a term (key, name) and, where the answer says more than the verdict (the only way in, the provider's own words), that as the value."""
    name = f"{label(entry.referrer, lang)}: {gettext(answers.VERDICT_WORDS[entry.verdict][0], lang)}"
    full = referrer_answer(entry, lang)
    return f"referral/{entry.referrer.value}/{entry.verdict}", name, full if full != name else None


def attributes(view: ProgrammeView, lang: str, base_url: str) -> list[dict[str, Any]]:
    """The facts HSDS has no field for: each referrer's answer, the record's status, the intake, the text language and the format."""
    p, f = view.programme, view.programme.format
    described = gettext(N_("What the programme says about a referral by this kind of referrer."), lang)
    facts: list[tuple[str, str, str, str | None]] = [(key, name, described, value) for key, name, value in (_referral(e, lang) for e in view.routes)]
    status = f"{gettext('Status', lang)}: {status_words(p, lang)}"
    facts.append((f"directory-status/{record_status(p)}", status, gettext(N_("The programme's status as the directory records it."), lang), None))
    if p.intake is not None:
        intake = gettext(N_("Whether the provider is taking referrals, as its dated source says."), lang)
        facts.append((f"intake/{p.intake.state}", gettext(INTAKE_WORDS[p.intake.state], lang), intake, text(p.intake.note, lang) if p.intake.note else None))
    facts.append((f"text-language/{lang}", LANGUAGE_NAMES[lang], gettext(N_("The language of this record's texts."), lang), None))
    if known(f.kind):
        facts.append((f"format/{f.kind.value}", label(f.kind, lang), gettext("Format", lang), None))
    if known(f.delivery_modes):
        facts += [(f"delivery-mode/{m.value}", label(m, lang), gettext("Delivered", lang), None) for m in f.delivery_modes]
    numbers = (("sessions", N_("Sessions"), f.sessions), ("weeks", N_("Weeks"), f.weeks), ("hours", N_("Hours"), f.hours), ("group-size", N_("Group size"), f.group_size))
    facts += [(key, gettext(words, lang), gettext(words, lang), f"{value:g}") for key, words, value in numbers if known(value)]
    sid = service_id(view)
    return [_attribute(p.id, sid, key, (name, description), value, lang, base_url) for key, name, description, value in facts]


def area_code_scheme(area: Area) -> str:
    """Which register an area's code is from: ons (a GSS code) or cbs (a CBS region code, or NL for the whole Netherlands)."""
    return "ons" if ONS_CODE.fullmatch(area.code) else "cbs"


def service_area(view: ProgrammeView, area: Area, lang: str, base_url: str) -> dict[str, Any]:
    """An area served, with its official code as an attribute and, for an ONS code, the register's URI."""
    entry: dict[str, Any] = {"id": hsds_id("service_area", view.programme.id, area.id), "service_id": service_id(view), "name": text(area.name, lang)}
    scheme = area_code_scheme(area)
    if scheme == "ons":
        entry["uri"] = ONS_URI + area.code
    words = (N_("ONS area code"), N_("The area's GSS code in the Office for National Statistics' register.")) if scheme == "ons" else (
        N_("CBS area code"), N_("The area's code in Statistics Netherlands' (CBS) regional classification: GM for a gemeente, PV for a province; NL is the whole Netherlands."))
    owner = f"{view.programme.id}/{area.id}"
    entry["attributes"] = [_attribute(owner, entry["id"], f"area-code/{scheme}", (gettext(words[0], lang), gettext(words[1], lang)), area.code, lang, base_url)]
    return entry


def location(view: ProgrammeView, venue: Venue, lang: str) -> dict[str, Any]:
    """A venue the programme meets at, with its street address only where the source publishes one."""
    entry: dict[str, Any] = {"id": hsds_id("location", view.programme.id, venue.id), "location_type": "physical", "name": text(venue.name, lang)}
    if venue.address:
        entry["description"] = f"{gettext(N_('Address'), lang)}: {venue.address}"
    return entry


def service_at_location(view: ProgrammeView, venue: Venue, lang: str) -> dict[str, Any]:
    """The link between the programme and one of its venues, with the venue nested."""
    place = location(view, venue, lang)
    return {"id": hsds_id("service_at_location", view.programme.id, venue.id), "service_id": service_id(view), "location_id": place["id"], "location": place}


def schedule(view: ProgrammeView, course: Course, lang: str, repeat: int = 0) -> dict[str, Any]:
    """A course as an HSDS schedule: the day it starts, where, and its days and times in the source's words.

    Only what the record says: the words of `when` go into `description`, never
    into `freq`, `byday` or `opens_at`, which would claim a recurrence and times
    that no field of the record holds. A course at a venue names the venue's
    service_at_location; a course online says so in `attending_type`. Its id
    comes from its start day and venue, so it stays when courses are added;
    `repeat` counts the earlier courses with the same day and venue, which
    would otherwise share it.
    """
    p = view.programme
    parts = [p.id, course.starts.isoformat(), course.venue] + ([str(repeat)] if repeat else [])
    entry: dict[str, Any] = {"id": hsds_id("schedule", *parts), "service_id": service_id(view)}
    if course.venue == "online":
        entry["attending_type"] = label(DeliveryMode.online, lang)
    else:
        entry["service_at_location_id"] = hsds_id("service_at_location", p.id, course.venue)
    entry["dtstart"] = course.starts.isoformat()
    if course.when is not None:
        entry["description"] = text(course.when, lang)
    return entry


def _contact(view: ProgrammeView, contact: Contact, lang: str) -> dict[str, Any]:
    """One of the programme's contacts, with only the details the record publishes."""
    entry: dict[str, Any] = {"id": hsds_id("contact", view.programme.id, contact.id), "service_id": service_id(view)}
    if contact.person:
        entry["name"] = contact.person
    entry["title"] = text(contact.role, lang)
    if known(contact.email):
        entry["email"] = contact.email
    if known(contact.phone):
        entry["phones"] = [{"id": hsds_id("phone", view.programme.id, contact.id), "number": contact.phone}]
    return entry


def organization(view: ProgrammeView, lang: str) -> dict[str, Any]:
    """The provider as an HSDS organization."""
    provider = view.provider
    entry: dict[str, Any] = {"id": hsds_id("organization", provider.id), "name": text(provider.name, lang)}
    if provider.short_name != entry["name"]:
        entry["alternate_name"] = provider.short_name
    entry["description"] = text(provider.about, lang)
    if known(provider.website):
        entry["website"] = provider.website
    return entry


def organization_detail(views: list[ProgrammeView], lang: str, base_url: str) -> dict[str, Any]:
    """The provider of `views` (all of one provider) as /organizations/{id} gives it: the organization, then its services in brief, each pointing at its full entry by id."""
    entry = organization(views[0], lang)
    entry["services"] = [
        {"id": service_id(view), "organization_id": entry["id"], "name": text(view.programme.name, lang), "url": absolute_url(base_url, view.path, lang), "status": STATUS[record_status(view.programme)]}
        for view in views
    ]
    return entry


def service_summary(view: ProgrammeView, lang: str, base_url: str, changed: datetime.datetime | None = None) -> dict[str, Any]:
    """The one-to-one fields of a service, as the /services list gives them; `changed` is when its record last changed in git."""
    p = view.programme
    entry: dict[str, Any] = {
        "id": service_id(view),
        "organization_id": hsds_id("organization", view.provider.id),
        "name": text(p.name, lang),
        "description": "\n\n".join([text(p.summary, lang)] + [text(t, lang) for t in p.description]),
        "url": absolute_url(base_url, view.path, lang),
        "status": STATUS[record_status(p)],
    }
    if record_status(p) == UNKNOWN:
        entry["alert"] = gettext(N_("The provider's documents do not say whether this programme still runs: contact the provider before referring."), lang)
    email = first_email(view)
    if email:
        entry["email"] = email
    entry["application_process"] = application_process(view, lang)
    if known(p.cost):
        entry["fees_description"] = text(p.cost, lang)
    described = eligibility(view, lang)
    if described:
        entry["eligibility_description"] = described
    entry["assured_date"] = view.last_reviewed.isoformat()
    if changed is not None:
        entry["last_modified"] = changed.isoformat()
    entry["organization"] = organization(view, lang)
    return entry


def service(view: ProgrammeView, lang: str, base_url: str, changed: datetime.datetime | None = None) -> dict[str, Any]:
    """The fully nested service, as /services/{id} gives it."""
    return _nested(view, service_summary(view, lang, base_url, changed), lang, base_url)


def _nested(view: ProgrammeView, summary: dict[str, Any], lang: str, base_url: str) -> dict[str, Any]:
    """The fully nested service: the programme's `summary` (service_summary) and the lists /services/{id} adds to it."""
    p, sid = view.programme, service_id(view)
    entry = dict(summary)
    entry["service_areas"] = [service_area(view, a, lang, base_url) for a in p.areas]
    if p.venues:
        entry["service_at_locations"] = [service_at_location(view, venue, lang) for venue in p.venues]
    if p.courses:
        keys = [(course.starts, course.venue) for course in p.courses]
        entry["schedules"] = [schedule(view, course, lang, keys[:n].count(keys[n])) for n, course in enumerate(p.courses)]
    funders = [o for o in p.organisations if o.part == "funder"]
    if funders:
        entry["funding"] = [{"id": hsds_id("funding", p.id, o.name), "service_id": sid, "source": o.name} for o in funders]
    if p.costs:
        entry["cost_options"] = [
            {"id": hsds_id("cost_option", p.id, str(n)), "service_id": sid, "option": text(case.who, lang), "amount_description": text(case.cost, lang)}
            for n, case in enumerate(p.costs, 1)
        ]
    entry["contacts"] = [_contact(view, c, lang) for c in view.contacts]
    documents = [
        (e.referrer, n, doc) for e in view.routes if e.route is not None and e.verdict in MAY_REFER for n, doc in enumerate(e.route.documents, 1)
    ]
    if documents:
        entry["required_documents"] = [
            {"id": hsds_id("required_document", p.id, r.value, str(n)), "service_id": sid, "document": f"{label(r, lang)}: {text(doc, lang)}"}
            for r, n, doc in documents
        ]
    entry["attributes"] = attributes(view, lang, base_url)
    return entry


def api_meta(lang: str, base_url: str) -> dict[str, Any]:
    """The API's root: which HSDS this is, where its profile is explained, and the description of what this snapshot answers."""
    return {"version": VERSION, "profile": absolute_url(base_url, OPEN_DATA, lang) + "#hsds", "openapi_url": absolute_url(base_url, OPENAPI, lang)}


def page(items: list[dict[str, Any]]) -> dict[str, Any]:
    """An HSDS Page holding every item: the snapshot has one page per list, and no query parameters."""
    return {
        "total_items": len(items),
        "total_pages": 1,
        "page_number": 1,
        "size": len(items),
        "first_page": True,
        "last_page": True,
        "empty": not items,
        "contents": items,
    }


def _terms(services: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every term the services' attributes (and their areas') use, once each, by code."""
    found = {a["taxonomy_term"]["id"]: a["taxonomy_term"] for s in services for a in s["attributes"] + [a for area in s["service_areas"] for a in area["attributes"]]}
    return sorted(found.values(), key=lambda term: term["code"])


def snapshot(views: list[ProgrammeView], lang: str, base_url: str, changes: dict[str, datetime.datetime] | None = None) -> dict[str, Any]:
    """Every endpoint of one language's HSDS snapshot, by its folder in that language's site; `changes` gives when each record file last changed."""
    summaries = [service_summary(view, lang, base_url, (changes or {}).get(view.record_file)) for view in views]
    # Each service nests its summary's fields, made once for both answers.
    services = [_nested(view, summary, lang, base_url) for view, summary in zip(views, summaries, strict=True)]
    terms = _terms(services)
    links = [link for s in services for link in s.get("service_at_locations", [])]
    endpoints: dict[str, Any] = {hsds_endpoint(): api_meta(lang, base_url)}
    endpoints[hsds_endpoint("services")] = page(summaries)
    endpoints.update({hsds_endpoint("services", s["id"]): s for s in services})
    endpoints[hsds_endpoint("taxonomies")] = page([taxonomy(lang, base_url)])
    endpoints[hsds_endpoint("taxonomies", hsds_id("taxonomy", TAXONOMY))] = taxonomy(lang, base_url)
    endpoints[hsds_endpoint("taxonomy_terms")] = page(terms)
    endpoints.update({hsds_endpoint("taxonomy_terms", term["id"]): term for term in terms})
    endpoints[hsds_endpoint("service_at_locations")] = page(links)
    endpoints.update({hsds_endpoint("service_at_locations", link["id"]): link for link in links})
    by_provider: dict[str, list[ProgrammeView]] = {}
    for view in views:
        by_provider.setdefault(view.provider.id, []).append(view)
    organizations = [organization_detail(provided, lang, base_url) for provided in by_provider.values()]
    endpoints[hsds_endpoint("organizations")] = page([{key: value for key, value in o.items() if key != "services"} for o in organizations])
    endpoints.update({hsds_endpoint("organizations", o["id"]): o for o in organizations})
    return endpoints


UK_PROFILE_DROPS = {
    "application_process": "how each kind of referrer refers: the directory's reason to exist",
    "eligibility_description": "who the programme is for, its entry conditions and exclusions",
    "fees_description": "what the programme costs the father (the profile keeps only `fees`, which HSDS 3.0 deprecates)",
    "required_documents": "the documents a referrer must send",
    "contacts.email": "the e-mail address of a contact, where the provider publishes one",
    "contacts.phones": "the phone number of a contact, where the provider publishes one",
    "organization.alternate_name": "the provider's short name, e.g. HACRO",
    "attributes.value": "the number of sessions, weeks, hours and the group size",
    "attributes.taxonomy_term.code": "the stable key of an attribute term, e.g. referral/cafcass/no",
    "attributes.taxonomy_term.language": "the language of a term's name",
    "service_areas.attributes": "the official code of an area served (ONS or CBS)",
}
"""Fields of the snapshot that the Open Referral UK profile leaves out, with what each holds.

The snapshot is core HSDS 3.0. A UK service is valid against the UK profile
once these fields are taken out; the open-data page lists them, and
tests/test_opendata_hsds.py checks both.
"""
