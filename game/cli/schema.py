"""The `schema` command: game/scenarios/scenario.schema.json for editor completion, and the key reference in the docs."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli.errors import EXIT_OK, CommandFailed


def add_parser(commands: argparse._SubParsersAction) -> None:
    schema = commands.add_parser("schema", help="write game/scenarios/scenario.schema.json (editor completion)")
    schema.add_argument("--out", metavar="FILE", help="write the schema there instead")
    schema.add_argument("--docs", nargs="?", const="docs/authoring.md", metavar="FILE.md",
                        help="also regenerate the key reference in the authoring guide (default docs/authoring.md)")  # fmt: skip


def run(args: argparse.Namespace) -> int:
    from game.tools.reference import update_docs
    from game.tools.schema_file import SCHEMA_PATH, write_schema

    print(write_schema(Path(args.out) if args.out else SCHEMA_PATH))
    if args.docs:
        guide = Path(args.docs)
        try:
            changed = update_docs(guide)
        except OSError as error:
            raise CommandFailed(
                f"cannot update {guide}: {error.strerror or error} (run this from the repository root, "
                "or give the guide's path after --docs)"
            ) from None
        except ValueError:
            raise CommandFailed(f"{guide} is not the authoring guide: it has no reference:begin/end markers") from None
        print(f"{guide.as_posix()} " + ("updated" if changed else "already up to date"))
    return EXIT_OK
