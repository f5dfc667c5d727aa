"""How the JSON files we write are spelt, so that every stage produces the same text for the same data."""

from __future__ import annotations

import json
from typing import Any


def json_text(data: Any) -> str:
    """JSON as every file we write holds it: pretty enough to read and diff."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def compact_json(data: Any) -> str:
    """JSON without spaces, for the many small files a browser fetches (the postcode box's)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def api_json_text(data: Any) -> str:
    """JSON for programs (the HSDS answers): without spaces, with <, > and & as \\u escapes, so the same data to a JSON parser and no markup where a host serves the file as HTML.

    Without spaces, since Python spells indented JSON in Python code and
    compact JSON in C: the answers are most of what the open data writes.
    """
    return compact_json(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
