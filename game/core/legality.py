"""Whether an action may be played now, and the sentence that explains a refusal."""

from __future__ import annotations

import numpy as np

from game.core import phrases
from game.core.actions import (
    Action,
    AskNetwork,
    CoachAdvice,
    Delegate,
    EndTurn,
    Escalate,
    InjectEvent,
    Post,
    Publish,
    RequestValidation,
    Share,
    action_names,
)
from game.core.errors import IllegalAction
from game.core.events import injectable_events
from game.core.model import NO_PERSON
from game.core.state import (
    NOT_YET,
    GameState,
)


def is_legal(state: GameState, action: Action) -> bool:
    try:
        check(state, action)
    except IllegalAction:
        return False
    return True


def check(state: GameState, action: Action) -> None:
    """Raise IllegalAction unless `action` may be played now."""
    if state.over:
        raise IllegalAction(phrases.GAME_OVER)
    if isinstance(action, (EndTurn, CoachAdvice)):
        return
    if isinstance(action, InjectEvent):
        if not (
            isinstance(action.event, (int, np.integer)) and 0 <= action.event < len(injectable_events(state.scenario))
        ):
            raise IllegalAction(phrases.OUT_OF_RANGE)
        return
    if type(action) not in _CHECKS:
        raise IllegalAction(phrases.UNKNOWN_ACTION)
    _check_indices(state, action)
    cost = action.price(state.scenario)
    if state.action_points < cost:
        if cost > 1 and state.action_points > 0:
            raise IllegalAction(phrases.NO_POINTS_URGENT.format(cost=cost, left=state.action_points))
        raise IllegalAction(phrases.NO_POINTS)
    person = action.person
    names = action_names(action, state.scenario)
    if state.is_absent(person):
        raise IllegalAction(phrases.ABSENT.format(turn=int(state.absent_until[person]), **names))
    if hasattr(action, "signal"):
        signal = action.signal
        if not state.knows[signal, person]:
            raise IllegalAction(phrases.NOT_HOLDER.format(**names))
        if state.exposed[signal]:
            raise IllegalAction(phrases.EXPOSED.format(**names))
        if state.faded[signal]:
            raise IllegalAction(phrases.FADED.format(**names))
        if state.exploit_done[signal] != NOT_YET:
            raise IllegalAction(phrases.DONE.format(**names))
    _CHECKS[type(action)](state, action, names)


def _check_indices(state: GameState, action: Action) -> None:
    scenario = state.scenario
    limits = {
        "person": scenario.org.size,
        "to": scenario.org.size,
        "signal": len(scenario.signals),
        "gate": len(scenario.gates),
        "channel": len(scenario.channels),
        "community": len(scenario.communities),
        "topic": len(scenario.tags),
    }
    for name, limit in limits.items():
        value = getattr(action, name, None)
        if value is not None and not (isinstance(value, (int, np.integer)) and 0 <= value < limit):
            raise IllegalAction(phrases.OUT_OF_RANGE)


def _in_flight(state: GameState, signal: int, recipient: int) -> bool:
    return any(m.signal == signal and m.recipient == recipient for m in state.inbox)


def _check_hierarchy_target(state: GameState, signal: int, to: int, names: dict) -> None:
    if state.knows[signal, to]:
        raise IllegalAction(phrases.ALREADY_KNOWS.format(**names))
    if _in_flight(state, signal, to):
        raise IllegalAction(phrases.ALREADY_SENT.format(**names))


def _check_escalate(state: GameState, action: Escalate, names: dict) -> None:
    boss = int(state.hierarchy.manager[action.person])
    if boss == NO_PERSON:
        raise IllegalAction(phrases.NO_MANAGER.format(**names))
    names["to"] = state.scenario.org.names[boss]
    _check_hierarchy_target(state, action.signal, boss, names)


