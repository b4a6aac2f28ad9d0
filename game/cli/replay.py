"""The `replay` command: a game saved by `play --save`, replayed on its scenario, prints the same summary again."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli.errors import EXIT_OK
from game.cli.inputs import read_saved, rebuilt
from game.cli.summary import render, summarize
from game.core.text import DEFAULT_LANGUAGE, LANGUAGES
from game.persistence.records import read_game_record


def add_parser(commands: argparse._SubParsersAction) -> None:
    replay = commands.add_parser("replay", help="replay a saved game and print its summary")
    replay.add_argument("save", metavar="FILE", help="a save written by `play --save`")
    replay.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    replay.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of the summary")


def run(args: argparse.Namespace) -> int:
    """Replay a save on its scenario and print the same summary as the original game."""
    from game.persistence.loading import replay_game  # with the scenario loader: only for this command

    path = Path(args.save)
    record, scenario = read_saved(path, read_game_record)
    state = rebuilt(path, replay_game, record, scenario)
    print(render(summarize(state, record["bot"], args.lang), args.json, args.lang))
    return EXIT_OK
