"""The solo coach on the board: H (or its button) shows the next move and why; Enter plays it, counted as coached."""

from __future__ import annotations

import dataclasses
from html import escape

import pygame
import pytest

from game.core import coach
from game.core.actions import CoachAdvice, EndTurn, Escalate
from game.debrief.build import debrief_of_session
from game.debrief.html import report_html
from game.debrief.phrasing import moves_sentence
from game.debrief.summary import summary
from game.i18n import Translator
from game.ui.scenes.coach import CoachScene, reason_sentence
from tests.ui.driver import FRAME, click_at, press
from tests.ui.test_board_scene import open_board

LANGUAGES = ["en", "fr"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_h_shows_the_advice_and_enter_plays_it_as_a_coached_move(example_scenario, language):
    app, board = open_board(example_scenario, language=language)
    state = board.state
    expected = coach.advise(state)
    press(app, pygame.K_h)
    card = app.top
    assert isinstance(card, CoachScene) and card.advice == expected
    texts = [text for text, _, _ in card._texts()]
    assert app.text(expected.action.describe(state.scenario)) in texts
    before, turn = len(state.actions), state.turn
    press(app, pygame.K_RETURN)
    assert app.top is board
    if isinstance(expected.action, EndTurn):
        assert state.turn == turn + 1 or state.over
    else:
        assert state.actions[before:] == [CoachAdvice(), expected.action]
        assert coach.coaching(state.actions).coached == 1


def test_leaving_the_advice_then_playing_the_same_move_from_the_list_still_counts(example_scenario):
    app, board = open_board(example_scenario)
    press(app, pygame.K_h)
    advice = app.top.advice
    assert not isinstance(advice.action, EndTurn)
    recorded = len(board.state.actions)
    press(app, pygame.K_ESCAPE)
    assert app.top is board and len(board.state.actions) == recorded  # leaving the advice plays nothing
    if hasattr(advice.action, "signal"):
        board.select_signal(advice.action.signal)
    board.select_person(advice.action.person)
    index = board.actions.index(advice.action)
    before = coach.coaching(board.state.actions)
    board.play(index)
    after = coach.coaching(board.state.actions)
    assert (after.moves, after.coached) == (before.moves + 1, before.coached + 1)


def test_a_different_move_after_the_advice_is_the_team_s_own(example_scenario):
    app, board = open_board(example_scenario)
    press(app, pygame.K_h)
    advice = app.top.advice
    press(app, pygame.K_ESCAPE)
    holder = int(board.state.holders(0)[0])
    board.select_signal(0)
    board.select_person(holder)
    index = next(i for i, a in enumerate(board.actions) if a != advice.action)
    before = coach.coaching(board.state.actions)
    board.play(index)
    assert coach.coaching(board.state.actions).coached == before.coached


def test_the_coach_button_opens_the_advice(example_scenario):
    app, board = open_board(example_scenario)
    spot = next(rect for rect, target in board.spots.spots if target == ("button", "coach"))
    click_at(app, spot.center)
    assert isinstance(app.top, CoachScene)
    press(app, pygame.K_ESCAPE)
    assert app.top is board


def test_in_a_workshop_the_coach_stays_silent_and_says_why(example_scenario):
    app, board = open_board(example_scenario, mode="hotseat")
    assert not any(target == ("button", "coach") for _, target in board.spots.spots)
    press(app, pygame.K_h)
    assert app.top is board and board.message == app.tr("coach.solo_only")


def test_with_no_points_left_enter_on_the_advice_ends_the_turn(example_scenario):
    app, board = open_board(example_scenario)
    state = board.state
    while state.action_points > 0:
        advice = coach.advise(state)
        if isinstance(advice.action, EndTurn):
            break
        coach.play(state, advice.action, advice)
    turn = state.turn
    app.step([], FRAME)
    press(app, pygame.K_h)
    assert isinstance(app.top.advice.action, EndTurn)
    press(app, pygame.K_RETURN)
    assert state.turn == turn + 1 or state.over


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reason_reads_as_a_sentence_in_both_languages(example_scenario, language):
    app, board = open_board(example_scenario, language=language)
    advice = coach.advise(board.state)
    for reason in coach.REASONS:
        worded = reason_sentence(app, board.state, dataclasses.replace(advice, reason=reason, person=0))
        assert worded and "{" not in worded and not worded.startswith("coach."), reason
    holder = int(board.state.holders(0)[0])
    urgent = coach.Advice(Escalate(0, holder, urgent=True), coach.APPROVAL_LINE, 0, 0)
    assert reason_sentence(app, board.state, urgent).endswith(app.tr("coach.urgent"))


def test_the_debrief_shows_coached_moves_beside_the_team_s_own(example_scenario):
    app, board = open_board(example_scenario)
    session = board.session
    state = board.state
    own = coach.coaching(state.actions).moves
    for _ in range(2):
        advice = coach.advise(state)
        if isinstance(advice.action, EndTurn):
            session.end_planning()
            continue
        session.act(advice.action, advice)
    counted = coach.coaching(state.actions)
    assert counted.coached >= 1 and counted.moves > own
    while not session.over:
        session.end_planning()
    debrief = debrief_of_session(session)
    team = debrief.teams[0]
    assert team.coaching == counted
    sentence = moves_sentence(team.name, team.coaching, Translator("en"))
    assert f"{counted.moves} moves, {counted.coached} of them on the coach's advice" in sentence
    assert "sur le conseil du coach" in moves_sentence(team.name, team.coaching, Translator("fr"))
    assert escape(sentence) in report_html(debrief, "en", {})
    data = summary(debrief, "en")["teams"][0]
    assert (data["moves"], data["coached_moves"]) == (counted.moves, counted.coached)
    assert "coach" not in data["actions"]  # the record is not a move
