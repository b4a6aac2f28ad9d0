"""Outcome of each signal's race and the team's score.

Points for a genuine signal the team exploited at turn t with a copy of
fidelity f:

    value × (1 - decay)^(t - appears) × f^FIDELITY_POWER × race

where race = 1 + FIRST_MOVER_BONUS × min(margin, FIRST_MOVER_CAP) for a won
race (margin: turns ahead of the rival, or of the game's end + 1 when the
rival never got there), and LOST_RACE_SHARE for a lost one. So a sloppy copy
earns far less (a 0.7 copy earns 49%), and being first by 5 turns pays 50%
more than being first by a hair.

When the facilitator ends the game early (rules.end_early), work under way
scores pro rata: the points it would have earned on the turn it was due to
finish (against the rival's drawn timetable), times the share of its effort
done by the end of the last turn played. Work that could not have finished
within the game's length, and signals nobody was working on, score 0.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from game.core.model import NO_PERSON
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
    share: float | None = None  # ended early with work under way: the share of its effort done, else None
    due_turn: int | None = None  # ... and the turn that work would have finished

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
    fidelity = float(state.exploit_fidelity[signal]) if exploited is not None else None
    won, points, share, due = False, 0.0, None, None
    if exploited is not None:
        won, points = _exploit_points(state, signal, exploited, fidelity, rival)
    elif state.exposed[signal]:
        points = EXPOSURE_REWARD * spec.value
    else:
        due = interrupted_work_due(state, signal)
        if due is not None:
            share = interrupted_share(state, signal)
            fidelity = float(state.exploit_fidelity[signal])
            points = share * _exploit_points(state, signal, due, fidelity, rival)[1]
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
        share=None if share is None else round(share, 3),
        due_turn=due,
    )


def _exploit_points(state: GameState, signal: int, turn: int, fidelity: float, rival: int | None) -> tuple[bool, float]:
    """(race won, points) for the team exploiting `signal` at `turn` with a copy of `fidelity`."""
    spec = state.scenario.signals[signal]
    if not spec.genuine:
        return False, -RUMOUR_PENALTY * spec.value
    won = rival is None or turn < rival
    lead = (rival if rival is not None else state.scenario.turns + 1) - turn
    race = race_factor(lead) if won else LOST_RACE_SHARE
    return won, value_left(state, signal, turn) * fidelity**FIDELITY_POWER * race


def interrupted_work_due(state: GameState, signal: int) -> int | None:
    """The turn the work an early end interrupted would have finished, if it would have within the game.

    None when the game ran its course, nobody was working on `signal`, the work
    was done, or it would not have finished in time (past the last turn, or
    after the rival dropped the rumour, which stops the work).
    """
    if state.ended_turn is None or state.exploiter[signal] == NO_PERSON or not state.is_open(signal):
        return None
    due = int(state.exploit_started[signal]) + state.scenario.signals[signal].exploit.effort
    if due > state.scenario.turns:
        return None
    if not state.scenario.signals[signal].genuine and due > math.ceil(state.competitor_due[signal]):
        return None  # the rival would have looked into the rumour first and it would have faded
    return due


def interrupted_share(state: GameState, signal: int) -> float:
    """Share of the exploitation's effort done by the end of the last turn played.

    Work that starts at the end of turn t is done at the end of turn t + effort, so its turns are t+1 … t+effort.
    """
    effort = state.scenario.signals[signal].exploit.effort
    done = (state.ended_turn or 0) - int(state.exploit_started[signal])
    return min(max(done / effort, 0.0), 1.0) if effort > 0 else 1.0


def outcomes(state: GameState) -> list[SignalOutcome]:
    return [outcome(state, s) for s in range(len(state.scenario.signals))]


def score(state: GameState) -> float:
    return round(sum(o.points for o in outcomes(state)), 2)
