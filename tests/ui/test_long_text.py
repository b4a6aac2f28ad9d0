"""Text too long for its place is never lost: shortened labels show whole on hover and focus, details scroll."""

from __future__ import annotations

import pygame

from game.ui.app import App
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.solo import SoloSetupScene
from tests.ui.driver import FRAME, press


def solo_at_large_text(language: str = "fr") -> tuple[App, SoloSetupScene]:
    app = App((1280, 720), language, text_scale=1.5)
    app.push(MenuScene(app))
    scene = SoloSetupScene(app)
    app.push(scene)
    app.step([], FRAME)
    return app, scene


def test_a_shortened_label_shows_whole_on_hover_and_on_focus():
    app, scene = solo_at_large_text()
    first = scene.picker.buttons[0]
    title = app.text(scene.picker.scenarios[0].title)
    assert first.text.endswith("…") and first.text != title
    assert scene.full_labels[first] == title
    assert title in first.tool_tip_text  # hover
    assert scene.focused is first
    beyond = (first.rect.right + app.px(10), first.rect.top)  # on the top edge of the grown button, if it grows
    assert app.screen.get_at(beyond)[:3] == app.palette.focus
    scene.move_focus(+1)
    app.step([], FRAME)
    assert app.screen.get_at(beyond)[:3] != app.palette.focus


def test_long_details_scroll_with_page_keys_and_the_wheel():
    app, scene = solo_at_large_text("en")
    picker = scene.picker
    assert picker.detail_scroll == 0
    press(app, pygame.K_PAGEDOWN)
    assert picker.detail_scroll > 0, "the summary should be longer than the panel at 150% text"
    for _ in range(20):
        press(app, pygame.K_PAGEDOWN)
    bottom = picker.detail_scroll
    press(app, pygame.K_PAGEDOWN)
    assert picker.detail_scroll == bottom  # it stops at the last line
    inner = scene.details.inflate(-app.px(36), -app.px(28))
    lines = picker.detail_lines(inner.width - 2 * app.px(6))
    shown = sum(font.get_linesize() + space for _, font, _, space in lines[bottom:])
    assert shown <= inner.height  # the last lines are in view
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=scene.details.center, rel=(0, 0), buttons=(0, 0, 0))], FRAME)
    app.step([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=2, flipped=False)], FRAME)
    assert picker.detail_scroll < bottom
