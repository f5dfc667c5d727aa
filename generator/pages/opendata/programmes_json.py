"""The open data file, data/programmes.json: every programme's public facts."""

from __future__ import annotations

from enum import Enum
from typing import Any

from generator.languages import LANGUAGES
from generator.pages.answers import route_verdict
from generator.pages.urls import page_url
from generator.pages.views import ProgrammeView
from generator.records.model import Text

SCHEMA_VERSION = 2


def _plain(value: Any) -> Any:
    """Records as JSON: Text stays {en, nl}, enums become their values."""
    if isinstance(value, Text):
        return {"en": value.en, "nl": value.nl}
    if isinstance(value, Enum):
        return value.value
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    return value


def programme_entry(view: ProgrammeView) -> dict[str, Any]:
    """One programme's entry in programmes.json."""
    p = view.programme
    return {
        "id": p.id,
        "name": _plain(p.name),
        "provider": {"id": view.provider.id, "name": _plain(view.provider.name)},
        "url": {lang: page_url(view.path, lang) for lang in LANGUAGES},
        "status": _plain(p.status),
        "model": p.model,
        "summary": _plain(p.summary),
        "country": p.country.value,
        "areas": [_plain(a) for a in p.areas],
        "jurisdictions": [j.value for j in p.jurisdictions],
        "residency_rule": _plain(p.residency_rule),
        "venues": [_plain(v) for v in p.venues],
        "courses": [_plain(c) for c in p.courses],
        "format": _plain(p.format),
        "cost": _plain(p.cost),
        "costs": [_plain(c) for c in p.costs],
        "intake": _plain(p.intake),
        "for_whom": [_plain(t) for t in p.for_whom],
        "only_when": _plain(p.only_when),
        "entry_conditions": [_plain(t) for t in p.entry_conditions],
        "provider_rules": [_plain(t) for t in p.provider_rules],
        "exclusions": [_plain(t) for t in p.exclusions],
        "referral_routes": [
            {**_plain(entry.route), "referrer": entry.referrer.value, "verdict": route_verdict(entry)}
            for entry in view.stated_routes
        ],
        "only_routes": _plain(p.only_routes),
        "other_referrers": _plain(p.other_referrers),
        "referrers_only_through": [r.value for r in view.only_through],
        "referrers_not_stated": [r.value for r in view.unstated],
        "partner_support": _plain(p.partner_support) if isinstance(p.partner_support, str) else [_plain(t) for t in p.partner_support],
        "contacts": [_plain(c) for c in view.contacts],
        "organisations": [_plain(o) for o in p.organisations],
        "figures": [_plain(f) for f in p.figures],
        "sources": [_plain(s) for s in view.sources],
        "last_reviewed": view.last_reviewed.isoformat(),
    }


def open_data(programmes: list[ProgrammeView]) -> dict[str, Any]:
    """The whole programmes.json document."""
    return {"schema_version": SCHEMA_VERSION, "programmes": [programme_entry(view) for view in programmes]}
