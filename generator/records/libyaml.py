"""libyaml, PyYAML's parser in C, and when it reads a file exactly as PyYAML's own parser does.

libyaml is about twenty times faster; PyYAML's own parser stays for
explaining mistakes, as its errors are the ones yaml_errors words for editors.
"""

from __future__ import annotations

import re

import yaml

FAST = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_INDICATOR_THEN_COMMENT = re.compile(r"[|>][-+0-9]*#")


def agrees(text: str) -> bool:
    """Whether libyaml reads `text` exactly as PyYAML does, or fails where PyYAML fails.

    They differ on tabs (libyaml allows some that PyYAML refuses), on a byte
    order mark inside the text (libyaml drops it), on a comment straight after
    a block indicator (`|#`, which libyaml takes and PyYAML refuses), and on
    the line of an empty value at the very end of a file with no line break
    after it.
    """
    return text.endswith("\n") and "\t" not in text and "\ufeff" not in text and not _INDICATOR_THEN_COMMENT.search(text)
