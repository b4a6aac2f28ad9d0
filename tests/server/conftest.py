"""A hosted workshop in process: the room on the example scenario, its hub and app, and a test client."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
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


# ------------------------------------------------------------------ the real command, on the loopback

REPO_ROOT = Path(__file__).resolve().parents[2]
STARTUP_LINES = 12  # lines read at most before the facilitator's line


def start_host(data_dir: Path, *extra: str) -> tuple[subprocess.Popen, list[str]]:
    """`python main.py host` on 127.0.0.1 and a free port, with the lines it printed up to the facilitator's."""
    command = [sys.executable, "main.py", "host", "retail-app-outage", "--teams", "3", "--headless"]
    command += ["--bind", "127.0.0.1", "--port", "0", *extra]
    environment = os.environ | {"SIGNAL_RACE_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, cwd=REPO_ROOT, env=environment, stdout=subprocess.PIPE, text=True)
    lines: list[str] = []
    while len(lines) < STARTUP_LINES and not (lines and lines[-1].startswith("Facilitator:")):
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
    return process, lines


def stop(process: subprocess.Popen) -> str:
    """Ctrl+C, as a facilitator stops hosting; returns what it printed then."""
    process.send_signal(signal.SIGINT)
    out, _ = process.communicate(timeout=30)
    return out
