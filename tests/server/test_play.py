"""Live play over WebSockets: joining, a whole simultaneous round, reconnecting, and what a team may not do."""

from __future__ import annotations

import json

from tests.server.conftest import receive, refusal, socket_url, view


def first_move(ws, hello: dict) -> dict:
    """The first legal move of the first person who knows the first signal, as the page offers it."""
    board = view(ws, lambda v: v["signals"])
    signal = board["signals"][0]
    ws.send_json({"type": "select", "person": signal["holders"][0], "signal": signal["index"]})
    moves = receive(ws, lambda m: m["type"] == "actions", "list of moves")
    assert moves["actions"], "the holder of a fresh signal has moves"
    return moves["actions"][0]


def test_joining_sends_the_team_its_board(client, hub):
    with client.websocket_connect(socket_url(hub, 0)) as ws:
        hello = ws.receive_json()
        assert hello["type"] == "hello" and hello["team"]["name"] == "Red"
        assert len(hello["people"]["names"]) == hub.room.session.scenario.org.size
        board = view(ws)
        assert board["turn"] == 1 and board["turn_label"] == "Turn 1/24"
        assert board["may_act"] and board["points"] == board["total_points"]
        assert board["signals"][0]["goal"], "each signal comes with its goal card"
        assert [t["name"] for t in board["teams"]] == ["Red", "Blue", "Green"]


def test_a_full_simultaneous_round_resolves_when_every_team_has_ended_its_turn(client, hub):
    sockets = [client.websocket_connect(socket_url(hub, t)) for t in range(3)]
    pages = [ws.__enter__() for ws in sockets]
    try:
        for ws in pages:
            view(ws)
        pages[0].send_json({"type": "end_turn"})
        waiting = view(pages[0], lambda v: not v["may_act"])
        assert waiting["turn"] == 1 and "Waiting for: Blue, Green" in waiting["status"]
        pages[1].send_json({"type": "end_turn"})
        view(pages[2], lambda v: [t["planned"] for t in v["teams"]] == [True, True, False])
        assert hub.room.session.teams[0].state.turn == 1, "nothing resolves before the last team"
        pages[2].send_json({"type": "end_turn"})
        for ws in pages:
            board = view(ws, lambda v: v["turn"] == 2)
            assert board["turn_label"] == "Turn 2/24" and board["may_act"]
    finally:
        for ws in sockets:
            ws.__exit__(None, None, None)


def test_a_move_updates_every_page_of_that_team_and_no_other(client, hub):
    with (
        client.websocket_connect(socket_url(hub, 0)) as laptop,
        client.websocket_connect(socket_url(hub, 0)) as phone,
        client.websocket_connect(socket_url(hub, 1)) as rival,
    ):
        hello = laptop.receive_json()
        move = first_move(laptop, hello)
        laptop.send_json({"type": "act", "action": move["action"]})
        after = view(phone, lambda v: v["points"] == v["total_points"] - move["cost"])
        assert after["moves"] == 1
        view(laptop, lambda v: v["moves"] == 1)
        other = view(rival)
        assert other["points"] == other["total_points"] and other["moves"] == 0
        assert hub.room.session.teams[1].state.actions == []


def test_a_page_that_drops_and_rejoins_finds_its_state(client, hub):
    url = socket_url(hub, 0)
    with client.websocket_connect(url) as ws:
        hello = ws.receive_json()
        move = first_move(ws, hello)
        ws.send_json({"type": "act", "action": move["action"]})
        before = view(ws, lambda v: v["moves"] == 1)
        ws.send_json({"type": "end_turn"})
        view(ws, lambda v: not v["may_act"])
    assert hub.room.presence[0].sockets == 0 and hub.room.presence[0].joined
    with client.websocket_connect(url) as ws:
        assert ws.receive_json()["type"] == "hello"
        again = view(ws)
        assert again["moves"] == 1 and again["log"][: len(before["log"])] == before["log"]
        assert not again["may_act"] and "Waiting for" in again["status"]


def test_a_team_cannot_act_for_another_team(client, hub):
    with client.websocket_connect(socket_url(hub, 0)) as ws:
        hello = ws.receive_json()
        move = first_move(ws, hello)
        ws.send_json({"type": "act", "action": move["action"], "team": 1})
        assert "does not understand" in refusal(ws)
        ws.send_json({"type": "act", "action": move["action"] | {"team": "Blue"}})
        assert "does not understand" in refusal(ws)
        ws.send_json({"type": "end_round"})  # a facilitator command on a team's socket
        assert "does not understand" in refusal(ws)
        ws.send_json({"type": "act", "action": {"kind": "inject", "event": "0"}})  # only the facilitator injects
        assert "does not understand" in refusal(ws)
    session = hub.room.session
    assert [t.state.actions for t in session.teams] == [[], [], []]
    assert session.turn == 1


def test_moves_go_through_the_rules(client, hub):
    with client.websocket_connect(socket_url(hub, 0)) as ws:
        ws.receive_json()
        board = view(ws, lambda v: v["signals"])
        holder = board["signals"][0]["holders"][0]
        someone_else = next(p for p in range(50) if p not in board["signals"][0]["holders"])
        person = hub.room.session.scenario.org.ids[someone_else]
        signal = hub.room.session.scenario.signals[0].id
        ws.send_json({"type": "act", "action": {"kind": "escalate", "signal": signal, "person": person}})
        assert "does not know" in refusal(ws)
        assert holder != someone_else and hub.room.session.teams[0].state.actions == []


def test_oversized_and_malformed_messages_are_refused(client, hub):
    with client.websocket_connect(socket_url(hub, 0, "fr")) as ws:
        ws.receive_json()
        ws.send_text(json.dumps({"type": "select", "person": 1, "pad": "x" * 5000}))
        assert "trop long" in refusal(ws)
        for bad in (
            "not json",
            "[]",
            '{"type": "fly"}',
            '{"type": "select", "person": "3"}',
            '{"type": "select", "person": -1}',
            '{"type": "act", "action": {"kind": "escalate", "signal": "nope", "person": "nobody"}}',
            '{"type": "act", "action": {"kind": "escalate"}}',
            '{"type": "act", "action": {"kind": "delegate", "signal": 1, "person": [], "to": {}}}',
            '{"type": "end_turn", "now": true}',
            "[" * 10000,
        ):
            ws.send_text(bad)
            assert refusal(ws), bad
        ws.send_json({"type": "select", "person": 1})
        assert receive(ws, lambda m: m["type"] == "actions")["person"] == 1, "the page still works after refusals"
    assert hub.room.session.teams[0].state.actions == []


def test_a_flood_is_refused_then_cut_off(client, hub):
    with client.websocket_connect(socket_url(hub, 0)) as ws:
        ws.receive_json()
        for _ in range(40):
            ws.send_json({"type": "select", "person": 0})
        assert "Too many clicks" in refusal(ws)


def test_a_binary_frame_is_refused(client, hub):
    with client.websocket_connect(socket_url(hub, 0)) as ws:
        ws.receive_json()
        ws.send_bytes(b"\x00\x01")
        assert "does not understand" in refusal(ws)
