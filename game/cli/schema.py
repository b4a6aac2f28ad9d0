"""The `schema` command: scenarios/scenario.schema.json for editor completion, and the key reference in the docs."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli.errors import EXIT_OK


def add_parser(commands: argparse._SubParsersAction) -> None:
    schema = commands.add_parser("schema", help="write scenarios/scenario.schema.json (editor completion)")
    schema.add_argument("--out", metavar="FILE", help="write the schema there instead")
    schema.add_argument("--docs", action="store_true", help="also regenerate the key reference in docs/authoring.md")


def run(args: argparse.Namespace) -> int:
    from game.tools.reference import update_docs
    from game.tools.schema_file import SCHEMA_PATH, write_schema

    print(write_schema(Path(args.out) if args.out else SCHEMA_PATH))
    if args.docs:
        changed = update_docs()
        print("docs/authoring.md " + ("updated" if changed else "already up to date"))
    return EXIT_OK
