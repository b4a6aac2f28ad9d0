"""Every screen around the board draws in both languages and at both projector resolutions, inside the window."""

from __future__ import annotations

import pygame
import pytest
from pygame_gui.elements import UIButton

from game.ui.app import App
from game.ui.scenes.curtain import CurtainScene
from game.ui.scenes.error import ErrorScene
from game.ui.scenes.facilitator import ConfirmEndScene, InjectScene, PauseScene
from game.ui.scenes.leaderboard import LeaderboardScene
from game.ui.scenes.load import LoadScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.results import ResultsScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.solo import SoloSetupScene
from game.ui.scenes.workshop import WorkshopSetupScene
from game.ui.screenshots import workshop_session

SCENES = {
    "settings": lambda app, mid, done: SettingsScene(app),
    "solo": lambda app, mid, done: SoloSetupScene(app),
    "workshop": lambda app, mid, done: WorkshopSetupScene(app),
    "load": lambda app, mid, done: LoadScene(app),
    "curtain": lambda app, mid, done: CurtainScene(app, mid),
    "leaderboard": lambda app, mid, done: LeaderboardScene(app, mid, then=lambda: None),
    "results": lambda app, mid, done: ResultsScene(app, done),
    "pause": lambda app, mid, done: PauseScene(app, mid),
    "inject": lambda app, mid, done: InjectScene(app, mid),
    "end": lambda app, mid, done: ConfirmEndScene(app, mid),
    "error": lambda app, mid, done: ErrorScene(app, "The disk is full."),
}


@pytest.fixture(scope="module")
def sessions():
    return workshop_session(2), workshop_session(None)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_screen_draws_readable_and_inside_the_window(size, language, sessions):
    app = App(size, language)
    app.push(MenuScene(app))
    screen = pygame.Rect((0, 0), size)
    for name, make in {"menu": None, **SCENES}.items():
        if make is not None:
            app.home(make(app, *sessions))
        app.step([], 1 / 60)
        for element in app.top.elements:
            assert screen.contains(element.rect), f"{name}: {element} is outside the window"
            if isinstance(element, UIButton):
                assert element.text and not element.text.startswith("ui."), f"{name}: untranslated {element.text!r}"
        assert app.top.focusables, f"{name} cannot be used from the keyboard"


def test_text_on_a_1080p_projector_is_as_large_as_on_720p():
    small = App((1280, 720))  # one window per process: measure before opening the next
    small_height, body = small.font(20).get_height(), small.font(18)
    large = App((1920, 1080))
    assert large.font(20).get_height() >= 1.45 * small_height
    assert body.size("É")[1] >= 18
