"""A screen that fails never closes the window: the error screen says what happened, where the game is
autosaved and where the details are; the autosave is intact and the menu offers to resume it."""

from __future__ import annotations

import pygame
import pytest

from game.persistence.saves import autosave, interrupted_game, load_session
from game.ui.crash import LOG_FILE
from game.ui.scene import Scene
from game.workshop.session import Session
from tests.ui.driver import button, click, press, top_name
from tests.ui.test_flow import tutorial


class Failing(Scene):
    """A scene with a bug in one of its three methods."""

    def __init__(self, app, where: str):  # noqa: ANN001 - App
        super().__init__(app)
        self.where = where

    def _fail(self, where: str) -> None:
        if self.where == where:
            raise KeyError(f"a bug in {where}")

    def handle_event(self, event):  # noqa: ANN001, ANN201 - Scene contract
        if event.type == pygame.KEYDOWN:
            self._fail("handle_event")

    def update(self, dt):  # noqa: ANN001, ANN201 - Scene contract
        self._fail("update")

    def draw(self, surface):  # noqa: ANN001, ANN201 - Scene contract
        self._fail("draw")


@pytest.mark.parametrize("where", ["handle_event", "update", "draw"])
def test_a_failing_scene_shows_the_error_screen_keeps_the_autosave_and_logs_the_details(app, player_files, where):
    session = Session.start(tutorial(), ["Orion"], mode="solo")
    session.end_planning()
    saved = autosave(session)
    before = saved.read_bytes()
    app.push(Failing(app, where))
    press(app, pygame.K_a)  # one frame with a key: handle_event, update and draw all run
    assert app.running and top_name(app) == "ErrorScene"
    assert app.top.autosave == saved and saved.read_bytes() == before
    log = (player_files / "logs" / LOG_FILE).read_text(encoding="utf-8")
    assert "Traceback" in log and f"a bug in {where}" in log and "Failing" in log
    app.step([], 1 / 60)  # the error screen itself draws
    shown = " ".join(text for text, _ in app.top.paragraphs())
    assert "KeyError" in shown and str(saved) in shown and str(player_files / "logs" / LOG_FILE) in shown

    click(app, "ui.back_to_menu")
    assert top_name(app) == "MenuScene"
    click(app, "ui.menu.resume")
    assert top_name(app) == "BoardScene"
    assert app.top.session.teams[0].state.fingerprint() == session.teams[0].state.fingerprint()


def test_with_no_game_in_progress_the_error_screen_says_nothing_is_lost(app):
    app.push(Failing(app, "update"))
    app.step([], 1 / 60)
    assert top_name(app) == "ErrorScene" and app.top.autosave is None
    assert app.tr("ui.crash.no_autosave") in [text for text, _ in app.top.paragraphs()]
    assert interrupted_game() is None


def test_an_error_screen_that_cannot_draw_closes_the_window_cleanly_after_logging(app, player_files, monkeypatch):
    from game.ui.scenes.error import ErrorScene

    def broken(self, surface):  # noqa: ANN001, ANN202
        raise RuntimeError("the error screen is broken too")

    monkeypatch.setattr(ErrorScene, "draw", broken)
    app.push(Failing(app, "draw"))
    assert app.step([], 1 / 60) is True and top_name(app) == "ErrorScene"
    assert app.step([], 1 / 60) is False  # the error screen fails too: no exception escapes, no endless loop
    log = (player_files / "logs" / LOG_FILE).read_text(encoding="utf-8")
    assert "the error screen is broken too" in log


def test_the_log_rotates_instead_of_growing_without_end(app, player_files):
    from game.ui import crash

    for number in range(120):
        crash.record(ValueError("x" * 20_000 + str(number)), "a test")
    logs = sorted(p.name for p in (player_files / "logs").iterdir())
    assert logs == [LOG_FILE, f"{LOG_FILE}.1", f"{LOG_FILE}.2", f"{LOG_FILE}.3"]
    assert all((player_files / "logs" / name).stat().st_size <= crash.MAX_LOG_BYTES + 30_000 for name in logs)


def test_the_resume_offer_names_the_game_and_a_damaged_autosave_is_not_offered(app):
    session = Session.start(tutorial(), ["Orion"], mode="solo")
    session.end_planning()
    path = autosave(session)
    app.home()
    note = app.top._note()
    assert "Orion" in note and "2" in note
    assert button(app, app.tr("ui.menu.resume")).is_enabled
    path.write_text("{", encoding="utf-8")
    app.home()
    assert app.top.interrupted is None and "could not be resumed" in app.top._note()
    [kept] = [p for p in path.parent.iterdir() if p.read_text(encoding="utf-8") == "{"]  # set aside, never deleted
    assert kept.name in app.top._note() and not path.exists()
    assert load_session  # the load screen names it too (tests/ui/test_hostile_files.py)
