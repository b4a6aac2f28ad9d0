"""The room around the session: the facilitator's controls, the timer, teams that stay away, saving and resuming."""

from __future__ import annotations

import json
import os

import pytest

from game.core.errors import IllegalAction
from game.persistence.hosted import read_hosted
from game.server.app import Hub, make_app
from game.server.host import Autosaver, HostError, Setup, open_room
from game.workshop.session import ALREADY_PLANNED
from tests.server.conftest import BASE_URL, make_room, socket_url, view


class Clock:
    """A clock the test moves by hand."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def first_holder_move(room, team: int):
    from game.core import rules

    state = room.session.teams[team].state
    holder = int(state.holders(0)[0])
    return next(a for a in rules.actions_for(state, holder) if a.cost > 0)


def test_pause_stops_moves_and_the_timer(example_scenario):
    room = make_room(example_scenario, turn_seconds=60)
    room.join(0)
    room.pause(True)
    with pytest.raises(IllegalAction) as refused:
        room.act(0, first_holder_move(room, 0))
    assert "paused" in refused.value.reason.get("en")
    room.tick(120)
    assert room.session.turn == 1 and room.timer.remaining == 60
    room.pause(False)
    room.act(0, first_holder_move(room, 0))
    assert len(room.session.teams[0].state.actions) == 1


def test_the_timer_waits_for_a_first_team_then_ends_the_round_for_teams_still_planning(example_scenario):
    room = make_room(example_scenario, turn_seconds=60)
    room.tick(600)
    assert room.session.turn == 1 and room.timer.remaining == 60, "no time runs out before anyone has joined"
    room.join(1)
    room.end_turn(1)
    room.tick(59)
    assert room.session.turn == 1
    room.tick(2)
    assert room.session.turn == 2 and all(t.state.turn == 2 for t in room.session.teams)
    assert room.timer.remaining == 60, "a new round gets the whole time again"


def test_in_hot_seat_the_timer_ends_one_team_turn(example_scenario):
    room = make_room(example_scenario, mode="hotseat", turn_seconds=30)
    room.join(0)
    room.tick(31)
    assert [t.state.turn for t in room.session.teams] == [2, 1, 1]
    assert room.session.active == 1
    with pytest.raises(IllegalAction) as refused:
        room.act(0, first_holder_move(room, 0))
    assert "Blue's turn" in refused.value.reason.get("en")


def test_injecting_an_event_reaches_every_team(example_scenario):
    room = make_room(example_scenario)
    before = [len(t.state.log) for t in room.session.teams]
    room.inject(len(example_scenario.events))  # the first built-in event
    assert [len(t.state.log) for t in room.session.teams] == [n + 1 for n in before]
    with pytest.raises(IllegalAction):
        room.inject(999)


def test_end_of_round_and_end_of_game(example_scenario):
    room = make_room(example_scenario)
    room.end_turn(0)
    with pytest.raises(IllegalAction) as refused:
        room.end_turn(0)
    assert refused.value.reason == ALREADY_PLANNED
    room.end_round()
    assert room.session.turn == 2
    move = first_holder_move(room, 1)
    room.end_game()
    assert room.session.over and room.timer is None
    with pytest.raises(IllegalAction):
        room.act(1, move)


def test_a_team_handed_to_a_bot_plays_its_turns_and_can_be_taken_back(example_scenario):
    room = make_room(example_scenario)
    room.hand_to_bot(2, "mixed")
    assert room.session.teams[2].planned, "the bot ends its turn at once"
    room.end_turn(0)
    room.end_turn(1)
    assert room.session.turn == 2 and room.session.teams[2].planned, "and again in the new round"
    with pytest.raises(IllegalAction):
        room.end_turn(2)
    room.hand_to_bot(2, None)
    room.end_turn(0)
    room.end_turn(1)
    assert room.session.turn == 3, "the bot had already planned this round"
    room.end_turn(0)
    room.end_turn(1)
    assert room.session.turn == 3 and room.session.may_plan(2), "given back, the team plans for itself again"


def test_a_team_that_never_comes_back_does_not_block_the_round(example_scenario):
    clock = Clock()
    room = make_room(example_scenario, clock=clock, absent_seconds=60)
    for team in range(3):
        room.join(team)
    room.leave(2)  # Green's laptop goes to sleep
    room.end_turn(0)
    room.end_turn(1)
    clock.now += 30
    room.tick(0.25)
    assert room.session.turn == 1, "a short drop is waited for"
    clock.now += 31
    room.tick(0.25)
    assert room.session.turn == 2, "a team gone for a minute no longer holds up the others"
    room.join(2)
    assert not room.is_absent(2)


def test_nobody_left_means_nothing_moves(example_scenario):
    clock = Clock()
    room = make_room(example_scenario, clock=clock, absent_seconds=60)
    for team in range(3):
        room.join(team)
        room.leave(team)
    clock.now += 3600
    room.tick(0.25)
    assert room.session.turn == 1, "the room does not play on alone when every laptop is off"


def setup(scenario, path, fresh=False, teams=("Red", "Blue", "Green"), mode="simultaneous") -> Setup:
    return Setup(scenario, list(teams), mode, None, "normal", None, path, fresh)


def test_the_room_is_saved_after_every_round_and_resumes_with_the_same_links(example_scenario, tmp_path):
    path = tmp_path / "workshop.json"
    saver = Autosaver(path)
    room, note = open_room(setup(example_scenario, path), saver)
    assert "new workshop" in note
    room.act(0, first_holder_move(room, 0))
    room.hand_to_bot(1, "network")
    room.end_turn(0)
    room.end_turn(2)  # the round resolves (Blue is the bot): saved
    saver.close()
    record = read_hosted(path)
    assert record["session"]["teams"][0]["actions"] and record["bots"] == {"1": "network"}
    links = list(room.access.teams)

    again, note = open_room(setup(example_scenario, path), Autosaver(path))
    assert "Resuming" in note and again.access.teams == links
    assert again.session.turn == 2 and again.bot_name(1) == "network"
    assert [t.state.fingerprint() for t in again.session.teams] == [t.state.fingerprint() for t in room.session.teams]
    from starlette.testclient import TestClient

    hub = Hub(again, BASE_URL)
    with TestClient(make_app(hub, background=False)) as client:
        assert client.get(hub.link(0).removeprefix(BASE_URL)).status_code == 200
        with client.websocket_connect(socket_url(hub, 0)) as ws:
            ws.receive_json()
            assert view(ws)["turn"] == 2


def test_moves_between_rounds_are_kept_by_the_regular_flush(example_scenario, tmp_path):
    path = tmp_path / "workshop.json"
    saver = Autosaver(path)
    room, _ = open_room(setup(example_scenario, path), saver)
    room.act(0, first_holder_move(room, 0))
    room.flush()
    saver.close()
    assert len(read_hosted(path)["session"]["teams"][0]["actions"]) == 1


def test_a_saved_workshop_of_another_shape_is_not_overwritten(example_scenario, tmp_path):
    path = tmp_path / "workshop.json"
    saver = Autosaver(path)
    open_room(setup(example_scenario, path), saver)[0].flush()
    saver.close()
    saved = path.read_text()
    from game.persistence.hosted import HostedError

    with pytest.raises(HostedError) as refused:
        open_room(setup(example_scenario, path, teams=("A", "B")), Autosaver(path))
    assert "--teams 3" in str(refused.value) and "--new" in str(refused.value)
    assert path.read_text() == saved
    room, note = open_room(setup(example_scenario, path, fresh=True, teams=("A", "B")), Autosaver(path))
    assert "kept as" in note and len(room.session.teams) == 2
    assert any(p.read_text() == saved for p in tmp_path.iterdir() if p != path)


def test_a_damaged_save_is_explained(example_scenario, tmp_path):
    from game.persistence.hosted import HostedError

    path = tmp_path / "workshop.json"
    for content in ("{not json", json.dumps({"kind": "session"}), json.dumps({"kind": "hosted-workshop", "format": 1})):
        path.write_text(content)
        with pytest.raises(HostedError) as refused:
            open_room(setup(example_scenario, path), Autosaver(path))
        assert str(path) in str(refused.value)


def test_a_session_that_cannot_start_is_a_sentence(example_scenario, tmp_path):
    with pytest.raises(HostError):
        open_room(
            setup(example_scenario, tmp_path / "w.json", teams=[f"T{i}" for i in range(9)]),
            Autosaver(tmp_path / "w.json"),
        )


def test_a_page_opened_later_counts_down_from_the_time_really_left(example_scenario):
    room = make_room(example_scenario, turn_seconds=60)
    room.join(2)
    hub = Hub(room, BASE_URL)
    assert json.loads(hub.view_text(0, "en"))["timer"]["remaining"] == 60
    room.tick(20)
    assert json.loads(hub.view_text(0, "en"))["timer"]["remaining"] == 40
    assert json.loads(hub.view_text(-1, "en"))["timer"]["label"] == "0:40"


def test_a_hosted_file_that_is_a_fifo_is_refused_at_once(example_scenario, tmp_path):
    from game.persistence.hosted import HostedError

    path = tmp_path / "workshop.json"
    os.mkfifo(path)
    with pytest.raises(HostedError) as refused:  # a blocking open would wait for a writer forever
        open_room(setup(example_scenario, path), Autosaver(path))
    assert str(path) in str(refused.value) and "pipe" in str(refused.value)


def test_a_hosted_session_of_the_wrong_shape_names_the_place_and_is_not_overwritten(example_scenario, tmp_path):
    from game.persistence.hosted import HostedError

    path = tmp_path / "workshop.json"
    saver = Autosaver(path)
    open_room(setup(example_scenario, path), saver)[0].flush()
    saver.close()
    record = json.loads(path.read_text())
    record["session"]["teams"][1]["colour"] = "red"
    path.write_text(json.dumps(record))
    with pytest.raises(HostedError) as refused:
        open_room(setup(example_scenario, path), Autosaver(path))
    assert "teams[1].colour" in str(refused.value) and "--new" in str(refused.value)
    assert json.loads(path.read_text()) == record
