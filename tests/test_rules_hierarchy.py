"""Vertical mechanics on hand-built organisations: escalation, delegation, validation, channels."""

import numpy as np
import pytest

from game.core import rules
from game.core.actions import Delegate, Escalate, Publish, RequestValidation
from game.core.errors import IllegalAction
from game.core.model import Audience, Event, ValidationGate
from game.core.text import Text
from tests.builders import broadcast, make_scenario, make_signal

# 0 (root) -> 1 -> 2 -> 3 (a chain); 0 -> 4 -> 5 (a second branch)
CHAIN = [-1, 0, 1, 2, 0, 4]


def play(state, *actions):
    for action in actions:
        rules.apply(state, action)
    return rules.end_turn(state)


def test_an_urgent_escalation_climbs_one_level_per_turn():
    state = rules.new_game(make_scenario(CHAIN, signals=[make_signal(3)]), seed=1)
    play(state, Escalate(0, 3, urgent=True))
    assert state.knows[0, 2] and not state.knows[0, 1]
    play(state, Escalate(0, 2, urgent=True))
    assert state.knows[0, 1]
    assert state.learned_turn[0, 1] == 2


def test_an_escalation_waits_for_the_next_meeting_even_when_meetings_are_daily():
    state = rules.new_game(make_scenario(CHAIN, signals=[make_signal(3)]), seed=1)
    play(state, Escalate(0, 3))
    assert not state.knows[0, 2]
    play(state)
    assert state.knows[0, 2] and state.learned_turn[0, 2] == 2


def test_hierarchy_loses_a_little_fidelity_per_hop():
    state = rules.new_game(make_scenario(CHAIN, signals=[make_signal(3)]), seed=1)
    play(state, Escalate(0, 3, urgent=True))
    play(state, Escalate(0, 2, urgent=True))
    assert state.fidelity[0, 1] == pytest.approx(0.96)


def test_unavailable_manager_keeps_an_urgent_message_waiting():
    availability = [1.0, 1.0, 0.0, 1.0, 1.0, 1.0]
    state = rules.new_game(make_scenario(CHAIN, signals=[make_signal(3)], availability=availability), seed=1)
    play(state, Escalate(0, 3, urgent=True))
    play(state)
    play(state)
    assert not state.knows[0, 2]
    assert [(m.sender, m.recipient) for m in state.inbox] == [(3, 2)]
    with pytest.raises(IllegalAction) as refusal:
        rules.apply(state, Escalate(0, 3))
    assert "on its way" in refusal.value.reason.get("en")


def test_absent_manager_receives_after_coming_back():
    absence = Event(turn=1, kind="absence", text=Text(), person=2, duration=3)
    state = rules.new_game(make_scenario(CHAIN, signals=[make_signal(3)], events=[absence]), seed=1)
    play(state, Escalate(0, 3))
    play(state)
    assert not state.knows[0, 2]
    play(state)  # turn 3: still away
    assert not state.knows[0, 2]
    play(state)  # turn 4: back
    assert state.knows[0, 2] and state.learned_turn[0, 2] == 4


def test_an_absent_person_cannot_act():
    absence = Event(turn=1, kind="absence", text=Text(), person=3, duration=2)
    state = rules.new_game(make_scenario(CHAIN, signals=[make_signal(3)], events=[absence]), seed=1)
    with pytest.raises(IllegalAction) as refusal:
        rules.apply(state, Escalate(0, 3))
    assert "away until turn 3" in refusal.value.reason.get("en")
    assert "absent" in refusal.value.reason.get("fr")


def test_sceptical_managers_sometimes_shelve():
    outcomes = set()
    for seed in range(40):
        scenario = make_scenario(CHAIN, signals=[make_signal(3)], scepticism=1.0)
        state = rules.new_game(scenario, seed=seed)
        play(state, Escalate(0, 3, urgent=True))
        outcomes.add(bool(state.knows[0, 2]))
    assert outcomes == {True, False}


def test_delegation_goes_only_to_a_direct_report():
    state = rules.new_game(make_scenario(CHAIN, signals=[make_signal(0)]), seed=1)
    with pytest.raises(IllegalAction) as refusal:
        rules.apply(state, Delegate(0, 0, 2))
    assert "does not report to" in refusal.value.reason.get("en")
    play(state, Delegate(0, 0, 1), Delegate(0, 0, 4))
    play(state)  # the next one-to-ones
    assert state.knows[0, [1, 4]].all()


def test_a_manager_receiving_a_signal_reveals_who_below_can_exploit_it():
    scenario = make_scenario(CHAIN, signals=[make_signal(0, skills=[0])], skills={5: [0]}, skills_hidden=True)
    state = rules.new_game(scenario, seed=1)
    assert not state.known_skill[5, 0]
    play(state, Delegate(0, 0, 4, urgent=True))
    assert state.lead[0, 5] and state.known_skill[5, 0]
    assert not state.lead[0, 1]


