"""Whether an action may be played now, and the sentence that explains a refusal."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache

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
from game.core.derived import INDEX_FIELDS, derived
from game.core.errors import IllegalAction
from game.core.events import injectable_events
from game.core.model import NO_PERSON, Scenario
from game.core.sets import holds
from game.core.state import (
    NOT_YET,
    GameState,
)
from game.core.text import Text


@dataclass(frozen=True)
class Refusal:
    """Why the rules refuse an action: a phrase, filled with the action's names only when someone reads it."""

    phrase: Text
    values: dict = field(default_factory=dict)  # placeholders beyond the action's own fields
    named: bool = True  # the phrase names the action's fields (not when they may be out of range)

    def sentence(self, action: Action, scenario: Scenario) -> Text:
        values = {**action_names(action, scenario), **self.values} if self.named else self.values
        return self.phrase.format(**values) if values else self.phrase


def is_legal(state: GameState, action: Action) -> bool:
    return refusal(state, action) is None


def check(state: GameState, action: Action) -> None:
    """Raise IllegalAction unless `action` may be played now."""
    refused = refusal(state, action)
    if refused is not None:
        raise IllegalAction(refused.sentence(action, state.scenario))


def refusal(state: GameState, action: Action) -> Refusal | None:
    """Why `action` may not be played now, or None when it may (builds no sentence)."""
    if state.over:
        return Refusal(phrases.GAME_OVER, named=False)
    if isinstance(action, (EndTurn, CoachAdvice)):
        return None
    if isinstance(action, InjectEvent):
        if not (
            isinstance(action.event, (int, np.integer)) and 0 <= action.event < len(injectable_events(state.scenario))
        ):
            return _OUT_OF_RANGE
        return None
    if type(action) not in _CHECKS:
        return Refusal(phrases.UNKNOWN_ACTION, named=False)
    if not _indices_in_range(state, action):
        return _OUT_OF_RANGE
    cost = action.price(state.scenario)
    if state.action_points < cost:
        if cost > 1 and state.action_points > 0:
            return Refusal(phrases.NO_POINTS_URGENT, dict(cost=cost, left=state.action_points), named=False)
        return Refusal(phrases.NO_POINTS, named=False)
    person = action.person
    if state.is_absent(person):
        return Refusal(phrases.ABSENT, dict(turn=int(state.absent_until[person])))
    signal = getattr(action, "signal", None)
    if signal is not None:
        if not state.knows[signal, person]:
            return Refusal(phrases.NOT_HOLDER)
        if state.exposed[signal]:
            return Refusal(phrases.EXPOSED)
        if state.faded[signal]:
            return Refusal(phrases.FADED)
        if state.exploit_done[signal] != NOT_YET:
            return Refusal(phrases.DONE)
    return _CHECKS[type(action)](state, action)


def _indices_in_range(state: GameState, action: Action) -> bool:
    limits = derived(state.scenario).index_limits
    for name in _index_fields(type(action)):
        value = getattr(action, name)
        if value is not None and not (isinstance(value, (int, np.integer)) and 0 <= value < limits[name]):
            return False
    return True


@cache
def _index_fields(kind: type) -> tuple[str, ...]:
    """The fields of an action type that index people, signals, gates, channels, communities or topics."""
    return tuple(f.name for f in fields(kind) if f.name in INDEX_FIELDS)


_OUT_OF_RANGE = Refusal(phrases.OUT_OF_RANGE, named=False)


def _in_flight(state: GameState, signal: int, recipient: int) -> bool:
    return any(m.signal == signal and m.recipient == recipient for m in state.inbox)


def validation_pending(state: GameState, signal: int) -> bool:
    """A gate is already checking `signal`."""
    return any(v.signal == signal for v in state.validations)


def queued(state: GameState, signal: int, channel: int) -> bool:
    """`channel` already has `signal` on its agenda."""
    return any(p.signal == signal and p.channel == channel for p in state.publications)


def hierarchy_target_refusal(state: GameState, signal: int, to: int) -> Refusal | None:
    """Why nobody may send `signal` up or down the line to `to` now (they know it, or it is on its way), or None."""
    if state.knows[signal, to]:
        return Refusal(phrases.ALREADY_KNOWS)
    if _in_flight(state, signal, to):
        return Refusal(phrases.ALREADY_SENT)
    return None


