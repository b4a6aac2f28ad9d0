"""Whole games through the interface, from the main menu to the results, played with keys and clicks."""

from __future__ import annotations

import pygame

from game.core import rules
from game.core.scoring import outcomes, score
from tests.ui.driver import clear_entry, click, click_at, press, top_name, type_text

MAX_FRAMES = 400  # a safety net: a game that never ends fails instead of hanging


def same_as_direct_play(session) -> None:
    """Replaying each team's action log through the rules gives exactly the team's final state."""
    for team in session.teams:
        direct = rules.new_game(session.scenario, session.seed, session.difficulty)
        for action in team.state.actions:
            rules.apply(direct, action)
        assert direct.fingerprint() == team.state.fingerprint()


def moves_played(state) -> int:
    return sum(type(action).__name__ not in ("EndTurn", "InjectEvent") for action in state.actions)


def test_a_solo_game_from_the_menu_to_the_results(app):
    click(app, "ui.menu.solo")
    click(app, "ui.difficulty.hard")
    click(app, "ui.solo.start")
    assert top_name(app) == "BoardScene"
    session = app.top.session
    assert (session.mode, session.difficulty, session.scenario.id) == ("solo", "hard", "tutorial")
    for _ in range(MAX_FRAMES):
        if top_name(app) != "BoardScene":
            break
        press(app, pygame.K_TAB)
        press(app, pygame.K_1, unicode="1")
        press(app, pygame.K_RETURN)
    assert top_name(app) == "ResultsScene"
    assert session.over and app.top.session is session
    assert moves_played(session.teams[0].state) > 0
    same_as_direct_play(session)


def test_a_three_team_hot_seat_workshop_from_the_menu_to_the_results(app):
    click(app, "ui.menu.workshop")
    names = ["Alpha", "Bravo", "Charlie"]
    for entry, name in zip(app.top.name_entries, names):
        click_at(app, entry.rect.center)
        clear_entry(app, 10)
        type_text(app, name)
    click(app, "ui.workshop.start")
    assert top_name(app) == "CurtainScene"
    session = app.top.session
    assert [team.name for team in session.teams] == names and session.mode == "hotseat"
    moves = {"Alpha": 3, "Bravo": 1, "Charlie": 0}  # teams play differently, so the standings differ
    curtains, boards_seen = [], 0
    for _ in range(MAX_FRAMES):
        scene = top_name(app)
        if scene == "CurtainScene":
            curtains.append(app.top.team_name)
            assert app.top.team_name == session.active_team().name
            press(app, pygame.K_RETURN)
        elif scene == "BoardScene":
            boards_seen += 1
            assert app.top.session.active_team().name == curtains[-1]  # the board is the team the curtain named
            for _ in range(moves[curtains[-1]]):
                press(app, pygame.K_TAB)
                press(app, pygame.K_1, unicode="1")
            press(app, pygame.K_RETURN)
        elif scene == "LeaderboardScene":
            expected = sorted(
                session.teams, key=lambda t: (-score(t.state), -sum(o.won for o in outcomes(t.state) if o.genuine))
            )
            assert app.top.order == [team.name for team in expected]
            click(app, "ui.continue")
        else:
            break
    assert top_name(app) == "ResultsScene"
    assert curtains[:6] == names + names  # hot-seat: every team in turn, every round
    assert boards_seen == len(curtains)
    assert len({score(t.state) for t in session.teams}) > 1
    assert all(moves_played(t.state) > 0 for t in session.teams[:2])
    same_as_direct_play(session)
