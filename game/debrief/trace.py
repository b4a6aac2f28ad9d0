"""Replaying a team's game to recover what the final state forgets: when each move was made, at what fidelity people learned.

The final state keeps only the best copy of a signal each person ever held;
the debrief wants the copy they first received, so it replays the action log
once and records fidelity at the end of the turn each person learned.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.core import rules
from game.core.actions import Action, EndTurn
from game.core.state import GameState


class TraceError(Exception):
    """The action log does not reproduce the game it came from (the scenario changed)."""


@dataclass(frozen=True)
class Trace:
    state: GameState  # the game, as played
    action_turns: tuple[int, ...]  # turn on which each action of state.actions was played
    learned_fidelity: (
        np.ndarray
    )  # float64 (S, n): fidelity of the first copy, at the end of the turn learned; NaN never


def action_turns(actions: list[Action]) -> tuple[int, ...]:
    """The turn of each action: one more than the number of EndTurn before it."""
    turns, turn = [], 1
    for action in actions:
        turns.append(turn)
        if isinstance(action, EndTurn):
            turn += 1
    return tuple(turns)


def trace(state: GameState) -> Trace:
    """Replay `state`'s log from its seed, noting the fidelity of each first copy; checks the replay matches."""
    replayed = rules.new_game(state.scenario, state.seed, state.difficulty)
    learned = np.full(state.knows.shape, np.nan)
    for action in state.actions:
        rules.apply(replayed, action)
        if isinstance(action, EndTurn):
            _note_newcomers(replayed, learned)
    _note_newcomers(replayed, learned)
    if state.ended_turn is not None:
        rules.end_early(replayed)
    if replayed.fingerprint() != state.fingerprint():
        raise TraceError("replaying the team's moves does not give the same game")
    return Trace(state, action_turns(state.actions), learned)


def _note_newcomers(state: GameState, learned: np.ndarray) -> None:
    fresh = state.knows & np.isnan(learned)
    learned[fresh] = state.fidelity[fresh]


def replay_turns(state: GameState, turns: int) -> GameState:
    """A new game with the same seed where the team's moves of its first `turns` turns are replayed."""
    replayed = rules.new_game(state.scenario, state.seed, state.difficulty)
    for action in state.actions:
        if replayed.over or replayed.turn > turns:
            break
        rules.apply(replayed, action)
    return replayed