def _check_delegate(state: GameState, action: Delegate, names: dict) -> None:
    if state.hierarchy.manager[action.to] != action.person:
        raise IllegalAction(phrases.NOT_REPORT.format(**names))
    _check_hierarchy_target(state, action.signal, action.to, names)


def may_request_validation(state: GameState, person: int) -> bool:
    """Validation is part of the official process: managers, spokespeople and publishers may ask for it."""
    scenario = state.scenario
    if len(state.hierarchy.reports(person)) or scenario.org.spokesperson[person]:
        return True
    return any(np.isin(person, channel.publishers) for channel in scenario.channels)


def _check_validation(state: GameState, action: RequestValidation, names: dict) -> None:
    if not may_request_validation(state, action.person):
        raise IllegalAction(phrases.NOT_ENTITLED.format(**names))
    if state.validated[action.signal]:
        raise IllegalAction(phrases.ALREADY_VALIDATED.format(**names))
    if any(v.signal == action.signal for v in state.validations):
        raise IllegalAction(phrases.VALIDATION_PENDING.format(**names))


def may_publish(state: GameState, person: int, channel: int) -> bool:
    """Who may speak on a channel: anyone with a team at a team meeting; listed publishers otherwise."""
    spec = state.scenario.channels[channel]
    if spec.kind == "team_meeting":
        has_team = state.hierarchy.manager[person] != NO_PERSON or len(state.hierarchy.reports(person)) > 0
        return bool(has_team)
    if len(spec.publishers):
        return bool(np.isin(person, spec.publishers))
    return bool(state.scenario.org.spokesperson[person])


def _check_publish(state: GameState, action: Publish, names: dict) -> None:
    channel = state.scenario.channels[action.channel]
    if not may_publish(state, action.person, action.channel):
        phrase = phrases.NO_TEAM if channel.kind == "team_meeting" else phrases.NOT_PUBLISHER
        raise IllegalAction(phrase.format(**names))
    if channel.validation != NO_PERSON and not state.validated[action.signal]:
        gate = state.scenario.gates[channel.validation]
        raise IllegalAction(phrases.NEEDS_VALIDATION.format(gate=state.scenario.org.names[gate.approver], **names))
    if any(p.signal == action.signal and p.channel == action.channel for p in state.publications):
        raise IllegalAction(phrases.ALREADY_QUEUED.format(**names))


def tie_edge(state: GameState, person: int, other: int) -> int:
    """Index of the edge person -> other, or -1 when they have no tie."""
    net = state.scenario.network
    start, end = net.indptr[person], net.indptr[person + 1]
    offset = np.searchsorted(net.indices[start:end], other)
    if start + offset < end and net.indices[start + offset] == other:
        return int(start + offset)
    return -1


def _check_share(state: GameState, action: Share, names: dict) -> None:
    if action.to == action.person:
        raise IllegalAction(phrases.SELF.format(**names))
    edge = tie_edge(state, action.person, action.to)
    if edge < 0 or not state.known_edge[edge]:
        raise IllegalAction(phrases.NO_TIE.format(**names))
    if state.knows[action.signal, action.to]:
        raise IllegalAction(phrases.ALREADY_KNOWS.format(**names))
    for move in state.network_moves:
        if move.signal == action.signal and move.sender == action.person and action.to in move.targets:
            raise IllegalAction(phrases.ALREADY_SENT.format(**names))


def _check_post(state: GameState, action: Post, names: dict) -> None:
    community = state.scenario.communities[action.community]
    if not np.isin(action.person, community.members):
        raise IllegalAction(phrases.NOT_MEMBER.format(**names))
    if (action.signal, action.community) in state.posted:
        raise IllegalAction(phrases.ALREADY_POSTED.format(**names))


def _check_ask(state: GameState, action: AskNetwork, names: dict) -> None:
    return None


_CHECKS = {
    Escalate: _check_escalate,
    Delegate: _check_delegate,
    RequestValidation: _check_validation,
    Publish: _check_publish,
    Share: _check_share,
    Post: _check_post,
    AskNetwork: _check_ask,
}
