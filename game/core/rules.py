"""The one door to a game: `new_game`, `legal_actions`, `apply` and `end_turn`.

A turn: scheduled events fire and signals appear; the team spends action
points; `end_turn` resolves (hierarchy, validations, channels, network,
exploitation, competitor), then the next turn begins.
"""

from __future__ import annotations

import numpy as np

from game.core import phrases
from game.core.actions import (
    Action,
    AskNetwork,
    Delegate,
    EndTurn,
    Escalate,
    InjectEvent,
    Post,
    Publish,
    RequestValidation,
    Share,
)
from game.core.competitor import competitor_step, draw_competitor, finish_rival
from game.core.derived import derived
from game.core.errors import IllegalAction
from game.core.events import fire_event, injectable_events
from game.core.model import NO_PERSON, Scenario
from game.core.spread import (
    HIERARCHY_FIDELITY_LOSS,
    deliver_messages,
    fire_channels,
    learn,
    reveal_team,
    spread_network,
)
from game.core.state import (
    NOT_YET,
    VIA_HIERARCHY,
    VIA_NONE,
    VIA_ORIGIN,
    GameState,
    LogEntry,
    Message,
    NetworkMove,
    PendingValidation,
    Publication,
)
from game.core.text import Text

SHARE_REACH = 1.0  # a direct message always arrives (the contact may still dismiss it)


def new_game(scenario: Scenario, seed: int | None = None, difficulty: str = "normal") -> GameState:
    """A fresh game at turn 1, with its own seeded generator; `difficulty` sets the rival's pace."""
    seed = scenario.seed if seed is None else int(seed)
    n, s = scenario.org.size, len(scenario.signals)
    facts = derived(scenario)
    rng = np.random.default_rng(seed)
    hidden_net = scenario.visibility.network_hidden
    hidden_skills = scenario.visibility.skills_hidden
    state = GameState(
        scenario=scenario,
        seed=seed,
        difficulty=difficulty,
        rng=rng,
        hierarchy=facts.hierarchy,
        turn=1,
        action_points=scenario.action_points,
        over=False,
        absent_until=np.zeros(n, dtype=np.int32),
        available=np.ones(n, dtype=bool),
        knows=np.zeros((s, n), dtype=bool),
        fidelity=np.zeros((s, n)),
        learned_turn=np.full((s, n), NOT_YET, dtype=np.int32),
        learned_via=np.full((s, n), VIA_NONE, dtype=np.int8),
        learned_from=np.full((s, n), NO_PERSON, dtype=np.int32),
        opposed=np.zeros((s, n), dtype=bool),
        spreading=np.zeros((s, n), dtype=bool),
        lead=np.zeros((s, n), dtype=bool),
        known_skill=np.zeros_like(scenario.org.skills) if hidden_skills else scenario.org.skills.copy(),
        known_edge=np.full(len(scenario.network.indices), not hidden_net),
        validated=np.zeros(s, dtype=bool),
        exposed=np.zeros(s, dtype=bool),
        exploiter=np.full(s, NO_PERSON, dtype=np.int32),
        exploit_fidelity=np.zeros(s),
        exploit_started=np.full(s, NOT_YET, dtype=np.int32),
        exploit_done=np.full(s, NOT_YET, dtype=np.int32),
        competitor_due=draw_competitor(scenario, rng, difficulty),
        competitor_done=np.full(s, NOT_YET, dtype=np.int32),
        leaks=np.zeros(s, dtype=np.int32),
    )
    state.min_action_points = state.action_points
    _begin_turn(state)
    return state


# ---------------------------------------------------------------- actions


def apply(state: GameState, action: Action) -> list[LogEntry]:
    """Check and perform one action; raises IllegalAction with a sentence for the player."""
    if isinstance(action, EndTurn):
        return end_turn(state)
    check(state, action)
    before = len(state.log)
    if isinstance(action, InjectEvent):
        fire_event(state, injectable_events(state.scenario)[action.event])
        state.actions.append(action)
        return state.log[before:]
    _PERFORM[type(action)](state, action)
    state.action_points -= action.cost
    state.min_action_points = min(state.min_action_points, state.action_points)
    state.actions.append(action)
    return state.log[before:]


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
    if isinstance(action, EndTurn):
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
    if state.action_points < action.cost:
        raise IllegalAction(phrases.NO_POINTS)
    person = action.person
    names = _names(state, action)
    if state.is_absent(person):
        raise IllegalAction(phrases.ABSENT.format(turn=int(state.absent_until[person]), **names))
    if hasattr(action, "signal"):
        signal = action.signal
        if not state.knows[signal, person]:
            raise IllegalAction(phrases.NOT_HOLDER.format(**names))
        if state.exposed[signal]:
            raise IllegalAction(phrases.EXPOSED.format(**names))
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


