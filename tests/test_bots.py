"""The reference bots on the example scenario: the lesson is that neither pure strategy dominates."""

import numpy as np
import pytest

from game.core import rules
from game.core.bots import BOTS, play_game
from game.core.scoring import outcomes, score
from game.scenario.loader import load_scenario
from game.scenario.shipped import resolve_scenario

SEEDS = range(200)


@pytest.fixture(scope="module")
def results():
    scenario = load_scenario(resolve_scenario("retail-app-outage"))
    table = {}
    for name in ("idle", "hierarchy", "network", "mixed"):
        games = [play_game(scenario, seed, name) for seed in SEEDS]
        races = [o for game in games for o in outcomes(game) if o.genuine]
        table[name] = {"median": float(np.median([score(g) for g in games])), "races": races}
    return table


def test_mixed_beats_both_pure_strategies_on_median_score(results):
    assert results["mixed"]["median"] > results["hierarchy"]["median"]
    assert results["mixed"]["median"] > results["network"]["median"]


@pytest.mark.parametrize("bot", ["hierarchy", "network"])
def test_each_pure_strategy_wins_some_races_and_loses_others(results, bot):
    wins = sum(o.won for o in results[bot]["races"])
    assert 0 < wins < len(results[bot]["races"])


def test_doing_nothing_almost_never_wins(results):
    races = results["idle"]["races"]
    assert sum(o.won for o in races) <= 0.05 * len(races)


def test_pure_bots_keep_to_their_kind_of_move():
    scenario = load_scenario(resolve_scenario("retail-app-outage"))
    for seed in range(10):
        vertical = play_game(scenario, seed, "hierarchy").actions
        horizontal = play_game(scenario, seed, "network").actions
        assert not any(a.horizontal for a in vertical)
        assert not any(a.vertical for a in horizontal)


def test_every_bot_plays_only_legal_moves_through_the_rules():
    scenario = load_scenario(resolve_scenario("retail-app-outage"))
    for name in BOTS:
        state = play_game(scenario, 3, name)
        assert state.over and state.min_action_points >= 0
        replayed = rules.new_game(scenario, 3)
        for action in state.actions:
            rules.apply(replayed, action)
        assert replayed.fingerprint() == state.fingerprint()
