"""Command line: .venv/bin/python -m generator build | serve | check | report | schema | new | translations.

Editors see only plain messages: any unexpected failure is reported in one
sentence and exit status 2, never a traceback (set GENERATOR_DEBUG=1 to see it).
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import signal
import sys
from pathlib import Path

from generator.build import Outcome, build, check, report
from generator.commands import RUN
from generator.problem import Problem
from generator.publish import serve as preview
from generator.publish import writer
from generator.records.field_reference import with_field_reference
from generator.records.json_schema import SCHEMA_PATH, schema_text
from generator.records.translation_state import STATE_FILE, confirmed_state, read_state

ROOT = Path(__file__).resolve().parent.parent


def _github_data(text: str) -> str:
    """Text escaped as GitHub's workflow commands want the message escaped: nothing in it can start a command of its own."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    """A property's value (the file name) escaped as GitHub wants: its ':' and ',' would end the property."""
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def _github_annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command, shown on the file's line in the pull request."""
    message = (f"{problem.field}: " if problem.field else "") + problem.message
    return f"::{problem.severity} file={_github_property(problem.file)},line={problem.line}::{_github_data(message)}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _checked_summary(outcome: Outcome) -> str:
    """What a check that found nothing looked at, so that silence is never the answer: “4 files, 5 programmes, no problems”."""
    programmes = sum(len(item.record.programmes) for item in outcome.files)
    return f"{_count(len(outcome.files), 'file')}, {_count(programmes, 'programme')}, no problems"


def _report(outcome: Outcome, strict: bool, annotate: bool = False) -> int:
    """Print every problem, then a summary; return the exit status."""
    for problem in outcome.problems:
        print(problem, file=sys.stderr)
        if annotate:
            print(_github_annotation(problem))
    for message in outcome.messages:
        print(message, file=sys.stderr)
    errors, warnings = len(outcome.errors), len(outcome.warnings)
    failed = bool(errors or outcome.messages or (strict and warnings))
    notices = len(outcome.problems) - errors - warnings
    if outcome.problems:
        summary = f"{errors} error(s), {warnings} warning(s)" + (f", {notices} notice(s)" if notices else "")
        print(summary + (" (--strict: warnings fail)" if strict and warnings else ""), file=sys.stderr)
    elif not outcome.messages:
        print(_checked_summary(outcome))
    return 1 if failed else 0


def _new_provider(root: Path, provider_id: str, today: datetime.date) -> int:
    """Write services/<id>.yaml from the scaffold, unless the id is bad or taken."""
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", provider_id):
        print(f"“{provider_id}” cannot be an id: use lower-case letters, digits and hyphens, like hacro or new-provider.", file=sys.stderr)
        return 1
    target = root / "services" / f"{provider_id}.yaml"
    if target.exists():
        print(f"services/{provider_id}.yaml already exists; edit it instead.", file=sys.stderr)
        return 1
    template = (Path(__file__).parent / "records" / "scaffold" / "provider.yaml").read_text(encoding="utf-8")
    writer.write_if_changed(target, template.replace("{id}", provider_id).replace("{today}", today.isoformat()))
    print(f"Wrote services/{provider_id}.yaml. Replace every TODO, then run: {RUN} check")
    return 0


def _print_report(root: Path, today: datetime.date) -> int:
    """Print the editors' data report, section by section."""
    files, problems = check(root, today)
    outcome = Outcome(problems=problems)
    if outcome.errors:
        return _report(outcome, strict=False)
    for title, entries in report(root, files, today).sections():
        print(f"{title} ({len(entries)})")
        for entry in entries:
            print(f"  {entry}")
    return 0


def _confirm_translations(root: Path, today: datetime.date, names: list[str]) -> int:
    """Record the texts of the named files (or all) as translated as they stand."""
    files, problems = check(root, today)
    outcome = Outcome(problems=problems)
    if outcome.errors:
        return _report(outcome, strict=False)
    chosen = [item for item in files if not names or item.path in {Path(n).as_posix() for n in names}]
    unknown = set(names) - {item.path for item in chosen}
    if unknown:
        print(f"No such provider file: {', '.join(sorted(unknown))} (use paths like services/hacro.yaml).", file=sys.stderr)
        return 1
    writer.write_json(root / STATE_FILE, confirmed_state(chosen, read_state(root)))
    print(f"Confirmed the translations of {len(chosen)} file(s) in {STATE_FILE}.")
    return 0


def _unexpected(error: Exception) -> str:
    """The one sentence an editor sees for a failure that is not theirs."""
    return f"The generator stopped unexpectedly ({type(error).__name__}: {error}). Nothing was written; please report this to the developers."


