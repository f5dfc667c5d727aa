"""The whole build, top to bottom: gather and check everything, then write.

    services/*.yaml ─► load ─► checks ─► views ─► pages ─► render ─► stage
    ─► engine build per language ─► finish each language's pages (HTML fixes, shared
    assets, search marks, CSP) ─► search index per language ─► postcode files (kept
    between builds) ─► swap into site/

From rendering on, each step is redone only for what changed since the last
build (publish/rendered.py and publish/incremental.py say how).
"""

from __future__ import annotations

import dataclasses
import datetime
import gc
import json
import os
import stat
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from generator import apart
from generator.formats import compact_json
from generator.languages import LANGUAGE_ROOTS, LANGUAGES, Language, language_of
from generator.pages import urls
from generator.pages.content_links import content_link_problems
from generator.pages.opendata import OpenData
from generator.pages.page_paths import id_problems
from generator.pages.plan import Page, plan_pages
from generator.pages.postcodes import area_table, cache_key, file_name, onspd_files, onspd_rows, outward_files
from generator.pages.render import environment, file_links, render_page
from generator.pages.report import ReportView, editor_report, report_parts
from generator.pages.views import programme_views, provider_views
from generator.problem import Problem
from generator.publish import writer
from generator.publish.config_rules import config_problems
from generator.publish.content_rules import content_problems
from generator.publish.csp import add_csp, foreign_scripts
from generator.publish.engine import chosen_engine, engine_builds
from generator.publish.history import last_changes, last_commits
from generator.publish.html_fixes import fix_material_html, use_shared_assets
from generator.publish.incremental import SITE_STATE, code_digest, digest, engine_inputs, engine_state_file, read_build_state, versions_of
from generator.publish.kept_loads import KeptLoads
from generator.publish.mkdocs_config import language_config, read_base, repository, site_url_for, source_documents
from generator.publish.processes import end
from generator.publish.rendered import ViewDigests, page_key, read_rendered, rendered_file, setting
from generator.publish.search import EXCLUDED, UNUSED_BUNDLE_FILES, SearchMark, mark_for_search, search_copy, search_glob, searched_pages
from generator.publish.sitemap import dated_sitemap, page_dates
from generator.records.checks import check_records
from generator.records.load import LoadedFile, load_services
from generator.records.translation_state import read_state, stale_translations

TRASH = "trash"
"""In build/: the sites that builds replaced, deleted by the next build while it works."""
SEARCH_COPIES = "search"
"""In build/: what search reads of each marked page, by language (search.search_copy), and beside it the digests they were made from."""


@dataclass
class Outcome:
    """What a check or build found, and whether it wrote a site."""

    problems: list[Problem] = field(default_factory=list)
    built: bool = False
    messages: list[str] = field(default_factory=list)
    files: list[LoadedFile] = field(default_factory=list)
    """The provider files that were read and checked."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds each step of a build took, in order (scripts/benchmark prints them)."""
    _clock: float = field(default_factory=time.perf_counter, repr=False, compare=False)

    def lap(self, step: str) -> None:
        """Record that `step` has just finished, taking the time since the previous step (or since the outcome began)."""
        now = time.perf_counter()
        self.timings[step] = now - self._clock
        self._clock = now

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop a build."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that `--strict` turns into failures."""
        return [p for p in self.problems if p.severity == "warning"]


def _check(root: Path, today: datetime.date) -> tuple[list[LoadedFile], list[Problem], list[Problem]]:
    """Load and check every record, the hand-written pages and mkdocs.yml: the records, all problems found, and which of them are translations to check."""
    kept = KeptLoads(root)
    files, problems = load_services(root / "services", root, kept)
    kept.keep()
    stale: list[Problem] = []
    if not any(p.severity == "error" for p in problems):
        stale = stale_translations(files, read_state(root))
        problems += check_records(files, today) + id_problems(files) + stale
    return files, sorted(problems + content_problems(root) + config_problems(root)), stale


