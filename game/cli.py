"""Command line of Signal Race: parses arguments and hands each command to its module.

Exit codes: 0 when all went well, 1 when the command met a problem (a bad
scenario or save), 2 when the command line itself is wrong. Every failure is
reported as one sentence, never a traceback (set SIGNAL_RACE_DEBUG=1 to see
the traceback of an unexpected error).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

from game import __version__
from game.cli_errors import EXIT_OK, EXIT_PROBLEM, CommandFailed
from game.cli_host import add_host_parser, run_host
from game.cli_play import run_play, run_replay
from game.cli_report_cmd import add_report_parser, run_report
from game.cli_tools import TOOL_COMMANDS, add_tool_parsers, natural, run_tool
from game.cli_ui import add_screenshots_parser, run_game, run_screenshots
from game.cli_validate import run_validate
from game.core.bots import BOTS
from game.core.text import DEFAULT_LANGUAGE, LANGUAGES
from game.invocation import command_name

DESCRIPTION = (
    "Signal Race: route market signals through the hierarchy or the informal network, "
    "faster than the competitor. Without a command, opens the game window; "
    "the commands play headless games with bots, validate scenarios and render screenshots."
)
EXAMPLES = """examples:
  {prog} play retail-app-outage --headless --bot mixed
  {prog} play my-scenario.yaml --headless --bot network --seed 3 --json --save game.json
  {prog} replay game.json
  {prog} host retail-app-outage --teams 4 --timer 180
  {prog} validate my-scenario.yaml"""


def build_parser() -> argparse.ArgumentParser:
    prog = command_name()
    parser = argparse.ArgumentParser(
        prog=prog,
        description=DESCRIPTION,
        epilog=EXAMPLES.format(prog=prog),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"Signal Race {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    play = commands.add_parser("play", help="play a scenario to the end with a bot (--headless)")
    play.add_argument("scenario", metavar="SCENARIO", help="a scenario file, or the id of a shipped scenario")
    play.add_argument(
        "--headless",
        action="store_true",
        help="let a bot play, without a window (without it, you play the scenario in the window)",
    )
    play.add_argument("--bot", choices=list(BOTS), help="the strategy that plays the team")
    play.add_argument("--seed", type=natural, help="random seed (default: the scenario's seed)")
    play.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    play.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of the summary")
    play.add_argument("--save", metavar="FILE", help="write the game to FILE so `replay` can replay it")
    replay = commands.add_parser("replay", help="replay a saved game and print its summary")
    replay.add_argument("save", metavar="FILE", help="a save written by `play --save`")
    replay.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    replay.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of the summary")
    validate = commands.add_parser("validate", help="check scenario files and list every problem")
    validate.add_argument("files", metavar="FILE", nargs="+", help="scenario files to check")
    add_host_parser(commands)
    add_report_parser(commands)
    add_screenshots_parser(commands)
    add_tool_parsers(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the process exit code."""
    _tolerate_narrow_consoles()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error already explained by argparse
        return stop.code if isinstance(stop.code, int) else EXIT_PROBLEM
    try:
        return dispatch(args)
    except CommandFailed as failure:
        for line in failure.details:
            print(line, file=sys.stderr)
        print(f"error: {failure.sentence}", file=sys.stderr)
        return failure.code
    except KeyboardInterrupt:
        print("interrupted.", file=sys.stderr)
        return 130
    except Exception as error:  # the last barrier: a sentence rather than a traceback
        if os.environ.get("SIGNAL_RACE_DEBUG"):
            raise
        print(f"internal error ({type(error).__name__}: {error}); please report it.", file=sys.stderr)
        return EXIT_PROBLEM


def _tolerate_narrow_consoles() -> None:
    """Print names like "Léa" even on a console that cannot encode them, rather than crash."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")


def dispatch(args: argparse.Namespace) -> int:
    """Run the parsed command (none: open the game window); CommandFailed reports a failure."""
    if args.command is None:
        return run_game()
    if args.command == "play":
        return run_play(args.scenario, args.headless, args.bot, args.seed, args.json, args.save, args.lang) or EXIT_OK
    elif args.command == "replay":
        run_replay(args.save, args.json, args.lang)
    elif args.command == "validate":
        return run_validate(args.files)
    elif args.command == "host":
        return run_host(args)
    elif args.command == "report":
        return run_report(args)
    elif args.command == "screenshots":
        return run_screenshots(args)
    elif args.command in TOOL_COMMANDS:
        return run_tool(args)
    return EXIT_OK
