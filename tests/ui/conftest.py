"""UI tests: a window-less App on the main menu, with the player's files in a temporary folder."""

from __future__ import annotations

import pytest

from game.persistence.storage import DATA_DIR_VARIABLE


@pytest.fixture(autouse=True)
def player_files(tmp_path, monkeypatch):
    """Saves and settings go to a fresh folder, never to the real user's."""
    folder = tmp_path / "player"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    return folder


@pytest.fixture
def app():
    from game.ui.app import App
    from game.ui.scenes.menu import MenuScene

    application = App((1280, 720), "en")
    application.push(MenuScene(application))
    application.step([], 1 / 60)
    return application
