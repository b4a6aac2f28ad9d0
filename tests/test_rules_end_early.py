"""Ending a game early (the facilitator's F10) is fair: turns played keep what they earned, work under way scores
the share of its effort done, the rival finishes what it would have, and the reference bots stop on the same turn.
"""

from __future__ import annotations

import pytest

from game.core import rules
from game.core.actions import Escalate
from game.core.errors import IllegalAction
from game.core.scoring import LOST_RACE_SHARE, outcome, race_factor, score
from game.debrief.compare import bot_results, what_if_state
from game.debrief.trace import trace
from game.workshop.session import Session
from tests.builders import make_scenario, make_signal

# 0 root; 1, 2 report to 0; 3 reports to 1; 4 reports to 2. Person 1 can exploit.
TREE = [-1, 0, 0, 1, 2]
NEVER = (100.0, 0.0)  # the rival's reaction: far beyond the game's end


def game(effort=4, reaction=NEVER, turns=20, genuine=True):
    signal = make_signal(3, skills=[0], effort=effort, genuine=genuine)
    scenario = make_scenario(TREE, signals=[signal], skills={1: [0]}, reactions=[reaction], turns=turns)
    state = rules.new_game(scenario, seed=1)
    rules.apply(state, Escalate(0, 3, urgent=True))  # person 1 knows at the end of turn 1 and starts work
    rules.end_turn(state)
    assert state.exploit_started[0] == 1
    return state


def play_to(state, turn):
    """End turns without moves until `turn` is the turn being planned."""
    while state.turn < turn:
        rules.end_turn(state)


def test_work_under_way_scores_the_share_of_its_effort_done_of_what_it_earns_when_finished():
    finished = game(effort=4)
    play_to(finished, 6)  # started at the end of turn 1, done at the end of turn 5
    assert finished.exploit_done[0] == 5
    full = outcome(finished, 0).points

    stopped = game(effort=4)
    play_to(stopped, 4)  # turns 1, 2 and 3 played: 2 of the 4 turns of work done
    rules.end_early(stopped)
    result = outcome(stopped, 0)
    assert stopped.over and stopped.ended_turn == 3
    assert result.share == 0.5 and result.due_turn == 5
    assert result.points == pytest.approx(full / 2) and result.points > 0
    assert result.exploited_turn is None  # it was not exploited: it is counted pro rata
    assert score(stopped) == result.points


def test_work_that_has_only_just_started_or_never_started_scores_nothing():
    just_started = game(effort=4)
    rules.end_early(just_started)  # after turn 1, the turn the work started
    assert outcome(just_started, 0).share == 0.0 and outcome(just_started, 0).points == 0.0

    scenario = make_scenario(TREE, signals=[make_signal(3, skills=[0])], skills={1: [0]}, reactions=[NEVER])
    untouched = rules.new_game(scenario, seed=1)
    play_to(untouched, 4)
    rules.end_early(untouched)
    assert outcome(untouched, 0).share is None and score(untouched) == 0.0


def test_the_rival_finishes_what_its_drawn_timetable_reaches_and_the_interrupted_work_is_judged_against_it():
    stopped = game(effort=4, reaction=(3.0, 0.0))  # the rival moves on turn 1 + 3 = 4, before the team's turn 5
    play_to(stopped, 3)
    assert stopped.competitor_done[0] == -1
    rules.end_early(stopped)
    result = outcome(stopped, 0)
    assert result.competitor_turn == 4  # it would have moved after the end: it still does
    assert result.share == 0.25 and result.points == pytest.approx(
        0.25 * 100 * result.fidelity**2 * LOST_RACE_SHARE, abs=0.01
    )


def test_a_rival_due_after_the_last_turn_never_gets_there():
    stopped = game(effort=2, reaction=(30.0, 0.0), turns=10)
    play_to(stopped, 3)
    rules.end_early(stopped)
    result = outcome(stopped, 0)
    assert result.competitor_turn is None
    assert result.share == 0.5 and result.points == pytest.approx(
        0.5 * 100 * result.fidelity**2 * race_factor(10 + 1 - 3), abs=0.01
    )


def test_work_that_could_not_have_finished_within_the_game_scores_nothing():
    stopped = game(effort=15, turns=10)
    play_to(stopped, 6)
    rules.end_early(stopped)
    assert outcome(stopped, 0).share is None and score(stopped) == 0.0


def test_a_rumour_being_worked_on_costs_the_share_done_of_its_penalty_unless_the_rival_drops_it_first():
    costly = game(effort=4, reaction=(10.0, 0.0), genuine=False)
    play_to(costly, 4)
    rules.end_early(costly)
    assert outcome(costly, 0).points == pytest.approx(-0.5 * 100)

    dropped = game(effort=4, reaction=(3.0, 0.0), genuine=False)  # looked into and dropped on turn 4
    play_to(dropped, 3)
    rules.end_early(dropped)
    assert outcome(dropped, 0).points == 0.0


