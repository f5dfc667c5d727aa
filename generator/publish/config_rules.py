"""What mkdocs.yml may say: the settings the project uses, and nothing a pull request could abuse.

MkDocs would load hooks and plugins (code), templates from another folder,
scripts and stylesheets from other hosts, and print site_url into every page.
So every key is on an allow-list with the values the project uses, and the
addresses (also those from the environment, through `!ENV`) must be plain web
addresses. Each refusal names the line of mkdocs.yml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import get_yaml_loader

from generator.languages import LANGUAGES
from generator.problem import Problem

CONFIG_FILE = "mkdocs.yml"

PLAIN_URL = re.compile(r"https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~-]*)*")
"""A web address with nothing but a host, a port and a path: no quote, angle bracket, query or fragment to break out of an attribute."""

THEME = {
    "name": "material",
    "font": False,
    "features": ["content.tooltips", "navigation.sections"],
    "palette": {"scheme": "default", "primary": "custom", "accent": "custom"},
}
"""The theme as the project sets it: another theme, a custom_dir or fonts from Google would change what every page loads."""

MARKDOWN_EXTENSIONS = {"admonition", "attr_list", "def_list", "tables", "toc", "md_in_html"}
"""The Markdown extensions the content pages use (and the content check renders with); others may read files or run code."""

_CHECK_LEVELS = {"ignore", "info", "warn"}
_BRANCH = re.compile(r"[A-Za-z0-9._/-]+")
Rule = Callable[[Any], str | None]


def _plain_url(value: Any) -> str | None:
    if isinstance(value, str) and PLAIN_URL.fullmatch(value):
        return None
    return f"“{value}” is not a plain web address like https://example.org/directory/ (letters, digits, dots, hyphens and slashes after https://)"


def _optional_url(value: Any) -> str | None:
    return None if value is None else _plain_url(value)


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) and not set(value) & set('<>"&') else "write plain text, without <, >, \" or &"


def _assets(suffix: str) -> Rule:
    """A list of the site's own files under site_templates/assets/ with this suffix, by their path on the site."""
    shipped = {f"assets/{path.name}" for path in (Path(__file__).resolve().parents[2] / "site_templates" / "assets").glob(f"*{suffix}")}

    def rule(value: Any) -> str | None:
        strays = [item for item in value if item not in shipped] if isinstance(value, list) else [value]
        if not strays:
            return None
        return f"“{strays[0]}” is not one of the site's own files ({', '.join(sorted(shipped))}); a page may load nothing from elsewhere"

    return rule


def _markdown_extensions(value: Any) -> str | None:
    names = [next(iter(item)) if isinstance(item, dict) and len(item) == 1 else item for item in value] if isinstance(value, list) else [value]
    strays = [name for name in names if not isinstance(name, str) or name not in MARKDOWN_EXTENSIONS]
    toc = [item["toc"] for item in value if isinstance(item, dict) and "toc" in item] if isinstance(value, list) else []
    if strays:
        return f"“{strays[0]}” is not one of the Markdown extensions the pages use ({', '.join(sorted(MARKDOWN_EXTENSIONS))})"
    if any(options is not None and (not isinstance(options, dict) or set(options) - {"permalink"} or not isinstance(options.get("permalink", False), bool)) for options in toc):
        return "toc takes only permalink: true or false"
    return None


def _validation(value: Any) -> str | None:
    levels = [level for part in value.values() if isinstance(part, dict) for level in part.values()] if isinstance(value, dict) else [value]
    if isinstance(value, dict) and all(isinstance(part, dict) for part in value.values()) and set(levels) <= _CHECK_LEVELS:
        return None
    return f"the link checks take only {', '.join(sorted(_CHECK_LEVELS))}, under nav: and links:"


def _theme(value: Any) -> str | None:
    return None if value == THEME else "the theme is set by the project (Material, no web fonts, these features and colours); ask a developer to change it"


