"""A signal's goal as the team can see it: who could exploit it, whose approval it needs, what is still missing.

Exploitation starts by itself at the end of a turn once someone who has the
skills holds a faithful enough copy, is present, and (when the signal needs
approval) their manager at the approval level knows it too
(`resolution.exploit_candidates`). This module states those conditions from
the team's view only (known skills, who holds what), so the board can show a
checklist that ticks as each one holds. It never reads whether a signal is
genuine nor skills the team has not discovered.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.core.insight import approver_of, seems_capable
from game.core.model import NO_PERSON
from game.core.scoring import value_left
from game.core.state import NOT_YET, GameState

MAX_CANDIDATES = 3  # names the card lists; the rest are counted


@dataclass(frozen=True)
class Goal:
    """What exploiting one signal takes, and how much of it already holds."""

    signal: int
    value_now: float
    value_full: float
    skills: tuple[int, ...]  # tags every exploiter needs
    candidates: tuple[int, ...]  # people the team knows have the skills, holders first (at most MAX_CANDIDATES)
    more_candidates: int  # known capable people beyond those listed
    capable_holder: int  # the known capable holder with the best copy, or NO_PERSON
    focus: int  # the person the card is about: that holder, else the first candidate, else NO_PERSON
    min_fidelity: float
    best_fidelity: float  # that holder's copy (0 when nobody capable holds it)
    approval_level: int | None  # None: no approval needed
    approver: int  # the capable person's manager at the approval level, NO_PERSON until a candidate is known
    approver_knows: bool
    effort: int  # turns of work once it starts
    exploiter: int  # who works on it, or NO_PERSON
    finish_turn: int | None  # when that work ends (the turn it is exploited)
    done_turn: int | None  # when the team exploited it

    @property
    def someone_capable_knows(self) -> bool:
        return self.capable_holder != NO_PERSON

    @property
    def copy_good_enough(self) -> bool:
        return self.someone_capable_knows and self.best_fidelity >= self.min_fidelity

    @property
    def approved(self) -> bool:
        return self.approval_level is None or self.approver_knows

    @property
    def conditions_met(self) -> int:
        """How many of the three conditions hold (someone capable knows, a faithful copy, approval)."""
        return int(self.someone_capable_knows) + int(self.copy_good_enough) + int(self.approved)


def goal_of(state: GameState, signal: int) -> Goal:
    """The goal card of `signal` from the team's view."""
    spec = state.scenario.signals[signal]
    everyone = np.arange(state.size)
    capable = everyone[seems_capable(state, signal, everyone)]
    held = state.knows[signal, capable]
    knowing = capable[held]
    knowing = knowing[np.argsort(-state.fidelity[signal, knowing], kind="stable")]  # the best copy first
    holder = int(knowing[0]) if len(knowing) else NO_PERSON
    best = float(state.fidelity[signal, holder]) if len(knowing) else 0.0
    listed = np.concatenate((knowing, capable[~held]))
    focus = int(listed[0]) if len(listed) else NO_PERSON
    level = spec.exploit.approval_level
    approver = NO_PERSON if level is None or focus == NO_PERSON else approver_of(state, signal, focus)
    exploiter = int(state.exploiter[signal])
    done = int(state.exploit_done[signal])
    return Goal(
        signal=signal,
        value_now=float(value_left(state, signal, state.turn)),
        value_full=float(spec.value),
        skills=tuple(int(t) for t in spec.exploit.skills),
        candidates=tuple(int(p) for p in listed[:MAX_CANDIDATES]),
        more_candidates=max(0, len(listed) - MAX_CANDIDATES),
        capable_holder=holder,
        focus=focus,
        min_fidelity=float(spec.exploit.min_fidelity),
        best_fidelity=best,
        approval_level=level,
        approver=approver,
        approver_knows=approver != NO_PERSON and bool(state.knows[signal, approver]),
        effort=int(spec.exploit.effort),
        exploiter=exploiter,
        finish_turn=int(state.exploit_started[signal]) + int(spec.exploit.effort) if exploiter != NO_PERSON else None,
        done_turn=done if done != NOT_YET else None,
    )


def roles(state: GameState, signal: int) -> dict[int, str]:
    """People the board marks for `signal`, with the same words as the goal card: "exploiter", "candidate",
    "approver"."""
    goal = goal_of(state, signal)
    marked = {person: "candidate" for person in goal.candidates}
    if goal.approver != NO_PERSON:
        marked[goal.approver] = "approver"
    if goal.exploiter != NO_PERSON:
        marked[goal.exploiter] = "exploiter"
    return marked
