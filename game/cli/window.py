"""The command line's way into the game window: `signal-race` (or `python main.py`) opens it, `play SCENARIO` opens it on a game."""

from __future__ import annotations

import os

from game.cli.errors import EXIT_OK, CommandFailed
from game.core.model import Scenario
from game.invocation import command_name

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # the game speaks for itself on the console

OFFSCREEN_DRIVERS = ("dummy", "offscreen")  # SDL video drivers that draw nowhere


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
