"""Counterfactual games on the same seed: what each reference bot scores, and "what if" from a chosen turn.

A what-if replays the team's own moves of its first `turn` turns, then lets a
strategy play the rest. The facilitator's injected events are fired again on
their turns, so the alternative game meets the same surprises. It stops where
the team's game stopped (its end, or the turn the facilitator ended it, where
the same early-end rule settles its work under way and the rival), so the two
scores compare like for like. A bot's game is the what-if from turn 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core import rules
from game.core.actions import InjectEvent
from game.core.bots import BOTS
from game.core.scoring import SignalOutcome, outcomes, score
from game.core.state import GameState
from game.debrief.timeline import last_turn
from game.debrief.trace import action_turns, replay_turns


@dataclass(frozen=True)
class Alternative:
    strategy: str  # a key of bots.BOTS
    from_turn: int  # the team's moves were kept for turns 1 .. from_turn
    score: float
    team_score: float  # the team's own score, for the difference
    outcomes: tuple[SignalOutcome, ...]

    @property
    def difference(self) -> float:
        """Points the alternative made over the team (negative: the team did better)."""
        return round(self.score - self.team_score, 2)


def what_if_state(state: GameState, turn: int, strategy: str) -> GameState:
    """The game where the team played its first `turn` turns, then `strategy` played on."""
    if strategy not in BOTS:
        raise ValueError(f"unknown strategy {strategy!r}; choose one of {', '.join(BOTS)}")
    turn = max(0, min(turn, last_turn(state)))
    game = replay_turns(state, turn)
    injections = _later_injections(state, turn)
    bot = BOTS[strategy](state.seed)
    while not game.over and game.turn < _stop_turn(state):
        for event in injections.get(game.turn, []):
            rules.apply(game, InjectEvent(event))
        bot.play_turn(game)
        rules.end_turn(game)
    if state.ended_turn is not None and not game.over:
        rules.end_early(game)  # settled by the same rule as the team's game
    return game


def _stop_turn(state: GameState) -> float:
    """The first turn the alternative game does not play: the one the team's game had not played either."""
    if state.ended_turn is not None:
        return state.ended_turn + 1
    return float("inf") if state.over else state.turn


def _later_injections(state: GameState, turn: int) -> dict[int, list[int]]:
    """The facilitator's events after the team's kept turns, by the turn they fired."""
    later: dict[int, list[int]] = {}
    for when, action in zip(action_turns(state.actions), state.actions):
        if isinstance(action, InjectEvent) and when > turn:
            later.setdefault(when, []).append(action.event)
    return later


def what_if(state: GameState, turn: int, strategy: str) -> Alternative:
    game = what_if_state(state, turn, strategy)
    return Alternative(strategy, turn, score(game), score(state), tuple(outcomes(game)))


def bot_results(state: GameState, strategies: tuple[str, ...] = tuple(BOTS)) -> tuple[Alternative, ...]:
    """Each reference strategy on the same seed, difficulty and facilitator events, from the first turn."""
    return tuple(what_if(state, 0, name) for name in strategies)
