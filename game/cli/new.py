"""The `new` command: a commented starter scenario that validates and plays."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli.errors import EXIT_OK, CommandFailed
from game.invocation import command_name


def add_parser(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser("new", help="write a commented starter scenario that validates and plays")
    new.add_argument("file", metavar="FILE", help="the scenario file to create")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def run(args: argparse.Namespace) -> int:
    from game.tools.scaffold import Refused, write_starter

    try:
        path = write_starter(Path(args.file), args.force)
    except Refused as refused:
        raise CommandFailed(str(refused)) from None
    except OSError as error:
        raise CommandFailed(f"cannot write {args.file}: {error.strerror or error}") from None
    print(f"{path} written; check it with: {command_name()} validate {path}")
    return EXIT_OK
