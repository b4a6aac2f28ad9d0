"""The solo coach: the move the `mixed` reference strategy would make now, and why, without playing it.

The advice is the first move `bots.MixedBot` would play if its turn started
now, with the network questions the team has already asked. It is worked out
on a copy of the game from the team's view (`insight`), like the bot itself,
so it never depends on hidden truth; the team's own game is untouched.

A move played right after the advice and equal to it is coached: a
`CoachAdvice` record goes into the action log just before it, so saves,
replays and the debrief keep it without changing the game.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from game.core import bots, insight, rules
from game.core.actions import (
    Action,
    AskNetwork,
    CoachAdvice,
    EndTurn,
    InjectEvent,
    RequestValidation,
    Share,
)
from game.core.model import NO_PERSON
from game.core.state import GameState, LogEntry

# Why the coach suggests a move (the UI words each one in the player's language).
VALIDATE = "validate"  # have it validated first: restores fidelity, shows up a rumour
CHECKING = "checking"  # a validation comes back before the rival moves: find people meanwhile
APPROVAL_HURRY = "approval_hurry"  # the approver is needed and the rival is close: tell them directly
APPROVAL_NETWORK = "approval_network"  # the line cannot bring it to the approver now: tell them directly
APPROVAL_LINE = "approval_line"  # the approver is needed: raise it up the line
FIND_EXPLOITER = "find_exploiter"  # nobody known can exploit it: ask the network who knows the skill
SEARCH_LINE = "search_line"  # nobody known can exploit it: pass it along the line, where managers know their teams
REACH_EXPLOITER = "reach_exploiter"  # someone known can exploit it: tell them across the network
FIND_ROUTE = "find_route"  # someone can exploit it but no known contacts reach them: ask around
LINE_TO_EXPLOITER = "line_to_exploiter"  # someone can exploit it: the line takes it there
SPARE_ASK = "spare_ask"  # nothing urgent: spend a spare point finding people for later
SPARE_PUBLISH = "spare_publish"  # nothing urgent: publish at the next meeting, it costs nothing to wait for
NO_POINTS = "no_points"  # the turn's points are spent: end the turn
NOTHING_HELPS = "nothing_helps"  # no move helps now: end the turn and let things move
REASONS = (
    VALIDATE,
    CHECKING,
    APPROVAL_HURRY,
    APPROVAL_NETWORK,
    APPROVAL_LINE,
    FIND_EXPLOITER,
    SEARCH_LINE,
    REACH_EXPLOITER,
    FIND_ROUTE,
    LINE_TO_EXPLOITER,
    SPARE_ASK,
    SPARE_PUBLISH,
    NO_POINTS,
    NOTHING_HELPS,
)


@dataclass(frozen=True)
class Advice:
    action: Action  # the move to play; EndTurn when nothing helps now
    reason: str  # one of REASONS
    signal: int = -1  # the signal the move serves, -1 for ending the turn
    person: int = NO_PERSON  # whom the move works toward (exploiter or approver), NO_PERSON when nobody in particular


def advise(state: GameState) -> Advice:
    """What the `mixed` strategy would play now and why; the game is left as it was."""
    if state.over:
        raise ValueError("the game is over: there is nothing to advise")
    trial = _copy(state)
    bot = bots.MixedBot(state.seed)
    bot.asked = asked_so_far(state)
    played = len(trial.actions)
    if trial.action_points > 0:
        for signal in insight.open_signals(trial):  # the bot's pass over the signals, most valuable first
            if bot.play_signal(trial, signal):
                action = trial.actions[played]
                reason, person = _why(state, signal, action)  # failed tries changed nothing: `state` is as before
                return Advice(action, reason, signal, person)
        for signal in insight.open_signals(trial):  # then spare points on what costs nothing to wait for
            if bots.ask_around(trial, signal, bot.asked) or bots.broadcast(trial, signal):
                action = trial.actions[played]
                return Advice(action, SPARE_ASK if isinstance(action, AskNetwork) else SPARE_PUBLISH, signal)
    return Advice(EndTurn(), NO_POINTS if state.action_points <= 0 else NOTHING_HELPS)


def asked_so_far(state: GameState) -> set[tuple[int, int]]:
    """(person, topic) of every network question the team has asked: the bot does not ask twice."""
    return {(a.person, a.topic) for a in state.actions if isinstance(a, AskNetwork)}


def _copy(state: GameState) -> GameState:
    """A copy the bot may play on; the scenario and hierarchy are shared (never changed in place), the log's entries too."""
    memo = {id(state.scenario): state.scenario, id(state.hierarchy): state.hierarchy, id(state.log): list(state.log)}
    return copy.deepcopy(state, memo)


def _why(state: GameState, signal: int, action: Action) -> tuple[str, int]:
    """The branch of `MixedBot.play_signal` that chose `action`, from the same view of the game."""
    if isinstance(action, RequestValidation):
        return VALIDATE, NO_PERSON
    if bots.time_to_check(state, signal):
        return CHECKING, NO_PERSON
    target = insight.best_target(state, signal)
    waiting = bots.approval_pending(state, signal, target)
    if waiting != NO_PERSON:
        approver = insight.approver_of(state, signal, waiting)
        if not isinstance(action, Share):
            return APPROVAL_LINE, approver
        return (APPROVAL_HURRY if bots.in_a_hurry(state, signal) else APPROVAL_NETWORK), approver
    if target == NO_PERSON:
        return (FIND_EXPLOITER if isinstance(action, AskNetwork) else SEARCH_LINE), NO_PERSON
    if isinstance(action, Share):
        return REACH_EXPLOITER, target
    if isinstance(action, AskNetwork):
        return FIND_ROUTE, target
    return LINE_TO_EXPLOITER, target


# ---------------------------------------------------------------- following the advice


def play(state: GameState, action: Action, advice: Advice | None) -> list[LogEntry]:
    """Play the team's `action`; when it is the `advice` the team was just shown, record it as coached."""
    if advice is not None and action == advice.action and not isinstance(action, (EndTurn, InjectEvent)):
        rules.check(state, action)  # refused before the record goes in, so no record stands alone
        rules.apply(state, CoachAdvice())
    return rules.apply(state, action)


@dataclass(frozen=True)
class Coaching:
    moves: int  # the team's own moves (not ending turns, not the facilitator's events)
    coached: int  # ... of which played on the coach's advice


def coaching(actions: list[Action]) -> Coaching:
    """How many of a team's moves followed the coach, from its action log."""
    moves = coached = 0
    after_advice = False
    for action in actions:
        if isinstance(action, CoachAdvice):
            after_advice = True
            continue
        if not isinstance(action, (EndTurn, InjectEvent)):
            moves += 1
            coached += after_advice
        after_advice = False
    return Coaching(moves, coached)
