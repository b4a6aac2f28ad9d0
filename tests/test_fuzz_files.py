"""Property tests beyond scenarios: mutated saves, session records and HR exports are read or refused, nothing else.

Like the mutated scenarios of tests/test_hostile_scenarios.py: whatever hypothesis does to a valid file, its
reader returns a game, a session or people, or raises its own error with a sentence; never any other exception.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core import bots, replay
from game.persistence import saves, storage
from game.persistence.loading import rebuild_session, replay_game, scenario_of
from game.persistence.problems import SaveError
from game.persistence.records import read_game_record, read_session_record
from game.scenario.loader import load_scenario
from game.tools.import_org import ImportFailed, read_people
from game.workshop.session import Session
from tests.test_hostile_scenarios import ODD_VALUES, mutate

REPO = Path(__file__).resolve().parent.parent
MINIMAL = REPO / "tests" / "fixtures" / "good" / "minimal.yaml"
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(MINIMAL)


@pytest.fixture(scope="module")
def game_record(scenario) -> dict:
    record = replay.save_record(bots.play_game(scenario, 1, "mixed"))
    return record | {"scenario": str(MINIMAL), "bot": "mixed"}


@pytest.fixture(scope="module")
def session_record(scenario) -> dict:
    session = Session.start(scenario, ["Orion", "Vega"], mode="hotseat", seed=2)
    bot = bots.BOTS["mixed"](2)
    for _ in range(6):
        bot.play_turn(session.active_team().state)
        session.end_planning()
    return session.to_record() | {"saved_at": "2026-01-01T10:00:00", "turn": session.turn, "over": False}


def write(folder: Path, record: object) -> Path:
    path = folder / "fuzzed.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path


def refused_plainly(error: SaveError) -> None:
    sentence = error.sentence()
    assert "fuzzed.json" in sentence and "\n" not in sentence and error.reason.strip()


def read_mutated(folder: Path, record: dict, draw: st.DrawFn, read, rebuild) -> None:  # noqa: ANN001
    """Mutate `record` one to three times, then `read` and `rebuild` it; only a sentence may come out."""
    record = copy.deepcopy(record)
    for _ in range(draw(st.integers(1, 3))):
        record = mutate(record, draw)
    path = write(folder, record)
    try:
        checked = read(path)
        rebuild(path, checked, scenario_of(path, checked))
    except SaveError as error:
        refused_plainly(error)


@FUZZ
@given(data=st.data())
def test_a_mutated_game_save_is_replayed_or_refused_in_a_sentence(tmp_path, game_record, data):
    read_mutated(tmp_path, game_record, data.draw, read_game_record, replay_game)


@FUZZ
@given(data=st.data())
def test_a_mutated_session_is_rebuilt_or_refused_in_a_sentence(tmp_path, session_record, data):
    read_mutated(tmp_path, session_record, data.draw, read_session_record, rebuild_session)


@FUZZ
@given(raw=st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_as_a_save_are_refused_in_a_sentence(tmp_path, monkeypatch, raw):
    monkeypatch.setenv(storage.DATA_DIR_VARIABLE, str(tmp_path / "player"))
    path = tmp_path / "fuzzed.json"
    path.write_bytes(raw)
    with pytest.raises(SaveError) as raised:
        saves.load_session(path)
    refused_plainly(raised.value)
    assert [entry.problem for entry in saves.list_saves()] in ([], [raised.value.reason])


CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "a", "b", "c", "boss", "Éric", "张伟", '"', '""', ";", ",", "\t", "\n", "=1+1", "\x00"]),
    ODD_VALUES.map(str),
)
HEADER = ["id", "name", "title", "department", "manager_id"]


@st.composite
def exports(draw: st.DrawFn) -> bytes:
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    rows = draw(st.lists(st.lists(CELLS, min_size=0, max_size=7), max_size=12))
    header = draw(st.sampled_from([HEADER, HEADER[::-1], HEADER[:3], [*HEADER, "skills"]]))
    lines = [delimiter.join(header)] + [delimiter.join(_quoted(cell, delimiter) for cell in row) for row in rows]
    text = draw(st.sampled_from(["\n", "\r\n"])).join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return text.encode(encoding, "replace")


def _quoted(cell: str, delimiter: str) -> str:
    if any(c in cell for c in (delimiter, '"', "\n", "\r")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


@FUZZ
@given(content=exports())
def test_any_export_is_imported_or_refused_at_its_lines(tmp_path, content):
    path = tmp_path / "staff.csv"
    path.write_bytes(content)
    try:
        rows = read_people(path)
    except ImportFailed as failed:
        assert failed.lines and all(line.startswith(f"{path}:") for line in failed.lines), failed.lines
        return
    ids = [row.id for row in rows]
    assert len(set(ids)) == len(ids) and sum(row.manager is None for row in rows) == 1
