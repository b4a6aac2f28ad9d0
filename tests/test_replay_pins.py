"""Whole games pinned to their outcome: speed work must not change a single draw or decision.

Each pin is (score, log length, hash of the final state and log) of a bot's game on a shipped scenario,
recorded under the current save format. A change of rules bumps SAVE_FORMAT; then, and only then,
regenerate the pins with `python -m tests.test_replay_pins --write`.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from game.core import bots, rules
from game.core.actions import InjectEvent
from game.core.events import BUILT_IN, injectable_events
from game.core.replay import SAVE_FORMAT, replay, save_record
from game.core.scoring import score
from game.core.state import GameState
from game.scenario.loader import load_scenario
from game.scenario.shipped import resolve_scenario

PINS = Path(__file__).parent / "fixtures" / "replay_pins.json"
CROWD = Path(__file__).parent / "fixtures" / "good" / "crowd.yaml"  # a generated org of 2,000 people
SHIPPED = ("bank-compliance", "hopital-gardes", "industrial-group", "retail-app-outage", "startup-leaks", "tutorial")
BOTS = ("mixed", "random", "hierarchy", "network")
SEEDS = (0, 1)
INJECTED = {2: "manager_away", 3: "buzz", 4: "rival_push"}  # turn -> built-in event the facilitator fires


def _scenario(name: str):
    return load_scenario(CROWD if name == "crowd" else resolve_scenario(name))


def state_hash(state: GameState) -> str:
    """Every array a turn writes, the queues' sizes and the story told, so any drift shows."""
    digest = hashlib.sha256(state.fingerprint().encode())
    for array in (state.learned_from, state.opposed, state.spreading, state.lead, state.available, state.rival_gain):
        digest.update(np.ascontiguousarray(array).tobytes())
    digest.update(f"{len(state.inbox)}|{len(state.validations)}|{len(state.publications)}".encode())
    for entry in state.log:
        digest.update(f"{entry.turn}|{entry.kind}|{entry.signal}|{entry.person}|{entry.count}|".encode())
        digest.update(entry.text.get("en").encode())
    return digest.hexdigest()


def play(name: str, bot: str, seed: int, inject: bool = False) -> GameState:
    """A bot's whole game; with `inject`, the facilitator fires the built-in events on the turns of INJECTED."""
    scenario = _scenario(name)
    state = rules.new_game(scenario, seed)
    player = bots.BOTS[bot](state.seed)
    first_built_in = len(injectable_events(scenario)) - len(BUILT_IN)
    while not state.over:
        if inject and state.turn in INJECTED:
            rules.apply(state, InjectEvent(first_built_in + BUILT_IN.index(INJECTED[state.turn])))
        player.play_turn(state)
        rules.end_turn(state)
    return state


def cases() -> list[tuple[str, str, int, bool]]:
    games = [(name, bot, seed, False) for name in SHIPPED for bot in BOTS for seed in SEEDS]
    games += [("crowd", bot, 0, False) for bot in BOTS]
    games += [(name, "mixed", 0, True) for name in ("retail-app-outage", "crowd")]
    return games


def key(name: str, bot: str, seed: int, inject: bool) -> str:
    return f"{name}/{bot}/{seed}" + ("/injected" if inject else "")


def pin(state: GameState) -> dict:
    return {"score": score(state), "log": len(state.log), "hash": state_hash(state)}


def _pins() -> dict:
    return json.loads(PINS.read_text(encoding="utf-8"))


def test_pins_were_recorded_under_the_current_rules():
    assert _pins()["save_format"] == SAVE_FORMAT, "the rules changed: regenerate the pins (see the module docstring)"


@pytest.mark.parametrize("case", cases(), ids=lambda case: key(*case))
def test_a_game_plays_exactly_as_pinned(case):
    state = play(*case)
    assert pin(state) == _pins()["games"][key(*case)]
    again = replay(state.scenario, save_record(state))
    assert state_hash(again) == state_hash(state)


def write_pins() -> None:
    games = {key(*case): pin(play(*case)) for case in cases()}
    PINS.write_text(json.dumps({"save_format": SAVE_FORMAT, "games": games}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__" and "--write" in sys.argv:
    write_pins()
