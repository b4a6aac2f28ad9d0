"""The `play` command: a headless game played by a bot (summary, and a save `replay` can replay), or the window on it.

A save is the engine's `replay.save_record` plus the bot's name, written as
JSON atomically; an existing file is replaced only when it is a save of this
game, or with --force.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from game.cli.args import natural
from game.cli.errors import EXIT_OK, EXIT_USAGE, CommandFailed
from game.cli.inputs import open_scenario
from game.cli.summary import render, summarize
from game.core import bots, replay
from game.core.text import DEFAULT_LANGUAGE, LANGUAGES
from game.files import WriteRefused, replace_checked
from game.persistence.records import is_save

BOT_NEEDS_HEADLESS = "bots play without the window: add --headless (or drop --bot to play in the window yourself)."


def add_parser(commands: argparse._SubParsersAction) -> None:
    play = commands.add_parser("play", help="play a scenario to the end with a bot (--headless)")
    play.add_argument("scenario", metavar="SCENARIO", help="a scenario file, or the id of a shipped scenario")
    play.add_argument(
        "--headless",
        action="store_true",
        help="let a bot play, without a window (without it, you play the scenario in the window)",
    )
    play.add_argument("--bot", choices=list(bots.BOTS), help="the strategy that plays the team")
    play.add_argument("--seed", type=natural, help="random seed (default: the scenario's seed)")
    play.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    play.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of the summary")
    play.add_argument("--save", metavar="FILE", help="write the game to FILE so `replay` can replay it")
    play.add_argument("--force", action="store_true", help="replace FILE even if it is not a save of this game")


def run(args: argparse.Namespace) -> int:
    """Play a whole game with a bot and print its summary; without --headless, open the window on it."""
    if not args.headless:
        if args.bot is not None:
            raise CommandFailed(BOT_NEEDS_HEADLESS, EXIT_USAGE)
        from game.cli.window import run_game

        return run_game(open_scenario(args.scenario)[1], args.seed)
    if args.bot is None:
        raise CommandFailed(f"choose a bot with --bot ({', '.join(bots.BOTS)}).", EXIT_USAGE)
    path, scenario = open_scenario(args.scenario)
    state = bots.play_game(scenario, args.seed, args.bot)
    if args.save is not None:
        record = replay.save_record(state)
        if path != Path(args.scenario):
            record["scenario"] = args.scenario  # played by shipped id: keep the id, not this machine's path
        record["bot"] = args.bot
        write_save(Path(args.save), record, args.force)
    print(render(summarize(state, args.bot, args.lang), args.json, args.lang))
    return EXIT_OK


def write_save(path: Path, record: dict, force: bool = False) -> None:
    """Write the save as JSON atomically; an existing file must be a save of this game, unless `force`."""
    text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    try:
        replace_checked(path, text, is_save, force)
    except WriteRefused as refused:
        raise CommandFailed(f"{path} {refused.reason('a save of this game')}.") from None
    except OSError as error:
        raise CommandFailed(f"cannot write the save {path}: {error.strerror or error}.") from None
