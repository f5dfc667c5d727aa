"""The address of every page and data file of the site, in one place.

A page is named by its docs/ path, as it is staged ("programmes/caring-dads.md"),
the same in both languages, so the language switcher always lands on the same
page. Views, templates (as `urls`), the menus and the open data ask this module
instead of spelling a path; `page_url` and `absolute_url` say where the site
serves a page once the engine has built it (x.md is served as x/).
"""

from __future__ import annotations

import posixpath

from generator.languages import LANGUAGE_ROOTS
from generator.records.model import Area, Referrer

HOME = "index.md"
FINDER = "finder.md"
REFERRERS = "referrals/index.md"
MODELS = "models/index.md"
ABOUT = "about.md"
GLOSSARY = "glossary.md"
ACCESSIBILITY = "accessibility.md"
PRIVACY = "privacy.md"
FAMILY_COURTS = "family-courts.md"
STAYING_SAFE = "staying-safe-online.md"
OPEN_DATA = "open-data.md"
"""The hand-written pages above (content/<lang>/) are linked from generated pages and the menus."""

PROGRAMMES_JSON = "data/programmes.json"
PROGRAMMES_CSV = "data/programmes.csv"
DATA_PACKAGE = "data/datapackage.json"
HSDS_FOLDER = "hsds/"
SEARCH_INDEX_FOLDER = "pagefind"
"""Each language's search index, under the language's root (a reader searches the pages of the language they read)."""
POSTCODE_AREAS = "data/postcode-areas.json"
"""The postcode box's table of areas and programmes, one per language."""
POSTCODES_FOLDER = "postcodes"
"""The outward codes' files of the postcode box, once for every language, at the site's root."""

RECORDS_FOLDER = "services/"
"""What a page made from every record (a list, the finder) links editors to."""

HUB_FOLDERS = ("programmes", "providers", "referrals", "compare", "editors", "models")
"""Folders whose index is a hub in the sidebar and whose other pages are reached from it."""


def programme_path(programme_id: str) -> str:
    """The page of a programme."""
    return f"programmes/{programme_id}.md"


def model_path(slug: str) -> str:
    """The page of a programme model, by its slug (views.model_slug), beside the list of models."""
    return f"models/{slug}.md"


def provider_path(provider_id: str) -> str:
    """The page of a provider."""
    return f"providers/{provider_id}.md"


def referrer_path(referrer: Referrer, part: int | str = 1) -> str:
    """One part of the page of what one kind of referrer may use: the first is the role's page, the others below it."""
    slug = referrer.value.replace("_", "-")
    return f"referrals/{slug}.md" if part == 1 else f"referrals/{slug}/{part}.md"


def compare_path(part: int | str = 1) -> str:
    """One part of the comparison: the first is the comparison's page, the others below it."""
    return "compare.md" if part == 1 else f"compare/{part}.md"


def programmes_path(part: int | str = 1) -> str:
    """One part of the all-programmes table: the first is the table's page, the others in a folder no programme id can take as a page."""
    return "programmes/index.md" if part == 1 else f"programmes/all/{part}.md"


def providers_path(part: int = 1) -> str:
    """One page of the list of providers: the first is the list's page, the others in a folder no provider id can take as a page."""
    return "providers/index.md" if part == 1 else f"providers/all/{part}.md"


def editors_path(part: int = 1) -> str:
    """One part of the editors' data report."""
    return "editors.md" if part == 1 else f"editors/{part}.md"


HSDS_ANSWERS = ("index.json", "index.html")
"""The files each HSDS endpoint's folder holds, the same JSON in both.

A static host such as GitHub Pages answers `/services` by redirecting to
`/services/` and answers that with the folder's index.html, or 404: the HTML
name is what makes every endpoint answer at its own path, and index.json is
the same answer with a JSON content type for clients that can ask for a file.
"""

OPENAPI = f"{HSDS_FOLDER}openapi.json"


