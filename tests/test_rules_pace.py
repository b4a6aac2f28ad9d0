"""The rules that make the article felt: the line's calendar, urgency, word of mouth, the margin, fading rumours."""

import numpy as np
import pytest

from game.core import rules
from game.core.actions import Delegate, Escalate, Share
from game.core.competitor import rival_window
from game.core.errors import IllegalAction
from game.core.model import Audience, Pace
from game.core.scoring import outcome
from game.debrief.phrasing import headline
from game.i18n import Translator
from tests.builders import broadcast, make_scenario, make_signal

# 0 (root) -> 1 -> 2 -> 3 (a chain); 0 -> 4 -> 5 (a second branch)
CHAIN = [-1, 0, 1, 2, 0, 4]
WEEKLY = Pace(one_to_one=0, word_of_mouth=0.0)  # no one-to-ones: only the scenario's channels meet


def play(state, *actions):
    for action in actions:
        rules.apply(state, action)
    return rules.end_turn(state)


def until(state, turn):
    while state.turn < turn and not state.over:
        rules.end_turn(state)


def test_an_escalation_waits_for_the_next_team_meeting():
    meeting = broadcast(kind="team_meeting", every=5, offset=4)
    state = rules.new_game(make_scenario(CHAIN, signals=[make_signal(3)], channels=[meeting], pace=WEEKLY), seed=1)
    play(state, Escalate(0, 3))
    assert [m.due for m in state.inbox] == [4]  # the meeting of turn 4
    until(state, 4)
    assert not state.knows[0, 2]
    play(state)
    assert state.knows[0, 2] and state.learned_turn[0, 2] == 4
    assert [e.count for e in state.log if e.kind == "arrives"] == [3]  # it waited 3 turns


def test_a_letter_both_receive_is_an_occasion_but_not_one_only_the_manager_gets():
    letter = broadcast(Audience("max_level", 1), every=10, offset=3)
    state = rules.new_game(make_scenario(CHAIN, signals=[make_signal(1)], channels=[letter], pace=WEEKLY), seed=1)
    play(state, Escalate(0, 1))  # 1 (level 1) and 0 (level 0) both get the letter of turn 3
    assert [m.due for m in state.inbox] == [3]
    state = rules.new_game(make_scenario(CHAIN, signals=[make_signal(3)], channels=[letter], pace=WEEKLY), seed=1)
    play(state, Escalate(0, 3))  # 3 (level 3) is not in the letter's audience: no calendar, the next turn
    assert [m.due for m in state.inbox] == [2]


def test_one_to_ones_are_staggered_so_each_pair_has_its_own_day():
    pace = Pace(one_to_one=3, word_of_mouth=0.0)
    due = []
    for person in (3, 5):
        state = rules.new_game(make_scenario(CHAIN, signals=[make_signal(person)], pace=pace), seed=1)
        play(state, Escalate(0, person))
        due.append(state.inbox[0].due)
    assert all(2 <= d <= 4 for d in due) and due[0] != due[1]


def test_an_urgent_request_skips_the_calendar_for_more_action_points():
    meeting = broadcast(kind="team_meeting", every=5, offset=5)
    scenario = make_scenario(CHAIN, signals=[make_signal(0)], channels=[meeting], pace=WEEKLY, action_points=3)
    state = rules.new_game(scenario, seed=1)
    urgent = Delegate(0, 0, 4, urgent=True)
    assert urgent.price(scenario) == 2 and Delegate(0, 0, 1).price(scenario) == 1
    rules.apply(state, urgent)
    assert state.action_points == 1
    with pytest.raises(IllegalAction) as refusal:
        rules.apply(state, Delegate(0, 0, 1, urgent=True))
    assert "2 action points" in refusal.value.reason.get("en") and "2 points" in refusal.value.reason.get("fr")
    rules.end_turn(state)
    assert state.knows[0, 4] and state.learned_turn[0, 4] == 1


def test_a_scheduled_message_to_someone_away_waits_for_their_first_meeting_back():
    from game.core.model import Event
    from game.core.text import Text

    away = Event(turn=1, kind="absence", text=Text(), person=2, duration=3)  # back on turn 4
    state = rules.new_game(make_scenario(CHAIN, signals=[make_signal(3)], events=[away]), seed=1)
    play(state, Escalate(0, 3))
    until(state, 4)
    assert not state.knows[0, 2]
    assert any(e.kind == "postponed" for e in state.log)
    play(state)
    assert state.knows[0, 2] and state.learned_turn[0, 2] == 4


def test_someone_back_from_leave_hears_a_scheduled_message_at_the_next_meeting_not_on_return():
    from game.core.model import Event
    from game.core.text import Text

    meeting = broadcast(kind="team_meeting", every=3, offset=2)  # turns 2, 5, 8
    away = Event(turn=1, kind="absence", text=Text(), person=2, duration=5)  # back on turn 6
    scenario = make_scenario(CHAIN, signals=[make_signal(3)], channels=[meeting], events=[away], pace=WEEKLY)
    state = rules.new_game(scenario, seed=1)
    play(state, Escalate(0, 3))
    until(state, 3)
    assert [m.due for m in state.inbox] == [8]  # the first meeting after the return, not the return day
    until(state, 8)
    assert not state.knows[0, 2]
    play(state)
    assert state.knows[0, 2]


