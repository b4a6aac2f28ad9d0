"""When the window autosaves: at the start, after every team's turn (solo too); a finished game is kept as an
ordinary save and its autosave cleared; leaving from the pause menu clears it."""

from __future__ import annotations

import pytest

from game.core.bots import BOTS
from game.persistence import saves, storage
from game.ui import flow
from game.workshop.session import GAME_OVER, Session


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv(storage.DATA_DIR_VARIABLE, str(tmp_path / "player"))
    from game.ui.app import App
    from game.ui.scenes.menu import MenuScene

    application = App((1280, 720), "en")
    application.push(MenuScene(application))
    return application


def tutorial():
    from game.ui.catalog import playable

    return next(s for s in playable() if s.id == "tutorial")


def autosaved(session: Session) -> bool:
    offer = saves.interrupted_game()
    if offer is None:
        return False
    restored = saves.load_session(offer.path)
    return [t.state.fingerprint() for t in restored.teams] == [t.state.fingerprint() for t in session.teams] and (
        restored.active == session.active
    )


@pytest.mark.parametrize("teams", [["Solo"], ["Red", "Blue", "Green"]])
def test_the_game_is_autosaved_when_it_opens_and_after_every_teams_turn(app, teams):
    session = Session.start(tutorial(), teams, mode="solo" if len(teams) == 1 else "hotseat")
    app.apply(flow.start_game(app, session))
    assert autosaved(session)
    bot = BOTS["mixed"](session.seed)
    for _ in range(4):
        bot.play_turn(session.active_team().state)
        flow.after_planning(app, session, session.end_planning())
        if all(t.state.over for t in session.teams):
            break  # a finished game is not offered for resuming (next test)
        assert autosaved(session)  # every hand-over, not only every round


def test_a_finished_game_is_kept_for_the_debrief_and_not_offered_for_resuming(app):
    session = Session.start(tutorial(), ["Solo"], mode="solo")
    app.apply(flow.start_game(app, session))
    outcome = None
    while outcome != GAME_OVER:
        outcome = session.end_planning()
    app.apply(flow.after_planning(app, session, outcome))
    assert saves.interrupted_game() is None
    [kept] = saves.list_saves()
    assert kept.over and saves.load_session(kept.path).over


def test_the_facilitator_ending_the_game_keeps_it_and_clears_the_autosave(app):
    session = Session.start(tutorial(), ["Red", "Blue"], mode="hotseat")
    app.apply(flow.start_game(app, session))
    session.end_planning()
    app.apply(flow.end_game(app, session))
    assert saves.interrupted_game() is None
    assert [entry.over for entry in saves.list_saves()] == [True]


def test_leaving_from_the_pause_menu_keeps_the_game_on_offer_for_resuming(app):
    session = Session.start(tutorial(), ["Solo"], mode="solo")
    app.apply(flow.start_game(app, session))
    made = saves.save_session(session)
    app.apply(flow.back_to_menu())
    offered = saves.interrupted_game()
    assert offered is not None and made.exists()
    assert saves.load_session(offered.path).to_record() == session.to_record()