def test_validation_takes_its_delay_and_restores_fidelity():
    gate = ValidationGate("review", approver=1, delay=2)
    signal = make_signal(2, distortion=0.0)
    state = rules.new_game(make_scenario(CHAIN, signals=[signal], gates=[gate]), seed=1)
    state.fidelity[0, 2] = 0.5
    play(state, RequestValidation(0, 2, 0))
    assert not state.validated[0]
    play(state)
    assert state.validated[0]
    assert state.fidelity[0, 2] == 1.0 and state.knows[0, 1]


def test_staff_must_escalate_before_asking_for_validation():
    gate = ValidationGate("review", approver=1, delay=1)
    state = rules.new_game(make_scenario(CHAIN, signals=[make_signal(3)], gates=[gate]), seed=1)
    with pytest.raises(IllegalAction) as refusal:
        rules.apply(state, RequestValidation(0, 3, 0))
    assert "escalate first" in refusal.value.reason.get("en")


def test_validation_exposes_a_rumour_and_stops_it():
    gate = ValidationGate("review", approver=1, delay=1)
    rumour = make_signal(2, genuine=False, virality=1.0)
    other = make_signal(5, signal_id="other")
    state = rules.new_game(make_scenario(CHAIN, signals=[rumour, other], gates=[gate]), seed=1)
    play(state, RequestValidation(0, 2, 0))
    assert state.exposed[0]
    with pytest.raises(IllegalAction) as refusal:
        rules.apply(state, Escalate(0, 2))
    assert "rumour" in refusal.value.reason.get("en")


def test_broadcast_fires_on_schedule_to_its_audience():
    channel = broadcast(Audience("max_level", 1), every=3, offset=2, publishers=[0])
    state = rules.new_game(make_scenario(CHAIN, signals=[make_signal(0)], channels=[channel]), seed=1)
    play(state, Publish(0, 0, 0))  # turn 1: queued for the slot of turn 2
    assert not state.knows[0, 1]
    play(state)
    assert state.knows[0, [1, 4]].all() and not state.knows[0, [2, 3, 5]].any()
    assert state.learned_turn[0, 1] == 2


@pytest.mark.parametrize(
    "audience, reached",
    [
        (Audience("all"), [1, 2, 3, 4, 5]),
        (Audience("min_level", 2), [2, 3, 5]),
        (Audience("subtree", 4), [4, 5]),
        (Audience("department", 1), [3, 5]),
    ],
)
def test_audiences(audience, reached):
    departments = [0, 0, 0, 1, 0, 1]
    channel = broadcast(audience, publishers=[0])
    scenario = make_scenario(CHAIN, signals=[make_signal(0)], channels=[channel], departments=departments)
    state = rules.new_game(scenario, seed=1)
    play(state, Publish(0, 0, 0))
    assert sorted(np.flatnonzero(state.knows[0])) == sorted([0] + reached)


def test_low_attention_reaches_few():
    channel = broadcast(attention=0.1, publishers=[0])
    scenario = make_scenario([-1] + [0] * 400, signals=[make_signal(0)], channels=[channel])
    state = rules.new_game(scenario, seed=3)
    play(state, Publish(0, 0, 0))
    assert 15 < state.knows[0].sum() < 70


def test_only_publishers_may_broadcast_and_gated_channels_need_validation():
    gate = ValidationGate("review", approver=1, delay=1)
    channel = broadcast(publishers=[0], validation=0)
    state = rules.new_game(make_scenario(CHAIN, signals=[make_signal(0)], channels=[channel], gates=[gate]), seed=1)
    with pytest.raises(IllegalAction) as refusal:
        rules.apply(state, Publish(0, 0, 0))
    assert "validate" in refusal.value.reason.get("en")
    state.knows[0, 1] = True
    state.fidelity[0, 1] = 1.0
    with pytest.raises(IllegalAction) as refusal:
        rules.apply(state, Publish(0, 1, 0))
    assert "may not publish" in refusal.value.reason.get("en")


def test_team_meeting_reaches_the_manager_peers_and_reports():
    meeting = broadcast(kind="team_meeting")
    state = rules.new_game(make_scenario(CHAIN, signals=[make_signal(1)], channels=[meeting]), seed=1)
    play(state, Publish(0, 1, 0))
    assert sorted(np.flatnonzero(state.knows[0])) == [0, 1, 2, 4]


def test_reorg_moves_a_person_and_their_team():
    reorg = Event(turn=2, kind="reorg", text=Text(), person=2, new_manager=4)
    state = rules.new_game(make_scenario(CHAIN, signals=[make_signal(3)], events=[reorg]), seed=1)
    play(state)
    assert state.hierarchy.manager[2] == 4
    assert sorted(state.hierarchy.subtree(4)) == [2, 3, 4, 5]
    play(state, Escalate(0, 3, urgent=True))
    play(state, Escalate(0, 2, urgent=True))
    assert state.knows[0, 4]
