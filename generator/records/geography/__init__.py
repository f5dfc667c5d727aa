"""Official area codes: what a programme's `areas` may hold, and the jurisdiction each lies in.

An area is an official code, so that a reader's postcode, a council or another
directory can find it: ONS GSS codes for the UK's nations, counties and
councils (E10000015 is Hertfordshire, W06000003 Conwy), CBS codes for Dutch
gemeenten (GM0363) and provinces (PV27), or NL for the whole Netherlands.
GSS codes are checked against the ONS table `gss.tsv` (scripts/update-geography);
no CBS table can be had here, so Dutch codes are checked for their form only.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

GSS_TABLE = Path(__file__).resolve().parent / "gss.tsv"


class Jurisdiction(str, Enum):
    """A country whose own institutions refer fathers: the UK's four nations (ISO 3166-2) and the Netherlands."""

    ENG = "GB-ENG"
    WLS = "GB-WLS"
    SCT = "GB-SCT"
    NIR = "GB-NIR"
    NL = "NL"

    @property
    def country(self) -> str:
        """The ISO 3166 country the jurisdiction belongs to: GB or NL."""
        return self.value.split("-")[0]


@dataclass(frozen=True)
class CodeKind:
    """One kind of official code: its form, what it names, and where."""

    pattern: re.Pattern[str]
    jurisdiction: Jurisdiction
    what: str
    """What such a code names, for messages and the open data: council, county, nation, gemeente, province, country."""


KINDS: tuple[CodeKind, ...] = (
    CodeKind(re.compile(r"E0[6-9]\d{6}"), Jurisdiction.ENG, "council"),
    CodeKind(re.compile(r"E10\d{6}"), Jurisdiction.ENG, "county"),
    CodeKind(re.compile(r"E92000001"), Jurisdiction.ENG, "nation"),
    CodeKind(re.compile(r"W06\d{6}"), Jurisdiction.WLS, "council"),
    CodeKind(re.compile(r"W92000004"), Jurisdiction.WLS, "nation"),
    CodeKind(re.compile(r"S12\d{6}"), Jurisdiction.SCT, "council"),
    CodeKind(re.compile(r"S92000003"), Jurisdiction.SCT, "nation"),
    CodeKind(re.compile(r"N09\d{6}"), Jurisdiction.NIR, "council"),
    CodeKind(re.compile(r"N92000002"), Jurisdiction.NIR, "nation"),
    CodeKind(re.compile(r"GM\d{4}"), Jurisdiction.NL, "gemeente"),
    CodeKind(re.compile(r"PV\d{2}"), Jurisdiction.NL, "province"),
    CodeKind(re.compile(r"NL"), Jurisdiction.NL, "country"),
)

CODE_PATTERN = "^(?:" + "|".join(kind.pattern.pattern for kind in KINDS) + ")$"
"""Every code's form in one pattern, for the JSON Schema that editors' tools read."""

CODE_EXAMPLES = "an ONS code such as E10000015 (Hertfordshire) or W06000003 (Conwy), a CBS code such as GM0363 (a gemeente) or PV27 (a province), or NL (the whole Netherlands)"


def code_kind(code: str) -> CodeKind | None:
    """The kind of official code `code` is, or None where it has no official form."""
    return next((kind for kind in KINDS if kind.pattern.fullmatch(code)), None)


@functools.cache
def _gss_rows() -> tuple[tuple[str, ...], ...]:
    """The table's rows: code, name (empty where the 2021 lookup lacks it), county (empty where the council has none)."""
    lines = GSS_TABLE.read_text(encoding="utf-8").splitlines()
    return tuple(tuple(line.split("\t")) for line in lines if line and not line.startswith("#"))


@functools.cache
def gss_names() -> dict[str, str]:
    """Every ONS code of the table, with its name where the table has one."""
    return {row[0]: row[1] for row in _gss_rows()}


@functools.cache
def gss_counties() -> dict[str, str]:
    """The county of each council of the table that lies in one (a district); the others are their own upper tier."""
    return {row[0]: row[2] for row in _gss_rows() if len(row) > 2 and row[2]}


def code_problem(code: str) -> str | None:
    """What is wrong with an area code, in an editor's words, or None where it is a known official code."""
    kind = code_kind(code)
    if kind is None:
        return f"“{code}” is not an official area code: write {CODE_EXAMPLES}"
    if kind.jurisdiction.country == "GB" and code not in gss_names():
        return f"“{code}” has the form of an ONS code but names no current UK council, county or nation; look it up in the ONS Register of Geographic Codes"
    return None


def jurisdiction_of(code: str) -> Jurisdiction:
    """The jurisdiction an area lies in, from its code (which `check` has found valid)."""
    kind = code_kind(code)
    assert kind is not None, code
    return kind.jurisdiction
