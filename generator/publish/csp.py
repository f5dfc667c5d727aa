"""A Content-Security-Policy for each built page, as a <meta http-equiv>.

Material puts a few small scripts inline, and their text depends on the page
(`__md_scope=new URL("../..",location)` changes with the page's depth), so the
policy allows inline scripts by their SHA-256 hashes and never 'unsafe-inline'.
Only the scripts the site ships are hashed: those written in Material's
templates and in our overrides, where a template may print nothing but a
relative address ("../.."). Any other inline script (one a hand-written page
or a setting smuggled in) is left out of the policy, so it cannot run, and
`foreign_scripts` names it, so the build stops. Everything else may come only
from the site itself.

Search (Pagefind) runs WebAssembly, which a policy blocks unless it says
'wasm-unsafe-eval': that lets the page compile WebAssembly fetched from this
site (connect-src 'self'), and nothing more. It is not 'unsafe-eval', which
would let any script turn strings into code (eval, new Function).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import material

META_NAME = "Content-Security-Policy"

# <script ...>text</script>; the attributes decide whether it runs and whether it is inline.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_JS_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript"}
_EXISTING = re.compile(r"""\s*<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>""", re.IGNORECASE)
# The same tag without the spaces before it: a pattern that starts with \s is tried at every
# character of the page, one that starts with "<" only at each tag, so this looks first.
_EXISTING_TAG = re.compile(r"""<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>""", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


THEME_TEMPLATES = (Path(material.__file__).resolve().parent / "templates", Path(__file__).resolve().parents[2] / "site_templates" / "overrides")
"""Where the site's own inline scripts are written: Material's templates and our overrides of them."""

_PRINTED = re.compile(r"\{\{.*?\}\}", re.DOTALL)
# What a shipped script's template prints (base_url, config.extra.scope): a relative address
# like "." or "../..", or on the 404 page the site's own path ("/", "/nl/"); never a quote,
# a colon or two slashes, so it can neither end the script's string nor name another host.
_ADDRESS = r"(?:\.\.?(?:/\.\.)*|/(?:[A-Za-z0-9._~-]+/)*[A-Za-z0-9._~-]*)"


def _inline_scripts(html: str) -> Iterator[tuple[int, str]]:
    """Where each inline script that runs (not a JSON data block, not a script file) starts, and its text."""
    for match in _SCRIPT.finditer(html):
        attributes, text = match.group(1), match.group(2)
        kind = _TYPE.search(attributes)
        if not (_SRC.search(attributes) or (kind and kind.group(1).lower() not in _JS_TYPES)):
            yield match.start(), text


@functools.cache
def _shipped() -> re.Pattern[str]:
    """Every inline script of the theme's templates, as one pattern: what a template prints in it, an address on this site."""
    texts = {text for folder in THEME_TEMPLATES for path in sorted(folder.rglob("*.html")) for _, text in _inline_scripts(path.read_text(encoding="utf-8"))}
    return re.compile("|".join(_ADDRESS.join(map(re.escape, _PRINTED.split(text))) for text in sorted(texts)))


def foreign_scripts(html: str) -> list[tuple[int, str]]:
    """Every inline script of a page that the site does not ship, as (line, text): none may run."""
    shipped = _shipped()
    return [(html.count("\n", 0, start) + 1, text) for start, text in _inline_scripts(html) if not shipped.fullmatch(text)]


def script_hashes(html: str) -> list[str]:
    """The CSP source of every inline script the site ships (see `foreign_scripts` for the others), in page order, once each."""
    hashes: list[str] = []
    shipped = _shipped()
    for _, text in _inline_scripts(html):
        if not shipped.fullmatch(text):
            continue
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(hashes: list[str]) -> str:
    """The policy: only this site, and only the listed inline scripts."""
    return "; ".join(
        [
            "default-src 'none'",
            # 'wasm-unsafe-eval': the search's WebAssembly (see the module's docstring).
            " ".join(["script-src 'self' 'wasm-unsafe-eval'", *hashes]),
            "style-src 'self'",
            # Material's stylesheets draw icons from data: SVGs.
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "object-src 'none'",
        ]
    )


def add_csp(html: str) -> str:
    """The page with its CSP <meta> first in <head> (after the charset), replacing any earlier one."""
    if _EXISTING_TAG.search(html):
        html = _EXISTING.sub("", html)
    meta = f'<meta http-equiv="{META_NAME}" content="{policy(script_hashes(html))}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise ValueError("page has no <head> to put a Content-Security-Policy in")
    return html[: anchor.end()] + "\n    " + meta + html[anchor.end() :]
