"""The `validate` command: every problem of every scenario file, one located line each."""

from __future__ import annotations

import argparse
import sys

from game.cli.errors import EXIT_OK, EXIT_PROBLEM
from game.cli.terminal import one_line
from game.core.errors import Problem


def add_parser(commands: argparse._SubParsersAction) -> None:
    validate = commands.add_parser("validate", help="check scenario files and list every problem")
    validate.add_argument("files", metavar="FILE", nargs="+", help="scenario files to check")


def run(args: argparse.Namespace) -> int:
    """Print each problem as `FILE:LINE:COL: where: message`; fail when any is an error."""
    from game.scenario.loader import check_files  # the loader and pydantic: only for the commands that read files

    problems = check_files(args.files)
    for problem in problems:
        print(one_line(problem))
    print(tally(len(args.files), problems), file=sys.stderr)
    return EXIT_PROBLEM if any(not p.warning for p in problems) else EXIT_OK


def tally(files: int, problems: list[Problem]) -> str:
    """A closing line such as "2 files checked: 1 invalid (3 errors, 1 warning)"."""
    errors = [p for p in problems if not p.warning]
    invalid = len({p.file for p in errors})
    warnings = len(problems) - len(errors)
    return (
        f"{_count(files, 'file')} checked: {invalid} invalid "
        f"({_count(len(errors), 'error')}, {_count(warnings, 'warning')})"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
