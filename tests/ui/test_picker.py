"""Choosing among every shipped scenario on the set-up screens: one scrollable list; the seed follows the choice."""

from __future__ import annotations

import pygame
from pygame_gui.elements import UIButton

from tests.ui.driver import FRAME, button, click, press, top_name


def scenario_buttons(app) -> list[UIButton]:
    return app.top.picker.buttons


def wheel(app, pos: tuple[int, int], steps: int) -> None:
    """Turn the mouse wheel over `pos` (negative: towards the bottom of the list), then let it glide."""
    pygame.mouse.set_pos(pos)  # pygame_gui finds what is hovered from the mouse's position
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))], FRAME)
    for _ in range(abs(steps)):
        app.step([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1 if steps < 0 else 1, flipped=False)], FRAME)
    for _ in range(60):
        app.step([], FRAME)


def test_the_workshop_set_up_lists_every_scenario_in_one_list_without_pages(app):
    click(app, "ui.menu.workshop")
    picker = app.top.picker
    titles = [app.text(s.title) for s in picker.scenarios]
    assert len(titles) >= 6
    assert [b.text for b in scenario_buttons(app)] == titles
    assert not [e for e in app.top.elements if isinstance(e, UIButton) and e.text.startswith("More scenarios")]
    visible = [b for b in scenario_buttons(app) if picker.list.visible(b)]
    assert 0 < len(visible) < len(titles)  # at 1280×720 the list is taller than its window: it scrolls


def test_the_last_scenario_is_reached_with_the_mouse_wheel_and_played(app):
    click(app, "ui.menu.workshop")
    picker = app.top.picker
    last = scenario_buttons(app)[-1]
    assert not picker.list.visible(last)
    wheel(app, picker.list.area.center, -20)
    assert picker.list.visible(last)
    click(app, last.text)
    assert picker.scenario is picker.scenarios[-1]
    click(app, "ui.workshop.start")
    assert top_name(app) == "CurtainScene"
    assert app.top.session.scenario.id == picker.scenarios[-1].id


def test_keyboard_focus_scrolls_the_list_to_the_focused_scenario(app):
    click(app, "ui.menu.workshop")
    picker = app.top.picker
    last = scenario_buttons(app)[-1]
    while app.top.focused is not last:
        press(app, pygame.K_TAB)
    app.step([], FRAME)
    assert picker.list.visible(last)
    press(app, pygame.K_RETURN)
    assert picker.scenario is picker.scenarios[-1]


def test_the_seed_defaults_to_the_chosen_scenarios_and_a_typed_seed_does_not_stick_to_another_scenario(app):
    click(app, "ui.menu.workshop")
    picker, scene = app.top.picker, app.top
    first, other = picker.scenarios[0], next(s for s in picker.scenarios[1:] if s.seed != picker.scenarios[0].seed)
    assert scene.seed_entry.get_text() == str(first.seed)
    click(app, app.text(other.title))
    assert scene.seed_entry.get_text() == str(other.seed)
    scene._rebuild()  # e.g. a team added: the widgets are made again and the seed stays the chosen scenario's
    assert app.top.seed_entry.get_text() == str(other.seed)
    click(app, button(app, app.text(first.title)).text)
    assert app.top.seed_entry.get_text() == str(first.seed)
    click(app, "ui.workshop.start")
    assert app.top.session.seed == first.seed