def _names(state: GameState, action: Action) -> dict[str, Text | str]:
    scenario = state.scenario
    names: dict[str, Text | str] = {"person": scenario.org.names[action.person]}
    if hasattr(action, "signal"):
        names["signal"] = scenario.signals[action.signal].title
    if hasattr(action, "to"):
        names["to"] = scenario.org.names[action.to]
    if hasattr(action, "channel"):
        names["channel"] = scenario.channels[action.channel].name
    if hasattr(action, "community"):
        names["community"] = scenario.communities[action.community].name
    return names


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


def _escalate(state: GameState, action: Escalate) -> None:
    boss = int(state.hierarchy.manager[action.person])
    _send(state, action.signal, action.person, boss)


def _delegate(state: GameState, action: Delegate) -> None:
    _send(state, action.signal, action.person, action.to)


def _send(state: GameState, signal: int, sender: int, recipient: int) -> None:
    fidelity = state.fidelity[signal, sender] - HIERARCHY_FIDELITY_LOSS
    state.inbox.append(Message(signal, sender, recipient, fidelity, state.turn))


def _request_validation(state: GameState, action: RequestValidation) -> None:
    delay = state.scenario.gates[action.gate].delay
    done = state.turn + max(delay - 1, 0)
    state.validations.append(PendingValidation(action.signal, action.person, action.gate, done))


def _publish(state: GameState, action: Publish) -> None:
    channel = state.scenario.channels[action.channel]
    fidelity = float(state.fidelity[action.signal, action.person])
    slot = channel.next_slot(state.turn)
    state.publications.append(Publication(action.signal, action.person, action.channel, fidelity, slot))


def _network_fidelity(state: GameState, signal: int, person: int) -> float:
    return float(state.fidelity[signal, person])


def _share(state: GameState, action: Share) -> None:
    targets = np.array([action.to], dtype=np.int32)
    fidelity = _network_fidelity(state, action.signal, action.person)
    state.network_moves.append(NetworkMove(action.signal, action.person, targets, SHARE_REACH, fidelity))


def _post(state: GameState, action: Post) -> None:
    community = state.scenario.communities[action.community]
    members = community.members[community.members != action.person]
    reach = float(derived(state.scenario).post_reach[action.signal, action.community])
    fidelity = _network_fidelity(state, action.signal, action.person)
    state.network_moves.append(NetworkMove(action.signal, action.person, members, reach, fidelity))
    state.posted.add((action.signal, action.community))


def _ask(state: GameState, action: AskNetwork) -> None:
    """Reveal the asker's ties, and the people two steps away who have the skill, with the ties to them."""
    scenario = state.scenario
    net, skills = scenario.network, scenario.org.skills
    person = action.person
    own = np.arange(net.indptr[person], net.indptr[person + 1])
    friends = net.indices[own]
    second, _ = net.edges_from(friends)
    useful_second = second[skills[net.indices[second], action.topic]]
    edges = np.concatenate((own, useful_second)).astype(np.int64)
    newly = int((~state.known_edge[edges]).sum())
    state.known_edge[edges] = True
    state.known_edge[derived(scenario).reverse_edge[edges]] = True
    skilled = np.unique(np.concatenate((friends, net.indices[useful_second])))
    skilled = skilled[skills[skilled, action.topic]]
    state.known_skill[skilled, action.topic] = True
    text = phrases.ASKED.format(
        person=scenario.org.names[person], topic=scenario.tags[action.topic], people=len(skilled), ties=newly
    )
    state.log.append(LogEntry(state.turn, text, person=person, kind="ask", count=len(skilled)))


_CHECKS = {
    Escalate: _check_escalate,
    Delegate: _check_delegate,
    RequestValidation: _check_validation,
    Publish: _check_publish,
    Share: _check_share,
    Post: _check_post,
    AskNetwork: _check_ask,
}
_PERFORM = {
    Escalate: _escalate,
    Delegate: _delegate,
    RequestValidation: _request_validation,
    Publish: _publish,
    Share: _share,
    Post: _post,
    AskNetwork: _ask,
}


