"""Mend the few places where Material's HTML is not valid, and share the assets, after the build.

The Nu HTML Checker reports three things, all from Material's own templates,
which we keep rather than copy: `autocomplete` on its checkbox toggles (only
text-like inputs may carry it); the table of contents' `<label for="__toc">` on
pages outside the sidebar, where no `__toc` input exists; and `tabindex=""` on
the labels of the sidebar's sections (navigation.sections), which are no Tab
stop on wide screens and so get an empty value instead of none.

Each language's MkDocs build copies the theme's assets; the pages of every
language but the first are pointed at the first's copy, so a reader who
switches language downloads none of them again.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"', re.IGNORECASE)
_TOC_LABEL = re.compile(r'(<label class="md-nav__title")\s+for="__toc"')
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""', re.IGNORECASE)
# An asset address relative to the language's root (../../assets/x), or absolute as on the 404 page (/nl/assets/x).
_RELATIVE_ASSET = re.compile(r'(\s(?:href|src)=")((?:\.\./)*)assets/')


def fix_material_html(html: str) -> str:
    """The page with Material's invalid attributes removed; nothing else changes."""
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r"\1", html)
    return html


def use_shared_assets(html: str, language_root: str) -> str:
    """A page of the language at `language_root` (e.g. "nl/") with its asset addresses pointing at the site root's copy."""
    html = html.replace(f"/{language_root}assets/", "/assets/")
    return _RELATIVE_ASSET.sub(r"\1../\2assets/", html)
