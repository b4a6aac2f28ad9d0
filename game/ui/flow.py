"""Which screen comes next in a game: after a set-up or a load, and after a team ends its planning.

Every game screen sits directly on the main menu (`Home(scene)`), so "back to
the menu" is always one step and the stack never grows during a long workshop.
The game is autosaved when it opens and after every team's turn, solo too, so
a crash loses at most the turn being planned; a finished game is kept as an
ordinary save and its autosave cleared. Leaving a game from the pause menu keeps
the autosave: the menu offers to resume it, so a mistaken click loses nothing.
Each game has its own autosave, so starting another never discards one.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from game.ui.app import Home
from game.ui.scene import Scene, Transition
from game.workshop.session import GAME_OVER, NEXT_TEAM, Session

if TYPE_CHECKING:
    from game.ui.app import App

log = logging.getLogger(__name__)


def board(app: App, session: Session) -> Scene:
    """The play screen of the session's active team."""
    from game.ui.board.scene import BoardScene

    return BoardScene(app, session)


def start_game(app: App, session: Session) -> Transition:
    """Open a new or loaded session where it stands: the board, a curtain, or the results if it is over."""
    from game.ui.scenes.curtain import CurtainScene
    from game.ui.scenes.results import ResultsScene

    if session.over:
        return Home(ResultsScene(app, session))
    keep(session)
    if session.mode == "solo":
        return Home(board(app, session))
    return Home(CurtainScene(app, session))


def after_planning(app: App, session: Session, outcome: str) -> Transition | None:
    """Where to go once the active team has ended its planning (`outcome` from Session.end_planning)."""
    from game.ui.scenes.curtain import CurtainScene
    from game.ui.scenes.leaderboard import LeaderboardScene
    from game.ui.scenes.results import ResultsScene

    if outcome == GAME_OVER:
        finish(session)
        return Home(ResultsScene(app, session))
    keep(session)
    if session.mode == "solo":
        return None  # the board stays and shows the new turn
    if outcome == NEXT_TEAM:
        return Home(CurtainScene(app, session))
    return Home(LeaderboardScene(app, session, then=lambda: Home(CurtainScene(app, session))))


def end_game(app: App, session: Session) -> Transition:
    """The facilitator stops the game: results now, for the debrief."""
    from game.ui.scenes.results import ResultsScene

    session.end_game()
    finish(session)
    return Home(ResultsScene(app, session))


def back_to_menu() -> Transition:
    """The players leave the game for the menu; its autosave stays, so the menu offers to resume it."""
    return Home()


def keep(session: Session) -> None:
    """Autosave; a full disk must not stop a workshop, so a failure is only logged."""
    from game.ui.saves import autosave

    try:
        autosave(session)
    except OSError as error:
        log.warning("autosave failed: %s", error)


def finish(session: Session) -> None:
    """Keep the finished game as an ordinary save (for the debrief), then clear the autosave."""
    from game.ui.saves import clear_autosave, save_session

    try:
        save_session(session)
        clear_autosave(session)
    except OSError as error:
        log.warning("could not keep the finished game: %s", error)
        keep(session)