def _rebuild(root: Path, today: datetime.date | None) -> list[str]:
    """Build for the preview, printing what the build command prints; the problems that stopped it, if any."""
    try:
        outcome = build(root, today or datetime.date.today())
    except Exception as error:  # noqa: BLE001 - the preview says what stopped the build and waits for the next save
        print(_unexpected(error), file=sys.stderr, flush=True)
        return [_unexpected(error)]
    _report(outcome, strict=False)
    if outcome.built:
        print(f"Built site/ at {datetime.datetime.now():%H:%M:%S}.", flush=True)
        return []
    print("Nothing was written; the preview shows the problems.", file=sys.stderr, flush=True)
    return [str(problem) for problem in outcome.errors] + outcome.messages


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date like 2026-11-22") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=RUN, description="Check and build the Fathers' Programme Directory.")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this checkout)")
    parser.add_argument("--today", type=_date, default=None, help="check review dates as on this day (YYYY-MM-DD); default: today")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (("build", "check the records, then build site/"), ("check", "check the records only")):
        command = commands.add_parser(name, help=text)
        command.add_argument("--strict", action="store_true", help="make warnings fail too")
        command.add_argument("--github", action="store_true", help="also print each problem as a GitHub Actions annotation")
    serve = commands.add_parser("serve", help="build, serve site/ on 127.0.0.1 with live reload, and build again on each save")
    serve.add_argument("--port", type=int, default=8000, help="the port to serve on (default 8000; 0: any free port)")
    new = commands.add_parser("new", help="start a new record from a commented template")
    new.add_argument("kind", choices=["provider"], help="what to start: provider")
    new.add_argument("id", help="the provider's short name, e.g. hacro: lower-case letters, digits and hyphens")
    commands.add_parser("report", help="list unknown facts, reviews due, translations to check and sources to check")
    commands.add_parser("schema", help=f"write the JSON Schema editors' tools use to {SCHEMA_PATH}, and the field reference in CONTRIBUTING.md")
    translations = commands.add_parser("translations", help="keep English and Dutch texts in step")
    translations.add_argument("action", choices=["confirm"], help="confirm: record that the texts of these files are translated as they stand")
    translations.add_argument("files", nargs="*", help="provider files to confirm, e.g. services/hacro.yaml (default: all)")
    return parser


def run(args: argparse.Namespace) -> int:
    """Carry out one parsed command; return its exit status."""
    root: Path = args.root
    today = args.today or datetime.date.today()
    if args.command == "schema":
        writer.write_if_changed(root / SCHEMA_PATH, schema_text())
        guide = root / "CONTRIBUTING.md"
        writer.write_if_changed(guide, with_field_reference(guide.read_text(encoding="utf-8")))
        print(f"Wrote {SCHEMA_PATH} and the field reference in CONTRIBUTING.md.")
        return 0
    if args.command == "translations":
        return _confirm_translations(root, today, args.files)
    if args.command == "new":
        return _new_provider(root, args.id, today)
    if args.command == "report":
        return _print_report(root, today)
    if args.command == "serve":
        preview.run(root, args.port, lambda: _rebuild(root, args.today), lambda line: print(line, flush=True))
        return 0
    if args.command == "check":
        files, problems = check(root, today)
        return _report(Outcome(problems=problems, files=files), args.strict, args.github)
    outcome = build(root, today, strict=args.strict)
    status = _report(outcome, args.strict, args.github)
    print("Built site/ (English at /, Dutch at /nl/)." if outcome.built else "Nothing was written; the last good site/ is unchanged.", file=sys.stderr if not outcome.built else sys.stdout)
    return status if outcome.built else 1


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (SIGINT) or kill (SIGTERM) during a build."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


def _interrupt(number: int, _frame: object) -> None:
    raise Interrupted(number)


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    args = _parser().parse_args(argv)
    # A build ends its processes as it unwinds (apart, engine), then says so in one line.
    kept = {number: signal.signal(number, _interrupt) for number in (signal.SIGINT, signal.SIGTERM)} if args.command in ("build", "serve") else {}
    try:
        return run(args)
    except Interrupted as interruption:
        if args.command == "serve":
            print("Preview stopped; site/ holds the last build that succeeded.", file=sys.stderr)
            return 0 if interruption.number == signal.SIGINT else 128 + interruption.number
        print("Build interrupted; site/ is unchanged.", file=sys.stderr)
        return 128 + interruption.number
    except BrokenPipeError:
        # Whoever read the output (`report | head`) stopped early: not a failure.
        # Point stdout at nothing so Python's own flush at exit stays quiet too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # noqa: BLE001 - editors get a sentence, developers opt into the traceback
        if os.environ.get("GENERATOR_DEBUG") == "1":
            raise
        print(_unexpected(error), file=sys.stderr)
        return 2
    finally:
        for number, handler in kept.items():
            signal.signal(number, handler)


if __name__ == "__main__":
    sys.exit(main())
