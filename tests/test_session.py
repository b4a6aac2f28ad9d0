"""Workshop sessions: turn order, hot-seat vs simultaneous resolution, standings, saving."""

import pytest

from game.core import bots, rules
from game.core.actions import Escalate
from game.core.errors import IllegalAction
from game.workshop.session import GAME_OVER, NEXT_TEAM, ROUND_OVER, Session, SessionError
from tests.builders import make_scenario, make_signal

TREE = [-1, 0, 0, 1, 2]


def scenario(turns=5):
    return make_scenario(TREE, signals=[make_signal(3, skills=[0])], skills={1: [0]}, reactions=[(3, 0)], turns=turns)


def test_hotseat_hands_over_team_by_team_and_resolves_each_turn_at_once():
    session = Session.start(scenario(), ["Red", "Blue", "Green"], mode="hotseat")
    assert session.active_team().name == "Red"
    session.act(Escalate(0, 3))
    assert session.end_planning() == NEXT_TEAM
    assert session.teams[0].state.turn == 2 and session.teams[1].state.turn == 1
    assert session.active_team().name == "Blue"
    assert session.end_planning() == NEXT_TEAM
    assert session.end_planning() == ROUND_OVER
    assert session.active_team().name == "Red" and session.turn == 2


def test_simultaneous_resolves_only_when_everyone_has_planned():
    session = Session.start(scenario(), ["Red", "Blue"], mode="simultaneous")
    session.act(Escalate(0, 3))
    assert session.end_planning() == NEXT_TEAM
    assert session.teams[0].state.turn == 1
    assert session.end_planning() == ROUND_OVER
    assert [t.state.turn for t in session.teams] == [2, 2]


def test_a_team_plays_exactly_as_the_engine_alone():
    plan = scenario()
    session = Session.start(plan, ["Solo"], mode="solo", seed=4)
    alone = rules.new_game(plan, 4)
    for action in bots.play_game(plan, 4, "hierarchy").actions:
        if action.kind == "end_turn":
            session.end_planning()
        else:
            session.act(action)
        rules.apply(alone, action)
    assert session.teams[0].state.fingerprint() == alone.fingerprint()
    assert session.over


def test_leaderboard_orders_teams_and_the_game_ends():
    session = Session.start(scenario(turns=3), ["Slow", "Fast"], mode="hotseat")
    session.end_planning()  # Slow does nothing
    session.act(Escalate(0, 3))
    session.end_planning()
    while not session.over:
        session.end_planning()
    board = session.leaderboard()
    assert [row.team for row in board] == ["Fast", "Slow"]
    assert board[0].score > board[1].score and board[0].won == 1


def test_facilitator_can_inject_and_end():
    session = Session.start(scenario(), ["A", "B"])
    session.inject(0)  # built-in: the rival pushes
    assert all(team.state.competitor_due[0] == 2 for team in session.teams)
    session.end_game()
    assert session.over


def test_a_saved_session_resumes_mid_turn_identically():
    plan = scenario()
    session = Session.start(plan, ["A", "B"], mode="simultaneous", seed=9)
    session.act(Escalate(0, 3))
    session.end_planning()
    session.inject(1)
    again = Session.from_record(plan, session.to_record())
    assert again.active == 1
    assert [t.state.fingerprint() for t in again.teams] == [t.state.fingerprint() for t in session.teams]
    assert again.end_planning() == ROUND_OVER


def test_bad_records_and_setups_are_refused_with_a_reason():
    plan = scenario()
    with pytest.raises(SessionError, match="1 to 8 teams"):
        Session.start(plan, [])
    with pytest.raises(SessionError, match="not a Signal Race session"):
        Session.from_record(plan, {"kind": "other"})
    record = Session.start(plan, ["A"]).to_record()
    record["teams"][0]["actions"] = [{"kind": "escalate", "signal": "sig", "person": "nobody"}]
    with pytest.raises(SessionError, match="damaged"):
        Session.from_record(plan, record)


def test_game_over_after_the_last_turn():
    session = Session.start(scenario(turns=2), ["A"], mode="solo")
    assert session.end_planning() == ROUND_OVER
    assert session.end_planning() == GAME_OVER


def test_simultaneous_teams_may_end_their_planning_in_any_order():
    session = Session.start(scenario(), ["Red", "Blue", "Green"], mode="simultaneous")
    session.act(Escalate(0, 3), team=2)
    assert session.end_planning(team=2) == NEXT_TEAM
    assert session.end_planning(team=0) == NEXT_TEAM
    assert session.teams[0].state.turn == 1, "Blue has not planned yet"
    assert session.end_planning(team=1) == ROUND_OVER
    assert [t.state.turn for t in session.teams] == [2, 2, 2]
    assert session.teams[2].state.actions[0] == Escalate(0, 3)


def test_a_team_out_of_turn_is_refused_with_a_reason():
    hotseat = Session.start(scenario(), ["Red", "Blue"], mode="hotseat")
    with pytest.raises(IllegalAction) as refused:
        hotseat.act(Escalate(0, 3), team=1)
    assert "Red's turn" in refused.value.reason.get("en") and "Red" in refused.value.reason.get("fr")
    simultaneous = Session.start(scenario(), ["Red", "Blue"], mode="simultaneous")
    simultaneous.end_planning(team=0)
    assert not simultaneous.may_plan(0) and simultaneous.may_plan(1)
    with pytest.raises(IllegalAction):
        simultaneous.act(Escalate(0, 3), team=0)
    assert simultaneous.teams[0].state.actions == []


def test_ending_the_round_ends_every_remaining_planning():
    for mode in ("hotseat", "simultaneous"):
        session = Session.start(scenario(), ["Red", "Blue", "Green"], mode=mode)
        session.end_planning()
        assert session.end_round() == ROUND_OVER
        assert [t.state.turn for t in session.teams] == [2, 2, 2], mode
