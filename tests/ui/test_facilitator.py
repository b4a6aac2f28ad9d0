"""The facilitator's keys during a workshop: pause, leaderboard, inject an event, end the game."""

from __future__ import annotations

import pygame

from game.core.events import RIVAL_PUSH
from game.ui import flow
from game.ui.catalog import playable
from game.ui.facilitator import facilitator_key
from game.workshop.session import Session
from tests.ui.driver import click, press, top_name


def workshop(app, mode="hotseat"):
    tutorial = next(s for s in playable() if s.id == "tutorial")
    session = Session.start(tutorial, ["Alpha", "Bravo"], mode=mode)
    app.apply(flow.start_game(app, session))
    return session


def test_pause_stops_the_game_until_p_again(app):
    workshop(app)
    press(app, pygame.K_RETURN)
    assert top_name(app) == "BoardScene"
    press(app, pygame.K_p, unicode="p")
    assert top_name(app) == "PauseScene"
    press(app, pygame.K_p, unicode="p")
    assert top_name(app) == "BoardScene"


def test_the_leaderboard_opens_over_the_board_and_closes_back_to_it(app):
    session = workshop(app)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_l, unicode="l")
    assert top_name(app) == "LeaderboardScene" and app.top.overlay
    assert app.top.order == [standing.team for standing in session.leaderboard()]
    click(app, "ui.continue")
    assert top_name(app) == "BoardScene"


def test_an_injected_event_fires_for_every_team(app):
    session = workshop(app)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_i, unicode="i")
    assert top_name(app) == "InjectScene"
    number = next(i for i, e in enumerate(app.top.events) if e.kind == "rival_push") + 1
    due_before = [team.state.competitor_due.copy() for team in session.teams]
    press(app, pygame.K_1 + number - 1, unicode=str(number))
    assert top_name(app) == "BoardScene"
    for team, before in zip(session.teams, due_before):
        assert any(entry.text == RIVAL_PUSH for entry in team.state.log)
        assert (team.state.competitor_due <= before).all() and (team.state.competitor_due < before).any()


def test_f10_asks_then_ends_the_game_on_the_results(app):
    session = workshop(app)
    press(app, pygame.K_F10)
    assert top_name(app) == "ConfirmEndScene"
    click(app, "ui.end.no")
    assert top_name(app) == "CurtainScene" and not session.over
    press(app, pygame.K_F10)
    click(app, "ui.end.yes")
    assert top_name(app) == "ResultsScene" and session.ended and session.over


def test_solo_practice_has_no_facilitator_keys(app):
    tutorial = next(s for s in playable() if s.id == "tutorial")
    session = Session.start(tutorial, ["You"], mode="solo")
    for key in (pygame.K_p, pygame.K_l, pygame.K_i, pygame.K_F10):
        event = pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0)
        assert facilitator_key(app, session, event) is None


def test_a_scenario_with_many_events_still_offers_the_built_ins_and_what_comes_next():
    from game.core.events import BUILT_IN
    from game.core.model import Event
    from game.core.text import Text
    from game.ui.scenes.facilitator import MAX_OFFERED, offered_events

    scripted = [Event(turn=t, kind="message", text=Text.plain(f"news {t}")) for t in range(1, 13)]
    built_in = [Event(turn=0, kind=kind, text=Text.plain(kind)) for kind in BUILT_IN]
    events = scripted + built_in
    offered = offered_events(events, turn=5)
    assert len(offered) == MAX_OFFERED
    assert [events[i].kind for i in offered[-len(BUILT_IN) :]] == list(BUILT_IN)
    assert [events[i].turn for i in offered[: MAX_OFFERED - len(BUILT_IN)]] == [5, 6, 7, 8, 9, 10]
