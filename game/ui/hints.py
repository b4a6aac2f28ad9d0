"""Step-by-step hints for the tutorial scenario: what to do next, given the turn and the board's selection.

The board asks `tutorial_hint` whenever its selection or the turn changes and
shows the sentence in a banner; outside the tutorial it gets None. Once the
team has made its first move, the hints follow the goal card's checklist (the
first condition still open) and the view on screen, so they change when the
situation does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.core import rules
from game.core.actions import EndTurn, InjectEvent
from game.core.goal import goal_of
from game.core.model import NO_PERSON
from game.core.state import NOT_YET, GameState
from game.core.text import LANGUAGES, Text

if TYPE_CHECKING:
    from game.ui.app import App
    from game.workshop.session import Session

TUTORIAL_ID = "tutorial"


def tutorial_hint(app: App, session: Session, person: int | None, signal: int | None, view: str = "tree") -> str | None:
    """The next step to teach in the chosen language, or None outside the tutorial or once the game is over.

    `view` is the map's view ("tree" or "network"): a hint never asks for the view already on screen."""
    if session.scenario.id != TUTORIAL_ID or session.over:
        return None
    state = session.active_team().state
    key, values = _situation(state, person, signal, view)
    return app.tr(key, **values)


def _situation(state: GameState, person: int | None, signal: int | None, view: str) -> tuple[str, dict]:
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
    if not _has_moved(state):
        return "ui.hint.act", {"person": names[person], "points": state.action_points}
    return _next_condition(state, signal, view)


def _next_condition(state: GameState, signal: int, view: str) -> tuple[str, dict]:
    """The goal card's first open condition, as the next thing to do."""
    goal = goal_of(state, signal)
    scenario = state.scenario
    names = scenario.org.names
    if not goal.someone_capable_knows:
        if not goal.candidates:
            skills = [scenario.tag_label(t) for t in goal.skills]
            return "goal.hint.find", {
                "skill": Text({lang: ", ".join(s.get(lang) for s in skills) for lang in LANGUAGES})
            }
        return f"goal.hint.reach.{view}", {"candidate": names[goal.candidates[0]]}
    if not goal.approved:
        return "goal.hint.approve", {"person": names[goal.capable_holder], "approver": names[goal.approver]}
    if goal.exploiter == NO_PERSON:
        return "goal.hint.ready", {}
    return "ui.hint.working", {"person": names[goal.exploiter]}


def _has_moved(state: GameState) -> bool:
    """Whether the team has made a move of its own yet (the first hint explains the panel once)."""
    return any(not isinstance(action, (EndTurn, InjectEvent)) for action in state.actions)