def check(root: Path, today: datetime.date) -> tuple[list[LoadedFile], list[Problem]]:
    """Load and check every record; return the records and all problems found."""
    files, problems, _ = _check(root, today)
    return files, problems


def plan(files: list[LoadedFile], report: ReportView | None = None) -> tuple[list[Page], OpenData]:
    """The generated pages and the open data, from checked records (and the editors' report)."""
    records = [(item.record, item.path) for item in files]
    programmes = programme_views(records)
    providers = provider_views(records, programmes)
    pages = plan_pages(programmes, providers)
    if report is not None:
        pages += [Page(part) for part in report_parts(report)]
    return pages, OpenData(programmes)


def _own_names(item: LoadedFile) -> set[str]:
    """The names a record gives its provider and programmes, in either language."""
    provider = item.record.provider
    return {provider.short_name} | {text.get(lang) for text in [provider.name, *(p.name for p in item.record.programmes)] for lang in LANGUAGES}


def foreign_names(files: list[LoadedFile]) -> dict[str, list[tuple[str, str]]]:
    """Every name each record gives a language for, as (name, language), by the record's file.

    Under urls.RECORDS_FOLDER, for the pages made from every record, only the
    names that are a record's own name (its provider's or a programme's) and no
    other record's: those pages mark a name only where it stands whole, so a
    record names nothing in another's text.
    """
    declared = {
        item.path: [(n.name, n.lang) for n in item.record.provider.member_organisations + item.record.provider.other_names]
        + [(o.name, o.lang) for p in item.record.programmes for o in p.organisations]
        for item in files
    }
    own = {item.path: _own_names(item) for item in files}
    records_with = Counter(name for names in own.values() for name in names)
    shared = [(name, lang) for path, pairs in declared.items() for name, lang in pairs if name in own[path] and records_with[name] == 1]
    return declared | {urls.RECORDS_FOLDER: shared}


def report(root: Path, files: list[LoadedFile], today: datetime.date) -> ReportView:
    """The editors' data report for checked records (a build makes it from what its check found)."""
    return editor_report(files, stale_translations(files, read_state(root)), today, source_documents(read_base(root), root))


