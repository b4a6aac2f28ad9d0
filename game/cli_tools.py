"""The facilitator's commands: schema, new, preview, balance and import-org (parsers and runners)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from game.cli_errors import EXIT_OK, EXIT_USAGE, CommandFailed
from game.core.bots import BOTS
from game.core.errors import ScenarioError
from game.core.model import Scenario
from game.core.text import LANGUAGES
from game.invocation import command_name
from game.scenario.loader import load_scenario, load_scenario_text
from game.scenario.shipped import resolve_scenario

TOOL_COMMANDS = ("schema", "new", "preview", "balance", "import-org")


def add_tool_parsers(commands: argparse._SubParsersAction) -> None:
    """Register the facilitator's commands."""
    schema = commands.add_parser("schema", help="write game/scenarios/scenario.schema.json (editor completion)")
    schema.add_argument("--out", metavar="FILE", help="write the schema there instead")
    schema.add_argument("--docs", nargs="?", const="docs/authoring.md", metavar="FILE.md",
                        help="also regenerate the key reference in the authoring guide (default docs/authoring.md)")  # fmt: skip
    new = commands.add_parser("new", help="write a commented starter scenario that validates and plays")
    new.add_argument("file", metavar="FILE", help="the scenario file to create")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    preview = commands.add_parser("preview", help="draw the organisation, network and communities to a PNG")
    preview.add_argument("scenario", metavar="SCENARIO", help="a scenario file, or the id of a shipped scenario")
    preview.add_argument("--out", metavar="FILE.png", required=True, help="the picture to write")
    preview.add_argument("--size", type=_size, default=(1600, 1000), metavar="WxH", help="pixels (default 1600x1000)")
    preview.add_argument("--lang", choices=LANGUAGES, help="language of names and legend (default: the scenario's)")
    balance = commands.add_parser("balance", help="play many seeds with every bot and report who wins how often")
    balance.add_argument("scenarios", nargs="*", metavar="SCENARIO", help="scenario files, or ids of shipped scenarios")
    balance.add_argument("--runs", type=positive, default=200, help="games per bot (default 200)")
    balance.add_argument("--jobs", type=positive, default=os.cpu_count() or 1, help="processes (default: all cores)")
    balance.add_argument("--seed-start", type=natural, default=0, help="first seed (default 0)")
    balance.add_argument("--bots", nargs="+", choices=list(BOTS), default=list(BOTS), help="bots to play (default all)")
    output = balance.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the figures as one JSON object (one SCENARIO)")
    output.add_argument("--markdown", action="store_true", help="print a Markdown section per scenario")
    output.add_argument("--docs", metavar="FILE.md",
                        help="play every shipped scenario and write the whole scenario library page (docs/scenarios.md)")  # fmt: skip
    org = commands.add_parser("import-org", help="turn an HR export (CSV) into a scenario skeleton")
    org.add_argument("csv", metavar="FILE.csv", help="one row per person: id, name, title, department, manager_id")
    org.add_argument("--out", metavar="SCENARIO.yaml", required=True, help="the scenario to write")
    org.add_argument("--anonymise", action="store_true", help="replace ids and names (titles and skills stay)")
    org.add_argument("--column", action="append", default=[], metavar="KEY=NAME", type=_mapping,
                     help="read KEY (id, name, title, department, manager_id, skills) from column NAME")  # fmt: skip
    org.add_argument("--force", action="store_true", help="overwrite the scenario if it exists")


def run_tool(args: argparse.Namespace) -> int:
    """Run one facilitator command."""
    runner = {
        "schema": _schema,
        "new": _new,
        "preview": _preview,
        "balance": _balance,
        "import-org": _import_org,
    }[args.command]
    return runner(args)


def _schema(args: argparse.Namespace) -> int:
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


def _new(args: argparse.Namespace) -> int:
    from game.tools.scaffold import Refused, write_starter

    try:
        path = write_starter(Path(args.file), args.force)
    except Refused as refused:
        raise CommandFailed(str(refused)) from None
    except OSError as error:
        raise CommandFailed(f"cannot write {args.file}: {error.strerror or error}") from None
    print(f"{path} written; check it with: {command_name()} validate {path}")
    return EXIT_OK


def _load(name: str) -> tuple[Path, Scenario]:
    try:
        path = resolve_scenario(name)
        return path, load_scenario(path)
    except ScenarioError as error:
        raise CommandFailed(f"{name} is not a valid scenario", details=[str(p) for p in error.problems]) from None


def _preview(args: argparse.Namespace) -> int:
    from game.tools.preview import render_preview

    _, scenario = _load(args.scenario)
    try:
        out = render_preview(scenario, Path(args.out), args.size, args.lang or "")
    except OSError as error:
        raise CommandFailed(f"cannot write {args.out}: {error.strerror or error}") from None
    print(f"{out} written ({args.size[0]}x{args.size[1]} pixels)")
    return EXIT_OK


