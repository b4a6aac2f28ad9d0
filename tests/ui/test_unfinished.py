"""Several unfinished games, through the menus as players meet them: each is offered, any can be resumed or deleted."""

from __future__ import annotations

import json

import pygame

from game.persistence.saves import interrupted_games
from game.ui.catalog import playable, title_of
from tests.ui.driver import button, click, click_at, press, top_name


def start_solo_and_leave(app, scenario_title: str) -> None:
    """Solo practice on `scenario_title`: one turn played, then back to the menu from the pause menu."""
    click(app, "ui.menu.solo")
    picker = app.top.picker
    picker.choose(next(i for i, s in enumerate(picker.scenarios) if app.text(s.title) == scenario_title))
    click(app, "ui.solo.start")
    assert top_name(app) == "BoardScene"
    press(app, pygame.K_RETURN)  # ends the first turn: autosaved
    press(app, pygame.K_ESCAPE)
    click(app, "board.pause.menu")
    assert top_name(app) == "MenuScene"


def test_starting_a_second_game_keeps_the_first_and_the_menu_offers_both_to_resume_or_delete(app):
    titles = [app.text(s.title) for s in playable()[:3]]
    start_solo_and_leave(app, titles[0])
    assert button(app, app.tr("ui.menu.resume")).is_enabled  # one unfinished game: resumed in one click
    start_solo_and_leave(app, titles[1])
    start_solo_and_leave(app, titles[2])
    assert len(interrupted_games()) == 3
    assert app.top._note().startswith("3 unfinished games")
    click(app, app.tr("ui.menu.resume_some", count=3))
    assert top_name(app) == "UnfinishedScene"
    rows = [e.text for e in app.top.elements if any(title in getattr(e, "text", "") for title in titles)]
    assert len(rows) == 3 and all(any(title in row for row in rows) for title in titles)

    deletes = [e for e in app.top.elements if getattr(e, "text", "") == app.tr("ui.unfinished.delete")]
    press_button(app, deletes[0])
    assert len(interrupted_games()) == 3  # the first press only asks
    press_button(app, button(app, app.tr("ui.unfinished.confirm")))
    assert len(interrupted_games()) == 2 and top_name(app) == "UnfinishedScene"

    remaining = interrupted_games()[-1]
    row = next(e for e in app.top.elements if title_of_entry(app, remaining) in getattr(e, "text", ""))
    press_button(app, row)
    assert top_name(app) == "BoardScene"
    assert app.top.session.scenario.id == remaining.scenario_id and app.top.session.turn == 2


def title_of_entry(app, entry) -> str:
    return title_of(app, entry.scenario_id)


def press_button(app, widget) -> None:
    """Click `widget` where it shows (scrolling its list to it first, as a player would with the wheel)."""
    for pane in app.top.scroll_lists:
        if pane.holds(widget):
            pane.reveal(widget)
    app.step([], 1 / 60)
    click_at(app, widget.rect.center)


def test_an_unfinished_game_that_cannot_be_replayed_is_set_aside_with_a_word_never_deleted(app):
    titles = [app.text(s.title) for s in playable()[:2]]
    start_solo_and_leave(app, titles[0])
    start_solo_and_leave(app, titles[1])
    broken = interrupted_games()[0]
    record = json.loads(broken.path.read_text(encoding="utf-8"))
    record["teams"][0]["actions"] = [{"kind": "no-such-move"}]  # well formed, but no rule can replay it
    broken.path.write_text(json.dumps(record), encoding="utf-8")
    click(app, app.tr("ui.menu.resume_some", count=2))
    row = next(e for e in app.top.elements if title_of_entry(app, broken) in getattr(e, "text", ""))
    press_button(app, row)
    assert top_name(app) == "UnfinishedScene"
    assert "damaged-autosave-" in app.top.problem
    assert not broken.path.exists() and list(broken.path.parent.glob("damaged-autosave-*.json"))
    assert [e.scenario_id for e in interrupted_games()] == [e.scenario_id for e in app.top.entries] != []
