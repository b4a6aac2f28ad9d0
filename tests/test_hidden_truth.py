"""Nothing gives a rumour away: flip `genuine` and the team sees the same game until the truth comes out.

The truth comes out when the signal is validated (or exposed), exploited, or
the rival moves on it. Before that, the two games must be identical from the
team's side: the log, who knows what and how faithfully, the rival's
estimate, and every move every reference bot makes.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core import bots, rules
from game.core.competitor import rival_window
from game.core.model import Scenario
from game.core.state import NOT_YET, GameState
from game.scenario.loader import load_scenario
from game.scenario.shipped import shipped_scenarios

SMALL = [p for p in shipped_scenarios() if p.stem != "industrial-group"]  # the 2,300-person one is slow to replay


def flipped(scenario: Scenario, signal: int) -> Scenario:
    """The same scenario where only `genuine` of one signal is turned around."""
    signals = list(scenario.signals)
    signals[signal] = dataclasses.replace(signals[signal], genuine=not signals[signal].genuine)
    return dataclasses.replace(scenario, signals=tuple(signals))


def revealed(state: GameState, signal: int) -> bool:
    return bool(
        state.validated[signal]
        or state.exposed[signal]
        or state.faded[signal]
        or state.exploit_done[signal] != NOT_YET
        or state.competitor_done[signal] != NOT_YET
    )


def team_view(state: GameState) -> tuple:
    """What a team sees of the game (the log's words, who knows what, the rival's estimates, its points)."""
    return (
        state.turn,
        state.action_points,
        [(e.turn, e.kind, e.signal, e.person, e.count, e.text.get("en")) for e in state.log],
        state.knows.tobytes(),
        state.fidelity.round(12).tobytes(),
        [rival_window(state, s) for s in range(len(state.scenario.signals))],
        [repr(a) for a in state.actions],
    )


def assert_same_until_revealed(scenario: Scenario, signal: int, seed: int, bot: str) -> int:
    """Play the scenario and its flip side by side; return the turn the truth came out (or the last turn)."""
    games = [rules.new_game(s, seed) for s in (scenario, flipped(scenario, signal))]
    players = [bots.BOTS[bot](seed) for _ in games]
    while not any(g.over for g in games):
        for player, game in zip(players, games):
            player.play_turn(game)
        assert team_view(games[0]) == team_view(games[1]), f"turn {games[0].turn}: the team's moves differ"
        for game in games:
            rules.end_turn(game)
        if any(revealed(g, signal) for g in games):
            return games[0].turn
        assert team_view(games[0]) == team_view(games[1]), f"turn {games[0].turn}: what the team sees differs"
    return games[0].turn


@pytest.mark.parametrize("path", SMALL, ids=lambda p: p.stem)
@pytest.mark.parametrize("bot", sorted(bots.BOTS))
def test_turning_a_rumour_into_a_genuine_signal_changes_nothing_seen_before_the_truth_comes_out(path, bot):
    scenario = load_scenario(path)
    rumours = [i for i, s in enumerate(scenario.signals) if not s.genuine]
    assert rumours, "every shipped scenario has a rumour"
    for seed in range(3):
        for signal in rumours:
            assert_same_until_revealed(scenario, signal, seed, bot)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), bot=st.sampled_from(sorted(bots.BOTS)), which=st.integers(0, 50))
def test_the_flip_holds_for_any_seed_and_any_signal(seed, bot, which):
    scenario = _tutorial()
    signal = which % len(scenario.signals)
    assert_same_until_revealed(scenario, signal, seed, bot)


_CACHE: dict = {}


def _tutorial() -> Scenario:
    if "tutorial" not in _CACHE:
        _CACHE["tutorial"] = load_scenario(next(p for p in shipped_scenarios() if p.stem == "tutorial"))
    return _CACHE["tutorial"]


def test_the_rumour_and_its_flip_do_part_once_the_truth_is_out():
    """The check above is not vacuous: validation does tell them apart."""
    scenario = _tutorial()
    rumour = next(i for i, s in enumerate(scenario.signals) if not s.genuine)
    outcomes = set()
    for seed in range(10):
        games = [bots.play_game(s, seed, "hierarchy") for s in (scenario, flipped(scenario, rumour))]
        outcomes.add(bool(np.any(games[0].exposed != games[1].exposed)))
    assert True in outcomes
