"""The `balance` command: many seeded games with every bot, and how often each wins (text, JSON or Markdown)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from game.cli.args import natural, positive
from game.cli.errors import EXIT_OK, EXIT_USAGE, CommandFailed
from game.cli.inputs import open_scenario
from game.core.bots import BOTS
from game.core.model import Scenario
from game.files import write_atomically


def add_parser(commands: argparse._SubParsersAction) -> None:
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


def run(args: argparse.Namespace) -> int:
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
    loaded = [open_scenario(name) for name in args.scenarios]  # every name checked before the first game
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

    loaded = sorted((open_scenario(str(path)) for path in shipped_scenarios()), key=lambda p: (p[1].org.size, p[1].id))
    if not loaded:
        raise CommandFailed(f"no shipped scenario found in {SCENARIO_DIR}")
    sections = []
    for path, scenario in loaded:
        figures = _balance_figures(args, path, scenario, say_which=True)
        sections.append((scenario, section(scenario, figures, args.runs, args.seed_start)))
    target = Path(args.docs)
    try:
        write_atomically(target, page(sections, _docs_command(args), args.runs, args.seed_start))
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
