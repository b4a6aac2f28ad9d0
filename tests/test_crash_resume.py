"""Kill the real game window with SIGKILL mid-play, even in the middle of an autosave: the next launch offers to
resume, and the resumed game is identical to the same game played to the last completed turn.

A small driver script runs the real App (SDL dummy driver) in a subprocess and plays a solo game with keys, as a
player would: Tab, 1, Return each turn. It prints each autosaved turn's fingerprint. An uninterrupted run of the
same script is the reference. The process is killed at a chosen point, never after a guessed delay: by the driver
itself while a team is planning, or by the atomic writer's test hook (game.files.KILL_VARIABLE) just before or just
after it renames the autosave into place.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from game.files import KILL_VARIABLE
from game.persistence.storage import DATA_DIR_VARIABLE

REPO = Path(__file__).resolve().parent.parent
SCENARIO, SEED = "tutorial", 5
KILL_TURN = 3  # the turn during which the game is killed
WAIT = 120.0  # s: give up on a subprocess that stops talking (a safety net, not a measurement)
DRIVER = r"""
import json, os, signal, sys
import pygame
from game.files import KILL_VARIABLE
from game.ui import flow
from game.ui.app import App
from game.ui.catalog import playable
from game.ui.scenes.menu import MenuScene
from game.workshop.session import Session

scenario_id, seed, kill_turn, point = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
app = App((1280, 720), "en")
app.push(MenuScene(app))
scenario = next(s for s in playable() if s.id == scenario_id)
session = Session.start(scenario, ["Orion"], mode="solo", seed=seed)

def report():
    state = session.teams[0].state
    print(json.dumps({"turn": session.turn, "over": session.over, "fingerprint": state.fingerprint()}), flush=True)
    if session.turn == kill_turn and point in ("before-rename", "after-rename"):
        os.environ[KILL_VARIABLE] = point  # the autosave at the end of this turn kills the process at that point

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
    if point == "planning" and turn == kill_turn:
        os.kill(os.getpid(), signal.SIGKILL)  # a move played, the turn not ended
    press(pygame.K_RETURN)  # ends the turn: autosaved before the frame returns
    if session.turn != turn or session.over:
        report()
"""


def play(data: Path, point: str = "none") -> tuple[int, list[dict], str]:
    """Run the driver to its end (or its death); its exit code, the turns it reported and its error output."""
    env = os.environ | {DATA_DIR_VARIABLE: str(data), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    env.pop(KILL_VARIABLE, None)
    command = [sys.executable, "-c", DRIVER, SCENARIO, str(SEED), str(KILL_TURN), point]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=WAIT)
    turns = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return done.returncode, turns, done.stderr


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory) -> tuple[Path, dict[int, str]]:
    """The same game played to its end without interruption: its data folder, and each autosaved turn's fingerprint."""
    data = tmp_path_factory.mktemp("reference")
    code, turns, errors = play(data)
    assert code == 0, errors[-2000:]
    assert turns[-1]["over"] and len(turns) > KILL_TURN + 2
    return data, {t["turn"]: t["fingerprint"] for t in turns if not t["over"]}


@pytest.fixture(scope="module")
def reference(uninterrupted) -> dict[int, str]:
    return uninterrupted[1]


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


@pytest.mark.parametrize(
    ("point", "resumed_turn"),
    [("planning", KILL_TURN), ("before-rename", KILL_TURN), ("after-rename", KILL_TURN + 1)],
    ids=["while planning", "between writing and renaming the autosave", "just after renaming it"],
)
def test_killed_at_a_chosen_point_the_game_resumes_identical_to_its_last_completed_turn(
    tmp_path, monkeypatch, reference, point, resumed_turn
):
    code, turns, errors = play(tmp_path, point)
    assert code == -signal.SIGKILL, errors[-2000:]
    assert turns[-1]["turn"] == KILL_TURN
    saves = tmp_path / "saves"
    half_done = list(saves.glob(".autosave-*.json.*.tmp"))
    assert bool(half_done) == (point == "before-rename")  # the temporary file is left only when killed before renaming
    resumed = resume_through_the_menu(tmp_path, monkeypatch)
    assert resumed.turn == resumed_turn
    assert resumed.teams[0].state.fingerprint() == reference[resumed_turn]
    [kept] = saves.glob("*.json")  # nothing half-written is listed
    assert kept.name.startswith("autosave-")


def test_a_finished_game_is_not_offered_again(monkeypatch, uninterrupted):
    data, _ = uninterrupted
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data))
    from game.persistence.saves import interrupted_game, list_saves

    assert interrupted_game() is None
    [kept] = list_saves()  # the finished game is kept as an ordinary save, for the debrief
    assert kept.over and not kept.path.name.startswith("autosave")
