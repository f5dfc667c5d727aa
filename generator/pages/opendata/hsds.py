"""Open Referral HSDS 3.0 as static files: the API's required endpoints, one snapshot per language.

    hsds/index.json                    the API's meta information (version, profile, openapi_url)
    hsds/services/index.json           a Page of every service (one page: the whole directory)
    hsds/services/<uuid>/index.json    one fully nested service

HSDS gives each record one language, so each language's site carries its own
snapshot (/hsds/ in English, /nl/hsds/ in Dutch) with the same ids in both.
Only facts the records give are written: a field whose fact is unknown is left
out, never filled. What HSDS has no field for goes into `attributes`, with the
taxonomy below, which the open-data page documents.
"""

from __future__ import annotations

import uuid
from typing import Any

from generator.languages import LANGUAGE_NAMES
from generator.pages.answers import MAY_REFER
from generator.pages.i18n import N_, label
from generator.pages.opendata.words import eligibility_lines, first_email, gettext, record_status, referrer_answer, route_conditions, status_words, text
from generator.pages.urls import HSDS_FOLDER, OPEN_DATA, absolute_url, hsds_service_path
from generator.pages.views import ProgrammeView
from generator.records.model import UNKNOWN, Contact, known

NAMESPACE = uuid.UUID("152e557d-31db-4c97-821a-c643f3ba9049")
"""The directory's own UUID namespace: every HSDS id is a UUID 5 of a record id in it, so ids never change between builds."""

VERSION = "3.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
"""The official HSDS 3.0 API definition, at the address its own schemas refer to."""

STATUS = {"active": "active", "pilot": "active", "ended": "defunct", UNKNOWN: "inactive"}
"""The record's status → HSDS `status` (required, one of active, inactive, defunct, temporarily closed).

HSDS has no “pilot” and no “unknown”: a pilot runs, so it is active; a status
nobody knows is never published as active, but as inactive, the one value that
sends nobody to a programme that may not run. The record's own value is in the
`directory-status` attribute, so nothing is lost.
"""

ATTRIBUTE_ANCHOR = "#hsds-attributes"
TAXONOMY = "Fathers' Programme Directory attributes"
"""The directory's own taxonomy of attributes; the open-data page lists its terms under ATTRIBUTE_ANCHOR."""


def hsds_id(*parts: str) -> str:
    """The UUID 5 of a record's path, e.g. hsds_id("service", "hacro-caring-dads")."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def service_id(view: ProgrammeView) -> str:
    """The HSDS id of a programme's service."""
    return hsds_id("service", view.programme.id)


def service_file(view: ProgrammeView) -> str:
    """Where one service is served, as the API's /services/{id} endpoint."""
    return hsds_service_path(service_id(view))


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


def _term(key: str, name: str, description: str, lang: str, base_url: str) -> dict[str, Any]:
    """A term of the directory's own taxonomy; the open-data page lists every key."""
    return {
        "id": hsds_id("taxonomy_term", key),
        "code": key,
        "name": name,
        "description": description,
        "taxonomy": TAXONOMY,
        "taxonomy_id": hsds_id("taxonomy", TAXONOMY),
        "language": lang,
        "term_uri": absolute_url(base_url, OPEN_DATA, lang) + ATTRIBUTE_ANCHOR,
    }


def attributes(view: ProgrammeView, lang: str, base_url: str) -> list[dict[str, Any]]:
    """The facts HSDS has no field for: each referrer's answer, the record's status, the text language and the format."""
    p, f = view.programme, view.programme.format
    described = N_("What the programme says about a referral by this kind of referrer.")
    facts: list[tuple[str, str, str, str | None]] = [
        (f"referral/{e.referrer.value}/{e.verdict}", referrer_answer(e, lang), gettext(described, lang), None) for e in view.routes
    ]
    status = f"{gettext('Status', lang)}: {status_words(p, lang)}"
    facts.append((f"directory-status/{record_status(p)}", status, gettext(N_("The programme's status as the directory records it."), lang), None))
    facts.append((f"text-language/{lang}", LANGUAGE_NAMES[lang], gettext(N_("The language of this record's texts."), lang), None))
    if known(f.kind):
        facts.append((f"format/{f.kind.value}", label(f.kind, lang), gettext("Format", lang), None))
    if known(f.delivery_modes):
        facts += [(f"delivery-mode/{m.value}", label(m, lang), gettext("Delivered", lang), None) for m in f.delivery_modes]
    numbers = (("sessions", N_("Sessions"), f.sessions), ("weeks", N_("Weeks"), f.weeks), ("hours", N_("Hours"), f.hours), ("group-size", N_("Group size"), f.group_size))
    facts += [(key, gettext(words, lang), gettext(words, lang), f"{value:g}") for key, words, value in numbers if known(value)]
    sid = service_id(view)
    out = []
    for key, name, description, value in facts:
        term = _term(key, name, description, lang, base_url)
        attribute = {"id": hsds_id("attribute", p.id, key), "link_id": sid, "taxonomy_term_id": term["id"], "taxonomy_term": term}
        if value is not None:
            attribute["value"] = value
        out.append(attribute)
    return out


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


def service_summary(view: ProgrammeView, lang: str, base_url: str) -> dict[str, Any]:
    """The one-to-one fields of a service, as the /services list gives them."""
    p = view.programme
    entry: dict[str, Any] = {
        "id": service_id(view),
        "organization_id": hsds_id("organization", view.provider.id),
        "name": text(p.name, lang),
        "description": "\n\n".join([text(p.summary, lang)] + [text(t, lang) for t in p.description]),
        "url": absolute_url(base_url, view.path, lang),
        "status": STATUS[record_status(p)],
    }
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
    entry["organization"] = organization(view, lang)
    return entry


def service(view: ProgrammeView, lang: str, base_url: str) -> dict[str, Any]:
    """The fully nested service, as /services/{id} gives it."""
    p, sid = view.programme, service_id(view)
    entry = service_summary(view, lang, base_url)
    entry["service_areas"] = [{"id": hsds_id("service_area", p.id, a.id), "service_id": sid, "name": text(a.name, lang)} for a in p.areas]
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
    """hsds/index.json: which HSDS this is, where its profile is explained, and the API definition."""
    return {"version": VERSION, "profile": absolute_url(base_url, OPEN_DATA, lang) + "#hsds", "openapi_url": OPENAPI_URL}


def services_page(views: list[ProgrammeView], lang: str, base_url: str) -> dict[str, Any]:
    """hsds/services/index.json: one Page holding every service."""
    return {
        "total_items": len(views),
        "total_pages": 1,
        "page_number": 1,
        "size": len(views),
        "first_page": True,
        "last_page": True,
        "empty": not views,
        "contents": [service_summary(view, lang, base_url) for view in views],
    }


def snapshot(views: list[ProgrammeView], lang: str, base_url: str) -> dict[str, Any]:
    """Every file of one language's HSDS snapshot, by its path in that language's site."""
    files: dict[str, Any] = {f"{HSDS_FOLDER}index.json": api_meta(lang, base_url), f"{HSDS_FOLDER}services/index.json": services_page(views, lang, base_url)}
    files.update({service_file(view): service(view, lang, base_url) for view in views})
    return files



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
}
"""Fields of the snapshot that the Open Referral UK profile leaves out, with what each holds.

The snapshot is core HSDS 3.0. A UK service is valid against the UK profile
once these fields are taken out; the open-data page lists them, and
tests/test_opendata_hsds.py checks both.
"""
