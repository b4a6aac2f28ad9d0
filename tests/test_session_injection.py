"""An event the facilitator injects lands on the same turn for every team, in hot-seat and simultaneous modes."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core.actions import Escalate
from game.core.errors import IllegalAction
from game.core.events import injectable_events
from game.persistence.records import checked_session
from game.workshop.session import Session
from tests.builders import make_scenario, make_signal

TREE = [-1, 0, 0, 1, 2]


def scenario():
    return make_scenario(TREE, signals=[make_signal(3, skills=[0])], skills={1: [0]}, reactions=[(6, 0)], turns=8)


PUSH = 0  # the hand-made scenario has no events of its own: the first injectable one is the rival's push


def event_turns(session: Session) -> list[list[int]]:
    """For each team, the turns its log shows the injected event on."""
    text = injectable_events(session.scenario)[PUSH].text
    return [[entry.turn for entry in team.state.log if entry.text == text] for team in session.teams]


def test_an_event_injected_during_the_last_teams_hot_seat_turn_lands_on_the_same_turn_for_everyone():
    session = Session.start(scenario(), ["Red", "Blue", "Green"], mode="hotseat")
    session.end_planning()
    session.end_planning()  # Red and Blue have played turn 1; Green plans it
    session.inject(PUSH)
    session.act(Escalate(0, 3))  # Green goes on planning turn 1 without the event
    assert event_turns(session) == [[2], [2], []]
    session.end_planning()
    assert event_turns(session) == [[2], [2], [2]]
    dues = {float(team.state.competitor_due[0]) for team in session.teams}
    assert len(dues) == 1  # every team's rival was pushed the same


def test_in_simultaneous_mode_the_event_lands_on_the_turn_being_planned_for_everyone():
    session = Session.start(scenario(), ["Red", "Blue", "Green"], mode="simultaneous")
    session.end_planning()
    session.inject(PUSH)
    assert event_turns(session) == [[1], [1], [1]]
    session.end_planning()
    session.end_planning()
    assert event_turns(session) == [[1], [1], [1]]


def test_an_event_waiting_for_a_team_survives_saving_and_loading():
    plan = scenario()
    session = Session.start(plan, ["Red", "Blue"], mode="hotseat", seed=3)
    session.end_planning()
    session.inject(PUSH)
    again = Session.from_record(plan, session.to_record())
    for game in (session, again):
        game.end_planning()
    assert event_turns(again) == event_turns(session) == [[2], [2]]
    assert [t.state.fingerprint() for t in again.teams] == [t.state.fingerprint() for t in session.teams]


def test_an_event_waiting_for_a_team_is_fired_before_the_facilitator_ends_the_game():
    session = Session.start(scenario(), ["Red", "Blue"], mode="hotseat")
    session.end_planning()
    session.inject(PUSH)
    session.end_game()
    assert event_turns(session) == [[2], [2]]
    assert session.teams[0].state.competitor_due[0] == session.teams[1].state.competitor_due[0]


def test_an_unknown_event_is_refused_for_every_team():
    session = Session.start(scenario(), ["Red", "Blue"], mode="hotseat")
    session.end_planning()
    with pytest.raises(IllegalAction):
        session.inject(99)
    assert all(team.pending == [] for team in session.teams)


def test_an_event_waiting_for_a_team_survives_the_save_reader():
    plan = scenario()
    session = Session.start(plan, ["Red", "Blue"], mode="hotseat", seed=3)
    session.end_planning()
    session.inject(PUSH)
    record = session.to_record()
    checked = checked_session(Path("autosave.json"), record)  # what every reader of saves keeps of the record
    assert checked["teams"][1]["pending"] == record["teams"][1]["pending"] != []
    again = Session.from_record(plan, checked)
    for game in (session, again):
        game.end_planning()
    assert event_turns(again) == event_turns(session) == [[2], [2]]
