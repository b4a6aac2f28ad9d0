"""Command line of Signal Race: parses arguments and hands each command to its module (one module per command).

Exit codes: 0 when all went well, 1 when the command met a problem (a bad
scenario or save), 2 when the command line itself is wrong. Every failure is
reported as one sentence, never a traceback (set SIGNAL_RACE_DEBUG=1 to see
the traceback of an unexpected error). Everything printed goes through
`terminal.safe_terminal`, so a control character in a file never reaches the
terminal raw.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from typing import NoReturn

from game import __version__
from game.cli import (
    balance,
    host,
    import_org,
    new,
    play,
    preview,
    replay,
    report,
    schema,
    screenshots,
    validate,
    window,
)
from game.cli.errors import EXIT_PROBLEM, CommandFailed
from game.cli.terminal import one_line, safe_terminal
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
COMMANDS = {  # in the order --help lists them
    "play": play,
    "replay": replay,
    "validate": validate,
    "host": host,
    "report": report,
    "screenshots": screenshots,
    "schema": schema,
    "new": new,
    "preview": preview,
    "balance": balance,
    "import-org": import_org,
}


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
    for command in COMMANDS.values():
        command.add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the process exit code."""
    _tolerate_narrow_consoles()
    with safe_terminal():
        return _run(argv)


def run_and_exit(argv: list[str] | None = None) -> NoReturn:
    """What `signal-race`, `python main.py` and `python -m game` do: run one command, then end the process."""
    code = main(argv)
    # Every object still alive is about to be thrown away. Frozen, the interpreter's last collections skip them
    # instead of walking them all several times (30-80 ms after a game or a window); atexit handlers still run.
    gc.freeze()
    sys.exit(code)


def _run(argv: list[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error already explained by argparse
        return stop.code if isinstance(stop.code, int) else EXIT_PROBLEM
    try:
        return dispatch(args)
    except CommandFailed as failure:
        for line in failure.details:
            print(one_line(line), file=sys.stderr)
        print(f"error: {one_line(failure.sentence)}", file=sys.stderr)
        return failure.code
    except KeyboardInterrupt:
        print("interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of the output went away (`| head`): nothing more to say
        _silence_stdout()
        return EXIT_PROBLEM
    except Exception as error:  # the last barrier: a sentence rather than a traceback
        if os.environ.get("SIGNAL_RACE_DEBUG"):
            raise
        print(f"internal error ({type(error).__name__}: {one_line(error)}); please report it.", file=sys.stderr)
        return EXIT_PROBLEM


def _tolerate_narrow_consoles() -> None:
    """Print names like "Léa" even on a console that cannot encode them, rather than crash."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush does not fail again (Python's advice)."""
    with contextlib.suppress(AttributeError, ValueError, OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def dispatch(args: argparse.Namespace) -> int:
    """Run the parsed command (none: open the game window); CommandFailed reports a failure."""
    if args.command is None:
        return window.run_game()
    return COMMANDS[args.command].run(args)
