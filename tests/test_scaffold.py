"""`python -m generator new provider <id>` writes a template that passes check once filled in."""

from __future__ import annotations

import re
from pathlib import Path

from generator.__main__ import main
from generator.build import check

from .conftest import TODAY, copy_fixture_project


def _run(root: Path, *args: str) -> int:
    return main(["--root", str(root), "--today", TODAY.isoformat(), *args])


def test_new_provider_fails_check_until_every_todo_is_filled(tmp_path: Path) -> None:
    root = copy_fixture_project(tmp_path)
    assert _run(root, "new", "provider", "new-org") == 0
    path = root / "services" / "new-org.yaml"
    _, problems = check(root, TODAY)
    todo = [p for p in problems if "TODO" in p.message]
    assert todo and all(p.file == "services/new-org.yaml" for p in todo)
    left = [line for line in path.read_text(encoding="utf-8").splitlines() if '"TODO' in line and not line.lstrip().startswith("#")]
    assert len(todo) == len(left), "every TODO is reported at once, the schema's problems beside them"
    assert [p for p in problems if p.severity == "error"] == todo

    path.write_text(_filled(path.read_text(encoding="utf-8")), encoding="utf-8")
    _, problems = check(root, TODAY)
    assert [str(p) for p in problems] == []
    assert _run(root, "check", "--strict") == 0


def test_new_provider_refuses_a_bad_or_taken_id(tmp_path: Path) -> None:
    root = copy_fixture_project(tmp_path)
    assert _run(root, "new", "provider", "Bad Id") == 1
    assert _run(root, "new", "provider", "example") == 1
    assert not (root / "services" / "Bad Id.yaml").exists()


def _filled(text: str) -> str:
    """Every TODO filled in as an editor would: an area's official code, and text from the source, in Dutch where the text is Dutch (check spell-checks it)."""
    text = re.sub(r'code: "TODO[^"]*"', "code: E10000015", text)
    text = re.sub(r'published: "TODO[^"]*"', "published: undated", text)
    text = re.sub(r'(status|kind): "TODO[^"]*"', r"\1: unknown", text)
    text = re.sub(r'country: "TODO[^"]*"', "country: GB", text)
    text = re.sub(r'(\bnl: )"TODO[^"]*"', r'\1"Ingevuld uit de bron"', text)
    return re.sub(r'"TODO[^"]*"', '"Filled in from the source"', text)


def test_the_example_route_is_a_route_once_its_lines_are_uncommented(tmp_path: Path) -> None:
    """Done as the template says: replace `referral_routes: []` with the example's lines, each without its first “# ”."""
    root = copy_fixture_project(tmp_path)
    assert _run(root, "new", "provider", "new-org") == 0
    path = root / "services" / "new-org.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("    # referral_routes:")
    end = lines.index("    referral_routes: []")
    example = [line.replace("# ", "", 1) for line in lines[start:end]]
    assert len(example) > 10 and all(line.startswith("    ") for line in example)
    path.write_text(_filled("\n".join(lines[:start] + example + lines[end + 1 :]) + "\n"), encoding="utf-8")
    files, problems = check(root, TODAY)
    assert [str(p) for p in problems] == []
    routes = next(item for item in files if item.path == "services/new-org.yaml").record.programmes[0].referral_routes
    assert [route.referrer.value for route in routes] == ["social_worker"]


def test_the_template_asks_only_for_what_an_editor_has(tmp_path: Path) -> None:
    """No file name in the maintainers' source folder; what to write for a web page or a printed leaflet."""
    root = copy_fixture_project(tmp_path)
    assert _run(root, "new", "provider", "new-org") == 0
    text = (root / "services" / "new-org.yaml").read_text(encoding="utf-8")
    fields = [line.split("#")[0] for line in text.splitlines()]
    assert not any("document:" in line for line in fields)
    assert "For a printed leaflet that is not online," in text and "write url: unknown" in text