def _exact(expected: Any) -> Rule:
    return lambda value: None if value == expected else f"this is always {str(expected).lower()}"


def _branch(value: Any) -> str | None:
    return None if isinstance(value, str) and _BRANCH.fullmatch(value) else f"“{value}” is not a branch name (letters, digits, dots, hyphens and slashes)"


def _quick_exit(value: Any) -> str | None:
    if not isinstance(value, dict) or set(value) != set(LANGUAGES):
        return f"give one page for each language: {', '.join(LANGUAGES)}"
    return next(filter(None, (_plain_url(url) for url in value.values())), None)


RULES: dict[str, Rule | dict[str, Rule]] = {
    "site_name": _text,
    "site_url": _plain_url,
    "repo_url": _optional_url,
    "theme": _theme,
    "extra_css": _assets(".css"),
    "extra_javascript": _assets(".js"),
    "markdown_extensions": _markdown_extensions,
    "validation": _validation,
    "extra": {
        "repo_branch": _branch,
        "source_documents": lambda value: None if isinstance(value, str) else "write a folder of the project, or nothing",
        "alternate": _exact(True),
        "generator": _exact(False),
        "quick_exit": _quick_exit,
    },
}
"""Every key mkdocs.yml may have, with what its value must be (a reason when it is not)."""


def _lines(node: yaml.Node, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], yaml.Node]]:
    """The node of every key of the mappings at the top and one level below, by its path."""
    yield path, node
    if isinstance(node, yaml.MappingNode) and len(path) < 2:
        for key, value in node.value:
            yield from _lines(value, (*path, str(key.value)))


def _from_environment(node: yaml.Node) -> str:
    """The name of the environment variable an `!ENV` value comes from, or ""."""
    if node.tag != "!ENV":
        return ""
    first = node.value[0] if isinstance(node, yaml.SequenceNode) and node.value else node
    return str(first.value) if isinstance(first, yaml.ScalarNode) else ""


def _problems(data: dict[str, Any], nodes: dict[tuple[str, ...], yaml.Node], rules: dict[str, Any], path: tuple[str, ...]) -> Iterator[Problem]:
    for key, value in data.items():
        where = (*path, str(key))
        node = nodes.get(where, nodes[path])
        line, field = node.start_mark.line + 1, ".".join(where)
        rule = rules.get(key)
        if rule is None:
            known = ", ".join(rules)
            yield Problem(CONFIG_FILE, line, field, f"mkdocs.yml may not set {key} (settings it may have here: {known}); a setting the build does not know could load code or files from elsewhere, so ask a developer")
        elif isinstance(rule, dict):
            if isinstance(value, dict):
                yield from _problems(value, nodes, rule, where)
            else:
                yield Problem(CONFIG_FILE, line, field, f"{key} holds settings, one per line ({', '.join(rule)})")
        elif reason := rule(value):
            variable = _from_environment(node)
            yield Problem(CONFIG_FILE, line, field, reason + (f" (from the environment variable {variable})" if variable else ""))


def config_problems(root: Path) -> list[Problem]:
    """Every setting of the project's mkdocs.yml that is not on the allow-list (none if the project has no mkdocs.yml)."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    loader = get_yaml_loader(yaml.SafeLoader)
    try:
        tree = yaml.compose(text, Loader=loader)  # noqa: S506 - MkDocs' loader is SafeLoader with !ENV and !relative
        data = yaml.load(text, Loader=loader)  # noqa: S506
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [Problem(CONFIG_FILE, mark.line + 1 if mark else 1, "", f"mkdocs.yml is not readable YAML: {getattr(error, 'problem', None) or error}")]
    if not isinstance(data, dict) or tree is None:
        return [Problem(CONFIG_FILE, 1, "", "mkdocs.yml must hold settings, one per line (site_name: …)")]
    return list(_problems(data, dict(_lines(tree)), RULES, ()))
