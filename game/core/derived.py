"""Facts computed once per scenario and shared by every game on it (cached on the scenario)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game.core.hierarchy import Hierarchy, build_hierarchy
from game.core.model import Scenario


@dataclass(frozen=True, eq=False)
class Derived:
    hierarchy: Hierarchy  # the org chart before any re-organisation
    capable: np.ndarray  # bool (S, n): has every skill the signal's exploitation needs
    capable_people: tuple[np.ndarray, ...]  # per signal: the people of `capable`, sorted
    expert: np.ndarray  # bool (S, n): has a skill among the signal's topics (enriches it)
    affinity: np.ndarray  # bool (S, n): expert, or in a community on one of its topics
    reverse_edge: np.ndarray  # int64 (edges,): index of the same tie stored the other way
    appears: np.ndarray  # int32 (S,): turn each signal appears
    last_appearance: int  # turn the last signal appears
    post_reach: np.ndarray  # float64 (S, communities): chance a member picks up a post
    by_value: tuple[int, ...]  # signals, most valuable first (ties in scenario order)
    index_limits: dict[str, int]  # action field -> how many things it may index (people, signals, ...)
    speaker: np.ndarray  # bool (channels, n): may publish on a broadcast channel (listed, else spokespeople)
    listed_publisher: np.ndarray  # bool (n,): listed among some channel's publishers
    asked: dict = field(default_factory=dict)  # (person, topic) -> what asking reveals (moves.ask_reveals)

    def both_ways(self, edges: np.ndarray) -> np.ndarray:
        """`edges` and the same ties stored the other way: what the team learns when it learns of a tie."""
        return np.concatenate((edges, self.reverse_edge[edges]))


POST_REACH_OFF_TOPIC = 0.25  # chance a community member picks up a post off its topics
POST_REACH_ON_TOPIC = 0.7  # ... and on one of its topics


def derived(scenario: Scenario) -> Derived:
    cached = scenario.__dict__.get("_derived")
    if cached is None:
        cached = _compute(scenario)
        object.__setattr__(scenario, "_derived", cached)
    return cached


def _compute(scenario: Scenario) -> Derived:
    org, signals = scenario.org, scenario.signals
    n = org.size
    capable = np.ones((len(signals), n), dtype=bool)
    expert = np.zeros((len(signals), n), dtype=bool)
    post_reach = np.zeros((len(signals), len(scenario.communities)))
    for s, signal in enumerate(signals):
        if len(signal.exploit.skills):
            capable[s] = org.skills[:, signal.exploit.skills].all(axis=1)
        if len(signal.topics):
            expert[s] = org.skills[:, signal.topics].any(axis=1)
    affinity = expert.copy()
    for c, community in enumerate(scenario.communities):
        for s, signal in enumerate(signals):
            on_topic = bool(np.intersect1d(community.topics, signal.topics).size)
            post_reach[s, c] = POST_REACH_ON_TOPIC if on_topic else POST_REACH_OFF_TOPIC
            if on_topic:
                affinity[s, community.members] = True
    speaker = np.zeros((len(scenario.channels), n), dtype=bool)
    listed_publisher = np.zeros(n, dtype=bool)
    for c, channel in enumerate(scenario.channels):
        speaker[c] = org.spokesperson if len(channel.publishers) == 0 else False
        speaker[c, channel.publishers] = True
        listed_publisher[channel.publishers] = True
    return Derived(
        hierarchy=build_hierarchy(org.manager),
        capable=capable,
        capable_people=tuple(np.flatnonzero(row) for row in capable),
        expert=expert,
        affinity=affinity,
        reverse_edge=_reverse_edges(scenario),
        appears=np.array([s.appears_turn for s in signals], dtype=np.int32),
        last_appearance=max((s.appears_turn for s in signals), default=0),
        post_reach=post_reach,
        by_value=tuple(np.argsort([-signal.value for signal in signals], kind="stable").tolist()),
        index_limits=_index_limits(scenario),
        speaker=speaker,
        listed_publisher=listed_publisher,
    )


INDEX_FIELDS = ("person", "to", "signal", "gate", "channel", "community", "topic")  # action fields that index things


def _index_limits(scenario: Scenario) -> dict[str, int]:
    people = scenario.org.size
    return {
        "person": people,
        "to": people,
        "signal": len(scenario.signals),
        "gate": len(scenario.gates),
        "channel": len(scenario.channels),
        "community": len(scenario.communities),
        "topic": len(scenario.tags),
    }


def _reverse_edges(scenario: Scenario) -> np.ndarray:
    net = scenario.network
    source = net.edge_source.astype(np.int64)
    target = net.indices.astype(np.int64)
    n = scenario.org.size
    forward_key = source * n + target  # sorted, since CSR rows and their indices are sorted
    return np.searchsorted(forward_key, target * n + source)
