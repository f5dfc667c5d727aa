"""The package keeps the promises its layout makes (README, "Layout").

The stages run records → pages → publish, and each may use only what comes
before it: a record is read and checked without knowing what a page is, and a
page is planned and rendered without knowing which engine will publish it. The
shared modules at the top of the package use none of the stages. Only
`publish` talks to the engine, and only its writer touches the disk.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
SHARED = {"generator.problem", "generator.languages", "generator.commands", "generator.formats"}
STAGES = ("records", "pages", "publish")
ENGINE_PACKAGES = {"mkdocs", "material", "properdocs"}
WRITING_CALLS = {"write_text", "write_bytes", "mkdir", "unlink", "rmdir", "rmtree", "rename", "copy2", "copyfile", "copytree", "move", "touch"}


def module_name(path: Path) -> str:
    """The dotted name of a module file of the package."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, ast.Module]:
    """Every module of the package, parsed."""
    found = {module_name(path): ast.parse(path.read_text(encoding="utf-8")) for path in sorted(PACKAGE.rglob("*.py"))}
    assert len(found) > 30, "the package should be found"
    return found


def imported(tree: ast.Module) -> set[str]:
    """Every name a module imports, by its full dotted name (from X import y counts as X and X.y, as y may be a module)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "imports inside the package are absolute, so the layout test can read them"
            names.add(node.module or "")
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def stage_of(name: str) -> str | None:
    """The stage a module of the package belongs to: records, pages, publish, shared or top."""
    parts = name.split(".")
    if len(parts) > 1 and parts[1] in STAGES:
        return parts[1]
    if name in SHARED:
        return "shared"
    return "top" if name.startswith("generator") else None


ALLOWED = {
    "shared": {"shared"},
    "records": {"shared", "records"},
    "pages": {"shared", "records", "pages"},
    "publish": {"shared", "records", "pages", "publish"},
    "top": {"shared", "records", "pages", "publish", "top"},
}

MODULES = modules()


@pytest.mark.parametrize("name", sorted(MODULES))
def test_stages_use_only_earlier_stages(name: str) -> None:
    stage = stage_of(name)
    assert stage is not None, name
    uses = {stage_of(other) for other in imported(MODULES[name]) if other in MODULES and other != name}
    assert uses <= ALLOWED[stage], f"{name} ({stage}) uses {uses - ALLOWED[stage]}"


def test_only_publish_imports_the_engine() -> None:
    users = {name for name, tree in MODULES.items() if {other.split(".")[0] for other in imported(tree)} & ENGINE_PACKAGES}
    assert users, "the engine is used somewhere"
    assert {stage_of(name) for name in users} == {"publish"}, sorted(users)


def test_only_the_writer_writes() -> None:
    writers = set()
    for name, tree in MODULES.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            call = node.func
            if isinstance(call, ast.Attribute) and call.attr in WRITING_CALLS:
                writers.add(name)
            if isinstance(call, ast.Name) and call.id == "open" and any(isinstance(arg, ast.Constant) and isinstance(arg.value, str) and set(arg.value) & set("wax+") for arg in node.args[1:]):
                writers.add(name)
    assert writers == {"generator.publish.writer"}, sorted(writers)


def test_the_layout_table_names_every_folder_of_the_package() -> None:
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    folders = sorted(f"generator/{path.relative_to(PACKAGE).as_posix()}/" for path in PACKAGE.rglob("*") if path.is_dir() and any(path.glob("*.py")))
    assert folders
    missing = [folder for folder in folders if f"`{folder}`" not in readme]
    assert not missing, f"README's layout table does not name {missing}"
