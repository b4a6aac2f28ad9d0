"""The play screen driven as a player would: keys and clicks through App.step, headless."""

from __future__ import annotations

import json

import numpy as np
import pygame
import pytest

from game.core import bots, rules
from game.core.actions import AskNetwork, Escalate
from game.core.state import NOT_YET
from game.ui.app import App
from game.ui.board import choices
from game.ui.board import scene as board_scene
from game.ui.board.choices import holders_in_order
from game.ui.board.mapview import NETWORK, TREE
from game.ui.board.pause import PauseMenu
from game.ui.board.scene import BoardScene
from game.workshop.session import Session
from tests.ui.driver import FRAME, click_at, press

SIZES = [(1280, 720), (1920, 1080)]


def mid_game(scenario, turns: int = 2, mode: str = "solo", **options) -> Session:
    """A session after a few turns of the mixed bot."""
    names = ["Blue"] if mode == "solo" else ["Blue", "Green"]
    session = Session.start(scenario, names, mode=mode, **options)
    player = bots.BOTS["mixed"](scenario.seed)
    for _ in range(turns):
        for _ in session.teams:
            player.play_turn(session.active_team().state)
            session.end_planning()
    return session


def open_board(scenario, size=(1280, 720), language="en", **options) -> tuple[App, BoardScene]:
    app = App(size, language)
    board = BoardScene(app, mid_game(scenario, **options))
    app.push(board)
    app.step([], FRAME)
    return app, board


def person_centre(board: BoardScene, person: int) -> tuple[int, int]:
    board._keep_in_view(person)
    board.app.step([], FRAME)
    x, y = board.map.screen_positions(board.state)[person]
    return int(round(x)), int(round(y))


def hover(app: App, pos: tuple[int, int]) -> None:
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))], FRAME)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_board_draws_both_views(example_scenario, size, language, tmp_path):
    app, board = open_board(example_scenario, size, language)
    for view in (TREE, NETWORK):
        assert board.map.view == view
        app.step([], FRAME)
        shot = tmp_path / f"board_{view}_{language}_{size[0]}.png"
        pygame.image.save(app.screen, shot)
        region = pygame.surfarray.array2d(app.screen.subsurface(board.layout.map))[::3, ::3]
        assert len(np.unique(region)) > 5  # people and links were drawn
        assert any(t == ("button", "end_turn") for _, t in board.spots.spots)
        press(app, pygame.K_v)
    assert board.map.view == TREE
    assert app.tr("board.end_turn") != "board.end_turn"


def test_translations_have_the_same_keys():
    from game.i18n import TRANSLATIONS

    en = json.loads((TRANSLATIONS / "en" / "board.json").read_text(encoding="utf-8"))
    fr = json.loads((TRANSLATIONS / "fr" / "board.json").read_text(encoding="utf-8"))
    assert set(en) == set(fr)
    assert all(key.startswith("board.") for key in en)


def test_clicking_a_person_selects_them_and_hovering_shows_their_card(example_scenario):
    app, board = open_board(example_scenario)
    person = holders_in_order(board.state, board.signal)[-1]
    pos = person_centre(board, person)
    before = app.screen.copy()
    click_at(app, pos)
    assert board.person == person
    assert board.hover == person
    name = example_scenario.org.names[person].get("en")
    heading = app.tr("board.actions", person=name)
    assert heading  # the action panel is now about them
    card = board.card_rect
    assert card is not None and card.inflate(60, 60).collidepoint(pos)  # beside the pointer
    changed = pygame.surfarray.array3d(app.screen) != pygame.surfarray.array3d(before)
    assert changed[card.left : card.right, card.top : card.bottom].mean() > 0.2


def test_card_respects_the_fog_of_war(example_scenario):
    from game.ui.board.card import card_lines

    app, board = open_board(example_scenario)
    state = board.state
    hidden = np.flatnonzero(~state.known_skill.any(axis=1) & example_scenario.org.skills.any(axis=1))
    assert len(hidden)
    lines = card_lines(app, state, int(hidden[0]))
    assert app.tr("board.card.skills_unknown") in lines
    for tag in np.flatnonzero(example_scenario.org.skills[hidden[0]]):
        assert all(example_scenario.tags[tag] not in line for line in lines[1:2])


def test_action_panel_lists_exactly_the_legal_actions(example_scenario):
    app, board = open_board(example_scenario)
    press(app, pygame.K_TAB)
    person, signal = board.person, board.signal
    assert person == holders_in_order(board.state, signal)[0]
    legal = rules.actions_for(board.state, person, signal)
    shown = board.actions
    assert shown[: len(legal)] == legal
    assert all(isinstance(a, AskNetwork) for a in shown[len(legal) :])
    rows = [t[1] for _, t in board.spots.spots if t[0] == "action"]
    assert rows == list(range(len(rows))) and rows


def test_digit_plays_the_numbered_action_as_the_rules_would(example_scenario):
    app, board = open_board(example_scenario)
    press(app, pygame.K_TAB)
    expected = board.actions[0]
    twin = Session.from_record(example_scenario, board.session.to_record()).active_team().state
    rules.apply(twin, expected)
    press(app, pygame.K_1)
    assert board.state.actions[-1] == expected
    assert board.state.fingerprint() == twin.fingerprint()
    assert board.message is None


