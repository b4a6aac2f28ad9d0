"""The board shows the hidden rival and the calendar of the line: the rival's expected turns, rumours that faded,
urgent requests and their price, and when a request up or down the chart arrives."""

from __future__ import annotations

from dataclasses import replace

import pytest

from game.core import rules
from game.core.actions import Delegate, Escalate
from game.core.calendar import ONE_TO_ONE, next_occasion
from game.core.competitor import rival_window
from game.core.state import LogEntry
from game.core.text import Text
from game.i18n import Translator
from game.ui.app import App
from game.ui.board import sidebar
from game.ui.board.card import card_lines
from game.ui.board.infobar import calendar_lines
from game.ui.board.scene import BoardScene
from game.ui.board.sidebar import action_detail, action_label, arrival_text, rival_text, signal_status
from tests.ui.driver import FRAME
from tests.ui.test_board_scene import mid_game, open_board


def open_signal(state) -> int:
    return next(s for s in range(len(state.scenario.signals)) if state.knows[s].any() and state.is_open(s))


def line_request(state) -> tuple[Escalate | Delegate, Escalate | Delegate]:
    """A legal ordinary escalation or delegation and its urgent twin."""
    for action in rules.legal_actions(state):
        if isinstance(action, (Escalate, Delegate)) and not action.urgent:
            return action, replace(action, urgent=True)
    raise AssertionError("no escalation or delegation is legal")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_race_shows_when_the_rival_is_expected(example_scenario, monkeypatch, language):
    app, board = open_board(example_scenario, language=language)
    state = board.state
    s = open_signal(state)
    low, high = rival_window(state, s)
    text = rival_text(app, state, s)
    assert str(low) in text and str(high) in text
    turn = state.turn
    monkeypatch.setattr(sidebar, "rival_window", lambda *_: (turn + 3, turn + 3))
    assert rival_text(app, state, s) == app.tr("board.rival.around", turn=turn + 3)
    monkeypatch.setattr(sidebar, "rival_window", lambda *_: (turn - 3, turn - 1))
    assert rival_text(app, state, s) == app.tr("board.rival.overdue", turn=turn - 1)
    state.competitor_done[s] = turn - 1
    assert rival_text(app, state, s) == app.tr("board.rival.exploited", turn=turn - 1)


def test_a_faded_rumour_says_it_came_to_nothing(example_scenario):
    app, board = open_board(example_scenario)
    state = board.state
    rumour = next(s for s, spec in enumerate(example_scenario.signals) if not spec.genuine)
    state.faded[rumour] = True
    state.log.append(LogEntry(state.turn, Text.of(en="faded", fr="faded"), rumour, kind="faded"))
    assert signal_status(app, state, rumour) == app.tr("board.status.faded")
    assert rival_text(app, state, rumour) == app.tr("board.rival.dropped", turn=state.turn)


def test_urgent_requests_have_their_own_label_and_price(example_scenario, monkeypatch):
    app, board = open_board(example_scenario)
    state = board.state
    normal, urgent = line_request(state)
    assert action_label(app, state, normal) != action_label(app, state, urgent)
    assert urgent.price(example_scenario) == example_scenario.pace.urgent_cost > normal.price(example_scenario)
    board.select_signal(normal.signal)
    board.select_person(normal.person)
    assert normal in board.actions and urgent in board.actions
    costs = []
    translate = app.tr

    def spy(key, **values):
        if key == "board.cost":
            costs.append(values["points"])
        return translate(key, **values)

    monkeypatch.setattr(app, "tr", spy)
    app.step([], FRAME)
    assert example_scenario.pace.urgent_cost in costs and 1 in costs


def test_a_request_along_the_line_says_when_it_arrives(example_scenario):
    app, board = open_board(example_scenario)
    state = board.state
    normal, urgent = line_request(state)
    recipient = sidebar.recipient_of(state, normal)
    occasion = next_occasion(example_scenario, state.hierarchy, normal.person, recipient, state.turn)
    text = arrival_text(app, state, normal)
    meeting = (
        app.tr("board.occasion.one_to_one")
        if occasion.channel == ONE_TO_ONE
        else app.text(example_scenario.channels[occasion.channel].name)
    )
    assert meeting in text
    assert occasion.turn == state.turn or str(occasion.turn) in text
    assert action_detail(app, state, normal).startswith(text)
    assert arrival_text(app, state, urgent) != text


def test_requests_in_flight_show_their_arrival_turn(example_scenario):
    app, board = open_board(example_scenario)
    state = board.state
    normal, _ = line_request(state)
    board.session.act(normal)
    message = state.inbox[-1]
    names = dict(
        to=example_scenario.org.names[message.recipient], signal=example_scenario.signals[message.signal].title
    )
    assert app.tr("board.in_flight.due", turn=message.due, **names) in calendar_lines(app, state)
    expects = app.tr(
        "board.card.expects",
        turn=message.due,
        signal=example_scenario.signals[message.signal].title,
        sender=example_scenario.org.names[message.sender],
    )
    assert expects in card_lines(app, state, message.recipient)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("text_scale", [1.0, 1.5])
def test_the_panel_keeps_room_for_actions_and_the_race_text_fits(example_scenario, size, text_scale):
    app = App(size, "fr", text_scale=text_scale)
    board = BoardScene(app, mid_game(example_scenario))
    app.push(board)
    normal, _ = line_request(board.state)
    board.select_signal(normal.signal)
    board.select_person(normal.person)
    app.step([], FRAME)
    rows = [target for _, target in board.spots.spots if target[0] == "action"]
    assert len(rows) >= 2
    small = app.font(sidebar.SMALL_PX)
    inner = board.layout.side.width - 2 * board.layout.px(12) - board.layout.px(14)
    race = ["window", "around", "overdue", "exploited", "dropped", "dropped_no_turn", "no_race"]
    for language in ("en", "fr"):
        app.translator = Translator(language)
        for key in [f"board.rival.{name}" for name in race] + ["board.status.faded"]:
            assert small.size(app.tr(key, low=88, high=99, turn=99))[0] <= inner, (language, key)
