"""What moved in the turn just resolved, as tokens travelling along hierarchy links, channels and ties.

Planned from the state alone (learned_turn / learned_from / learned_via), so
the picture is the same whoever resolved the turn. Tokens of one kind share a
colour, shape and line style: hierarchy (solid, squares), official channel
(dotted, diamonds), network (dashed, circles). New signals pulse at their origin.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.core.state import VIA_CHANNEL, VIA_HIERARCHY, VIA_NETWORK, VIA_ORIGIN, GameState

DURATION = 1.8  # seconds a resolution animation lasts
TRAVEL = 1.3  # seconds a token takes from sender to receiver (the rest is a pause on arrival)
FLOW_KINDS = (VIA_HIERARCHY, VIA_CHANNEL, VIA_NETWORK)


@dataclass(frozen=True)
class Flows:
    """Everyone who learned something in one turn: one row per (signal, person)."""

    signal: np.ndarray  # int (k,)
    sender: np.ndarray  # int (k,): who passed it on
    receiver: np.ndarray  # int (k,)
    via: np.ndarray  # int (k,): VIA_HIERARCHY, VIA_CHANNEL or VIA_NETWORK
    origins: np.ndarray  # int (m, 2): (signal, person) of signals that appeared since

    def __len__(self) -> int:
        return len(self.receiver)


def plan_flows(state: GameState, turn: int) -> Flows:
    """Tokens for the people who learned a signal during `turn` (the one just resolved)."""
    signal, receiver = np.nonzero((state.learned_turn == turn) & np.isin(state.learned_via, FLOW_KINDS))
    sender = state.learned_from[signal, receiver]
    keep = sender >= 0
    signal, receiver, sender = signal[keep], receiver[keep], sender[keep]
    via = state.learned_via[signal, receiver].astype(np.int64)
    fresh = (state.learned_turn == turn + 1) & (state.learned_via == VIA_ORIGIN)
    origins = np.argwhere(fresh)
    return Flows(signal, sender, receiver, via, origins)


@dataclass
class Animation:
    """A running resolution animation: `t` seconds since it started."""

    flows: Flows
    turn: int
    t: float = 0.0

    @property
    def done(self) -> bool:
        return self.t >= DURATION

    def advance(self, dt: float) -> None:
        self.t = min(self.t + dt, DURATION)

    @property
    def progress(self) -> float:
        """0..1 along each token's path (eased: starts and ends gently)."""
        x = min(self.t / TRAVEL, 1.0)
        return x * x * (3 - 2 * x)

    def token_positions(self, xy: np.ndarray) -> np.ndarray:
        """float (k, 2): where each token is now, given everyone's position `xy` (world or screen)."""
        start, end = xy[self.flows.sender], xy[self.flows.receiver]
        return start + (end - start) * self.progress