def test_clicking_an_action_row_plays_it(example_scenario):
    app, board = open_board(example_scenario)
    press(app, pygame.K_TAB)
    second = board.actions[1]
    click_at(app, board.spots.rect_of(("action", 1)).center)
    assert board.state.actions[-1] == second


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_illegal_move_is_explained_not_a_crash(example_scenario, monkeypatch, language):
    app, board = open_board(example_scenario, language=language)
    root = int(board.state.hierarchy.root)
    signal = board.signal
    board.state.knows[signal, root] = True
    board.select_person(root)
    monkeypatch.setattr(choices, "panel_actions", lambda state, person, signal: [Escalate(signal, person)])
    press(app, pygame.K_1)
    from game.core import phrases

    names = {"person": example_scenario.org.names[root]}
    reason = phrases.NO_MANAGER.format(**names).get(language)
    assert board.message == app.tr("board.illegal", reason=reason)
    assert app.top is board


def test_return_ends_planning_through_the_flow(example_scenario, monkeypatch):
    app, board = open_board(example_scenario)
    calls = []
    real = board_scene.flow.after_planning

    def spy(app_, session, outcome):
        calls.append(outcome)
        return real(app_, session, outcome)

    monkeypatch.setattr(board_scene.flow, "after_planning", spy)
    turn = board.state.turn
    press(app, pygame.K_RETURN)
    assert calls == ["round_over"]
    assert board.state.turn == turn + 1
    assert app.top is board  # solo: the board stays for the next turn


def test_resolution_animates_everyone_who_learned(example_scenario):
    app, board = open_board(example_scenario, turns=0)
    state = board.state
    press(app, pygame.K_TAB)
    while not state.over:
        resolved = state.turn
        press(app, pygame.K_1)
        press(app, pygame.K_RETURN)
        learned = np.argwhere((state.learned_turn == resolved) & (state.learned_from >= 0))
        if len(learned):
            break
    assert board.animation is not None
    flows = board.animation.flows
    assert {(int(s), int(p)) for s, p in learned} == set(zip(flows.signal.tolist(), flows.receiver.tolist()))
    for _ in range(200):
        app.step([], 0.05)
    assert board.animation is None


def test_workshop_board_animates_the_last_turn_once(example_scenario):
    session = mid_game(example_scenario, turns=2, mode="hotseat")
    app = App((1280, 720), "en")
    first = BoardScene(app, session)
    assert first.animation is not None
    assert BoardScene(app, session).animation is None


def test_keyboard_selects_signals_and_holders(example_scenario):
    app, board = open_board(example_scenario, turns=4)
    signals = [s for s in range(len(example_scenario.signals)) if board.state.knows[s].any()]
    assert board.signal == signals[0]
    press(app, pygame.K_s)
    assert board.signal == signals[1 % len(signals)]
    holders = holders_in_order(board.state, board.signal)
    press(app, pygame.K_TAB)
    press(app, pygame.K_TAB, pygame.KMOD_SHIFT)
    assert board.person == holders[0]


def test_zoom_pan_and_escape(example_scenario):
    app, board = open_board(example_scenario)
    scale = board.map.camera.scale
    press(app, pygame.K_PLUS, unicode="+")
    assert board.map.camera.scale > scale
    offset = board.map.camera.offset
    press(app, pygame.K_LEFT)
    assert board.map.camera.offset[0] > offset[0]
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, PauseMenu)
    press(app, pygame.K_ESCAPE)
    assert app.top is board


def test_planning_timer_ends_the_turn(example_scenario):
    session = mid_game(example_scenario, turns=1, mode="hotseat", turn_seconds=30)
    app = App((1280, 720), "en")
    board = BoardScene(app, session)
    app.push(board)
    team = session.active_team()
    for _ in range(31):
        app.step([], 1.0)
    assert team.planned or team.state.turn > 2
    assert app.top is not board


def test_window_resize_relays_the_board(example_scenario):
    app, board = open_board(example_scenario)
    app.step([pygame.event.Event(pygame.VIDEORESIZE, w=1920, h=1080, size=(1920, 1080))], FRAME)
    assert board.layout.size == (1920, 1080)
    assert board.map.camera.viewport == board.layout.map


def test_exploited_signal_reads_as_won_or_lost(example_scenario):
    from game.ui.board.sidebar import signal_status

    app, board = open_board(example_scenario, turns=0)
    state = bots.play_game(example_scenario, 7, "mixed")
    genuine = next(s for s in range(len(example_scenario.signals)) if example_scenario.signals[s].genuine)
    status = signal_status(app, state, genuine)
    assert state.exploit_done[genuine] != NOT_YET
    assert str(int(state.exploit_done[genuine])) in status


def test_zero_shows_the_whole_organisation(example_scenario):
    from game.ui.app import App
    from game.ui.board.scene import BoardScene
    from game.workshop.session import Session

    app = App((1280, 720), "en")
    session = Session.start(example_scenario, ["Solo"], mode="solo")
    board = BoardScene(app, session)
    app.push(board)
    app.step([], 1 / 60)
    press = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_0, mod=0, unicode="0", scancode=0)
    app.step([press], 1 / 60)
    on_screen = board.map.screen_positions(session.active_team().state)
    view = board.map.camera.viewport
    assert all(view.collidepoint(int(x), int(y)) for x, y in on_screen)
