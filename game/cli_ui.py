"""The command line's way into the game window: `signal-race` (or `python main.py`) opens it, `screenshots DIR` renders every screen."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from game.cli_errors import EXIT_OK, CommandFailed
from game.core.model import Scenario
from game.core.text import LANGUAGES as SCREEN_LANGUAGES
from game.invocation import command_name

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # the game speaks for itself on the console

SCREEN_SIZES = ("1280x720", "1920x1080")  # the window sizes the screens are designed for
OFFSCREEN_DRIVERS = ("dummy", "offscreen")  # SDL video drivers that draw nowhere


def add_screenshots_parser(commands: argparse._SubParsersAction) -> None:
    shots = commands.add_parser(
        "screenshots", help="render PNGs of every screen, in English and French, without a display"
    )
    shots.add_argument("out_dir", metavar="DIR", help="folder to write the PNG files into (created if needed)")
    shots.add_argument("--lang", choices=SCREEN_LANGUAGES, help="only this language (default: both)")
    shots.add_argument("--size", choices=SCREEN_SIZES, help="only this window size (default: both)")


def run_game(scenario: Scenario | None = None, seed: int | None = None) -> int:
    """Open the game window on the main menu, or straight on a solo game of `scenario`, with saved settings."""
    import pygame

    from game.ui.app import App
    from game.ui.scenes.menu import MenuScene
    from game.ui.settings import load_settings

    settings = load_settings()
    try:
        app = App((1280, 720), settings.language, settings.fullscreen, settings.text_scale)
    except pygame.error as error:
        raise CommandFailed(f"cannot open the game window ({error}); {headless_hint()}") from None
    if pygame.display.get_driver() in OFFSCREEN_DRIVERS:  # an invisible window would wait forever for a player
        pygame.quit()
        raise CommandFailed(f"no display is available, so the game window cannot open; {headless_hint()}")
    app.push(MenuScene(app))
    if scenario is not None:
        open_solo_game(app, scenario, seed)
    app.run()
    return EXIT_OK


def headless_hint() -> str:
    return f"the headless commands still work ({command_name()} --help)"


def open_solo_game(app, scenario: Scenario, seed: int | None) -> None:  # noqa: ANN001 - App
    """Start a solo game of `scenario` on top of the menu, as the solo set-up screen would."""
    from game.ui import flow
    from game.workshop.session import Session

    session = Session.start(scenario, [app.tr("ui.solo.team")], seed=seed, mode="solo")
    app.apply(flow.start_game(app, session))


def run_screenshots(args: argparse.Namespace) -> int:
    os.environ["SDL_VIDEODRIVER"] = "dummy"  # before pygame opens a display: no window, works on a server
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.ui.screenshots import render_screens

    try:
        languages = (args.lang,) if args.lang else SCREEN_LANGUAGES
        sizes = [tuple(int(n) for n in size.split("x")) for size in ([args.size] if args.size else SCREEN_SIZES)]
        written = render_screens(Path(args.out_dir), languages, sizes)
    except OSError as error:
        raise CommandFailed(f"cannot write the screenshots to {args.out_dir}: {error.strerror or error}") from None
    for path in written:
        print(path)
    print(f"{len(written)} screenshots written to {args.out_dir}")
    return EXIT_OK
