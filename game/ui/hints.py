"""Step-by-step hints for the tutorial scenario: what to do next, given the turn and the board's selection.

The board asks `tutorial_hint` whenever its selection or the turn changes and
shows the sentence in a banner; outside the tutorial it gets None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.core import rules
from game.core.actions import EndTurn, InjectEvent
from game.core.state import NOT_YET, GameState

if TYPE_CHECKING:
    from game.ui.app import App
    from game.workshop.session import Session

TUTORIAL_ID = "tutorial"


def tutorial_hint(app: App, session: Session, person: int | None, signal: int | None) -> str | None:
    """The next step to teach in the chosen language, or None outside the tutorial or once the game is over."""
    if session.scenario.id != TUTORIAL_ID or session.over:
        return None
    state = session.active_team().state
    key, values = _situation(state, person, signal)
    return app.tr(key, **values)


def _situation(state: GameState, person: int | None, signal: int | None) -> tuple[str, dict]:
    names = state.scenario.org.names
    if not state.knows.any():
        return "ui.hint.wait", {}
    if signal is not None and state.exposed[signal]:
        return "ui.hint.exposed", {}
    if signal is not None and state.faded[signal]:
        return "ui.hint.faded", {}
    if signal is not None and state.exploit_done[signal] != NOT_YET:
        return "ui.hint.done", {}
    if signal is not None and state.exploiter[signal] >= 0:
        return "ui.hint.working", {"person": names[state.exploiter[signal]]}
    if state.action_points <= 0:
        return "ui.hint.end_turn", {}
    if person is None or signal is None or not state.knows[signal, person]:
        return "ui.hint.select", {}
    if not rules.actions_for(state, person, signal):
        return "ui.hint.no_action", {"person": names[person]}
    if _moves_this_turn(state) == 0:
        return "ui.hint.act", {"person": names[person], "points": state.action_points}
    return "ui.hint.more", {"points": state.action_points}


def _moves_this_turn(state: GameState) -> int:
    moves = 0
    for action in reversed(state.actions):
        if isinstance(action, EndTurn):
            break
        moves += not isinstance(action, InjectEvent)
    return moves
