"""The plan of generated pages: which exist, at which path, with which data.

Both languages share one plan, so every page has the same path in each and the
language switcher always lands on the same page.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.pages.i18n import N_
from generator.pages.views import (
    CompareView,
    FinderView,
    ProgrammeListView,
    ProgrammeView,
    ProviderListView,
    ProviderView,
    ReferrerListView,
    ReferrerView,
    group_by_area,
    referrers_path,
    split_by_area,
)
from generator.records.model import Referrer

RECORDS_FOLDER = "services/"
"""What a page made from every record (a list, the finder) links editors to."""


@dataclass(frozen=True)
class Page:
    """A generated page: its path under docs/, its template, the template's data and its source."""

    path: str
    template: str
    view: object
    source: str = RECORDS_FOLDER
    """The file the page is made from, which its edit and history links point at; a folder ends in /."""


NavEntry = tuple[str, str | list[tuple[str, str]]]
"""A page (title, path) or a group of pages (title, [(title, path), ...])."""

NAV: list[NavEntry] = [
    (N_("Home"), "index.md"),
    (N_("Find and refer"), [
        (N_("Referral finder"), "finder.md"),
        (N_("All programmes"), "programmes/index.md"),
        (N_("Compare programmes"), "compare.md"),
        (N_("Referral routes"), "referrals/index.md"),
        (N_("Providers"), "providers/index.md"),
    ]),
    (N_("For fathers and families"), [
        (N_("Told to do a course?"), "referrals/self.md"),
        (N_("Family courts and Cafcass"), "family-courts.md"),
        (N_("Staying safe online"), "staying-safe-online.md"),
    ]),
    (N_("About the directory"), [
        (N_("About"), "about.md"),
        (N_("Glossary"), "glossary.md"),
        (N_("Accessibility"), "accessibility.md"),
        (N_("Privacy"), "privacy.md"),
    ]),
]
"""The sidebar, grouped by what the reader came for: hub pages only. Record
pages stay out of it, because Material's sidebar cost grows with the square of
the number of pages in it."""

FOOTER: list[tuple[str, str]] = [
    (N_("Staying safe online"), "staying-safe-online.md"),
    (N_("Accessibility"), "accessibility.md"),
    (N_("Privacy"), "privacy.md"),
    (N_("Open data"), "open-data.md"),
    (N_("For editors"), "editors.md"),
]
"""The links at the foot of every page: safety and the statements every reader
may look for, and the pages for those who reuse or edit the data."""

def nav_pages() -> list[tuple[str, str]]:
    """Every page of the sidebar as (English title, path), its groups opened."""
    return [item for title, target in NAV for item in ([(title, target)] if isinstance(target, str) else target)]


def nav_title(path: str) -> str:
    """The English title the sidebar gives a hub page, e.g. "All programmes" for programmes/index.md."""
    return next(title for title, target in nav_pages() if target == path)


HUB_FOLDERS = ("programmes", "providers", "referrals", "compare", "editors")


def plan_pages(programmes: list[ProgrammeView], providers: list[ProviderView]) -> list[Page]:
    """Every generated page, in a stable order.

    Lists of every programme (the table, the comparison, each role's answers)
    are split by area into parts (views.split_by_area), so that no page grows
    with the directory; every part has its own page, linked without JavaScript.
    """
    parts = split_by_area(group_by_area(programmes))
    numbers = [part.number for part in parts]
    pages = [Page(view.path, "programmes.md.j2", view) for view in (ProgrammeListView(programmes, parts, n) for n in numbers)]
    pages += [Page(view.path, "programme.md.j2", view, view.record_file) for view in programmes]
    first = ProviderListView(providers)
    pages += [Page(view.path, "providers.md.j2", view) for view in (ProviderListView(providers, n) for n in range(1, len(first.part_paths) + 1))]
    pages += [Page(view.path, "provider.md.j2", view, view.record_file) for view in providers]
    referrers = [ReferrerView(referrer, programmes, parts) for referrer in Referrer]
    pages.append(Page(referrers_path(), "referrers.md.j2", ReferrerListView(referrers)))
    pages += [Page(view.path, "referrer.md.j2", view) for view in (ReferrerView(r, programmes, parts, n) for r in Referrer for n in numbers)]
    finder = FinderView(programmes, parts)
    pages.append(Page(finder.path, "finder.md.j2", finder))
    pages += [Page(view.path, "compare.md.j2", view) for view in (CompareView(programmes, parts, n) for n in numbers)]
    return pages
