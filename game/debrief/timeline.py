"""Turn by turn, how many people knew a signal, split by how they learned it, with the race's milestones."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.core.state import NOT_YET, GameState
from game.debrief.hops import VIA_NAMES

VIAS = tuple(VIA_NAMES.values())  # origin, hierarchy, channel, network: the stack order of the chart


@dataclass(frozen=True)
class Timeline:
    turns: tuple[int, ...]  # 1 .. the last turn shown
    knowers: dict[str, tuple[int, ...]]  # by means (VIAS): people who knew at the end of each turn
    appeared: int
    work_started: int | None  # the team's exploiter started work
    exploited: int | None  # the team exploited it
    rival: int | None  # the competitor exploited it
    exposed: int | None  # validation showed it up as a rumour
    leaks: tuple[tuple[int, int], ...]  # (turn, leaks)
    faded: int | None = None  # the rival dropped it: a rumour, out of play

    def total(self, turn: int) -> int:
        index = self.turns.index(turn)
        return sum(series[index] for series in self.knowers.values())


def last_turn(state: GameState) -> int:
    """The last turn the game reached (the turn counter already points past a finished game)."""
    return max(state.turn - 1 if state.over else state.turn, 1)


def signal_timeline(state: GameState, signal: int) -> Timeline:
    rival = _turn(state.competitor_done[signal])
    turns = np.arange(1, max(last_turn(state), rival or 0) + 1)
    learned, via = state.learned_turn[signal], state.learned_via[signal]
    knowers = {}
    for code, name in VIA_NAMES.items():
        when = np.sort(learned[state.knows[signal] & (via == code)])
        knowers[name] = tuple(int(c) for c in np.searchsorted(when, turns, side="right"))
    exposed = [e.turn for e in state.log if e.signal == signal and e.kind == "exposed"]
    faded = [e.turn for e in state.log if e.signal == signal and e.kind == "faded"]
    leaks = tuple((e.turn, e.count) for e in state.log if e.signal == signal and e.kind == "leak")
    return Timeline(
        turns=tuple(int(t) for t in turns),
        knowers=knowers,
        appeared=state.scenario.signals[signal].appears_turn,
        work_started=_turn(state.exploit_started[signal]),
        exploited=_turn(state.exploit_done[signal]),
        rival=rival,
        exposed=exposed[0] if exposed else None,
        faded=faded[0] if faded else None,
        leaks=leaks,
    )


def _turn(value: int) -> int | None:
    return None if value == NOT_YET else int(value)
