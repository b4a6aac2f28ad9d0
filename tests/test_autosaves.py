"""Every unfinished game keeps its own autosave: starting another never discards one; a finished game's goes."""

from __future__ import annotations

import json

import pytest

from game.core.bots import BOTS
from game.persistence import saves, storage
from game.persistence.problems import SaveError
from game.scenario.loader import load_scenario
from game.scenario.shipped import resolve_scenario
from game.workshop.session import Session


@pytest.fixture(autouse=True)
def player_files(tmp_path, monkeypatch):
    monkeypatch.setenv(storage.DATA_DIR_VARIABLE, str(tmp_path / "player"))
    return tmp_path / "player"


def started(scenario_id: str, at: str, turns: int = 2) -> Session:
    session = Session.start(load_scenario(resolve_scenario(scenario_id)), ["Orion"], mode="solo", started_at=at)
    bot = BOTS["mixed"](session.seed)
    while session.turn <= turns and not session.over:
        bot.play_turn(session.active_team().state)
        session.end_planning()
    return session


def test_each_game_has_its_own_autosave_named_after_its_scenario_and_start_time():
    path = saves.autosave(started("tutorial", "2026-11-29T19:45:12"))
    assert path.name == "autosave-tutorial-20261129-194512.json"


def test_starting_a_new_game_keeps_the_unfinished_one_and_the_menu_offers_both():
    first = started("tutorial", "2026-11-29T10:00:00")
    saves.autosave(first)
    second = started("startup-leaks", "2026-11-29T11:00:00", turns=1)
    saves.autosave(second)
    offered = saves.interrupted_games()
    assert sorted(entry.scenario_id for entry in offered) == ["startup-leaks", "tutorial"]
    [mine] = [entry for entry in offered if entry.scenario_id == "tutorial"]
    resumed = saves.load_session(mine.path)
    assert [t.state.fingerprint() for t in resumed.teams] == [t.state.fingerprint() for t in first.teams]
    assert resumed.started_at == first.started_at
    assert saves.autosave(resumed) == mine.path  # the resumed game goes on writing its own autosave


def test_finishing_one_game_clears_only_its_own_autosave():
    unfinished, finished = started("tutorial", "2026-11-29T10:00:00"), started("tutorial", "2026-11-29T10:05:00")
    saves.autosave(unfinished)
    saves.autosave(finished)
    saves.clear_autosave(finished)
    assert [entry.path.name for entry in saves.interrupted_games()] == ["autosave-tutorial-20261129-100000.json"]


def test_an_autosave_left_over_from_a_finished_game_is_cleaned_up_when_the_autosaves_are_listed():
    done = started("tutorial", "2026-11-29T09:00:00", turns=99)
    assert done.over
    path = saves.autosave(done)
    assert saves.interrupted_games() == [] and not path.exists()


def test_deleting_an_unfinished_game_removes_only_its_autosave_and_never_an_ordinary_save():
    session = started("tutorial", "2026-11-29T10:00:00")
    kept = saves.save_session(session)
    saves.autosave(session)
    [entry] = saves.interrupted_games()
    saves.delete_autosave(entry)
    assert saves.interrupted_games() == []
    ordinary = next(e for e in saves.list_saves() if e.path == kept)
    saves.delete_autosave(ordinary)
    assert kept.exists()


def test_a_game_saved_before_each_game_had_its_own_autosave_keeps_the_one_it_had():
    session = started("tutorial", "2026-11-29T10:00:00")
    record = session.to_record()
    del record["started_at"]
    legacy = Session.from_record(session.scenario, record)
    assert legacy.started_at == "" and saves.autosave(legacy).name == "autosave.json"


@pytest.mark.parametrize("started_at", ["../../elsewhere", "2026-11-29T10:00:00/../../x", "x" * 5000])
def test_a_save_whose_start_time_is_not_a_date_is_refused_in_one_sentence_and_names_no_file(started_at):
    session = started("tutorial", "2026-11-29T10:00:00")
    path = saves.autosave(session)
    record = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(record | {"started_at": started_at}), encoding="utf-8")
    with pytest.raises(SaveError) as refused:
        saves.load_session(path)
    assert "started_at" in refused.value.sentence() and "not a date" in refused.value.sentence()
    assert saves.interrupted_games() == []  # never offered, so never resumed nor autosaved under that name
    [listed] = saves.list_saves()
    assert listed.path == path and "not a date" in listed.problem


def test_the_start_time_to_the_millisecond_survives_the_save_reader():
    session = started("tutorial", "2026-11-29T10:00:00.123")
    resumed = saves.load_session(saves.autosave(session))
    assert resumed.started_at == "2026-11-29T10:00:00.123"
    assert saves.autosave_stem(resumed) == "autosave-tutorial-20261129-100000-123"
