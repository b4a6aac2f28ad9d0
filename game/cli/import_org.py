"""The `import-org` command: an HR export (CSV) turned into a scenario skeleton that validates and plays."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli.errors import EXIT_OK, CommandFailed
from game.core.errors import ScenarioError
from game.files import WriteRefused, check_replaceable, size_text, write_atomically


def add_parser(commands: argparse._SubParsersAction) -> None:
    org = commands.add_parser("import-org", help="turn an HR export (CSV) into a scenario skeleton")
    org.add_argument("csv", metavar="FILE.csv", help="one row per person: id, name, title, department, manager_id")
    org.add_argument("--out", metavar="SCENARIO.yaml", required=True, help="the scenario to write")
    org.add_argument("--anonymise", action="store_true", help="replace ids and names (titles and skills stay)")
    org.add_argument("--column", action="append", default=[], metavar="KEY=NAME", type=mapping,
                     help="read KEY (id, name, title, department, manager_id, skills) from column NAME")  # fmt: skip
    org.add_argument("--force", action="store_true", help="overwrite the scenario if it exists")


def run(args: argparse.Namespace) -> int:
    from game.scenario.loader import MAX_FILE_BYTES, load_scenario_text
    from game.tools.import_org import ImportFailed, read_people
    from game.tools.org_skeleton import skeleton

    source, target = Path(args.csv), Path(args.out)
    try:
        check_replaceable(target, lambda _: False, args.force)  # a scenario the facilitator may have edited
        rows = read_people(source, dict(args.column), args.anonymise)
    except WriteRefused as refused:
        raise CommandFailed(f"{target} {refused.reason()}") from None
    except ImportFailed as failed:
        raise CommandFailed(f"{source} cannot be imported", details=failed.lines) from None
    text = skeleton(rows, target, source.name)
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        raise CommandFailed(
            f"the scenario made from {source} would be {size_text(size)}, over the {size_text(MAX_FILE_BYTES)} a "
            "scenario file may hold; import fewer people, or shorten their titles"
        )
    try:
        load_scenario_text(text, str(target))  # the skeleton must validate before the facilitator sees it
    except ScenarioError as error:
        raise CommandFailed(
            f"the scenario made from {source} is not valid; please report it", details=[str(p) for p in error.problems]
        ) from None
    try:
        write_atomically(target, text)
    except OSError as error:
        raise CommandFailed(f"cannot write {target}: {error.strerror or error}; it is left as it was") from None
    print(f"{target} written: {len(rows)} people; edit the lines marked CHANGE, then validate it")
    return EXIT_OK


def mapping(text: str) -> tuple[str, str]:
    """argparse type: KEY=COLUMN."""
    from game.tools.import_org import COLUMNS, OPTIONAL

    key, _, column = text.partition("=")
    if key not in COLUMNS + OPTIONAL or not column:
        raise argparse.ArgumentTypeError(f"expected KEY=COLUMN with KEY one of {', '.join(COLUMNS + OPTIONAL)}")
    return key, column
