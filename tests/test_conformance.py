"""Conformance: every shipped scenario, played by every reference bot on a few seeds.

Each game must end within the scenario's turns, keep the state's invariants
after every move and every turn, replay from its save record to the same
fingerprint, and be deterministic for a given (scenario, seed, bot).
"""

from __future__ import annotations

import json
import math
from functools import cache

import numpy as np
import pytest

from game.core import bots, replay, rules, scoring
from game.core.model import Scenario
from game.core.state import GameState
from game.scenario.loader import load_scenario
from game.scenario.shipped import shipped_scenarios

SEEDS = (0, 1, 2024)
SHIPPED = {path.stem: path for path in shipped_scenarios()}


@cache
def scenario_named(name: str) -> Scenario:
    return load_scenario(SHIPPED[name])


def check_invariants(state: GameState) -> None:
    where = f"turn {state.turn}"
    assert np.all((state.fidelity >= 0.0) & (state.fidelity <= 1.0)), f"{where}: fidelity outside [0, 1]"
    assert np.all(state.fidelity[state.knows] > 0.0), f"{where}: someone knows a signal with no fidelity"
    assert np.all(state.fidelity[~state.knows] == 0.0), f"{where}: fidelity where nobody knows"
    assert state.action_points >= 0, f"{where}: negative action points"
    assert state.min_action_points >= 0, f"{where}: action points went negative during the turn"
    assert math.isfinite(scoring.score(state)), f"{where}: score is not finite"
    assert all(math.isfinite(o.points) for o in scoring.outcomes(state))


def play_checked(scenario: Scenario, seed: int, bot_name: str) -> tuple[GameState, int]:
    """Play turn by turn, checking invariants; return the final state and the turns resolved."""
    state = rules.new_game(scenario, seed)
    player = bots.BOTS[bot_name](state.seed)
    check_invariants(state)
    turns = 0
    while not state.over:
        assert turns < scenario.turns, f"the game did not end after {scenario.turns} turns"
        player.play_turn(state)
        check_invariants(state)
        rules.end_turn(state)
        turns += 1
        check_invariants(state)
    return state, turns


def test_there_are_shipped_scenarios():
    assert "retail-app-outage" in SHIPPED


@pytest.mark.parametrize("bot_name", sorted(bots.BOTS))
@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_bot_games_conform(name: str, bot_name: str):
    scenario = scenario_named(name)
    for seed in SEEDS:
        state, turns = play_checked(scenario, seed, bot_name)
        assert 1 <= turns <= scenario.turns
        assert turns + 1 <= state.turn <= scenario.turns + 1  # turns with nothing to decide play out by themselves

        record = json.loads(json.dumps(replay.save_record(state)))  # through JSON, like a save file
        replayed = replay.replay(scenario, record)
        assert replayed.fingerprint() == state.fingerprint(), f"seed {seed}: replay differs"
        assert replayed.over

        again = bots.play_game(scenario, seed, bot_name)
        assert again.fingerprint() == state.fingerprint(), f"seed {seed}: same inputs, different game"
        assert [o.to_dict() for o in scoring.outcomes(again)] == [o.to_dict() for o in scoring.outcomes(state)]


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_seeds_matter(name: str):
    """Different seeds give different games (the randomness is really used)."""
    scenario = scenario_named(name)
    prints = {bots.play_game(scenario, seed, "random").fingerprint() for seed in SEEDS}
    assert len(prints) > 1
