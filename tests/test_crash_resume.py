"""Kill the real game window with SIGKILL mid-play, even in the middle of an autosave: the next launch offers to
resume, and the resumed game is identical to the same game played to the last completed turn.

A small driver script runs the real App (SDL dummy driver) in a subprocess and plays a solo game with keys, as a
player would: Tab, 1, Return each turn. It prints each autosaved turn's fingerprint. An uninterrupted run of the
same script is the reference.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.persistence.storage import DATA_DIR_VARIABLE, SAVE_PAUSE_VARIABLE

REPO = Path(__file__).resolve().parent.parent
SCENARIO, SEED = "tutorial", 5
WAIT = 60.0  # s: give up on a subprocess that stops talking (a safety net, not a measurement)
DRIVER = r"""
import json, os, sys
import pygame
from game.ui import flow
from game.ui.app import App
from game.ui.catalog import playable
from game.ui.scenes.menu import MenuScene
from game.workshop.session import Session

scenario_id, seed, pause_after = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
app = App((1280, 720), "en")
app.push(MenuScene(app))
scenario = next(s for s in playable() if s.id == scenario_id)
session = Session.start(scenario, ["Orion"], mode="solo", seed=seed)

def report():
    state = session.teams[0].state
    print(json.dumps({"turn": session.turn, "over": session.over, "fingerprint": state.fingerprint()}), flush=True)
    if 0 < pause_after <= session.turn:
        os.environ["SIGNAL_RACE_TEST_SAVE_PAUSE"] = "120"  # the next autosave hangs between write and rename

def press(key, unicode=""):
    down = pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=unicode, scancode=0)
    up = pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode=unicode, scancode=0)
    app.step([down, up], 1 / 60)

app.apply(flow.start_game(app, session))  # autosaves the new game
report()
while type(app.top).__name__ == "BoardScene":
    turn = session.turn
    press(pygame.K_TAB)
    press(pygame.K_1, "1")
    press(pygame.K_RETURN)  # ends the turn: autosaved before the frame returns
    if session.turn != turn or session.over:
        report()
"""


def start(data: Path, pause_after: int = 0) -> subprocess.Popen:
    env = os.environ | {DATA_DIR_VARIABLE: str(data), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    env.pop(SAVE_PAUSE_VARIABLE, None)
    command = [sys.executable, "-c", DRIVER, SCENARIO, str(SEED), str(pause_after)]
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def read_turn(process: subprocess.Popen) -> dict:
    for line in process.stdout:
        if line.startswith("{"):
            return json.loads(line)
    raise AssertionError(f"the game stopped early: {process.stderr.read()[-2000:]}")


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict[int, str]:
    """Fingerprint after each autosaved turn of the same game played without interruption."""
    process = start(tmp_path_factory.mktemp("reference"))
    output, errors = process.communicate(timeout=WAIT * 4)
    assert process.returncode == 0, errors[-2000:]
    turns = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert turns[-1]["over"] and len(turns) > 5
    return {t["turn"]: t["fingerprint"] for t in turns if not t["over"]}


def resume_through_the_menu(data: Path, monkeypatch) -> object:
    """A fresh launch: the main menu offers the interrupted game; choosing it opens the board on it."""
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data))
    from game.ui.app import App
    from game.ui.scenes.menu import MenuScene
    from tests.ui.driver import click, top_name

    app = App((1280, 720), "en")
    app.push(MenuScene(app))
    app.step([], 1 / 60)
    assert app.top.interrupted is not None, "the menu does not offer to resume"
    click(app, "ui.menu.resume")
    assert top_name(app) == "BoardScene"
    return app.top.session


def test_killed_at_an_arbitrary_moment_the_game_resumes_identical_to_its_last_completed_turn(
    tmp_path, monkeypatch, reference
):
    process = start(tmp_path)
    reported = [read_turn(process) for _ in range(4)]
    process.send_signal(signal.SIGKILL)  # wherever it is: planning, drawing or writing the next autosave
    process.wait(timeout=WAIT)
    resumed = resume_through_the_menu(tmp_path, monkeypatch)
    assert resumed.turn >= reported[-1]["turn"]
    assert resumed.teams[0].state.fingerprint() == reference[resumed.turn]


def test_killed_in_the_middle_of_an_autosave_the_previous_turn_survives_whole(tmp_path, monkeypatch, reference):
    process = start(tmp_path, pause_after=3)
    reported = [read_turn(process) for _ in range(3)]
    saves = tmp_path / "saves"
    deadline = time.monotonic() + WAIT
    while not list(saves.glob(".autosave-*.json.*.tmp")):  # the next autosave is written, not yet renamed
        assert time.monotonic() < deadline and process.poll() is None, "the autosave never started"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=WAIT)
    assert list(saves.glob(".autosave-*.json.*.tmp")), "the half-done save should still be lying there"
    resumed = resume_through_the_menu(tmp_path, monkeypatch)
    assert resumed.turn == reported[-1]["turn"] == 3
    assert resumed.teams[0].state.fingerprint() == reported[-1]["fingerprint"] == reference[3]
    [kept] = saves.glob("*.json")  # nothing half-written is listed
    assert kept.name.startswith("autosave-")


def test_a_finished_game_is_not_offered_again(tmp_path, monkeypatch, reference):
    process = start(tmp_path)
    output, errors = process.communicate(timeout=WAIT * 4)
    assert process.returncode == 0, errors[-2000:]
    assert json.loads(output.splitlines()[-1])["over"]
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path))
    from game.persistence.saves import interrupted_game, list_saves

    assert interrupted_game() is None
    [kept] = list_saves()  # the finished game is kept as an ordinary save, for the debrief
    assert kept.over and not kept.path.name.startswith("autosave")
