"""The `report` command: the debrief of a saved game or workshop as report.html, events.csv and summary.json.

A save is either one game (`play --save`) or a whole session (solo or
workshop, "kind": "session"), read by the same reader as `replay` and the
window. The three files are written together (none is renamed into place
before all are written), and files of the same names that this program did
not write are replaced only with --force.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from game.cli.errors import EXIT_OK, EXIT_USAGE, CommandFailed
from game.cli.inputs import read_saved, rebuilt
from game.core.bots import BOTS
from game.core.text import DEFAULT_LANGUAGE, LANGUAGES
from game.files import WriteRefused
from game.persistence.records import is_session, read_any_record

if TYPE_CHECKING:
    from game.core.model import Scenario
    from game.debrief.build import Debrief


def add_parser(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser("report", help="write the debrief of a saved game or workshop (HTML, CSV, JSON)")
    report.add_argument("save", metavar="SAVE", help="a game saved by `play --save`, or a saved session")
    report.add_argument("--out", metavar="DIR", required=True, help="folder to write the report into")
    report.add_argument("--lang", choices=LANGUAGES, help="language of the report (default: the scenario's)")
    report.add_argument(
        "--what-if-turn", type=int, metavar="N", help="keep the team's moves up to turn N (default: half)"
    )
    report.add_argument("--what-if-bot", choices=list(BOTS), help="who plays on after that (default: mixed)")
    report.add_argument("--force", action="store_true", help="replace files in DIR that this program did not write")


def run(args: argparse.Namespace) -> int:
    """Build the debrief of the save and write the three files; prints where they are."""
    from game.debrief.build import DEFAULT_STRATEGY  # the debrief and its charts load only for this command
    from game.debrief.export import write_report
    from game.debrief.trace import TraceError

    path = Path(args.save)
    if args.what_if_turn is not None and args.what_if_turn < 0:
        raise CommandFailed(f"--what-if-turn must be 0 or more, not {args.what_if_turn}.", EXIT_USAGE)
    record, scenario = read_saved(path, read_any_record)
    language = args.lang or (scenario.language if scenario.language in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        debrief = _debrief(path, scenario, record, args.what_if_turn, args.what_if_bot or DEFAULT_STRATEGY)
    except TraceError as error:
        raise CommandFailed(f"{path} cannot be debriefed: {error}.") from None
    try:
        files = write_report(debrief, Path(args.out), language, args.force)
    except WriteRefused as refused:
        raise CommandFailed(f"{refused.path} {refused.reason('part of a report written by this program')}.") from None
    except OSError as error:
        raise CommandFailed(
            f"cannot write the report into {args.out}: {error.strerror or error}; nothing there was changed."
        ) from None
    for written in (files.html, files.csv, files.json):
        print(written)
    return EXIT_OK


def _debrief(path: Path, scenario: Scenario, record: dict, turn: int | None, strategy: str) -> Debrief:
    from game.debrief.build import PlayedGame, debrief_of_games, debrief_of_session
    from game.persistence.loading import rebuild_session, replay_game

    if is_session(record):
        return debrief_of_session(rebuilt(path, rebuild_session, record, scenario), turn, strategy)
    state = rebuilt(path, replay_game, record, scenario)
    team = record["bot"] or path.stem
    return debrief_of_games([PlayedGame(team, 0, state)], "game", turn, strategy)
