"""The end of a turn for validations and exploitation: who validates, who starts work, who finishes."""

from __future__ import annotations

import numpy as np

from game.core import phrases
from game.core.derived import derived
from game.core.model import NO_PERSON
from game.core.spread import (
    learn,
    reveal_team,
)
from game.core.state import (
    VIA_HIERARCHY,
    GameState,
    LogEntry,
)


def complete_validations(state: GameState) -> None:
    scenario = state.scenario
    remaining = []
    for pending in state.validations:
        if pending.done_turn > state.turn:
            remaining.append(pending)
            continue
        s, approver = pending.signal, scenario.gates[pending.gate].approver
        learn(state, s, np.array([approver, pending.requester]), 1.0, VIA_HIERARCHY, pending.requester)
        reveal_team(state, s, approver)
        state.validated[s] = True
        names = dict(person=scenario.org.names[approver], signal=scenario.signals[s].title)
        if scenario.signals[s].genuine:
            state.log.append(LogEntry(state.turn, phrases.VALIDATED.format(**names), s, approver, kind="validated"))
        else:
            state.exposed[s] = True
            state.abandon(s)
            state.log.append(LogEntry(state.turn, phrases.RUMOUR_EXPOSED.format(**names), s, approver, kind="exposed"))
    state.validations = remaining


def exploit_candidates(state: GameState, signal: int) -> np.ndarray:
    """People who could start exploiting the signal now (skills, fidelity, approval, presence), sorted."""
    spec = state.scenario.signals[signal].exploit
    holders = state.holders(signal)
    holders = holders[derived(state.scenario).capable[signal, holders]]
    if len(holders) == 0:  # most turns: nobody who holds it can do the work
        return holders
    ready = state.fidelity[signal, holders] >= spec.min_fidelity
    ready &= state.absent_until[holders] <= state.turn
    if spec.approval_level is not None:
        approver = state.hierarchy.ancestor_at_level(spec.approval_level)[holders]
        ready &= state.knows[signal, approver]
    return holders[ready]


def progress_exploitation(state: GameState) -> None:
    scenario = state.scenario
    for s, signal in enumerate(scenario.signals):
        if not state.is_open(s) or state.turn < signal.appears_turn:
            continue
        if state.exploiter[s] == NO_PERSON:
            candidates = exploit_candidates(state, s)
            if len(candidates) == 0:
                continue
            best = int(candidates[np.argmax(state.fidelity[s, candidates])])
            state.exploiter[s] = best
            state.exploit_fidelity[s] = state.fidelity[s, best]
            state.exploit_started[s] = state.turn
            names = dict(person=scenario.org.names[best], signal=signal.title)
            state.log.append(LogEntry(state.turn, phrases.WORK_STARTS.format(**names), s, best, kind="work"))
        if state.turn >= state.exploit_started[s] + signal.exploit.effort:
            state.exploit_done[s] = state.turn
            names = dict(person=scenario.org.names[state.exploiter[s]], signal=signal.title)
            state.log.append(
                LogEntry(state.turn, phrases.EXPLOITED.format(**names), s, int(state.exploiter[s]), kind="exploited")
            )


def all_settled(state: GameState) -> bool:
    """Nothing left to play for: every signal exploited by the team, exposed, or faded."""
    return all(state.out_of_play().tolist())  # a few signals: Python's all() beats numpy's call overhead


def nothing_to_decide(state: GameState) -> bool:
    """Every signal has appeared and is settled, or validated and being worked on: the rest plays itself out."""
    if state.turn < derived(state.scenario).last_appearance:
        return False
    under_way = (state.exploiter != NO_PERSON) & state.validated
    return all((state.out_of_play() | under_way).tolist())
