"""Saved games as a facilitator meets them: a save loads back to the same game; a damaged, old, foreign or
misplaced file gives one sentence naming it and what is wrong, and is never overwritten or deleted."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from game.core.bots import BOTS
from game.i18n import Translator
from game.persistence import records, saves, storage
from game.persistence.problems import SaveError
from game.scenario.loader import load_scenario
from game.scenario.shipped import resolve_scenario
from game.workshop.session import Session


@pytest.fixture(autouse=True)
def player_files(tmp_path, monkeypatch):
    monkeypatch.setenv(storage.DATA_DIR_VARIABLE, str(tmp_path / "player"))
    return tmp_path / "player"


def played(scenario_id: str = "tutorial", turns: int = 3, teams: tuple[str, ...] = ("Orion", "Vega")) -> Session:
    scenario = load_scenario(resolve_scenario(scenario_id))
    session = Session.start(scenario, list(teams), mode="hotseat" if len(teams) > 1 else "solo")
    bot = BOTS["mixed"](session.seed)
    while session.turn <= turns and not session.over:
        bot.play_turn(session.active_team().state)
        session.end_planning()
    return session


def fingerprints(session: Session) -> list[str]:
    return [team.state.fingerprint() for team in session.teams]


def test_a_saved_game_loads_back_to_the_same_game():
    session = played()
    path = saves.save_session(session)
    loaded = saves.load_session(path)
    assert fingerprints(loaded) == fingerprints(session)
    assert loaded.active == session.active and loaded.turn == session.turn


def valid_text() -> str:
    return saves.save_session(played(turns=2)).read_text(encoding="utf-8")


def retail_save_claiming_to_be_the_tutorial() -> str:
    record = json.loads(saves.save_session(played("retail-app-outage", turns=2)).read_text(encoding="utf-8"))
    record["scenario"] = record["scenario_id"] = "tutorial"
    record.pop("scenario_digest")
    return json.dumps(record)


def edited(**changes: object) -> str:
    record = json.loads(valid_text())
    record.update(changes)
    return json.dumps(record)


DAMAGE = {
    "truncated": (lambda: valid_text()[:400], "cut short"),
    "empty": (lambda: "", "empty"),
    "garbage bytes": (lambda: bytes(range(256)) * 8, "binary data"),
    "NUL bytes inside JSON": (lambda: valid_text().replace('"mode"', '"mo\x00de"', 1), "binary data"),
    "not JSON": (lambda: "kind: session\nformat: 1\n", "not valid JSON"),
    "older format": (lambda: edited(format=0), "save format 0"),
    "newer format": (lambda: edited(format=99), "save format 99"),
    "no format": (lambda: edited(format=None), "save format"),
    "foreign JSON object": (lambda: json.dumps({"name": "my holiday photos", "size": 3}), "not a Signal Race"),
    "foreign JSON list": (lambda: "[1, 2, 3]", "not a Signal Race"),
    "command-line save": (lambda: json.dumps({"format": 1, "scenario": "tutorial", "seed": 1, "actions": []}), "not a"),
    "deeply nested JSON": (lambda: "[" * 100_000 + "]" * 100_000, "nested"),
    "teams not a list": (lambda: edited(teams=7), "damaged"),
    "moves that are not moves": (
        lambda: edited(teams=[{"name": "A", "colour": 0, "actions": [{"kind": "x"}]}]),
        "damaged",
    ),
    "scenario gone": (lambda: edited(scenario="gone.yaml", scenario_id="gone"), "cannot be found"),
    "wrong scenario": (retail_save_claiming_to_be_the_tutorial, "damaged"),
    "changed scenario": (
        lambda: edited(scenario_digest="0" * 64, teams=[{"name": "A", "colour": 0, "actions": [{"kind": "escalate"}]}]),
        "has changed since",
    ),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_bad_save_gives_a_sentence_naming_the_file_and_stays_untouched(damage):
    make, expected = DAMAGE[damage]
    content = make()
    path = saves.saves_dir() / "workshop.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    before = path.read_bytes()

    with pytest.raises(SaveError) as raised:
        saves.load_session(path)
    english = raised.value.sentence()
    french = raised.value.sentence(Translator("fr"))
    assert "workshop.json" in english and "workshop.json" in french
    assert expected in english and french != english
    assert "\n" not in english and len(english) < 400

    [listed] = [entry for entry in saves.list_saves() if entry.path == path]
    if listed.problem is not None:  # damage seen without replaying the game: the file is not ours to replace
        assert listed.issue is not None and listed.issue.key.startswith("ui.save_problem.")
        assert saves.save_session(played(turns=1), stem="workshop") != path
    assert path.read_bytes() == before, "a bad save was changed"


def test_a_save_far_too_big_is_refused_without_being_read(tmp_path):
    path = saves.saves_dir() / "huge.json"
    with open(path, "wb") as stream:  # a sparse file: no disk used, no time spent
        stream.truncate(records.MAX_SAVE_BYTES + 1)
    with pytest.raises(SaveError) as raised:
        saves.load_session(path)
    assert "huge.json" in raised.value.sentence() and "far more than a saved game" in raised.value.sentence()
    assert path.stat().st_size == records.MAX_SAVE_BYTES + 1


def test_a_missing_save_is_named():
    with pytest.raises(SaveError) as raised:
        saves.load_session(saves.saves_dir() / "gone.json")
    assert "gone.json" in raised.value.sentence() and "does not exist" in raised.value.sentence()


def test_the_autosave_of_an_unfinished_game_is_offered_until_it_ends_or_is_abandoned():
    assert saves.interrupted_game() is None
    session = played(turns=2)
    path = saves.autosave(session)
    offer = saves.interrupted_game()
    assert offer is not None and offer.path == path and offer.turn == session.turn and not offer.over
    assert fingerprints(saves.load_session(offer.path)) == fingerprints(session)
    saves.clear_autosave()
    assert saves.interrupted_game() is None and not path.exists()


def test_a_finished_game_is_not_offered_for_resuming():
    session = played(turns=99)
    assert session.over
    saves.autosave(session)
    assert saves.interrupted_game() is None


def test_clearing_the_autosave_never_deletes_a_damaged_one():
    session = played(turns=1)
    damaged = saves.saves_dir() / f"{saves.autosave_stem(session)}.json"
    damaged.write_text('{"kind": "session", "format": 1, "teams": [', encoding="utf-8")
    written = saves.autosave(session)
    assert written.name == f"{saves.autosave_stem(session)}-2.json" and saves.interrupted_game().path == written
    saves.clear_autosave(session)
    assert damaged.exists() and not written.exists()


def test_a_failed_write_leaves_the_previous_file_and_no_temporary(monkeypatch):
    path = saves.autosave(played(turns=1))
    before = path.read_bytes()

    def disk_full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        saves.autosave(played(turns=3))
    assert path.read_bytes() == before
    assert [p.name for p in Path(path.parent).iterdir()] == [path.name]


def test_every_save_problem_reads_in_french_and_english_with_the_same_blanks():
    import string

    from game.i18n import TRANSLATIONS

    english = json.loads((TRANSLATIONS / "en" / "saves.json").read_text(encoding="utf-8"))
    french = json.loads((TRANSLATIONS / "fr" / "saves.json").read_text(encoding="utf-8"))
    assert set(english) == set(french)

    def blanks(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    for key, text in english.items():
        assert blanks(text) == blanks(french[key]) and french[key] != text, key
    package = Path(saves.__file__).parent
    sources = "".join(path.read_text(encoding="utf-8") for path in package.glob("*.py"))
    used = set(re.findall(r'SaveProblem\.of\(\s*"([a-z_]+)"', sources))
    used |= {"truncated", "not_json", "missing", "folder", "pipe", "device", "special"}  # chosen by a variable
    assert used and {f"ui.save_problem.{what}" for what in used} <= set(english)


def test_saved_files_are_readable_like_any_other_file_the_user_saves(tmp_path):
    import os
    import stat

    from game.files import UMASK, write_atomically

    target = tmp_path / "report.json"
    write_atomically(target, "{}")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o666 & ~UMASK
