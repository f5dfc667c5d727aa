"""Mend the few places where Material's HTML is not valid, after the build.

The Nu HTML Checker reports three things, all from Material's own templates,
which we keep rather than copy: `autocomplete` on its checkbox toggles (only
text-like inputs may carry it); the table of contents' `<label for="__toc">` on
pages outside the sidebar, where no `__toc` input exists; and `tabindex=""` on
the labels of the sidebar's sections (navigation.sections), which are no Tab
stop on wide screens and so get an empty value instead of none.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"', re.IGNORECASE)
_TOC_LABEL = re.compile(r'(<label class="md-nav__title")\s+for="__toc"')
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""', re.IGNORECASE)


def fix_material_html(html: str) -> str:
    """The page with Material's invalid attributes removed; nothing else changes."""
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r"\1", html)
    return html
