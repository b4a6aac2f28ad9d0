"""The rules screen: F1 from anywhere, "Rules" on the menu; it scrolls, closes with Escape or F1, reads in both languages."""

from __future__ import annotations

import dataclasses
import json
import string

import pygame
import pytest

from game.core.model import Pace
from game.i18n import TRANSLATIONS
from game.ui.app import App
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.rules import RulesScene
from tests.ui.driver import FRAME, click, press, top_name
from tests.ui.test_board_scene import open_board

LANGUAGES = ["en", "fr"]


def menu_app(language: str, size=(1280, 720), text_scale: float = 1.0) -> App:
    app = App(size, language, text_scale=text_scale)
    app.push(MenuScene(app))
    app.step([], FRAME)
    return app


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_menu_opens_the_rules_and_escape_closes_them(language):
    app = menu_app(language)
    click(app, app.tr("help.menu_entry"))
    assert top_name(app) == "RulesScene"
    press(app, pygame.K_ESCAPE)
    assert top_name(app) == "MenuScene"


@pytest.mark.parametrize("language", LANGUAGES)
def test_f1_opens_the_rules_over_the_board_quoting_its_scenario_and_f1_or_escape_closes_them(
    example_scenario, language
):
    calendar = dataclasses.replace(example_scenario, pace=Pace(one_to_one=4, urgent_cost=3, word_of_mouth=0.1))
    app, board = open_board(calendar, language=language)
    press(app, pygame.K_F1)
    rules = app.top
    assert isinstance(rules, RulesScene)
    assert (rules.pace.one_to_one, rules.pace.urgent_cost) == (4, 3)
    when = rules._page_text()
    assert any("4" in sentence and "3" in sentence for sentence in when)  # every 4 turns, 3 action points
    press(app, pygame.K_F1)
    assert app.top is board
    press(app, pygame.K_F1)
    press(app, pygame.K_ESCAPE)
    assert app.top is board


def test_f1_works_on_every_kind_of_screen_and_never_stacks_two_rule_screens():
    app = menu_app("en")
    click(app, "ui.menu.settings")
    press(app, pygame.K_F1)
    assert top_name(app) == "RulesScene"
    depth = len(app.scenes)
    press(app, pygame.K_F1)  # closes rather than opening a second one
    assert len(app.scenes) == depth - 1 and top_name(app) == "SettingsScene"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("text_scale", [1.0, 1.5])
def test_the_rules_scroll_with_keys_and_wheel_and_show_the_end(size, text_scale):
    app = menu_app("fr", size, text_scale)
    press(app, pygame.K_F1)
    rules = app.top
    scroll = rules.scroll
    assert scroll.content > scroll.visible  # it does not fit: it must scroll
    press(app, pygame.K_PAGEDOWN)
    assert 0 < scroll.offset < scroll.limit
    press(app, pygame.K_END)
    assert scroll.offset == scroll.limit
    press(app, pygame.K_HOME)
    assert scroll.offset == 0
    press(app, pygame.K_DOWN)
    assert scroll.offset > 0
    app.step([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False)], FRAME)
    assert scroll.offset == 0
    app.step([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-3, flipped=False)], FRAME)
    assert scroll.offset > 0
    assert all(x >= 0 and x + image.get_width() <= rules.viewport.width for image, (x, _) in rules.page())


def test_the_close_button_closes_the_rules():
    app = menu_app("en")
    press(app, pygame.K_F1)
    click(app, app.tr("help.close"))
    assert top_name(app) == "MenuScene"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_rules_say_every_contrast_and_every_word_in_both_languages(language):
    app = menu_app(language)
    press(app, pygame.K_F1)
    sentences = app.top._page_text()
    assert len(sentences) >= 4 * 3 + 9 * 2  # four contrasts (name and two sides), nine words (name and meaning)
    assert not [s for s in sentences if s.startswith("help.") or "{" in s]


def test_the_rules_catalogues_have_the_same_keys_and_blanks_in_both_languages():
    en = json.loads((TRANSLATIONS / "en" / "help.json").read_text(encoding="utf-8"))
    fr = json.loads((TRANSLATIONS / "fr" / "help.json").read_text(encoding="utf-8"))
    assert set(en) == set(fr) and all(key.startswith("help.") for key in en)

    def blanks(text: str) -> set:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert all(blanks(en[key]) == blanks(fr[key]) for key in en)