def _files_under(folder: Path, prefix: str = "") -> dict[str, str]:
    """Every text file below a folder, by its path relative to the folder."""
    return {prefix + path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*")) if path.is_file()}


def _content_pages(root: Path, lang: str) -> list[str]:
    """The hand-written pages of one language, by their path under content/<lang>/."""
    folder = root / "content" / lang
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.md"))


def finish_page(path: str, html: str, search_marks: dict[str, SearchMark]) -> str:
    """A built page (`path` under site/) as it is served: Material's HTML mended, the assets shared, marked for search, with its CSP last.

    An HSDS endpoint's index.html is JSON, not a page, and stays as it is.
    """
    language_root = LANGUAGE_ROOTS[language_of(path)]
    if urls.is_hsds_answer(path.removeprefix(language_root)):
        return html
    html = fix_material_html(html)
    if language_root:
        html = use_shared_assets(html, language_root)
    if path in search_marks:
        html = mark_for_search(html, search_marks[path])
    return add_csp(html)


@dataclass(frozen=True)
class Finishing:
    """What finishing one language's built pages takes, besides the pages themselves."""

    built: Path
    """The engine's output for the language (kept in build/ for the next build)."""
    site: writer.SiteFolder
    """The new site, where the language's finished files go; the last site's files are kept when they were made from the same input."""
    language_root: str
    site_url: str
    search_marks: dict[str, SearchMark]
    dates: dict[str, str]
    """When each page last changed, for the sitemap (built path → ISO date)."""
    made_from: dict[str, str]
    """The digest each file of the last site was made from (site path → digest)."""
    read: dict[str, list[str]]
    """What the last build read of the engine's files: (signature, digest of its bytes), by site path."""
    code: str
    """The digest of the generator's code, which finishing runs."""
    shared_assets: Path | None = None
    """The first language's built assets, which this language's pages use instead of copies of their own."""


@dataclass
class Finished:
    """What finishing one language found: what each file is made from, what was read, and scripts the site does not ship."""

    made_from: dict[str, str] = field(default_factory=dict)
    """The digest each file of the new site was made from (site path → digest)."""
    read: dict[str, list[str]] = field(default_factory=dict)
    """Each of the engine's files, by site path: its signature and the digest of its bytes."""
    problems: list[Problem] = field(default_factory=list)
    search_copies: dict[str, str] = field(default_factory=dict)
    """What search reads of each marked page finished again (site path → search.search_copy)."""


def _mark_text(mark: SearchMark | None) -> str:
    """How search reads a page, as text for the digest a finished page is made from."""
    return json.dumps(dataclasses.asdict(mark) if mark else None, sort_keys=True)


def _signature(info: os.stat_result) -> str:
    """What tells a file from the one last read at its place without reading it: inode, size, modification and change times."""
    return f"{info.st_ino} {info.st_size} {info.st_mtime_ns} {info.st_ctime_ns}"


def _files_below(folder: Path) -> Iterator[tuple[str, os.stat_result]]:
    """Every file below `folder`, by its path there, with its status (os.walk: Path.rglob took a second for 20,000 files)."""
    for top, _, names in os.walk(folder):
        relative = os.path.relpath(top, folder).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        for name in names:
            info = os.stat(os.path.join(top, name))
            if stat.S_ISREG(info.st_mode):
                yield prefix + name, info


def _bytes_digest(path: Path, info: os.stat_result, site_path: str, last: dict[str, list[str]]) -> list[str]:
    """A file's signature and the digest of its bytes: the last build's, when the file is the one it read (a dirty engine build rewrites only changed pages)."""
    signature = _signature(info)
    known = last.get(site_path)
    if isinstance(known, list) and len(known) == 2 and known[0] == signature:
        return known
    return [signature, digest(path.read_bytes())]


FOREIGN_SCRIPT = "the page holds a script the site does not ship (“{text}”); a page may carry no scripts of its own, so nothing is published"


def finish_language(finishing: Finishing) -> Finished:
    """Put every file of one language's built site, finished, into the new site (keeping those made as last time) and date its sitemap."""
    finished = Finished()
    built, site = finishing.built, finishing.site
    for name, info in _files_below(built):
        if name in ("sitemap.xml", "sitemap.xml.gz"):
            continue
        path, site_path = built / name, finishing.language_root + name
        finished.read[site_path] = read = _bytes_digest(path, info, site_path, finishing.read)
        if finishing.shared_assets is not None and name.startswith("assets/"):
            first = finishing.shared_assets / name.removeprefix("assets/")
            if read[1] != _bytes_digest(first, os.stat(first), name, finishing.read)[1]:
                raise ValueError(f"{path} differs from the first language's copy, so it cannot be shared")
            continue
        page = name.endswith(".html")
        finished.made_from[site_path] = made_from = digest(finishing.code, read[1], _mark_text(finishing.search_marks.get(site_path))) if page else read[1]
        if finishing.made_from.get(site_path) == made_from and site.keep(site_path):
            continue
        if page:
            html = finish_page(site_path, path.read_text(encoding="utf-8"), finishing.search_marks)
            # A last guard behind the content check: the policy already leaves such a script out, so it could not run.
            finished.problems += [Problem(f"site/{site_path}", line, "", FOREIGN_SCRIPT.format(text=text.strip()[:60])) for line, text in foreign_scripts(html)]
            site.write(site_path, html)
            if site_path in finishing.search_marks:
                finished.search_copies[site_path] = search_copy(html)
        else:
            site.copy(path, site_path)
    writer.write_sitemap(site, finishing.language_root, dated_sitemap((built / "sitemap.xml").read_text(encoding="utf-8"), finishing.site_url, finishing.dates))
    # What an older site left here goes before the language's pages are indexed for search.
    site.sweep(finishing.language_root, other_roots(finishing.language_root))
    return finished


def finish_apart(finishing: Finishing) -> tuple[Finished, writer.SiteFolder]:
    """`finish_language` in a process of its own: what it found, and the new site's folder as it knows it now."""
    return finish_language(finishing), finishing.site


def other_roots(language_root: str) -> tuple[str, ...]:
    """The roots of the languages whose files lie below `language_root` (the first language's root holds the others')."""
    return tuple(root for root in LANGUAGE_ROOTS.values() if root != language_root and root.startswith(language_root))


def render_pages(pages: list[Page], env: jinja2.Environment, keys: dict[str, str | None], kept: dict[str, str]) -> dict[str, str]:
    """Each generated page's Markdown, rendered with `env` unless `kept` holds the text for its key (path → key)."""
    return {page.path: kept.get(keys[page.path] or "") or render_page(env, page) for page in pages}


def render_docs(root: Path, pages: dict[str, str], content: dict[str, str], env: jinja2.Environment, lang: str) -> dict[str, str]:
    """Every docs/ file of one language: the generated `pages` (path → Markdown), hand-written `content` with its links, rendered with `env`, and our assets."""
    docs = dict(pages)
    for name, text in content.items():
        docs[name] = text.rstrip("\n") + "\n\n" + file_links(env, f"content/{lang}/{name}")
    docs.update(_files_under(root / "site_templates" / "assets", "assets/"))
    return docs


def stage_language(
    lang: str,
    root: Path,
    pages: list[Page],
    data: OpenData,
    today: datetime.date,
    base: dict[str, Any],
    history: dict[str, datetime.date],
    names: dict[str, list[tuple[str, str]]],
) -> tuple[dict[str, SearchMark], list[Problem]]:
    """Render one language's pages and, if their links hold, stage them and write its engine config (MkDocs' format).

    Returns how search reads its pages (site path → mark), and the
    problems with the links of its hand-written pages (then nothing is staged).
    """
    work = root / "build"
    content = _files_under(root / "content" / lang)
    env = environment(lang, today, repository(base), history, names)
    every_page, digests = setting(lang, today, repository(base)), ViewDigests()
    keys = {page.path: page_key(every_page, page, digests, history.get(page.source), names.get(page.source)) for page in pages}
    rendered = render_pages(pages, env, keys, read_rendered(rendered_file(work, lang)))
    # Kept for the next build: this build's pages only, so the file does not grow with every edit.
    writer.write_compact_json(rendered_file(work, lang), {key: rendered[path] for path, key in sorted(keys.items()) if key})
    docs = render_docs(root, rendered, content, env, lang)
    marks = {LANGUAGE_ROOTS[lang] + path: mark for path, mark in searched_pages(pages, list(content), lang).items()}
    # Staged with the pages, so MkDocs copies them and checks the links to them.
    docs = data.with_json_ld(docs, lang, base["site_url"]) | data.files(lang, base["site_url"], last_commits(root))
    docs[urls.POSTCODE_AREAS] = compact_json(area_table(data.programmes, lang))
    problems = content_link_problems(content, docs, lang)
    if not problems:
        writer.stage(work / "docs" / lang, docs)
        writer.write_yaml(work / f"mkdocs.{lang}.yml", language_config(lang, base, f"docs/{lang}", f"site-{lang}", "../mkdocs.yml"))
    return marks, problems


POSTCODE_CACHE = Path(__file__).resolve().parent.parent / "build" / "postcodes"
"""Where the outward codes' files are kept between builds: in the build folder beside the generator, since
they come from an installed package, not from the records, and so every copy of the project a test builds shares them."""


def postcode_files(cache: Path = POSTCODE_CACHE) -> Path:
    """The folder of the outward codes' files for the installed ONSPD release, in `cache`.

    Reading the 2.7 million postcodes takes seconds, so only the first build
    with a release (or with new code to cut it) pays: the folder is kept, named for both.
    """
    folder = cache / cache_key()
    if not folder.is_dir():
        files = outward_files(onspd_rows(onspd_files()))
        writer.write_folder(folder, {file_name(outward): compact_json(data) for outward, data in files.items()})
        writer.drop_older(folder)
    return folder


def build(root: Path, today: datetime.date, strict: bool = False) -> Outcome:
    """Check the records and, if nothing is wrong, build site/ for every language, redoing only what changed since the last build."""
    work = root / "build"
    # The new site is made in the folder of an older one (writer.SiteFolder says why); the other sites the trash holds are deleted meanwhile.
    site_folder = writer.site_folder(work / "site-next", work / TRASH, root / "site")
    collecting = gc.isenabled()
    # The other languages' processes start now and import the package while this one checks and plans.
    with writer.emptying(work / TRASH), apart.started("generator.build:stage_language", LANGUAGES[1:]) as staging_apart:
        try:
            return _build(root, today, strict, site_folder, staging_apart)
        finally:
            # What this build held is the collector's again (the preview builds many times in one process).
            gc.unfreeze()
            if collecting:
                gc.enable()


def _build(root: Path, today: datetime.date, strict: bool, site_folder: writer.SiteFolder, staging_apart: dict[Language, apart.Child]) -> Outcome:
    # The records, their views and the pages are made first and live until the build ends: the
    # garbage collector's passes over them while they grow, and after, free nothing (at 500
    # providers they took a second of a one-record build), so it waits, then leaves them out.
    gc.disable()
    outcome = Outcome()
    outcome.files, outcome.problems, stale = _check(root, today)
    files = outcome.files
    if outcome.errors or (strict and outcome.warnings):
        return outcome

    outcome.lap("check")
    base = read_base(root)
    pages, data = plan(files, editor_report(files, stale, today, source_documents(base, root)))
    history = last_changes(root)
    names = foreign_names(files)
    gc.freeze()
    gc.enable()
    work = root / "build"
    search_marks: dict[str, SearchMark] = {}
    staging = (root, pages, data, today, base, history, names)
    for language, child in staging_apart.items():
        child.send(language, *staging)
    engine = chosen_engine()

    site = root / "site"
    # What the state says of site/ holds only if site/ is still the folder the last build put there.
    state = read_build_state(work / SITE_STATE)
    last = state if site.is_dir() and state.get("folder") == site.stat().st_ino else {}
    code = code_digest()
    made_from: dict[str, str] = {}
    read: dict[str, list[str]] = {}
    # Each language's search index, by language (a build before per-language indexes kept one digest).
    last_search: dict[str, str] = last["search"] if isinstance(last.get("search"), dict) else {}
    searched: dict[str, str] = {}
    indexing: list[writer.SearchIndexing] = []
    site_folder.link_folder(postcode_files(), urls.POSTCODES_FOLDER)

    def finishing(lang: str) -> Finishing:
        return Finishing(
            work / f"site-{lang}", site_folder, LANGUAGE_ROOTS[lang], site_url_for(base["site_url"], lang),
            search_marks, page_dates(pages, _content_pages(root, lang), lang, history), last.get("files", {}), last.get("read", {}), code,
            work / f"site-{LANGUAGES[0]}" / "assets" if LANGUAGE_ROOTS[lang] else None,
        )

    def index_for_search(lang: str, finished: Finished) -> None:
        """Start the language's search index (Pagefind) as soon as its pages are finished, or keep the last one if they are as they were."""
        language_root = LANGUAGE_ROOTS[lang]
        made_from = finished.made_from
        glob = search_glob([path.removeprefix(language_root) for path in search_marks if language_of(path) == lang])
        searched[lang] = digest(versions_of("pagefind"), glob, *(f"{path} {made_from[path]}" for path in sorted(made_from) if path.endswith(".html")))
        if last_search.get(lang) == searched[lang] and site_folder.keep_folder(language_root + urls.SEARCH_INDEX_FOLDER):
            return
        # Pagefind reads a copy of each marked page that holds only what it reads (search.search_copy), kept in build/.
        copies, state = work / SEARCH_COPIES / lang, work / f"{SEARCH_COPIES}.{lang}.json"
        known = read_build_state(state)
        writer.forget(state)
        wanted = {path.removeprefix(language_root): made_from[path] for path in search_marks if language_of(path) == lang and path in made_from}
        changed = {
            name: finished.search_copies.get(language_root + name) or search_copy((site_folder.folder / language_root / name).read_text(encoding="utf-8"))
            for name, made in wanted.items()
            if known.get(name) != made
        }
        writer.update_folder(copies, changed, set(wanted))
        writer.write_compact_json(state, wanted)
        indexing.append(writer.start_search_index(copies, site_folder.folder / language_root / urls.SEARCH_INDEX_FOLDER, UNUSED_BUNDLE_FILES, glob, work / f"pagefind-{lang}", EXCLUDED))

    def finished_language(lang: str, finished: Finished) -> None:
        made_from.update(finished.made_from)
        read.update(finished.read)
        outcome.problems += finished.problems
        if not outcome.errors:
            index_for_search(lang, finished)

    finishing_apart: dict[str, apart.Child] = {}
    # The first language renders here while the others render in processes of their own (on
    # the other core: rendering is pure Python, so threads would take turns); each language's
    # engine build starts as soon as its pages are staged, and its pages are finished here as
    # soon as it ends, while the other language's engine still runs. Each language has a search
    # index of its own (a reader searches the pages of the language they read), so the first
    # language's is made while the last language's pages are still being built.
    try:

        def staged() -> Iterator[tuple[Path, bool]]:
            for lang in LANGUAGES:
                marks, problems = staging_apart[lang].result() if lang in staging_apart else stage_language(lang, *staging)
                search_marks.update(marks)
                outcome.problems += problems
                if not problems:
                    inputs[lang] = engine_inputs(root, work, lang, engine)
                    state = engine_state_file(work, lang)
                    dirty[lang] = read_build_state(state).get("inputs") == inputs[lang] and (work / f"site-{lang}").is_dir()
                    writer.forget(state)
                    yield work / f"mkdocs.{lang}.yml", dirty[lang]

        inputs: dict[str, str] = {}
        dirty: dict[str, bool] = {}
        with engine_builds(staged(), work) as ended:
            for (lang, digest_of_inputs), (config, status, output) in zip(list(inputs.items()), ended):
                if status != 0:
                    outcome.messages.append(f"{engine} build failed for {config.name}:\n{output}")
                    continue
                writer.write_json(engine_state_file(work, lang), {"inputs": digest_of_inputs})
                if outcome.messages or outcome.errors:
                    continue
                # After an engine build of every page, finishing a language takes seconds: all but the
                # last are finished on the other core while the last language's engine ends.
                if not dirty[lang] and lang != LANGUAGES[-1]:
                    finishing_apart[lang] = apart.start("generator.build:finish_apart", finishing(lang))
                else:
                    finished_language(lang, finish_language(finishing(lang)))
        for lang, child in finishing_apart.items():
            finished, folder = child.result()
            site_folder.adopt(folder, LANGUAGE_ROOTS[lang], other_roots(LANGUAGE_ROOTS[lang]))
            finished_language(lang, finished)
        if outcome.messages or outcome.errors:
            return outcome
        outcome.lap("render, stage, engine and finish pages")

        for running in indexing:
            writer.end_search_index(running)
        outcome.lap("search index")
    finally:
        end([running.process for running in indexing] + [child.process for child in finishing_apart.values()])
    # Until the new state is written, no file of site/ counts as made from anything (an interruption here leaves none claimed).
    writer.forget(work / SITE_STATE)
    writer.swap_in(site_folder.folder, site, work / TRASH)
    writer.write_compact_json(work / SITE_STATE, {"folder": site.stat().st_ino, "files": made_from, "read": read, "search": searched})
    outcome.built = True
    return outcome
