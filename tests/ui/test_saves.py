"""Saving and loading games: through the menus, atomically, and never overwriting a damaged file."""

from __future__ import annotations

import json

import pygame

from game.persistence.saves import autosave, autosave_stem, list_saves, load_session, save_session, saves_dir
from tests.ui.driver import button, click, press, top_name
from tests.ui.test_facilitator import workshop


def play_rounds(app, rounds: int) -> None:
    played = 0
    while played < rounds:
        if top_name(app) == "CurtainScene":
            press(app, pygame.K_RETURN)
        elif top_name(app) == "BoardScene":
            press(app, pygame.K_TAB)
            press(app, pygame.K_1, unicode="1")
            press(app, pygame.K_RETURN)
        elif top_name(app) == "LeaderboardScene":
            played += 1
            click(app, "ui.continue")


def test_save_from_the_pause_menu_then_load_from_the_main_menu_gives_the_same_session(app):
    session = workshop(app)
    play_rounds(app, 2)
    press(app, pygame.K_RETURN)  # past the curtain, onto the board
    press(app, pygame.K_TAB)
    press(app, pygame.K_1, unicode="1")  # a move in the middle of a team's planning
    press(app, pygame.K_ESCAPE)
    click(app, "board.pause.save")
    click(app, "board.pause.menu")
    assert top_name(app) == "MenuScene"
    click(app, "ui.menu.load")
    saved = [entry for entry in app.top.entries if "autosave" not in entry.path.name]
    assert len(saved) == 1 and saved[0].problem is None
    click(app, app.top._label(saved[0]))
    assert top_name(app) == "CurtainScene"
    loaded = app.top.session
    assert loaded is not session
    assert loaded.to_record() | {"saved_at": None} == session.to_record() | {"saved_at": None}
    assert [t.state.fingerprint() for t in loaded.teams] == [t.state.fingerprint() for t in session.teams]
    assert loaded.active_team().name == session.active_team().name


def test_a_workshop_is_autosaved_after_every_round(app):
    session = workshop(app)
    play_rounds(app, 1)
    restored = load_session(saves_dir() / f"{autosave_stem(session)}.json")
    assert [t.state.fingerprint() for t in restored.teams] == [t.state.fingerprint() for t in session.teams]


def test_a_damaged_save_is_named_and_never_overwritten(app):
    session = workshop(app)
    damaged = saves_dir() / "autosave.json"
    damaged.write_text('{"kind": "session", "teams": [', encoding="utf-8")
    written = autosave(session)
    assert written != damaged and damaged.read_text(encoding="utf-8") == '{"kind": "session", "teams": ['
    assert load_session(written).to_record()["teams"] == session.to_record()["teams"]
    click(app, "ui.back_to_menu") if top_name(app) == "ResultsScene" else app.home()
    [kept] = [e for e in list_saves() if e.problem is not None]  # the menu set the damaged autosave aside
    assert kept.path.read_text(encoding="utf-8") == '{"kind": "session", "teams": [' and not damaged.exists()
    click(app, "ui.menu.load")
    row = button(app, app.tr("ui.load.damaged", file=kept.path.name))
    assert not row.is_enabled
    assert "JSONDecodeError" in kept.problem


def test_loading_a_save_whose_scenario_is_gone_explains_it_in_a_sentence(app):
    session = workshop(app)
    path = save_session(session, "edited")
    record = json.loads(path.read_text(encoding="utf-8"))
    record["scenario"], record["scenario_id"] = "gone.yaml", "gone"
    path.write_text(json.dumps(record), encoding="utf-8")
    app.home()
    click(app, "ui.menu.load")
    entry = next(e for e in app.top.entries if e.path == path)
    click(app, app.top._label(entry))
    assert top_name(app) == "LoadScene"
    assert "edited.json" in app.top.problem and "gone" in app.top.problem
    assert json.loads(path.read_text(encoding="utf-8")) == record  # left as it was