def test_word_of_mouth_spreads_a_signal_nobody_pushes():
    ring = [(i, i + 1) for i in range(1, 30)]
    managers = [-1] + [0] * 30
    signal = make_signal(1, virality=0.8)
    quiet = rules.new_game(make_scenario(managers, signals=[signal], ties=ring), seed=4)
    until(quiet, 8)
    assert quiet.knows[0].sum() == 1  # nobody talks unprompted by default in rule tests
    chatty = make_scenario(managers, signals=[signal], ties=ring, pace=Pace(word_of_mouth=0.5))
    heard = [rules.new_game(chatty, seed=seed) for seed in range(10)]
    for state in heard:
        until(state, 8)
    assert np.mean([s.knows[0].sum() for s in heard]) > 3


def test_a_bigger_margin_never_earns_less_and_usually_more():
    points = []
    for mean in (3, 5, 7, 9, 20):  # the rival later and later; the team always exploits on turn 2
        signal = make_signal(3, skills=[0], decay=0.1, effort=1)
        scenario = make_scenario(CHAIN, signals=[signal], skills={2: [0]}, reactions=[(mean, 0)])
        state = rules.new_game(scenario, seed=1)
        play(state, Escalate(0, 3, urgent=True))
        until(state, 30)
        result = outcome(state, 0)
        assert result.exploited_turn == 2 and result.won
        points.append(result.points)
    assert points == sorted(points) and points[0] < points[-1]
    assert points[-2] == points[-1]  # the first-mover bonus stops counting after 5 turns


def test_a_poor_copy_earns_far_less_than_a_faithful_one():
    scores = {}
    for fidelity in (1.0, 0.7):
        signal = make_signal(1, skills=[0], min_fidelity=0.5, effort=1)
        scenario = make_scenario(CHAIN, signals=[signal], skills={5: [0]}, ties=[(1, 5)])
        state = rules.new_game(scenario, seed=1)
        state.fidelity[0, 1] = fidelity + 0.0
        rules.apply(state, Share(0, 1, 5))
        until(state, 30)
        scores[fidelity] = (outcome(state, 0).points, outcome(state, 0).fidelity)
    (faithful, f1), (poor, f2) = scores[1.0], scores[0.7]
    assert poor / faithful == pytest.approx((f2 / f1) ** 2, rel=1e-3)  # the payout goes with fidelity squared
    assert poor < 0.6 * faithful


def test_the_rival_drops_a_rumour_and_it_fades():
    rumour = make_signal(3, genuine=False, virality=0.5)
    state = rules.new_game(make_scenario(CHAIN, signals=[rumour], reactions=[(4, 0)], ties=[(3, 5)]), seed=1)
    until(state, 6)  # the rival looks into it at the end of turn 5
    assert state.faded[0] and state.over  # nothing was left to decide
    assert any(e.kind == "faded" for e in state.log)
    assert outcome(state, 0).points == 0 and outcome(state, 0).competitor_turn is None
    assert outcome(state, 0).faded
    for language, words in (("en", "dropped"), ("fr", "abandonnée")):  # the results and debrief say so
        assert words in headline(outcome(state, 0), Translator(language))
        assert words in signal_timeline_mark(state, language).lower()


def signal_timeline_mark(state, language: str) -> str:
    from game.debrief.timeline import signal_timeline

    turn = signal_timeline(state, 0).faded
    assert turn is not None
    return Translator(language).tr("debrief.mark.faded", turn=turn)


def test_a_faded_rumour_cannot_be_passed_on():
    rumour = make_signal(3, genuine=False)
    other = make_signal(5, signal_id="other")
    scenario = make_scenario(CHAIN, signals=[rumour, other], reactions=[(2, 0), (50, 0)], ties=[(3, 5)])
    state = rules.new_game(scenario, seed=1)
    until(state, 4)
    assert state.faded[0] and not state.over
    with pytest.raises(IllegalAction) as refusal:
        rules.apply(state, Share(0, 3, 5))
    assert "only a rumour" in refusal.value.reason.get("en") and "rumeur" in refusal.value.reason.get("fr")


def test_the_rivals_estimate_is_a_window_that_does_not_depend_on_the_truth():
    windows = set()
    for genuine in (True, False):
        signal = make_signal(3, genuine=genuine)
        state = rules.new_game(make_scenario(CHAIN, signals=[signal], reactions=[(8, 2)]), seed=3)
        windows.add(rival_window(state, 0))
        assert state.competitor_due[0] not in (np.inf,)
    assert windows == {(7, 11)}  # appears on turn 1, expected 8 ± 2 turns later


def test_a_leak_the_team_saw_moves_the_estimate_forward():
    signal = make_signal(1, sensitivity=1.0)
    scenario = make_scenario(CHAIN, signals=[signal], ties=[(1, 4)], reactions=[(10, 1)], leak_gain=3)
    state = rules.new_game(scenario, seed=1)
    before = rival_window(state, 0)
    play(state, Share(0, 1, 4))
    assert state.leaks[0] == 1
    assert rival_window(state, 0) == (before[0] - 3, before[1] - 3)


def test_when_nothing_is_left_to_decide_the_game_plays_out_by_itself():
    signal = make_signal(3, skills=[0], effort=3)
    scenario = make_scenario(CHAIN, signals=[signal], skills={2: [0]}, reactions=[(10, 0)])
    state = rules.new_game(scenario, seed=1)
    state.validated[0] = True  # checked: nothing about it is in doubt
    play(state, Escalate(0, 3, urgent=True))
    assert state.exploiter[0] == 2 and state.over and state.exploit_done[0] == 4
    assert any("Nothing left to decide" in e.text.get("en") for e in state.log)
