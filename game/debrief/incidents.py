"""What happened on the way, for the facilitator to point at: who held the signal back, who distorted it,
where it leaked, where a rumour was stopped or spread.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.model import NO_PERSON
from game.core.state import GameState
from game.debrief.path import Path

DISTORTION_SHOWN = 0.005  # fidelity lost on a hop below this is rounding, not distortion

# Incident kinds, in the order the report lists them.
KINDS = ("shelved", "waited", "kept", "distorted", "leak", "opposed", "spread", "exposed")


@dataclass(frozen=True)
class Incident:
    turn: int
    kind: str  # one of KINDS
    person: int = NO_PERSON  # who did it (NO_PERSON when the game does not know, as for leaks)
    other: int = NO_PERSON  # the other end of the hop, when there is one
    count: int = 0  # people or leaks
    amount: float = 0.0  # turns waited or kept, or fidelity lost


def signal_incidents(state: GameState, signal: int, path: Path) -> tuple[Incident, ...]:
    found = _logged(state, signal) + _along(path)
    return tuple(sorted(found, key=lambda i: (i.turn, KINDS.index(i.kind))))


def _logged(state: GameState, signal: int) -> list[Incident]:
    rumour = not state.scenario.signals[signal].genuine
    found = []
    for entry in state.log:
        if entry.signal != signal:
            continue
        if entry.kind in ("shelved", "leak", "opposed", "exposed"):
            found.append(Incident(entry.turn, entry.kind, entry.person, count=entry.count))
        elif entry.kind == "network" and rumour:
            found.append(Incident(entry.turn, "spread", entry.person, count=entry.count))
    return found


def _along(path: Path) -> list[Incident]:
    """On the path: official moves that waited, people who kept it before passing it on, network hops that distorted it."""
    found = []
    for hop in path.hops[1:]:
        if hop.official and hop.waiting > 0:
            found.append(Incident(hop.turn, "waited", hop.recipient, hop.sender, amount=hop.waiting))
        if hop.means != "relay" and hop.held > 0:
            found.append(Incident(hop.sent_turn, "kept", hop.sender, hop.recipient, amount=hop.held))
        if not hop.official and hop.loss > DISTORTION_SHOWN:
            found.append(Incident(hop.turn, "distorted", hop.sender, hop.recipient, amount=hop.loss))
    return found
