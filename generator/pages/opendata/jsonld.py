"""schema.org JSON-LD for each programme page: a Service and the page's BreadcrumbList.

The build puts it into the page's front matter (`json_ld`), and the theme
(overrides/main.html) prints it in <head> as <script type="application/ld+json">:
data, not script, so the Content-Security-Policy needs no hash for it.
"""

from __future__ import annotations

import json
from typing import Any

from generator.languages import LANGUAGES, OTHER_LANGUAGE
from generator.pages.answers import MAY_REFER
from generator.pages.i18n import country_name
from generator.pages.opendata.hsds import endpoint_url, service_id
from generator.pages.opendata.words import gettext, text
from generator.pages.plan import nav_title
from generator.pages.urls import absolute_url
from generator.pages.views import ProgrammeView
from generator.records.model import Area, Contact, Country, known

FRONT_MATTER_KEY = "json_ld"
BREADCRUMB = ("index.md", "programmes/index.md")
"""The pages above a programme page, in order: home, then all programmes."""


def _contact_point(contact: Contact, lang: str) -> dict[str, Any] | None:
    """A ContactPoint for a contact with a published e-mail or phone; None for one with neither."""
    if not (known(contact.email) or known(contact.phone)):
        return None
    point: dict[str, Any] = {"@type": "ContactPoint", "contactType": text(contact.role, lang)}
    if contact.person:
        point["name"] = contact.person
    if known(contact.email):
        point["email"] = contact.email
    if known(contact.phone):
        point["telephone"] = contact.phone
    return point


def _place(area: Area, country: Country, lang: str) -> dict[str, Any]:
    """An area served: the Country where the area is the whole country, else an AdministrativeArea in it."""
    name, country_words = text(area.name, lang), country_name(country, lang)
    if name.casefold().removeprefix("the ") == country_words.casefold().removeprefix("the "):
        return {"@type": "Country", "name": name}
    return {"@type": "AdministrativeArea", "name": name, "containedInPlace": {"@type": "Country", "name": country_words}}


def _channels(view: ProgrammeView, lang: str) -> list[dict[str, Any]]:
    """The ways in that a referrer may use and whose channel the record gives, once each."""
    channels: list[dict[str, Any]] = []
    for entry in view.routes:
        route = entry.route
        if route is None or entry.verdict not in MAY_REFER or not known(route.channel):
            continue
        channel: dict[str, Any] = {"@type": "ServiceChannel", "name": text(route.channel.description, lang)}
        if known(route.channel.address):
            channel["serviceUrl"] = f"mailto:{route.channel.address}"
        if channel not in channels:
            channels.append(channel)
    return channels


def service(view: ProgrammeView, lang: str, base_url: str) -> dict[str, Any]:
    """The programme as a schema.org Service, with only the facts its record gives."""
    p, provider = view.programme, view.provider
    organisation: dict[str, Any] = {"@type": "Organization", "name": text(provider.name, lang)}
    if known(provider.website):
        organisation["url"] = provider.website
    points = [point for point in (_contact_point(c, lang) for c in view.contacts) if point]
    if points:
        organisation["contactPoint"] = points
    sid = service_id(view)
    data: dict[str, Any] = {
        "@type": "Service",
        "@id": endpoint_url(base_url, lang, "services", sid),
        "identifier": {"@type": "PropertyValue", "propertyID": "Open Referral HSDS service id", "value": sid},
        "name": text(p.name, lang),
        "description": text(p.summary, lang),
        "provider": organisation,
        "areaServed": [_place(area, p.country, lang) for area in p.areas],
        "audience": {"@type": "PeopleAudience", "audienceType": " ".join(text(t, lang) for t in p.for_whom)},
        "url": absolute_url(base_url, view.path, lang),
    }
    channels = _channels(view, lang)
    if channels:
        data["availableChannel"] = channels
    return data


def page(view: ProgrammeView, lang: str, base_url: str) -> dict[str, Any]:
    """The page's JSON-LD: the WebPage in its language, its translation, the Service it is about and its breadcrumbs.

    English is the language the records are written in first, so the English
    page names its translation (workTranslation) and the Dutch page the work it
    translates (translationOfWork).
    """
    other = OTHER_LANGUAGE[lang]
    link = "workTranslation" if lang == LANGUAGES[0] else "translationOfWork"
    crumbs = [(gettext(nav_title(path), lang), absolute_url(base_url, path, lang)) for path in BREADCRUMB]
    crumbs.append((text(view.programme.name, lang), absolute_url(base_url, view.path, lang)))
    return {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "url": absolute_url(base_url, view.path, lang),
        "inLanguage": lang,
        link: {"@type": "WebPage", "url": absolute_url(base_url, view.path, other), "inLanguage": other},
        "mainEntity": service(view, lang, base_url),
        "breadcrumb": {
            "@type": "BreadcrumbList",
            "itemListElement": [{"@type": "ListItem", "position": n, "name": name, "item": url} for n, (name, url) in enumerate(crumbs, 1)],
        },
    }


def with_json_ld(markdown: str, data: dict[str, Any]) -> str:
    """A page's Markdown with its JSON-LD added to the front matter, as one JSON line (JSON is YAML).

    ASCII only: YAML refuses some characters JSON passes through (DEL, C1
    controls) and reads others as line breaks (U+2028); as \\u escapes they stay text.
    """
    if not markdown.startswith("---\n"):
        raise ValueError("a programme page must start with its front matter")
    return f"---\n{FRONT_MATTER_KEY}: {json.dumps(data)}\n" + markdown.removeprefix("---\n")
