"""Horizontal mechanics on hand-built organisations: sharing, posting, virality, opposition, leaks, asking."""

import numpy as np
import pytest

from game.core import rules
from game.core.actions import AskNetwork, Post, Share
from game.core.errors import IllegalAction
from tests.builders import community, make_scenario, make_signal

# Flat team: 0 manages 1..6. Ties: 1-2, 2-3, 3-4, 4-5, 1-6
FLAT = [-1, 0, 0, 0, 0, 0, 0]
RING = [(1, 2), (2, 3), (3, 4), (4, 5), (1, 6)]


def play(state, *actions):
    for action in actions:
        rules.apply(state, action)
    return rules.end_turn(state)


def test_sharing_with_a_contact_is_one_step_and_distorts_by_chance():
    signal = make_signal(1, distortion=0.1)
    losses = []
    for seed in range(40):
        state = rules.new_game(make_scenario(FLAT, signals=[signal], ties=RING), seed=seed)
        play(state, Share(0, 1, 2))
        assert state.knows[0, 2] and state.learned_from[0, 2] == 1
        losses.append(1.0 - state.fidelity[0, 2])
    assert 0.0 <= min(losses) < 0.05 and 0.15 < max(losses) <= 0.2  # anywhere from nothing to twice `distortion`
    assert np.mean(losses) == pytest.approx(0.1, abs=0.03)


def test_sharing_needs_a_tie_the_team_knows_of():
    state = rules.new_game(make_scenario(FLAT, signals=[make_signal(1)], ties=RING, network_hidden=True), seed=1)
    with pytest.raises(IllegalAction) as refusal:
        rules.apply(state, Share(0, 1, 2))
    assert "ask the network" in refusal.value.reason.get("en")
    with pytest.raises(IllegalAction):
        rules.apply(state, Share(0, 1, 4))  # no tie at all


def test_asking_the_network_reveals_ties_and_skilled_people_two_steps_away():
    scenario = make_scenario(
        FLAT, signals=[make_signal(1)], ties=RING, skills={3: [0]}, network_hidden=True, skills_hidden=True
    )
    state = rules.new_game(scenario, seed=1)
    play(state, AskNetwork(1, 0))
    assert state.known_skill[3, 0]
    rules.apply(state, Share(0, 1, 2))  # own tie now known
    assert rules.tie_edge(state, 2, 3) >= 0 and state.known_edge[rules.tie_edge(state, 2, 3)]
    assert not state.known_edge[rules.tie_edge(state, 3, 4)]


def test_virality_spreads_from_fresh_holders_then_fades():
    signal = make_signal(1, virality=1.0)
    state = rules.new_game(make_scenario(FLAT, signals=[signal], ties=RING), seed=1)
    play(state)  # the origin alone does not broadcast by itself
    assert state.knows[0].sum() == 1
    play(state, Share(0, 1, 2))
    assert state.knows[0, 2] and not state.knows[0, 3]
    play(state)  # 2 heard it last turn: relays to 3
    assert state.knows[0, 3]
    play(state)
    assert state.knows[0, 4]


def test_spontaneous_relays_stop_once_the_conversation_is_over():
    signal = make_signal(1, virality=1.0)
    scenario = make_scenario(FLAT, signals=[signal], ties=RING, openness=[1, 1, 1, 0, 1, 1, 1])
    state = rules.new_game(scenario, seed=1)
    play(state, Share(0, 1, 2))
    for _ in range(4):
        play(state)
    assert state.knows[0, 3] and not state.knows[0, 4]  # 3 never relays


def test_topic_affinity_speeds_spread():
    def reached(topic_members):
        hub_ties = [(1, k) for k in range(2, 202)]
        managers = [-1] + [0] * 201
        club = community(topic_members, topics=[0])
        signal = make_signal(1, virality=0.2, topics=[0])
        scenario = make_scenario(managers, signals=[signal], ties=hub_ties, communities=[club])
        totals = []
        for seed in range(5):
            state = rules.new_game(scenario, seed=seed)
            state.spreading[0, 1] = True
            play(state)
            totals.append(state.knows[0].sum())
        return np.mean(totals)

    assert reached(list(range(1, 202))) > 1.5 * reached([1])


def test_sceptics_dismiss_unvalidated_news_and_stay_closed():
    scenario = make_scenario(FLAT, signals=[make_signal(1)], ties=RING, scepticism=[0, 0, 1, 0, 0, 0, 0])
    state = rules.new_game(scenario, seed=1)
    play(state, Share(0, 1, 2))
    assert not state.knows[0, 2] and state.opposed[0, 2]


def test_validated_news_overcomes_scepticism():
    scenario = make_scenario(FLAT, signals=[make_signal(1)], ties=RING, scepticism=[0, 0, 1, 0, 0, 0, 0])
    state = rules.new_game(scenario, seed=1)
    state.validated[0] = True
    play(state, Share(0, 1, 2))
    assert state.knows[0, 2]


def test_experts_enrich_what_they_relay():
    signal = make_signal(1, distortion=0.0, topics=[0])
    scenario = make_scenario(FLAT, signals=[signal], ties=RING, skills={2: [0]})
    state = rules.new_game(scenario, seed=1)
    state.fidelity[0, 1] = 0.5
    play(state, Share(0, 1, 2))
    assert state.fidelity[0, 2] == pytest.approx(0.5)  # the sender (1) is no expert
    play(state, Share(0, 2, 3))
    assert state.fidelity[0, 3] == pytest.approx(0.55)  # the expert (2) adds 0.05


def test_leaks_bring_the_rival_forward():
    signal = make_signal(1, sensitivity=1.0)
    scenario = make_scenario(FLAT, signals=[signal], ties=RING, reactions=[(10, 0)], leak_gain=3)
    state = rules.new_game(scenario, seed=1)
    assert state.competitor_due[0] == 11
    play(state, Share(0, 1, 2))
    assert state.leaks[0] == 1 and state.competitor_due[0] == 8


def test_posting_reaches_community_members_who_care():
    club = community([1, 3, 4, 5], topics=[0])
    signal = make_signal(1, topics=[0])
    state = rules.new_game(make_scenario(FLAT, signals=[signal], communities=[club]), seed=2)
    play(state, Post(0, 1, 0))
    assert 1 <= state.knows[0, [3, 4, 5]].sum() <= 3
    assert not state.knows[0, [2, 6]].any()
    with pytest.raises(IllegalAction) as refusal:
        rules.apply(state, Post(0, 1, 0))
    assert "already been posted" in refusal.value.reason.get("en")


def test_only_members_may_post():
    club = community([3, 4])
    state = rules.new_game(make_scenario(FLAT, signals=[make_signal(1)], communities=[club]), seed=1)
    with pytest.raises(IllegalAction) as refusal:
        rules.apply(state, Post(0, 1, 0))
    assert "not a member" in refusal.value.reason.get("en")


def test_a_copy_distorted_to_nothing_is_not_news():
    signal = make_signal(1, distortion=0.6)
    state = rules.new_game(make_scenario(FLAT, signals=[signal], ties=RING), seed=1)
    state.fidelity[0, 1] = 0.01  # the sender's copy is already almost gone
    play(state, Share(0, 1, 2))
    assert not state.knows[0, 2] and state.fidelity[0, 2] == 0.0
