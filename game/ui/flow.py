"""Which screen comes next in a game: after a set-up or a load, and after a team ends its planning.

Every game screen sits directly on the main menu (`Home(scene)`), so "back to
the menu" is always one step and the stack never grows during a long workshop.
The game is autosaved when it opens and after every team's turn, solo too, so
a crash loses at most the turn being planned; a finished game is kept as an
ordinary save and its autosave cleared. Leaving a game from the pause menu keeps
the autosave: the menu offers to resume it, so a mistaken click loses nothing.
Each game has its own autosave, so starting another never discards one.
An autosave that fails (a full or read-only disk) does not stop the game: a
banner says so at once, in the window and on the console, and the next turn
tries again (the banner then says the game is safe again).
"""

from __future__ import annotations

import errno
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.i18n import Message
from game.persistence.saves import autosave, clear_autosave, save_session
from game.ui.app import Home
from game.ui.banner import Banner
from game.ui.scene import Scene, Transition
from game.workshop.session import GAME_OVER, NEXT_TEAM, Session

if TYPE_CHECKING:
    from game.ui.app import App

log = logging.getLogger(__name__)
FAILED = "ui.autosave.failed"  # key of the banner shown while autosaves fail


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
    keep(app, session)
    if session.mode == "solo":
        return Home(board(app, session))
    return Home(CurtainScene(app, session))


def after_planning(app: App, session: Session, outcome: str) -> Transition | None:
    """Where to go once the active team has ended its planning (`outcome` from Session.end_planning)."""
    from game.ui.scenes.curtain import CurtainScene
    from game.ui.scenes.leaderboard import LeaderboardScene
    from game.ui.scenes.results import ResultsScene

    if outcome == GAME_OVER:
        finish(app, session)
        return Home(ResultsScene(app, session))
    keep(app, session)
    if session.mode == "solo":
        return None  # the board stays and shows the new turn
    if outcome == NEXT_TEAM:
        return Home(CurtainScene(app, session))
    return Home(LeaderboardScene(app, session, then=lambda: Home(CurtainScene(app, session))))


def end_game(app: App, session: Session) -> Transition:
    """The facilitator stops the game: results now, for the debrief."""
    from game.ui.scenes.results import ResultsScene

    session.end_game()
    finish(app, session)
    return Home(ResultsScene(app, session))


def back_to_menu() -> Transition:
    """The players leave the game for the menu; its autosave stays, so the menu offers to resume it."""
    return Home()


def keep(app: App, session: Session) -> None:
    """Autosave; a failure must not stop a workshop, but the players must know their game is not safe."""
    try:
        autosave(session)
    except OSError as error:
        _autosave_failed(app, error)
        return
    if app.banner is not None and app.banner.message.key == FAILED:
        app.banner = Banner(Message.of("ui.autosave.recovered"), warning=False)


def finish(app: App, session: Session) -> None:
    """Keep the finished game as an ordinary save (for the debrief), then clear the autosave."""
    try:
        save_session(session)
        clear_autosave(session)
    except OSError as error:
        log.warning("could not keep the finished game: %s", error)
        keep(app, session)


def _autosave_failed(app: App, error: OSError) -> None:
    """Say so over the game at once, and on the console (once, until it works again)."""
    message = Message.of(FAILED, reason=_why(error))
    if app.banner is None or app.banner.message != message:
        log.warning("autosave failed: %s", error)
        print(f"signal-race: {message.english()}", file=sys.stderr)
    app.banner = Banner(message, warning=True)


def _why(error: OSError) -> Message:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return Message.of("ui.autosave.full")
    if error.errno == errno.EROFS:
        return Message.of("ui.autosave.read_only")
    if error.errno in (errno.EACCES, errno.EPERM) and error.filename:
        return Message.of("ui.autosave.denied", folder=str(Path(error.filename).parent))
    return Message.of("ui.autosave.other", detail=error.strerror or str(error))
