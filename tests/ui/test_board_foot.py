"""The foot of the board: the event log and the calendar wrap long entries instead of cutting them, and scroll
(the wheel over them; PageUp / PageDown for the log, with Shift for the calendar)."""

from __future__ import annotations

import pygame

from game.core.text import Text
from game.ui.app import App
from game.ui.board.infobar import calendar_lines, log_lines
from game.ui.board.layout import SMALL_PX
from game.ui.board.scene import BoardScene
from game.ui.scenes.draw import wrap
from tests.ui.driver import FRAME, press
from tests.ui.test_board_scene import mid_game

LONG = (
    "Who knows about billing? Samira Haddad (billing developer, Finance) and Paul Lefebvre (head of technology) "
    "know it well; nobody in Sales has heard of it."
)


def board_with_a_long_log(scenario) -> tuple[App, BoardScene]:
    app = App((1280, 720), "en", text_scale=1.5)
    session = mid_game(scenario, turns=3)
    state = session.active_team().state
    state.log.append(type(state.log[0])(turn=state.turn, text=Text({"en": LONG, "fr": LONG})))
    board = BoardScene(app, session)
    app.push(board)
    app.step([], FRAME)
    return app, board


def every_line(app: App, board: BoardScene) -> list[str]:
    layout = board.layout
    width = layout.log.width - layout.px(24) - layout.px(6)
    return [text for text, _ in log_lines(app, board.state, app.font(SMALL_PX), width)]


def shown(app: App, board: BoardScene) -> list[str]:
    """The log's lines as drawn now."""
    return board.log.visible(every_line(app, board), board.log.rows)


def test_a_long_entry_wraps_whole_and_scrolls_into_view(example_scenario):
    app, board = board_with_a_long_log(example_scenario)
    lines = every_line(app, board)
    words = " ".join(lines).split()
    assert words[-len(LONG.split()) :] == LONG.split()  # every word, none cut with an ellipsis
    assert len(shown(app, board)) == board.log.rows and shown(app, board)[-1] == lines[-1]  # the newest at the foot
    while not any("Who knows" in line for line in shown(app, board)):
        scroll = board.log.scroll
        press(app, pygame.K_PAGEUP)
        assert board.log.scroll > scroll, "PageUp stopped before the start of the long entry"


def test_page_up_and_the_wheel_scroll_back_and_page_down_returns(example_scenario):
    app, board = board_with_a_long_log(example_scenario)
    newest = shown(app, board)
    press(app, pygame.K_PAGEUP)
    earlier = shown(app, board)
    assert board.log.scroll > 0 and earlier != newest
    press(app, pygame.K_PAGEDOWN)
    assert shown(app, board) == newest
    over_log = board.layout.log.center
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=over_log, rel=(0, 0), buttons=(0, 0, 0))], FRAME)
    zoom = board.map.camera.scale
    app.step([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False)], FRAME)
    assert board.log.scroll > 0 and shown(app, board) != newest
    assert board.map.camera.scale == zoom  # the wheel over the log scrolls it, it does not zoom the map


def test_the_calendar_wraps_and_scrolls_with_the_wheel_and_shift_page_keys(example_scenario):
    app, board = board_with_a_long_log(example_scenario)
    layout = board.layout
    width = layout.calendar.width - layout.px(24) - layout.px(6)
    font = app.font(SMALL_PX)
    entries = calendar_lines(app, board.state)
    lines = [text for entry in entries for text in wrap(entry, font, width)]
    assert " ".join(lines).split() == " ".join(entries).split()  # every word of every entry, nothing cut
    assert len(lines) > board.calendar.rows, "the scenario should fill more than the calendar at 150% text"
    assert board.calendar.scroll == 0
    press(app, pygame.K_PAGEDOWN, mod=pygame.KMOD_SHIFT)
    assert board.calendar.scroll > 0 and board.log.scroll == 0
    press(app, pygame.K_PAGEUP, mod=pygame.KMOD_SHIFT)
    assert board.calendar.scroll == 0
    over = layout.calendar.center
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=over, rel=(0, 0), buttons=(0, 0, 0))], FRAME)
    app.step([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False)], FRAME)
    assert board.calendar.scroll > 0
