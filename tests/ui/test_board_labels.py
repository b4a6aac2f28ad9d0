"""On the map, the names and role tags of the people who matter stay readable: none covers another."""

from __future__ import annotations

import itertools

import pytest

from game.ui import flow, screenshots
from game.ui.app import App
from game.ui.scenes.menu import MenuScene


@pytest.fixture(scope="module")
def mid_game():
    """The screenshots' workshop after a few rounds: several people hold the signal, four have a role."""
    return screenshots.workshop_session(screenshots.MID_GAME_ROUNDS)


@pytest.mark.parametrize("text_scale", [1.0, 1.5])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_labels_on_the_map_do_not_cover_each_other(mid_game, language, text_scale):
    app = App((1280, 720), language, text_scale=text_scale)
    app.push(MenuScene(app))
    app.home(flow.board(app, mid_game))
    for _ in range(3):
        app.step([], 1 / 60)
    board = app.scenes[-1]
    placed = board.map.placed_labels
    assert set(board._roles()) <= set(placed), "everyone with a role on the goal card is labelled"
    clashes = [(a, b) for (a, ra), (b, rb) in itertools.combinations(placed.items(), 2) if ra.colliderect(rb)]
    assert not clashes


@pytest.mark.parametrize(("text_scale", "lines"), [(1.0, 1), (1.5, 2)])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_legend_gives_its_whole_key(mid_game, language, text_scale, lines):
    """The key to markers ("filled = knows…") is never cut: at large text it takes a second line."""
    from game.ui.board import infobar

    app = App((1280, 720), language, text_scale=text_scale)
    app.push(MenuScene(app))
    app.home(flow.board(app, mid_game))
    app.step([], 1 / 60)
    layout = app.scenes[-1].layout
    small = app.font(infobar.SMALL_PX)
    assert infobar.legend_height(app, layout) == lines * small.get_linesize() + layout.px(12)
    assert layout.px(12) + small.size(app.tr("board.legend.knows"))[0] + 10 <= layout.map.width