def hsds_endpoint(*parts: str) -> str:
    """The folder of one HSDS endpoint under a language's site, e.g. hsds/services/<id>/; no parts is the API's root."""
    return HSDS_FOLDER + "".join(f"{part}/" for part in parts)


def is_hsds_answer(path: str) -> bool:
    """Whether a path below a language's site is one of the HSDS endpoints' files: JSON, even where its name ends in .html."""
    return path.startswith(HSDS_FOLDER)


GENERATED_FOLDERS = (*HUB_FOLDERS, posixpath.dirname(PROGRAMMES_JSON), HSDS_FOLDER.rstrip("/"), SEARCH_INDEX_FOLDER, "assets", *(root.rstrip("/") for root in LANGUAGE_ROOTS.values() if root))
"""Folders the generator fills with pages and files of its own (and the other languages' sites): a hand-written page there could replace one."""


def is_generated_page(path: str) -> bool:
    """Whether a docs/ page would be served where a page the generator always makes is (finder.md, programmes/index.md …), so it would replace it."""
    fixed = (FINDER, REFERRERS, MODELS, compare_path(), programmes_path(), providers_path(), editors_path())
    return built_file(path) in {built_file(page) for page in fixed}


def area_anchor(area: Area) -> str:
    """The id of an area's section on a page listing areas, e.g. area-hertfordshire."""
    return f"area-{area.id}"


def _relative(to_path: str, from_folder: str) -> str:
    """posixpath.relpath for two paths below the same root, without asking the working folder (relpath does, twice, per link)."""
    target = [part for part in to_path.split("/") if part and part != "."]
    start = [part for part in from_folder.split("/") if part and part != "."]
    common = 0
    while common < min(len(target), len(start)) and target[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."


def relative_link(from_page: str, to_page: str) -> str:
    """The link from one docs/ path to another, as the engine resolves it in Markdown."""
    return _relative(to_page, posixpath.dirname(from_page))


def _served_folder(page: str) -> str:
    """The folder a docs/ page is served as: x.md as x/, x/index.md as x/."""
    return posixpath.dirname(page) if posixpath.basename(page) == "index.md" else page.removesuffix(".md")


def built_address(from_page: str, to_page: str) -> str:
    """The address of one docs/ page from another once built, for links in raw HTML."""
    relative = _relative(_served_folder(to_page), _served_folder(from_page))
    return "./" if relative == "." else relative + "/"


def file_address(from_file: str, to_page: str) -> str:
    """The address of a docs/ page once built, from a data file staged beside the pages (data/x.json)."""
    return _relative(_served_folder(to_page), posixpath.dirname(from_file)) + "/"


def data_address(from_page: str, path: str) -> str:
    """The address of a data file staged beside the pages (data/x.json) from a docs/ page once built, for raw HTML."""
    return _relative(path, _served_folder(from_page))


def shared_address(from_file: str, folder: str, lang: str) -> str:
    """The address of a folder at the site's root, shared by every language, from one language's data file, with a slash at its end."""
    depth = len([part for part in (LANGUAGE_ROOTS[lang] + posixpath.dirname(from_file)).split("/") if part])
    return "../" * depth + folder + "/"


def built_file(path: str) -> str:
    """The HTML file the engine makes of a docs/ page, under its language's site: about.md → about/index.html."""
    folder = _served_folder(path)
    return (folder + "/" if folder else "") + "index.html"


def page_url(path: str, lang: str) -> str:
    """The site-relative address of a docs/ page in one language, e.g. /nl/programmes/caring-dads/."""
    folder = _served_folder(path)
    return "/" + LANGUAGE_ROOTS[lang] + (folder + "/" if folder else "")


def absolute_url(base_url: str, path: str, lang: str) -> str:
    """The absolute address of a docs/ page or data file in one language's site."""
    address = page_url(path, lang) if path.endswith(".md") else "/" + LANGUAGE_ROOTS[lang] + path
    return base_url.rstrip("/") + address