# ---------------------------------------------------------------- turn resolution


def end_turn(state: GameState) -> list[LogEntry]:
    """Resolve the turn, then start the next one (or end the game)."""
    if state.over:
        raise IllegalAction(phrases.GAME_OVER)
    before = len(state.log)
    state.actions.append(EndTurn())
    deliver_messages(state)
    _complete_validations(state)
    fire_channels(state)
    spread_network(state)
    _progress_exploitation(state)
    competitor_step(state)
    state.turn += 1
    if state.turn > state.scenario.turns or _all_settled(state):
        state.over = True
        finish_rival(state)
    else:
        _begin_turn(state)
    return state.log[before:]


def _begin_turn(state: GameState) -> None:
    state.action_points = state.scenario.action_points
    for event in state.scenario.events:
        if event.turn == state.turn:
            fire_event(state, event)
    for s in np.flatnonzero(derived(state.scenario).appears == state.turn):
        origin = state.scenario.signals[s].origin
        learn(state, int(s), np.array([origin]), 1.0, VIA_ORIGIN, NO_PERSON)
        text = phrases.APPEARS.format(signal=state.scenario.signals[s].title, person=state.scenario.org.names[origin])
        state.log.append(LogEntry(state.turn, text, int(s), origin, kind="appears"))
    present = state.absent_until <= state.turn
    state.available = present & (state.rng.random(state.size) < state.scenario.org.availability)


def _complete_validations(state: GameState) -> None:
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
            state.spreading[s] = False
            if state.exploit_done[s] == NOT_YET:
                state.exploiter[s] = NO_PERSON
                state.exploit_started[s] = NOT_YET
            state.log.append(LogEntry(state.turn, phrases.RUMOUR_EXPOSED.format(**names), s, approver, kind="exposed"))
    state.validations = remaining


def exploit_candidates(state: GameState, signal: int) -> np.ndarray:
    """People who could start exploiting the signal now (skills, fidelity, approval, presence)."""
    spec = state.scenario.signals[signal].exploit
    knows = state.knows[signal]
    ready = knows & derived(state.scenario).capable[signal]
    ready &= state.fidelity[signal] >= spec.min_fidelity
    ready &= state.absent_until <= state.turn
    if spec.approval_level is not None:
        approver = state.hierarchy.ancestor_at_level(spec.approval_level)
        ready &= knows[approver]
    return np.flatnonzero(ready)


def _progress_exploitation(state: GameState) -> None:
    scenario = state.scenario
    for s, signal in enumerate(scenario.signals):
        if state.exploit_done[s] != NOT_YET or state.exposed[s] or state.turn < signal.appears_turn:
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


def _all_settled(state: GameState) -> bool:
    """Nothing left to play for: every signal exploited by the team or exposed."""
    return bool(np.all((state.exploit_done != NOT_YET) | state.exposed))


# ---------------------------------------------------------------- legal moves


def actions_for(state: GameState, person: int, signal: int | None = None) -> list[Action]:
    """Every legal action `person` can take now (about `signal` when given)."""
    scenario = state.scenario
    candidates: list[Action] = []
    signals = range(len(scenario.signals)) if signal is None else [signal]
    boss = int(state.hierarchy.manager[person])
    net = scenario.network
    contacts = net.indices[net.indptr[person] : net.indptr[person + 1]]
    for s in signals:
        if not state.knows[s, person]:
            continue
        if boss != NO_PERSON:
            candidates.append(Escalate(s, person))
        candidates += [Delegate(s, person, int(r)) for r in state.hierarchy.reports(person)]
        candidates += [RequestValidation(s, person, g) for g in range(len(scenario.gates))]
        candidates += [Publish(s, person, c) for c in range(len(scenario.channels))]
        candidates += [Share(s, person, int(c)) for c in contacts]
        candidates += [Post(s, person, c) for c in range(len(scenario.communities))]
    if signal is None:
        candidates += [AskNetwork(person, t) for t in range(len(scenario.tags))]
    return [a for a in candidates if is_legal(state, a)]


def legal_actions(state: GameState) -> list[Action]:
    """Every legal move for the team now: actions of everyone who holds a signal, plus ending the turn."""
    if state.over:
        return []
    people = np.flatnonzero(state.knows.any(axis=0))
    moves: list[Action] = []
    for person in people:
        moves += actions_for(state, int(person))
    return moves + [EndTurn()]
