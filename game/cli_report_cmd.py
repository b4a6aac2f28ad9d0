"""The `report` command: the debrief of a saved game or workshop as report.html, events.csv and summary.json.

A save is either one game (`play --save`) or a whole session (solo or
workshop, "kind": "session"); its scenario is found as `replay` finds it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.cli_errors import EXIT_OK, EXIT_USAGE, CommandFailed
from game.cli_play import check_record, scenario_of_save
from game.core import replay
from game.core.bots import BOTS
from game.core.model import Scenario
from game.core.text import DEFAULT_LANGUAGE, LANGUAGES

if TYPE_CHECKING:
    from game.debrief.build import Debrief


def add_report_parser(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser("report", help="write the debrief of a saved game or workshop (HTML, CSV, JSON)")
    report.add_argument("save", metavar="SAVE", help="a game saved by `play --save`, or a saved session")
    report.add_argument("--out", metavar="DIR", required=True, help="folder to write the report into")
    report.add_argument("--lang", choices=LANGUAGES, help="language of the report (default: the scenario's)")
    report.add_argument(
        "--what-if-turn", type=int, metavar="N", help="keep the team's moves up to turn N (default: half)"
    )
    report.add_argument("--what-if-bot", choices=list(BOTS), help="who plays on after that (default: mixed)")


def run_report(args: argparse.Namespace) -> int:
    """Build the debrief of the save and write the three files; prints where they are."""
    from game.debrief.build import DEFAULT_STRATEGY  # the debrief and its charts load only for this command
    from game.debrief.export import write_report
    from game.debrief.trace import TraceError

    path = Path(args.save)
    if args.what_if_turn is not None and args.what_if_turn < 0:
        raise CommandFailed(f"--what-if-turn must be 0 or more, not {args.what_if_turn}.", EXIT_USAGE)
    record = _read(path)
    scenario = scenario_of_save(path, record)
    language = args.lang or (scenario.language if scenario.language in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        debrief = _debrief(path, scenario, record, args.what_if_turn, args.what_if_bot or DEFAULT_STRATEGY)
    except TraceError as error:
        raise CommandFailed(f"{path} cannot be debriefed: {error}.") from None
    try:
        files = write_report(debrief, Path(args.out), language)
    except OSError as error:
        raise CommandFailed(f"cannot write the report into {args.out}: {error.strerror or error}.") from None
    for written in (files.html, files.csv, files.json):
        print(written)
    return EXIT_OK


def _read(path: Path) -> dict:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CommandFailed(f"the save {path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CommandFailed(f"cannot read the save {path}: {getattr(error, 'strerror', None) or error}.") from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise CommandFailed(f"{path} is not a Signal Race save: it is not valid JSON ({where}).") from None
    if isinstance(record, dict) and record.get("kind") == "session":
        if not isinstance(record.get("scenario"), str) or not record["scenario"]:
            raise CommandFailed(f"{path} is damaged: it does not say which scenario it was played on.")
        return record
    check_record(path, record)
    return record


def _debrief(path: Path, scenario: Scenario, record: dict, turn: int | None, strategy: str) -> Debrief:
    from game.debrief.build import PlayedGame, debrief_of_games, debrief_of_session
    from game.workshop.session import Session, SessionError

    digest = record.get("scenario_digest")
    if digest and scenario.digest and digest != scenario.digest:
        print(f"warning: scenario '{scenario.id}' has changed since {path} was saved.", file=sys.stderr)
    if record.get("kind") == "session":
        try:
            session = Session.from_record(scenario, record)
        except SessionError as error:
            raise CommandFailed(f"{path} cannot be replayed: {error}.") from None
        return debrief_of_session(session, turn, strategy)
    try:
        state = replay.replay(scenario, record)
    except replay.ReplayError as error:
        raise CommandFailed(f"{path} cannot be replayed: {error}.") from None
    bot = record.get("bot")
    team = bot if isinstance(bot, str) and bot else path.stem
    return debrief_of_games([PlayedGame(team, 0, state)], "game", turn, strategy)