def test_what_was_finished_before_the_end_keeps_its_points_and_a_finished_game_cannot_be_ended():
    quick = make_signal(3, skills=[0], effort=1, signal_id="quick")
    later = make_signal(4, skills=[0], appears=10, signal_id="later")
    scenario = make_scenario(TREE, signals=[quick, later], skills={1: [0]}, reactions=[NEVER, NEVER])
    state = rules.new_game(scenario, seed=1)
    rules.apply(state, Escalate(0, 3, urgent=True))
    play_to(state, 4)
    before = score(state)
    assert before > 0 and state.exploit_done[0] == 2
    rules.end_early(state)
    assert score(state) == before
    with pytest.raises(IllegalAction):
        rules.end_early(state)


def test_an_ended_game_replays_identically_for_the_debrief():
    state = game(effort=4, reaction=(5.0, 0.0))
    play_to(state, 4)
    rules.end_early(state)
    assert trace(state).state is state  # raises if the replay did not give the same game


# ---------------------------------------------------------------- sessions


def session_scenario():
    return make_scenario(
        TREE, signals=[make_signal(3, skills=[0], effort=3)], skills={1: [0]}, reactions=[NEVER], turns=12
    )


def test_in_hot_seat_every_team_stops_on_the_last_turn_any_team_finished():
    session = Session.start(session_scenario(), ["Red", "Blue", "Green"], mode="hotseat")
    for _ in range(3):
        session.end_planning()  # one round: every team is at turn 2
    session.act(Escalate(0, 3, urgent=True))
    session.end_planning()  # Red has played turn 2; Blue is planning it
    session.act(Escalate(0, 3, urgent=True))  # Blue's move this turn is played, not lost
    session.end_game()
    states = [team.state for team in session.teams]
    assert [s.ended_turn for s in states] == [2, 2, 2] and session.over
    assert states[0].exploit_started[0] == states[1].exploit_started[0] == 2
    assert states[2].exploit_started[0] == -1  # Green made no move


def test_in_simultaneous_mode_the_turn_being_planned_is_not_played():
    session = Session.start(session_scenario(), ["Red", "Blue"], mode="simultaneous")
    session.end_planning()
    session.end_planning()  # round 1 resolved
    session.act(Escalate(0, 3, urgent=True))
    session.end_planning()
    session.end_game()
    assert [team.state.ended_turn for team in session.teams] == [1, 1]


def test_an_ended_session_saves_and_loads_with_the_same_scores():
    session = Session.start(session_scenario(), ["Red", "Blue"], mode="hotseat")
    session.act(Escalate(0, 3, urgent=True))
    session.end_planning()
    for _ in range(3):
        session.end_planning()
    session.end_game()
    again = Session.from_record(session.scenario, session.to_record())
    assert again.ended and [t.state.ended_turn for t in again.teams] == [t.state.ended_turn for t in session.teams]
    assert [t.state.fingerprint() for t in again.teams] == [t.state.fingerprint() for t in session.teams]
    assert again.leaderboard() == session.leaderboard()
    assert session.leaderboard()[0].score > 0


# ---------------------------------------------------------------- the debrief's reference bots


def test_the_reference_bots_are_compared_on_the_turns_the_team_played(example_scenario):
    session = Session.start(example_scenario, ["Red", "Blue"], mode="hotseat")
    while session.turn < example_scenario.turns // 2:
        session.end_planning()
    session.end_game()
    state = session.teams[0].state
    results = bot_results(state)
    alternatives = [what_if_state(state, 0, result.strategy) for result in results]
    assert any(game.ended_turn == state.ended_turn for game in alternatives)
    for result, alternative in zip(results, alternatives):
        assert alternative.over
        assert alternative.ended_turn == state.ended_turn or alternative.turn - 1 < state.ended_turn  # or done sooner
        assert result.score == score(alternative)
    assert any(result.score != 0 for result in results), "the bots must not all show zero after an early end"


def test_the_debrief_says_the_work_was_under_way_and_how_much_was_done_in_both_languages():
    from game.debrief.phrasing import headline
    from game.i18n import Translator

    stopped = game(effort=4)
    play_to(stopped, 4)
    rules.end_early(stopped)
    assert "50% done (due on turn 5)" in headline(outcome(stopped, 0), Translator("en"))
    assert "50\u202f% fait" in headline(outcome(stopped, 0), Translator("fr"))  # French: a narrow space before %
