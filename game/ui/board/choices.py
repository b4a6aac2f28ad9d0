"""What the action panel offers: the selected person's legal moves about the selected signal, then asking the network.

Numbered in this order the first time the panel shows them in a turn (keys 1–9
play the first nine); `StableKeys` keeps each move's number for the rest of
the turn, so new moves (a contact found by asking) take the next numbers
instead of shifting the others. Asking about the skills the signal's
exploitation needs comes first among the questions, since that is how a team
finds its exploiter.
"""

from __future__ import annotations

from game.core import rules
from game.core.actions import Action, AskNetwork
from game.core.state import GameState


def panel_actions(state: GameState, person: int | None, signal: int | None) -> list[Action]:
    """Exactly `rules.actions_for(state, person, signal)`, followed by the person's legal questions to the network."""
    if person is None or state.over:
        return []
    moves = rules.actions_for(state, person, signal) if signal is not None else []
    questions = [a for a in rules.actions_for(state, person) if isinstance(a, AskNetwork)]
    if signal is not None:
        spec = state.scenario.signals[signal]
        wanted = [int(t) for t in spec.exploit.skills] + [int(t) for t in spec.topics]
        questions.sort(key=lambda a: wanted.index(a.topic) if a.topic in wanted else len(wanted))
    return moves + questions


class StableKeys:
    """The number each move of a panel (person, signal) got this turn; numbers are never reused within a turn."""

    def __init__(self) -> None:
        self._turn: int | None = None
        self._numbers: dict[tuple[int | None, int | None], dict[Action, int]] = {}

    def rows(self, state: GameState, person: int | None, signal: int | None) -> list[tuple[int, Action]]:
        """The panel's legal moves with their numbers (from 1), in number order; gaps where a move was played."""
        if self._turn != state.turn:
            self._turn = state.turn
            self._numbers.clear()
        numbers = self._numbers.setdefault((person, signal), {})
        actions = panel_actions(state, person, signal)
        for action in actions:
            numbers.setdefault(action, len(numbers) + 1)
        return sorted(((numbers[a], a) for a in actions), key=lambda row: row[0])


def visible_signals(state: GameState) -> list[int]:
    """Signals the team has heard of, in the order they appeared (the `S` key cycles through them)."""
    known = [s for s in range(len(state.scenario.signals)) if state.knows[s].any()]
    return sorted(known, key=lambda s: (state.scenario.signals[s].appears_turn, s))


def holders_in_order(state: GameState, signal: int) -> list[int]:
    """People who hold `signal`, top of the org chart first (Tab / Shift+Tab cycle through them)."""
    holders = state.holders(signal)
    return [int(p) for p in holders[sorted(range(len(holders)), key=lambda i: state.hierarchy.position[holders[i]])]]