def _balance(args: argparse.Namespace) -> int:
    if args.docs:
        if args.scenarios:
            raise CommandFailed("--docs plays every shipped scenario; give no SCENARIO with it", code=EXIT_USAGE)
        return _balance_docs(args)
    if not args.scenarios:
        raise CommandFailed(
            "give a SCENARIO (a file, or the id of a shipped scenario), or --docs FILE.md", code=EXIT_USAGE
        )
    if args.json and len(args.scenarios) > 1:
        raise CommandFailed("--json reports one scenario; give one SCENARIO, or use --markdown", code=EXIT_USAGE)
    loaded = [_load(name) for name in args.scenarios]  # every name checked before the first game
    for n, (path, scenario) in enumerate(loaded):
        figures = _balance_figures(args, path, scenario, len(loaded) > 1)
        if args.json:
            from game.tools.balance_report import to_json

            print(json.dumps(to_json(scenario, figures, args.runs, args.seed_start), indent=2))
        elif args.markdown:
            from game.tools.balance_docs import section

            print(("\n" if n else "") + section(scenario, figures, args.runs, args.seed_start), end="")
        else:
            _balance_text(args, scenario, figures, first=n == 0)
    return EXIT_OK


def _balance_figures(args: argparse.Namespace, path: Path, scenario: Scenario, say_which: bool) -> list:
    from game.tools.balance import play_runs
    from game.tools.balance_report import summarise

    if say_which:
        print(f"balance: playing {scenario.id}", file=sys.stderr)
    records = play_runs(path, args.runs, args.jobs, args.seed_start, sys.stderr, bots=args.bots)
    return summarise(scenario, records)


def _balance_text(args: argparse.Namespace, scenario: Scenario, figures: list, first: bool) -> None:
    from game.tools.balance_report import table, warnings

    if not first:
        print()
    print(f"{scenario.id}: {args.runs} runs per bot, seeds {args.seed_start}..{args.seed_start + args.runs - 1}")
    print(table(figures))
    found = warnings(figures)
    print("\n" + ("\n".join(f"warning: {w}" for w in found) if found else "no balance warning"))


def _balance_docs(args: argparse.Namespace) -> int:
    """Play every shipped scenario, smallest organisation first, and write the library page."""
    from game.scenario.shipped import SCENARIO_DIR, shipped_scenarios
    from game.tools.balance_docs import page, section

    loaded = sorted((_load(str(path)) for path in shipped_scenarios()), key=lambda p: (p[1].org.size, p[1].id))
    if not loaded:
        raise CommandFailed(f"no shipped scenario found in {SCENARIO_DIR}")
    sections = []
    for path, scenario in loaded:
        figures = _balance_figures(args, path, scenario, say_which=True)
        sections.append((scenario, section(scenario, figures, args.runs, args.seed_start)))
    target = Path(args.docs)
    try:
        target.write_text(page(sections, _docs_command(args), args.runs, args.seed_start), encoding="utf-8")
    except OSError as error:
        raise CommandFailed(f"cannot write {target}: {error.strerror or error}") from None
    print(f"{target} written: {len(sections)} scenarios, {args.runs} games per bot")
    return EXIT_OK


def _docs_command(args: argparse.Namespace) -> str:
    """The command line that regenerates the page, as its header quotes it (--jobs does not change the figures)."""
    words = ["python main.py balance --docs", Path(args.docs).as_posix(), "--runs", str(args.runs)]
    if args.seed_start:
        words += ["--seed-start", str(args.seed_start)]
    if list(args.bots) != list(BOTS):
        words += ["--bots", *args.bots]
    return " ".join(words)


def _import_org(args: argparse.Namespace) -> int:
    from game.tools.import_org import ImportFailed, read_people
    from game.tools.org_skeleton import skeleton

    source, target = Path(args.csv), Path(args.out)
    if target.exists() and not args.force:
        raise CommandFailed(f"{target} already exists; add --force to overwrite it")
    try:
        rows = read_people(source, dict(args.column), args.anonymise)
    except ImportFailed as failed:
        raise CommandFailed(f"{source} cannot be imported", details=failed.lines) from None
    except (OSError, UnicodeDecodeError) as error:
        raise CommandFailed(f"cannot read {source}: {getattr(error, 'strerror', None) or error}") from None
    text = skeleton(rows, target, source.name)
    load_scenario_text(text, str(target))  # the skeleton must validate before the facilitator sees it
    target.write_text(text, encoding="utf-8")
    print(f"{target} written: {len(rows)} people; edit the lines marked CHANGE, then validate it")
    return EXIT_OK


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1600x1000") from None
    if not (200 <= width <= 10_000 and 200 <= height <= 10_000):
        raise argparse.ArgumentTypeError("width and height must be between 200 and 10000 pixels")
    return width, height


def positive(text: str) -> int:
    """argparse type: a whole number of at least 1."""
    value = natural(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def natural(text: str) -> int:
    """argparse type: a whole number of at least 0."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def _mapping(text: str) -> tuple[str, str]:
    from game.tools.import_org import COLUMNS, OPTIONAL

    key, _, column = text.partition("=")
    if key not in COLUMNS + OPTIONAL or not column:
        raise argparse.ArgumentTypeError(f"expected KEY=COLUMN with KEY one of {', '.join(COLUMNS + OPTIONAL)}")
    return key, column
