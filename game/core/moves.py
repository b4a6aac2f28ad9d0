"""What each action does when played: queue a message, a validation, a publication or a network move."""

from __future__ import annotations

import numpy as np

from game.core import phrases
from game.core.actions import (
    Action,
    AskNetwork,
    Delegate,
    Escalate,
    Post,
    Publish,
    RequestValidation,
    Share,
)
from game.core.calendar import request_occasion
from game.core.derived import derived
from game.core.model import Scenario
from game.core.spread import (
    HIERARCHY_FIDELITY_LOSS,
)
from game.core.state import (
    GameState,
    LogEntry,
    Message,
    NetworkMove,
    PendingValidation,
    Publication,
)

SHARE_REACH = 1.0  # a direct message always arrives (the contact may still dismiss it)
ASKED_CACHE_LIMIT = 50_000  # questions remembered per scenario (each a few small arrays)


def _escalate(state: GameState, action: Escalate) -> None:
    boss = int(state.hierarchy.manager[action.person])
    _send(state, action.signal, action.person, boss, action.urgent)


def _delegate(state: GameState, action: Delegate) -> None:
    _send(state, action.signal, action.person, action.to, action.urgent)


def _send(state: GameState, signal: int, sender: int, recipient: int, urgent: bool) -> None:
    """Queue a hierarchical message for the next occasion the two share, or for now when urgent."""
    fidelity = state.fidelity[signal, sender] - HIERARCHY_FIDELITY_LOSS
    if urgent:
        due = state.turn
    else:
        due = request_occasion(state.scenario, state.hierarchy, sender, recipient, state.turn).turn
    state.inbox.append(Message(signal, sender, recipient, fidelity, state.turn, due, urgent))


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
    edges, both_ways, skilled = ask_reveals(scenario, action.person, action.topic)
    newly = int(np.count_nonzero(~state.known_edge[edges]))
    state.known_edge[both_ways] = True
    state.known_skill[skilled, action.topic] = True
    text = phrases.ASKED.format(
        person=scenario.org.names[action.person],
        topic=scenario.tag_label(action.topic),
        people=len(skilled),
        ties=newly,
    )
    state.log.append(LogEntry(state.turn, text, person=action.person, kind="ask", count=len(skilled)))


def ask_reveals(scenario: Scenario, person: int, topic: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What asking `person` about `topic` reveals: (ties, the same ties both ways, skilled people).

    It depends only on the scenario's true ties and skills, so each question is worked out once per scenario.
    """
    cache = derived(scenario).asked
    key = (person, topic)
    if key not in cache:
        if len(cache) >= ASKED_CACHE_LIMIT:  # a long-lived server plays many games on one scenario
            cache.clear()
        net, skills = scenario.network, scenario.org.skills
        own = np.arange(net.indptr[person], net.indptr[person + 1])
        friends = net.indices[own]
        second, _ = net.edges_from(friends)
        useful_second = second[skills[net.indices[second], topic]]
        edges = np.concatenate((own, useful_second)).astype(np.int64)
        skilled = np.unique(np.concatenate((friends, net.indices[useful_second])))
        cache[key] = (edges, derived(scenario).both_ways(edges), skilled[skills[skilled, topic]])
    return cache[key]


_PERFORM = {
    Escalate: _escalate,
    Delegate: _delegate,
    RequestValidation: _request_validation,
    Publish: _publish,
    Share: _share,
    Post: _post,
    AskNetwork: _ask,
}


def perform(state: GameState, action: Action) -> None:
    """Carry out a checked action (rules.apply checks first)."""
    _PERFORM[type(action)](state, action)
