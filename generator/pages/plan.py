"""The plan of generated pages: which exist, at which path, with which data.

Both languages share one plan, so every page has the same path in each and the
language switcher always lands on the same page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Protocol

from generator.pages import urls
from generator.pages.areas import split_programmes
from generator.pages.i18n import N_
from generator.pages.views import (
    CompareView,
    Directory,
    FinderView,
    ModelListView,
    ProgrammeListView,
    ProgrammeView,
    ProviderListView,
    ProviderView,
    ReferrerListView,
    ReferrerView,
    directory_places,
    directory_roles,
    model_views,
    role_groups,
    table_choices,
)
from generator.records.model import Referrer


class PageView(Protocol):
    """What every view class of a generated page has: its template and its path under docs/."""

    template: ClassVar[str]

    @property
    def path(self) -> str: ...


@dataclass(frozen=True)
class Page:
    """A generated page: the data its template receives, and the file it is made from."""

    view: PageView
    source: str = urls.RECORDS_FOLDER
    """The file the page is made from, which its edit and history links point at; a folder ends in /."""

    @property
    def path(self) -> str:
        """The page's path under docs/, the same in both languages."""
        return self.view.path

    @property
    def template(self) -> str:
        """The Jinja2 template in site_templates/ that renders the page."""
        return self.view.template


NavEntry = tuple[str, str | list[tuple[str, str]]]
"""A page (title, path) or a group of pages (title, [(title, path), ...])."""

NAV: list[NavEntry] = [
    (N_("Home"), urls.HOME),
    (N_("Find and refer"), [
        (N_("Referral finder"), urls.FINDER),
        (N_("All programmes"), urls.programmes_path()),
        (N_("Compare programmes"), urls.compare_path()),
        (N_("Programme models"), urls.MODELS),
        (N_("Referral routes"), urls.REFERRERS),
        (N_("Providers"), urls.providers_path()),
    ]),
    (N_("For fathers and families"), [
        (N_("Advised to do a course?"), urls.referrer_path(Referrer.self)),
        (N_("Family courts and Cafcass"), urls.FAMILY_COURTS),
        (N_("Staying safe online"), urls.STAYING_SAFE),
    ]),
    (N_("About the directory"), [
        (N_("About"), urls.ABOUT),
        (N_("Glossary"), urls.GLOSSARY),
        (N_("Accessibility"), urls.ACCESSIBILITY),
        (N_("Privacy"), urls.PRIVACY),
    ]),
]
"""The sidebar, grouped by what the reader came for: hub pages only. Record
pages stay out of it, because Material's sidebar cost grows with the square of
the number of pages in it."""

FOOTER: list[tuple[str, str]] = [
    (N_("Staying safe online"), urls.STAYING_SAFE),
    (N_("Accessibility"), urls.ACCESSIBILITY),
    (N_("Privacy"), urls.PRIVACY),
    (N_("Open data"), urls.OPEN_DATA),
    (N_("For editors"), urls.editors_path()),
]
"""The links at the foot of every page: safety and the statements every reader
may look for, and the pages for those who reuse or edit the data."""


def nav_pages() -> list[tuple[str, str]]:
    """Every page of the sidebar as (English title, path), its groups opened."""
    return [item for title, target in NAV for item in ([(title, target)] if isinstance(target, str) else target)]


def nav_title(path: str) -> str:
    """The English title the sidebar gives a hub page, e.g. "All programmes" for programmes/index.md."""
    return next(title for title, target in nav_pages() if target == path)


def plan_pages(programmes: list[ProgrammeView], providers: list[ProviderView]) -> list[Page]:
    """Every generated page, in a stable order.

    Lists of every programme (the table, the comparison, each role's answers)
    are split by area into parts (areas.split_programmes), so that no page grows
    with the directory; every part has its own page, linked without JavaScript.
    """
    split = split_programmes(programmes)
    choices = table_choices(programmes)
    pages = [Page(ProgrammeListView(part, split.index, choices=choices)) for part in split.parts]
    pages += [Page(view, view.record_file) for view in programmes]
    first = ProviderListView(providers)
    pages += [Page(ProviderListView(providers, n)) for n in range(1, len(first.part_paths) + 1)]
    pages += [Page(view, view.record_file) for view in providers]
    roles = directory_roles(programmes)
    groups = role_groups(roles, directory_places(programmes))
    directory = Directory(programmes, split)
    first_parts = [ReferrerView(role, split.parts[0], directory) for role in roles]
    pages.append(Page(ReferrerListView(first_parts, groups)))
    pages += [Page(view) for first in first_parts for view in [first, *(ReferrerView(first.referrer, part) for part in split.parts[1:])]]
    pages.append(Page(FinderView(split, groups)))
    pages += [Page(CompareView(part, split.index)) for part in split.parts]
    models = model_views(programmes, split)
    pages.append(Page(ModelListView(models)))
    pages += [Page(model) for model in models]
    return pages
