"""Rendered pages kept between builds: a page is rendered again only when what it is made from changed.

A page's Markdown is a function of its template (and those it uses), the
generator's code, its view, and the few values the environment gives every
template (language, today, repository) or this page alone (the last-changed
date and the names marked for its source file; see render.environment). The
key of a rendered page is a digest of all of them, so a kept text is the text
rendering would give, and a change to one record renders again only the pages
whose views hold something of it: its own pages and the lists that show it.

The kept texts are JSON (data, never code), in build/.
"""

from __future__ import annotations

import datetime
import io
import json
import pickle
from dataclasses import is_dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.pages.plan import Page
from generator.pages.render import TEMPLATE_DIR
from generator.publish.incremental import code_digest, digest, tree_digest


def rendered_file(work: Path, lang: str) -> Path:
    """Where one language's rendered pages are kept, by key."""
    return work / f"rendered.{lang}.json"


def read_rendered(path: Path) -> dict[str, str]:
    """The kept rendered pages (key → Markdown); none if the file is missing or unreadable."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return kept if isinstance(kept, dict) and all(isinstance(text, str) for text in kept.values()) else {}


def setting(lang: str, today: datetime.date | None, repository: dict[str, str] | None) -> str:
    """A digest of what every page of a language is rendered with: the code, the templates and the environment's values."""
    return digest(code_digest(), tree_digest(TEMPLATE_DIR), lang, str(today), json.dumps(repository, sort_keys=True))


class _ViewPickler(pickle.Pickler):
    """Pickles one object, standing for every record model and view inside it by that one's digest."""

    def __init__(self, file: io.BytesIO, top: object, digests: ViewDigests) -> None:
        super().__init__(file, protocol=5)
        self.top, self.digests = top, digests

    def persistent_id(self, obj: Any) -> str | None:
        if obj is not self.top and _stands_alone(type(obj)):
            return self.digests.of(obj)
        return None


_STANDS_ALONE: dict[type, bool] = {}


def _stands_alone(kind: type) -> bool:
    """Whether a value of this type is pickled as its digest: a record model or a view (asked once per type: the pickler asks of every value)."""
    if kind not in _STANDS_ALONE:
        _STANDS_ALONE[kind] = issubclass(kind, BaseModel) or (is_dataclass(kind) and not issubclass(kind, type))
    return _STANDS_ALONE[kind]


class ViewDigests:
    """Digests of page views, each record model and view digested once per build.

    A list page holds hundreds of programme views that other pages hold too:
    pickling each page's view whole took longer than rendering it.
    """

    def __init__(self) -> None:
        # By id(); the object is kept beside its digest so that its id is not reused.
        self._known: dict[int, tuple[object, str]] = {}

    def of(self, obj: object) -> str:
        """The digest of a view, a record model or any picklable value."""
        known = self._known.get(id(obj))
        if known is None:
            if isinstance(obj, BaseModel):
                data = obj.model_dump_json().encode("utf-8")
            else:
                buffer = io.BytesIO()
                _ViewPickler(buffer, obj, self).dump(obj)
                data = buffer.getvalue()
            known = self._known[id(obj)] = (obj, digest(type(obj).__qualname__, data))
        return known[1]


def page_key(setting_digest: str, page: Page, digests: ViewDigests, last_changed: datetime.date | None, names: list[tuple[str, str]] | None) -> str | None:
    """The key of a rendered page, or None if its view cannot be digested (then it is always rendered)."""
    try:
        view = digests.of(page.view)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None
    return digest(setting_digest, page.path, page.template, page.source, view, str(last_changed), json.dumps(names))
