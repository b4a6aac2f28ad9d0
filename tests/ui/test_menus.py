"""The menus from the keyboard and the mouse, settings that apply at once and persist, a resizable window."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest

from game.scenario import shipped
from game.ui import catalog
from game.ui.app import App
from game.ui.scenes.menu import MenuScene
from game.ui.settings import load_settings
from tests.ui.driver import FRAME, button, click, press, top_name


def test_the_menu_works_from_the_keyboard_alone(app):
    press(app, pygame.K_DOWN)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    assert top_name(app) == "LoadScene"
    press(app, pygame.K_ESCAPE)
    assert top_name(app) == "MenuScene"
    press(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    assert app.top.focused.text == app.tr("ui.menu.workshop")  # focus was kept on Load, Shift+Tab moves back


def test_a_solo_game_can_be_set_up_and_started_with_keys_only(app):
    press(app, pygame.K_RETURN)  # Solo practice
    assert top_name(app) == "SoloSetupScene"
    press(app, pygame.K_DOWN)  # the second scenario
    press(app, pygame.K_RETURN)
    chosen = app.top.picker.scenario
    while app.top.focused.text != app.tr("ui.solo.start"):
        press(app, pygame.K_TAB)
    press(app, pygame.K_RETURN)
    assert top_name(app) == "BoardScene" and app.top.session.scenario is chosen


def test_choosing_french_translates_everything_and_is_remembered(app):
    click(app, "ui.menu.settings")
    click(app, "Français")
    assert app.translator.language == "fr"
    assert load_settings().language == "fr"
    click(app, "Retour")
    assert top_name(app) == "MenuScene"
    assert {e.text for e in app.top.elements} >= {"Entraînement solo", "Atelier", "Quitter"}


def test_larger_text_grows_the_widgets_and_keeps_them_on_screen(app):
    before = button(app, app.tr("ui.menu.solo"))
    label_before, height_before = before.font.size(before.text)[1], before.rect.height
    click(app, "ui.menu.settings")
    click(app, "150 %")
    assert load_settings().text_scale == 1.5
    press(app, pygame.K_ESCAPE)
    after = button(app, app.tr("ui.menu.solo"))
    assert after.font.size(after.text)[1] >= 1.4 * label_before  # the label grows with the text size...
    assert height_before <= after.rect.height and after.font.size(after.text)[1] <= after.rect.height  # ...and fits
    assert pygame.Rect((0, 0), app.size).contains(after.rect)


def test_resizing_the_window_lays_the_screen_out_again(app):
    click(app, "ui.menu.workshop")
    app.step([pygame.event.Event(pygame.VIDEORESIZE, w=1920, h=1080, size=(1920, 1080))], 1 / 60)
    assert app.size == (1920, 1080)
    start = button(app, app.tr("ui.workshop.start")).rect
    assert start.right > 1280 and pygame.Rect(0, 0, 1920, 1080).contains(start)
    assert top_name(app) == "WorkshopSetupScene"


def test_workshop_set_up_refuses_two_teams_with_the_same_name(app):
    click(app, "ui.menu.workshop")
    for entry in app.top.name_entries:
        entry.set_text("Same")
    click(app, "ui.workshop.start")
    assert top_name(app) == "WorkshopSetupScene"
    assert app.top.problem == app.tr("ui.workshop.same_name", name="Same")


def test_workshop_set_up_takes_teams_colours_seed_mode_and_timer(app):
    click(app, "ui.menu.workshop")
    click(app, "+")
    click(app, app.tr("ui.mode.simultaneous"))
    click(app, app.tr("ui.workshop.minutes", n=3))
    app.top.seed_entry.set_text("42")
    click(app, app.tr("ui.colour.orange"))  # the first team takes the next free colour
    click(app, "ui.workshop.start")
    session = app.top.session
    assert (len(session.teams), session.mode, session.turn_seconds, session.seed) == (4, "simultaneous", 180, 42)
    assert [team.colour for team in session.teams] == [4, 1, 2, 3]
    assert app.top.team_name == "Team 1"


@pytest.fixture
def shipped_folder(tmp_path, monkeypatch):
    """The shipped scenarios are read from a fresh folder holding the tutorial; the menu's lists start afresh."""
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(shipped.SCENARIO_DIR / "tutorial.yaml", folder)
    monkeypatch.setattr(shipped, "SCENARIO_DIR", folder)
    forget_the_lists()
    yield folder
    forget_the_lists()


def forget_the_lists() -> None:
    catalog.shipped_catalog()  # a background load still under way ends first
    catalog._load.cache_clear()
    catalog._glanced.cache_clear()
    catalog._loading = None


def test_the_menu_lists_the_scenarios_at_once_and_marks_a_broken_one_when_they_are_loaded(shipped_folder, monkeypatch):
    minimal = Path(__file__).parent.parent / "fixtures" / "good" / "minimal.yaml"
    broken = minimal.read_text(encoding="utf-8").replace("turns: 10", "turns: 0")  # a title, but not a game
    (shipped_folder / "zz-broken.yaml").write_text(broken, encoding="utf-8")
    app = App((1280, 720), "en")
    app.push(MenuScene(app))
    said = []
    monkeypatch.setattr(app, "tr", lambda key, **values: said.append(key) or key)
    app.step([], FRAME)  # the first frame: the files' titles, nothing loaded yet
    assert not catalog.catalog_loaded()
    assert [listed.glance.id for listed in catalog.menu_list()] == ["tutorial", "minimal"]
    assert "ui.scenario.broken" not in said
    app.step([], FRAME)  # the next starts loading the scenarios in the background
    assert catalog._loading is not None
    catalog._loading.join()
    app.step([], FRAME)  # once loaded, the one that cannot be played says so
    assert catalog.catalog_loaded() and "ui.scenario.broken" in said
    assert [listed.glance and listed.glance.id for listed in catalog.menu_list()] == ["tutorial", None]
    assert [scenario.id for scenario in catalog.playable()] == ["tutorial"]