def _check_escalate(state: GameState, action: Escalate) -> Refusal | None:
    boss = int(state.hierarchy.manager[action.person])
    if boss == NO_PERSON:
        return Refusal(phrases.NO_MANAGER)
    refused = hierarchy_target_refusal(state, action.signal, boss)
    if refused is not None:
        return Refusal(refused.phrase, dict(to=state.scenario.org.names[boss]))
    return None


def _check_delegate(state: GameState, action: Delegate) -> Refusal | None:
    if state.hierarchy.manager[action.to] != action.person:
        return Refusal(phrases.NOT_REPORT)
    return hierarchy_target_refusal(state, action.signal, action.to)


def may_request_validation(state: GameState, person: int) -> bool:
    """Validation is part of the official process: managers, spokespeople and publishers may ask for it."""
    return bool(entitled_to_validate(state, np.array([person]))[0])


def entitled_to_validate(state: GameState, people: np.ndarray) -> np.ndarray:
    """bool per person of `people`: `may_request_validation`, for many people at once."""
    hierarchy = state.hierarchy
    has_team = hierarchy.child_ptr[people + 1] > hierarchy.child_ptr[people]
    return has_team | state.scenario.org.spokesperson[people] | derived(state.scenario).listed_publisher[people]


def _check_validation(state: GameState, action: RequestValidation) -> Refusal | None:
    if not may_request_validation(state, action.person):
        return Refusal(phrases.NOT_ENTITLED)
    if state.validated[action.signal]:
        return Refusal(phrases.ALREADY_VALIDATED)
    if validation_pending(state, action.signal):
        return Refusal(phrases.VALIDATION_PENDING)
    return None


def may_publish(state: GameState, person: int, channel: int) -> bool:
    """Who may speak on a channel: anyone with a team at a team meeting; listed publishers otherwise."""
    spec = state.scenario.channels[channel]
    if spec.kind == "team_meeting":
        has_team = state.hierarchy.manager[person] != NO_PERSON or len(state.hierarchy.reports(person)) > 0
        return bool(has_team)
    return bool(derived(state.scenario).speaker[channel, person])


def _check_publish(state: GameState, action: Publish) -> Refusal | None:
    channel = state.scenario.channels[action.channel]
    if not may_publish(state, action.person, action.channel):
        phrase = phrases.NO_TEAM if channel.kind == "team_meeting" else phrases.NOT_PUBLISHER
        return Refusal(phrase)
    if channel.validation != NO_PERSON and not state.validated[action.signal]:
        gate = state.scenario.gates[channel.validation]
        return Refusal(phrases.NEEDS_VALIDATION, dict(gate=state.scenario.org.names[gate.approver]))
    if queued(state, action.signal, action.channel):
        return Refusal(phrases.ALREADY_QUEUED)
    return None


def tie_edge(state: GameState, person: int, other: int) -> int:
    """Index of the edge person -> other, or -1 when they have no tie."""
    net = state.scenario.network
    start, end = net.indptr[person], net.indptr[person + 1]
    offset = net.indices[start:end].searchsorted(other)
    if start + offset < end and net.indices[start + offset] == other:
        return int(start + offset)
    return -1


def _check_share(state: GameState, action: Share) -> Refusal | None:
    if action.to == action.person:
        return Refusal(phrases.SELF)
    edge = tie_edge(state, action.person, action.to)
    if edge < 0 or not state.known_edge[edge]:
        return Refusal(phrases.NO_TIE)
    if state.knows[action.signal, action.to]:
        return Refusal(phrases.ALREADY_KNOWS)
    for move in state.network_moves:
        if move.signal == action.signal and move.sender == action.person and action.to in move.targets:
            return Refusal(phrases.ALREADY_SENT)
    return None


def _check_post(state: GameState, action: Post) -> Refusal | None:
    community = state.scenario.communities[action.community]
    if not holds(community.members, action.person):
        return Refusal(phrases.NOT_MEMBER)
    if (action.signal, action.community) in state.posted:
        return Refusal(phrases.ALREADY_POSTED)
    return None


def _check_ask(state: GameState, action: AskNetwork) -> Refusal | None:
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
