"""The `host` command: run a workshop where every team plays from its own browser.

Prints one line per team, `Team NAME: URL`, then the facilitator's line, and
serves until Ctrl+C (or until the projector window closes). Running the same
command again resumes the saved workshop with the same links.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from game.cli.errors import EXIT_OK, EXIT_USAGE, CommandFailed
from game.cli.inputs import open_scenario
from game.core.competitor import DIFFICULTY
from game.core.text import DEFAULT_LANGUAGE, LANGUAGES
from game.workshop.limits import MAX_TEAMS

DEFAULT_PORT = 8765
NAME_LIMIT = 24  # characters in a team name, as in the window's workshop set-up


def add_parser(commands: argparse._SubParsersAction) -> None:
    host = commands.add_parser(
        "host",
        help="host a workshop: every team plays from its own browser, the facilitator steers from theirs",
        description=(
            "Host a workshop on this machine: each team opens its own link (printed below, or scanned from a QR "
            "code on the facilitator's page) in a browser on the same network; nothing to install. The workshop is "
            "saved after every round: run the same command again to resume it with the same links."
        ),
    )
    host.add_argument("scenario", metavar="SCENARIO", help="a scenario file, or the id of a shipped scenario")
    host.add_argument("--teams", type=int, required=True, metavar="N", help=f"number of teams, 1 to {MAX_TEAMS}")
    host.add_argument("--mode", choices=("simultaneous", "hotseat"), default="simultaneous", help="how turns go")
    host.add_argument("--names", metavar="A,B,...", help="team names, comma-separated (default: their colours)")
    host.add_argument("--timer", type=int, default=0, metavar="SECONDS", help="planning time per round (0: none)")
    host.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default {DEFAULT_PORT})")
    host.add_argument("--bind", default="0.0.0.0", metavar="ADDRESS", help="address to listen on (default: all)")
    host.add_argument("--advertise", metavar="HOST", help="host name the links carry (default: this machine's)")
    host.add_argument("--headless", action="store_true", help="no projector window: the console and the pages only")
    host.add_argument("--seed", type=int, help="random seed (default: the scenario's)")
    host.add_argument("--rival", choices=list(DIFFICULTY), default="normal", help="the competitor's speed")
    host.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of default names")
    host.add_argument("--session", metavar="FILE", help="the workshop's save file (default: one per scenario)")
    host.add_argument("--new", action="store_true", help="start a new workshop even if one is saved")


def run(args: argparse.Namespace) -> int:
    from game.server import host

    scenario = open_scenario(args.scenario)[1]
    setup = host.Setup(
        scenario=scenario,
        team_names=_team_names(args),
        mode=args.mode,
        seed=args.seed,
        difficulty=args.rival,
        turn_seconds=args.timer or None,
        path=Path(args.session) if args.session else _default_path(scenario.id),
        fresh=args.new,
    )
    if not 0 <= args.port <= 65535:
        raise CommandFailed(f"--port must be between 0 and 65535, not {args.port}.", EXIT_USAGE)
    if args.timer < 0:
        raise CommandFailed(f"--timer must be 0 (no timer) or a number of seconds, not {args.timer}.", EXIT_USAGE)
    autosaver = host.Autosaver(setup.path)
    try:
        room, note = _open(host, setup, autosaver)
        sock = _bind(host, args.bind, args.port)
        base = f"http://{host.shown_address(args.bind, args.advertise)}:{sock.getsockname()[1]}"
        projector = None if args.headless else _projector(args.lang)
        hub = host.Hub(room, base)
        hub.projector_language = args.lang
        hub.on_ready.append(lambda: _announce(scenario, room, hub, note))
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C is how a facilitator stops hosting
            host.serve_hub(hub, sock, projector)
    finally:
        autosaver.close()
    print(f"The workshop is saved in {setup.path}; run the same command to resume it.")
    return EXIT_OK


def _open(host, setup, autosaver):  # noqa: ANN001, ANN202 - the host module, its Setup and Autosaver
    from game.persistence.hosted import HostedError

    try:
        return host.open_room(setup, autosaver)
    except (HostedError, host.HostError) as error:
        raise CommandFailed(str(error)) from None


def _bind(host, address: str, port: int):  # noqa: ANN001, ANN202 - the host module; a socket
    try:
        return host.bind(address, port)
    except host.HostError as error:
        raise CommandFailed(str(error)) from None


def _default_path(scenario_id: str) -> Path:
    from game.persistence.hosted import hosted_path

    return hosted_path(scenario_id)


def _team_names(args: argparse.Namespace) -> list[str]:
    """The names given with --names, else the teams' colours in the chosen language."""
    if not 1 <= args.teams <= MAX_TEAMS:
        raise CommandFailed(f"--teams must be between 1 and {MAX_TEAMS}, not {args.teams}.", EXIT_USAGE)
    if args.names:
        names = [name.strip() for name in args.names.split(",")]
        if len(names) != args.teams or not all(names):
            raise CommandFailed(f"--names must give {args.teams} non-empty names, separated by commas.", EXIT_USAGE)
        if len(set(names)) != len(names):
            raise CommandFailed("two teams have the same name: give each team its own.", EXIT_USAGE)
        if any(len(name) > NAME_LIMIT for name in names):
            raise CommandFailed(f"team names have at most {NAME_LIMIT} characters.", EXIT_USAGE)
        return names
    from game.i18n import Translator
    from game.ui.theme import OKABE_ITO_NAMES

    tr = Translator(args.lang)
    return [tr.tr(f"ui.colour.{name}") for name in OKABE_ITO_NAMES[: args.teams]]


def _announce(scenario, room, hub, note: str) -> None:  # noqa: ANN001 - Scenario, Room, Hub
    session = room.session
    print(
        f"Signal Race workshop: {scenario.title.get(DEFAULT_LANGUAGE)} — {len(session.teams)} teams, {session.mode} turns"
    )
    print(note)
    for index, team in enumerate(session.teams):
        print(f"Team {team.name}: {hub.link(index)}")
    print(f"Facilitator: {hub.facilitator_link()}")
    print("Press Ctrl+C to stop; the workshop is saved and resumes with the same links.", flush=True)


def _projector(language: str):  # noqa: ANN202 - a function drawing the room until its window closes
    """The projector window, or None (with a word on the console) when this machine has no display."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.projector import projector_available, run_projector

    if not projector_available():
        print("No display here: running without the projector window (as with --headless).", file=sys.stderr)
        return None
    return lambda room_view: run_projector(room_view, language)
