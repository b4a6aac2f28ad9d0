"""The solo coach: the `mixed` strategy's next move from the team's view, never played for the team by itself.

Its advice must be a legal move, the very move the bot would make, blind to
whether a signal is a rumour; moves played on its advice are counted and
survive saving and replaying.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core import bots, coach, rules
from game.core.actions import AskNetwork, CoachAdvice, EndTurn, InjectEvent
from game.core.errors import IllegalAction
from game.core.replay import replay, save_record
from game.scenario.loader import load_scenario
from game.scenario.shipped import shipped_scenarios
from game.workshop.session import Session
from tests.test_hidden_truth import flipped, revealed

SMALL = [p for p in shipped_scenarios() if p.stem != "industrial-group"]
_SCENARIOS: dict = {}


def scenario_of(stem: str):
    if stem not in _SCENARIOS:
        _SCENARIOS[stem] = load_scenario(next(p for p in shipped_scenarios() if p.stem == stem))
    return _SCENARIOS[stem]


def bots_first_move(state) -> object:
    """What a fresh `mixed` bot, knowing the questions already asked, plays first from `state` (on a replay)."""
    trial = replay(state.scenario, save_record(state))
    bot = bots.MixedBot(state.seed)
    bot.asked = {(a.person, a.topic) for a in state.actions if isinstance(a, AskNetwork)}
    before = len(trial.actions)
    bot.play_turn(trial)
    return trial.actions[before] if len(trial.actions) > before else EndTurn()


@pytest.mark.parametrize("path", SMALL, ids=lambda p: p.stem)
def test_at_each_turn_the_advice_is_the_move_the_mixed_bot_then_plays(path):
    scenario = load_scenario(path)
    for seed in range(3):
        state = rules.new_game(scenario, seed)
        bot = bots.MixedBot(seed)
        while not state.over:
            advice = coach.advise(state)
            before = len(state.actions)
            bot.play_turn(state)
            played = state.actions[before] if len(state.actions) > before else EndTurn()
            assert advice.action == played, f"seed {seed}, turn {state.turn}: {advice} but the bot played {played}"
            assert advice.reason in coach.REASONS
            rules.end_turn(state)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), stem=st.sampled_from([p.stem for p in SMALL]), stops=st.integers(0, 40))
def test_in_the_middle_of_a_turn_the_advice_is_legal_and_the_bots_next_move(seed, stem, stops):
    """After random moves by a player who is not the bot: advice is legal, costs what is left at most, and matches."""
    state = rules.new_game(scenario_of(stem), seed)
    player = bots.RandomBot(seed)
    for _ in range(stops % 12):
        if state.over:
            return
        player.play_turn(state)
        rules.end_turn(state)
    if state.over:
        return
    advice = coach.advise(state)
    assert isinstance(advice.action, EndTurn) or advice.action in rules.legal_actions(state)
    assert advice.action.price(state.scenario) <= max(state.action_points, 0)
    assert advice.action == bots_first_move(state)


def test_asking_for_advice_changes_nothing_in_the_game():
    state = rules.new_game(scenario_of("retail-app-outage"), 3)
    for _ in range(3):
        bots.RandomBot(3).play_turn(state)
        rules.end_turn(state)
    before = (state.fingerprint(), len(state.actions), len(state.log), state.action_points)
    first = coach.advise(state)
    assert (state.fingerprint(), len(state.actions), len(state.log), state.action_points) == before
    assert coach.advise(state) == first  # and asking again gives the same answer


def test_with_no_points_left_the_coach_says_to_end_the_turn():
    state = rules.new_game(scenario_of("tutorial"), 1)
    while not state.over and state.action_points > 0:
        advice = coach.advise(state)
        if isinstance(advice.action, EndTurn):
            rules.end_turn(state)
            continue
        coach.play(state, advice.action, advice)
    if not state.over:
        advice = coach.advise(state)
        assert isinstance(advice.action, EndTurn) and advice.reason == coach.NO_POINTS


def advice_trail(scenario, seed: int, signal: int) -> tuple[list, list]:
    """Both games (the scenario and its flip) played by following the coach; the advice seen until the truth is out."""
    games = [rules.new_game(s, seed) for s in (scenario, flipped(scenario, signal))]
    trails: list[list] = [[], []]
    while not any(g.over for g in games) and not any(revealed(g, signal) for g in games):
        for game, trail in zip(games, trails):
            advice = coach.advise(game)
            trail.append(repr(advice))
            coach.play(game, advice.action, advice)
    return trails


@pytest.mark.parametrize("stem", ["tutorial", "bank-compliance", "startup-leaks"])
def test_the_coach_never_reads_whether_a_signal_is_genuine(stem):
    """Turn a rumour into a genuine signal (or back): the same advice, move after move, until the truth comes out."""
    scenario = scenario_of(stem)
    rumours = [i for i, s in enumerate(scenario.signals) if not s.genuine]
    genuine = [i for i, s in enumerate(scenario.signals) if s.genuine][:1]
    for seed in range(3):
        for signal in rumours + genuine:
            first, second = advice_trail(scenario, seed, signal)
            assert first == second, f"seed {seed}: the advice differs although the team sees the same game"
            assert len(first) > 1


def coached_game(seed: int = 2) -> Session:
    """A solo session on the tutorial where the team follows the coach every other move, and plays the last
    legal move otherwise."""
    session = Session.start(scenario_of("tutorial"), ["Solo"], mode="solo", seed=seed)
    state = session.active_team().state
    toggle = False
    while not session.over:
        advice = coach.advise(state)
        toggle = not toggle
        if isinstance(advice.action, EndTurn):
            session.end_planning()
        elif toggle:
            session.act(advice.action, advice)
        else:
            own = [a for a in rules.legal_actions(state) if not isinstance(a, EndTurn) and a != advice.action]
            if own:
                session.act(own[-1], advice)
            else:
                session.end_planning()
    return session


def test_moves_played_on_the_advice_are_counted_and_others_are_not():
    session = coached_game()
    actions = session.active_team().state.actions
    counted = coach.coaching(actions)
    markers = sum(isinstance(a, CoachAdvice) for a in actions)
    own = sum(not isinstance(a, (EndTurn, CoachAdvice, InjectEvent)) for a in actions)
    assert counted.moves == own
    assert 0 < counted.coached == markers < counted.moves
    for marker, following in zip(actions, actions[1:]):
        if isinstance(marker, CoachAdvice):
            assert not isinstance(following, (CoachAdvice, EndTurn, InjectEvent))


def test_a_move_other_than_the_advice_is_not_recorded_as_coached():
    state = rules.new_game(scenario_of("tutorial"), 1)
    advice = coach.advise(state)
    other = next(a for a in rules.legal_actions(state) if a != advice.action and not isinstance(a, EndTurn))
    coach.play(state, other, advice)
    assert coach.coaching(state.actions) == coach.Coaching(moves=1, coached=0)


def test_an_illegal_advised_move_leaves_no_record_behind():
    state = rules.new_game(scenario_of("tutorial"), 1)
    advice = coach.advise(state)
    state.action_points = 0
    with pytest.raises(IllegalAction):
        coach.play(state, advice.action, advice)
    assert not any(isinstance(a, CoachAdvice) for a in state.actions)


def test_coached_moves_survive_saving_and_replaying_and_change_nothing_in_the_game():
    session = coached_game()
    state = session.active_team().state
    again = replay(state.scenario, save_record(state))
    assert again.fingerprint() == state.fingerprint()
    assert again.actions == state.actions
    assert coach.coaching(again.actions) == coach.coaching(state.actions)
    reloaded = Session.from_record(state.scenario, session.to_record())
    assert coach.coaching(reloaded.active_team().state.actions) == coach.coaching(state.actions)
    record = save_record(state)
    record["actions"] = [a for a in record["actions"] if a["kind"] != "coach"]
    assert replay(state.scenario, record).fingerprint() == state.fingerprint()  # the record is not a move


def test_a_save_made_before_the_coach_existed_replays_as_before():
    """Old saves hold no coach records: they replay to the same game, with nothing counted as coached."""
    state = bots.play_game(scenario_of("retail-app-outage"), 5, "mixed")
    again = replay(state.scenario, save_record(state))
    assert again.fingerprint() == state.fingerprint()
    assert coach.coaching(again.actions).coached == 0
    assert np.array_equal(again.exploit_done, state.exploit_done)
