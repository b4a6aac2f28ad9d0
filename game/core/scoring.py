"""Outcome of each signal's race and the team's score.

Points for a genuine signal the team exploited at turn t with a copy of
fidelity f:

    value × (1 - decay)^(t - appears) × f^FIDELITY_POWER × race

where race = 1 + FIRST_MOVER_BONUS × min(margin, FIRST_MOVER_CAP) for a won
race (margin: turns ahead of the rival, or of the game's end + 1 when the
rival never got there), and LOST_RACE_SHARE for a lost one. So a sloppy copy
earns far less (a 0.7 copy earns 49%), and being first by 5 turns pays 50%
more than being first by a hair.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from game.core.state import NOT_YET, GameState

LOST_RACE_SHARE = 0.3  # share of the points kept when the rival exploited first
FIDELITY_POWER = 2.0  # the payout grows with the square of the exploiter's fidelity: a garbled fix misses
FIRST_MOVER_BONUS = 0.1  # extra share of the value per turn of margin over the rival...
FIRST_MOVER_CAP = 5  # ... counted up to this many turns
RUMOUR_PENALTY = 1.0  # exploiting a rumour costs this × its value
EXPOSURE_REWARD = 0.25  # exposing a rumour before anyone acted on it earns this × its value


@dataclass(frozen=True)
class SignalOutcome:
    id: str
    exploited_turn: int | None
    competitor_turn: int | None
    margin: int | None  # competitor_turn - exploited_turn, positive = won by that many turns
    won: bool
    points: float
    genuine: bool
    exposed: bool
    leaks: int
    fidelity: float | None
    faded: bool = False  # a rumour the rival looked into and dropped: it is out of play

    def to_dict(self) -> dict:
        return asdict(self)


def value_left(state: GameState, signal: int, turn: int) -> float:
    spec = state.scenario.signals[signal]
    return spec.value * (1.0 - spec.decay) ** max(turn - spec.appears_turn, 0)


def race_factor(lead: int) -> float:
    """What winning by `lead` turns multiplies the points by: the first-mover advantage."""
    return 1.0 + FIRST_MOVER_BONUS * min(max(lead, 0), FIRST_MOVER_CAP)


def outcome(state: GameState, signal: int) -> SignalOutcome:
    spec = state.scenario.signals[signal]
    exploited = int(state.exploit_done[signal]) if state.exploit_done[signal] != NOT_YET else None
    rival = int(state.competitor_done[signal]) if state.competitor_done[signal] != NOT_YET else None
    margin = rival - exploited if exploited is not None and rival is not None else None
    won = spec.genuine and exploited is not None and (rival is None or exploited < rival)
    fidelity = float(state.exploit_fidelity[signal]) if exploited is not None else None
    points = 0.0
    if exploited is not None and spec.genuine:
        lead = (rival if rival is not None else state.scenario.turns + 1) - exploited
        race = race_factor(lead) if won else LOST_RACE_SHARE
        points = value_left(state, signal, exploited) * fidelity**FIDELITY_POWER * race
    elif exploited is not None:
        points = -RUMOUR_PENALTY * spec.value
    elif state.exposed[signal]:
        points = EXPOSURE_REWARD * spec.value
    return SignalOutcome(
        id=spec.id,
        exploited_turn=exploited,
        competitor_turn=rival,
        margin=margin,
        won=won,
        points=round(points, 2),
        genuine=spec.genuine,
        exposed=bool(state.exposed[signal]),
        leaks=int(state.leaks[signal]),
        fidelity=None if fidelity is None else round(fidelity, 3),
        faded=bool(state.faded[signal]),
    )


def outcomes(state: GameState) -> list[SignalOutcome]:
    return [outcome(state, s) for s in range(len(state.scenario.signals))]


def score(state: GameState) -> float:
    return round(sum(o.points for o in outcomes(state)), 2)
