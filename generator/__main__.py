"""Command line: python -m generator build | check."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from .build import Outcome, build, check

ROOT = Path(__file__).resolve().parent.parent


def _report(outcome: Outcome, strict: bool) -> int:
    """Print every problem, then a summary; return the exit status."""
    for problem in outcome.problems:
        print(problem, file=sys.stderr)
    for message in outcome.messages:
        print(message, file=sys.stderr)
    errors, warnings = len(outcome.errors), len(outcome.warnings)
    failed = bool(errors or outcome.messages or (strict and warnings))
    if outcome.problems:
        print(f"{errors} error(s), {warnings} warning(s)" + (" (--strict: warnings fail)" if strict and warnings else ""), file=sys.stderr)
    if failed:
        print("Nothing was written; the last good site/ is unchanged.", file=sys.stderr)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit status."""
    parser = argparse.ArgumentParser(prog="python -m generator", description="Build and check the Fathers' Programme Directory.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (("build", "check the records, then build site/"), ("check", "check the records only")):
        command = commands.add_parser(name, help=text)
        command.add_argument("--strict", action="store_true", help="make warnings fail too")
    args = parser.parse_args(argv)
    if args.command == "check":
        _, problems = check(ROOT, datetime.date.today())
        outcome = Outcome(problems=problems)
    else:
        outcome = build(ROOT, datetime.date.today(), strict=args.strict)
        if outcome.built:
            print("Built site/ (English at /, Dutch at /nl/).")
    return _report(outcome, args.strict)


if __name__ == "__main__":
    sys.exit(main())
