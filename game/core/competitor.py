"""The simulated rival: when it will exploit each genuine signal, and its race against the team."""

from __future__ import annotations

import numpy as np

from game.core import phrases
from game.core.model import Scenario
from game.core.state import NOT_YET, GameState, LogEntry

MIN_REACTION = 1  # turns: the rival never exploits a signal the turn it appears
DIFFICULTY = {"easy": 1.3, "normal": 1.0, "hard": 0.75}  # multiplier of the rival's reaction times


def draw_competitor(scenario: Scenario, rng: np.random.Generator, difficulty: str = "normal") -> np.ndarray:
    """The turn the rival will exploit each signal (inf for rumours, which it ignores)."""
    pace = DIFFICULTY[difficulty]
    due = np.full(len(scenario.signals), np.inf)
    draws = rng.standard_normal(len(scenario.signals))
    for s, (signal, reaction) in enumerate(zip(scenario.signals, scenario.competitor.reactions)):
        if signal.genuine:
            delay = max(MIN_REACTION, round(pace * (reaction.mean + reaction.spread * draws[s])))
            due[s] = signal.appears_turn + delay
    return due


def competitor_step(state: GameState) -> None:
    """The rival exploits every genuine signal whose (leak-shortened) time has come."""
    scenario = state.scenario
    ready = (state.competitor_done == NOT_YET) & (state.competitor_due <= state.turn)
    for s in np.flatnonzero(ready):
        state.competitor_done[s] = state.turn
        text = phrases.RIVAL_EXPLOITED.format(rival=scenario.competitor.name, signal=scenario.signals[s].title)
        state.log.append(LogEntry(state.turn, text, int(s), kind="rival"))


def finish_rival(state: GameState) -> None:
    """When the game stops early, the rival still exploits what it would have within the game's length."""
    pending = (state.competitor_done == NOT_YET) & (state.competitor_due <= state.scenario.turns)
    turns = np.maximum(np.ceil(state.competitor_due[pending]), state.turn).astype(np.int32)
    state.competitor_done[pending] = turns


def rival_progress(state: GameState, signal: int) -> float:
    """How far along the rival is on `signal`, from 0 (appeared) to 1 (exploited); 0 for rumours."""
    if state.competitor_done[signal] != NOT_YET:
        return 1.0
    due = state.competitor_due[signal]
    start = state.scenario.signals[signal].appears_turn
    if not np.isfinite(due) or state.turn < start:
        return 0.0
    return float(np.clip((state.turn - start) / max(due - start, 1.0), 0.0, 1.0))
