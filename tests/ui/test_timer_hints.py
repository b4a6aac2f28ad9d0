"""The workshop's planning timer and the tutorial's step-by-step hints (pure helpers the board calls)."""

from __future__ import annotations

import pytest

from game.core import rules
from game.ui.catalog import playable
from game.ui.hints import tutorial_hint
from game.ui.timer import PlanningTimer
from game.workshop.session import Session


def test_the_timer_counts_down_and_fires_once_when_time_runs_out():
    timer = PlanningTimer(90)
    assert timer.label() == "1:30" and not timer.urgent
    assert not timer.tick(80.5)
    assert timer.label() == "0:10" and timer.urgent
    assert timer.tick(20)  # runs out on this tick
    assert timer.expired and timer.label() == "0:00"
    assert not timer.tick(1)  # and only once


def test_a_session_without_turn_seconds_has_no_timer():
    tutorial = next(s for s in playable() if s.id == "tutorial")
    assert PlanningTimer.for_session(Session.start(tutorial, ["A"], mode="solo")) is None
    assert PlanningTimer.for_session(Session.start(tutorial, ["A"], turn_seconds=120)).seconds == 120
    with pytest.raises(ValueError):
        PlanningTimer(0)


def test_tutorial_hints_follow_the_player_step_by_step(app):
    tutorial = next(s for s in playable() if s.id == "tutorial")
    session = Session.start(tutorial, ["You"], mode="solo")
    state = session.teams[0].state
    signal = 0
    if not state.knows.any():
        assert tutorial_hint(app, session, None, None) == app.tr("ui.hint.wait")
        session.end_planning()
    assert tutorial_hint(app, session, None, signal) == app.tr("ui.hint.select")
    holder = int(state.holders(signal)[0])
    name = tutorial.org.names[holder]
    assert tutorial_hint(app, session, holder, signal) == app.tr("ui.hint.act", person=name, points=state.action_points)
    session.act(rules.actions_for(state, holder, signal)[0])
    samira = tutorial.org.index_of("dev_sam")  # the goal card's candidate: the hints now follow its checklist
    assert tutorial_hint(app, session, holder, signal) == app.tr("goal.hint.reach.tree", candidate="Samira Cohen")
    network_hint = tutorial_hint(app, session, holder, signal, view="network")
    assert network_hint == app.tr("goal.hint.reach.network", candidate="Samira Cohen") and "V" not in network_hint
    state.knows[signal, samira], state.fidelity[signal, samira] = True, 1.0
    approver = app.text(tutorial.org.names[tutorial.org.index_of("head_tech")])
    assert approver in tutorial_hint(app, session, holder, signal)
    while state.action_points > 0:
        session.act(next(a for a in rules.legal_actions(state) if 0 < a.price(state.scenario) <= state.action_points))
    assert tutorial_hint(app, session, holder, signal) == app.tr("ui.hint.end_turn")


def test_tutorial_explains_a_rumour_that_was_exposed_or_faded(app):
    tutorial = next(s for s in playable() if s.id == "tutorial")
    session = Session.start(tutorial, ["You"], mode="solo")
    state = session.teams[0].state
    while not state.knows.any():
        session.end_planning()
    rumour = next(s for s, spec in enumerate(tutorial.signals) if not spec.genuine)
    state.faded[rumour] = True
    assert tutorial_hint(app, session, None, rumour) == app.tr("ui.hint.faded")
    state.faded[rumour], state.exposed[rumour] = False, True
    assert tutorial_hint(app, session, None, rumour) == app.tr("ui.hint.exposed")


def test_other_scenarios_have_no_tutorial_hints(app):
    other = next(s for s in playable() if s.id != "tutorial")
    assert tutorial_hint(app, Session.start(other, ["You"], mode="solo"), None, None) is None
