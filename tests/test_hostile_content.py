"""Every hostile page or setting in tests/hostile_content/ gives exactly the expected lines and exit status 1.

See tests/hostile_content/README.md: one defect per case, laid over a copy of
the fixture project. The cases cover what reaches pages besides the records:
hand-written pages, mkdocs.yml and the environment it reads.
"""

from __future__ import annotations

import difflib
import gc
import shutil
from pathlib import Path

import pytest

import generator.__main__ as cli
from generator.build import Finishing, build, check, finish_language, foreign_names, plan
from generator.pages import urls
from generator.pages.plan import Page
from generator.pages.render import environment, render_page
from generator.pages.views import programme_views, provider_views
from generator.publish.writer import SiteFolder
from generator.records.load import load_services

from .conftest import FIXTURE_CONTENT, FIXTURES, ROOT, TODAY

CASES_DIR = Path(__file__).resolve().parent / "hostile_content"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())
# What a case's changed file is compared with: it differs from it in one place.
ORIGINALS = {"content/en/about.md": FIXTURE_CONTENT / "en" / "about.md", "mkdocs.yml": ROOT / "mkdocs.yml"}


def _expected(case: str) -> list[str]:
    return (CASES_DIR / f"{case}.expected").read_text(encoding="utf-8").splitlines()


def _project(root: Path, case: str | None = None) -> Path:
    """The fixture project (records, pages, the project's mkdocs.yml) in `root`, with the case's files laid over it."""
    shutil.copytree(FIXTURES, root / "services")
    shutil.copytree(FIXTURE_CONTENT, root / "content")
    shutil.copyfile(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    if case:
        shutil.copytree(CASES_DIR / case, root, dirs_exist_ok=True)
    return root


def test_there_are_enough_cases_and_each_has_its_expected_lines() -> None:
    assert len(CASES) >= 30
    for case in CASES:
        assert _expected(case), f"{case} has no expected problem"
    stray = {p.stem for p in CASES_DIR.glob("*.expected")} - set(CASES)
    assert not stray, f".expected files without a case: {stray}"


def test_the_fixture_project_passes(tmp_path: Path) -> None:
    _, problems = check(_project(tmp_path), TODAY)
    assert [str(p) for p in problems] == []


@pytest.mark.parametrize("case", CASES)
def test_a_changed_file_differs_from_its_original_in_one_place(case: str) -> None:
    for name, original in ORIGINALS.items():
        path = CASES_DIR / case / name
        if path.exists():
            a, b = original.read_text(encoding="utf-8").splitlines(), path.read_text(encoding="utf-8").splitlines()
            changes = [op for op in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes() if op[0] != "equal"]
            assert len(changes) == 1, f"{case}/{name} differs from {original.name} in {len(changes)} places"


@pytest.mark.parametrize("case", CASES)
def test_check_prints_exactly_the_expected_lines(case: str, tmp_path: Path) -> None:
    _, problems = check(_project(tmp_path, case), TODAY)
    assert [str(p) for p in problems] == _expected(case)


@pytest.mark.parametrize("case", ["script", "meta-refresh", "javascript-link", "page-at-generated-path", "config-hooks"])
def test_the_command_line_prints_them_and_fails(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = cli.main(["--root", str(_project(tmp_path, case)), "--today", TODAY.isoformat(), "check"])
    output = capsys.readouterr()
    expected = _expected(case)
    assert output.err.splitlines() == [*expected, f"{len(expected)} error(s), 0 warning(s)"]
    assert "Traceback" not in output.err + output.out
    assert status == 1


@pytest.mark.parametrize("case", ["script", "config-site-url-markup"])
def test_a_build_stops_at_the_check_and_writes_nothing(case: str, tmp_path: Path) -> None:
    root = _project(tmp_path, case)
    outcome = build(root, TODAY)
    assert not outcome.built and [str(p) for p in outcome.problems] == _expected(case)
    assert not (root / "site").exists() and not (root / "build").exists()
    assert gc.isenabled(), "a build that stopped at the check left the garbage collector off"


def test_a_site_address_from_the_environment_is_refused_on_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """DIRECTORY_SITE_URL holding markup would be printed into every page: refused, naming the variable."""
    monkeypatch.setenv("DIRECTORY_SITE_URL", '"><script>alert(1)</script>')
    _, problems = check(_project(tmp_path), TODAY)
    assert [str(p) for p in problems] == [
        "mkdocs.yml:8: site_url: “\"><script>alert(1)</script>” is not a plain web address like https://example.org/directory/"
        " (letters, digits, dots, hyphens and slashes after https://) (from the environment variable DIRECTORY_SITE_URL)"
    ]
    monkeypatch.setenv("DIRECTORY_SITE_URL", "https://someone.github.io/directory/")
    assert check(tmp_path, TODAY)[1] == []


def test_finishing_a_page_with_a_script_the_site_does_not_ship_is_a_problem(tmp_path: Path) -> None:
    """The last guard behind check: a page whose inline script no template wrote is named with its line, and the policy leaves the script out."""
    built, target = tmp_path / "built", tmp_path / "site"
    (built / "about").mkdir(parents=True)
    (built / "about" / "index.html").write_text('<!doctype html><html><head><meta charset="utf-8"></head>\n<body>\n<script>alert(1)</script></body></html>', encoding="utf-8")
    (built / "sitemap.xml").write_text('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', encoding="utf-8")
    problems = finish_language(Finishing(built, SiteFolder(target, tmp_path / "last"), "", "https://example.org/", {}, {}, {}, {}, "code")).problems
    assert [str(p) for p in problems] == ["site/about/index.html:4: the page holds a script the site does not ship (“alert(1)”); a page may carry no scripts of its own, so nothing is published"]
    assert "'sha256-" not in (target / "about" / "index.html").read_text(encoding="utf-8")


def test_a_name_a_record_declares_is_marked_only_on_its_own_pages(tmp_path: Path) -> None:
    """A provider declaring “Dads” as a Gaelic name marks it on its own pages, not in another provider's text, nor in pages of every record."""
    services = shutil.copytree(FIXTURES, tmp_path / "services")
    riverside = services / "riverside.yaml"
    text = riverside.read_text(encoding="utf-8")
    riverside.write_text(text.replace("  other_names:\n", "  other_names:\n    - name: Dads\n      lang: gd\n", 1), encoding="utf-8")
    files, problems = load_services(services, tmp_path)
    assert not [p for p in problems if p.severity == "error"]
    records = [(item.record, item.path) for item in files]
    programmes = programme_views(records)
    providers = {view.provider.id: view for view in provider_views(records, programmes)}
    env = environment("en", TODAY, names=foreign_names(files))
    own = render_page(env, Page(providers["riverside"], providers["riverside"].record_file))
    other = render_page(env, Page(providers["example"], providers["example"].record_file))
    assert '<span lang="gd">Dads</span>' in own
    assert "Dads" in other and 'lang="gd"' not in other
    listing = render_page(env, next(page for page in plan(files)[0] if page.path == urls.programmes_path()))
    assert "Dads" in listing and 'lang="gd"' not in listing
