"""A hosted workshop in process: the room on the example scenario, its hub and app, and a test client."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from game.server.access import AccessCodes
from game.server.app import Hub, make_app
from game.server.room import Room
from game.workshop.session import Session

BASE_URL = "http://testserver"
TEAMS = ["Red", "Blue", "Green"]
MAX_MESSAGES = 40  # messages read while waiting for one: views are pushed on every change


def make_room(scenario, mode: str = "simultaneous", **options) -> Room:
    session = Session.start(scenario, TEAMS, mode=mode, turn_seconds=options.pop("turn_seconds", None))
    return Room(session, AccessCodes.fresh(len(TEAMS)), **options)


@pytest.fixture
def room(example_scenario) -> Room:
    return make_room(example_scenario)


@pytest.fixture
def hub(room) -> Hub:
    return Hub(room, BASE_URL)


@pytest.fixture
def client(hub):
    with TestClient(make_app(hub, background=False)) as test_client:
        yield test_client


def team_url(hub: Hub, team: int) -> str:
    return hub.link(team).removeprefix(BASE_URL)


def socket_url(hub: Hub, team: int, lang: str = "en") -> str:
    return f"{team_url(hub, team)}/ws?lang={lang}"


def receive(ws, wanted, what: str = "a message"):
    """The first message for which `wanted(message)` holds (others are views of earlier changes)."""
    for _ in range(MAX_MESSAGES):
        message = ws.receive_json()
        if wanted(message):
            return message
    raise AssertionError(f"no {what} among {MAX_MESSAGES} messages")


def view(ws, wanted=lambda v: True):
    return receive(ws, lambda m: m["type"] == "view" and wanted(m), "view")


def refusal(ws) -> str:
    return receive(ws, lambda m: m["type"] == "refused", "refusal")["text"]


SERVER_TESTS = Path(__file__).resolve().parent
TIMEOUT_SECONDS = 120  # a page that waits for a message that never comes fails the test instead of hanging CI


def pytest_collection_modifyitems(items):
    for item in items:
        if SERVER_TESTS in Path(item.fspath).resolve().parents:
            item.add_marker(pytest.mark.timeout(TIMEOUT_SECONDS))
