"""The simulated rival: when it moves on each signal, its race against the team, and what the team can guess of it.

The rival looks into every signal, rumours included, on the same drawn
timetable: a genuine signal it exploits, a rumour it drops (the rumour then
fades). So its visible behaviour gives nothing away until it moves. The team
never sees the drawn turn, only market intelligence: the scenario's expected
reaction, shifted by the news it saw (leaks, announcements), with its spread.
"""

from __future__ import annotations

import math

import numpy as np

from game.core import phrases
from game.core.model import Scenario
from game.core.state import NOT_YET, GameState, LogEntry

MIN_REACTION = 1  # turns: the rival never moves on a signal the turn it appears
DIFFICULTY = {"easy": 1.3, "normal": 1.0, "hard": 0.75}  # multiplier of the rival's reaction times
ESTIMATE_WIDTH = 1.0  # the estimate spans the expected turn ± this many standard deviations


def draw_competitor(scenario: Scenario, rng: np.random.Generator, difficulty: str = "normal") -> np.ndarray:
    """The turn the rival will move on each signal: exploit it, or drop it when it is a rumour."""
    pace = DIFFICULTY[difficulty]
    draws = rng.standard_normal(len(scenario.signals))
    due = np.empty(len(scenario.signals))
    for s, (signal, reaction) in enumerate(zip(scenario.signals, scenario.competitor.reactions)):
        delay = max(MIN_REACTION, round(pace * (reaction.mean + reaction.spread * draws[s])))
        due[s] = signal.appears_turn + delay
    return due


def rival_gains(state: GameState, signals: np.ndarray | slice, turns: float) -> None:
    """News the team hears of: the rival moves `turns` sooner on `signals`."""
    state.competitor_due[signals] -= turns
    state.rival_gain[signals] += turns


def competitor_step(state: GameState) -> None:
    """The rival exploits every genuine signal whose time has come, and drops every rumour whose time has come."""
    scenario = state.scenario
    ready = (state.competitor_done == NOT_YET) & (state.competitor_due <= state.turn)
    for s in ready.nonzero()[0]:
        signal = scenario.signals[s]
        names = dict(rival=scenario.competitor.name, signal=signal.title)
        if signal.genuine:
            state.competitor_done[s] = state.turn
            state.log.append(LogEntry(state.turn, phrases.RIVAL_EXPLOITED.format(**names), int(s), kind="rival"))
            continue
        state.competitor_due[s] = np.inf  # a rumour is looked into once
        if not state.exposed[s]:
            fade_rumour(state, int(s))
            state.log.append(LogEntry(state.turn, phrases.RUMOUR_FADED.format(**names), int(s), kind="faded"))


def fade_rumour(state: GameState, signal: int) -> None:
    """Nothing came of it: the rumour stops spreading and any work on it stops."""
    state.faded[signal] = True
    state.abandon(signal)


def finish_rival(state: GameState) -> None:
    """When the game stops early, the rival still exploits what it would have within the game's length."""
    genuine = np.array([signal.genuine for signal in state.scenario.signals], dtype=bool)
    pending = genuine & (state.competitor_done == NOT_YET) & (state.competitor_due <= state.scenario.turns)
    turns = np.maximum(np.ceil(state.competitor_due[pending]), state.turn).astype(np.int32)
    state.competitor_done[pending] = turns


def rival_window(state: GameState, signal: int) -> tuple[int, int]:
    """Market intelligence: the turns between which the rival is expected to move, from what the team knows."""
    spec = state.scenario.signals[signal]
    reaction = state.scenario.competitor.reactions[signal]
    pace = DIFFICULTY[state.difficulty]
    expected = spec.appears_turn + pace * reaction.mean - state.rival_gain[signal]
    width = ESTIMATE_WIDTH * pace * reaction.spread
    earliest = spec.appears_turn + MIN_REACTION
    low = max(earliest, math.floor(expected - width))
    return low, max(low, math.ceil(expected + width))


def rival_progress(state: GameState, signal: int) -> float:
    """How far along the rival is expected to be on `signal`, from 0 (appeared) to 1 (expected to have moved)."""
    if state.competitor_done[signal] != NOT_YET or state.faded[signal]:
        return 1.0
    start = state.scenario.signals[signal].appears_turn
    if state.turn < start:
        return 0.0
    low, high = rival_window(state, signal)
    middle = (low + high) / 2
    return float(np.clip((state.turn - start) / max(middle - start, 1.0), 0.0, 1.0))
