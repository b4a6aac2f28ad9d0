"""Counterfactual games: the team's moves replayed to turn k are the original game at turn k; bots on the same seed."""

from __future__ import annotations

import pytest

from game.core import bots, rules
from game.core.actions import InjectEvent
from game.core.scoring import score
from game.debrief.compare import bot_results, what_if, what_if_state
from game.debrief.trace import replay_turns
from game.workshop.session import Session


def played_with_fingerprints(scenario, strategy):
    """A bot game, with the fingerprint of the state after each turn (index k = after k turns)."""
    state = rules.new_game(scenario, None)
    player = bots.BOTS[strategy](state.seed)
    prints = [state.fingerprint()]
    while not state.over:
        player.play_turn(state)
        rules.end_turn(state)
        prints.append(state.fingerprint())
    return state, prints


@pytest.mark.parametrize("strategy", ["hierarchy", "network", "random"])
def test_replaying_the_team_moves_to_turn_k_is_the_original_game_after_k_turns(example_scenario, strategy):
    state, prints = played_with_fingerprints(example_scenario, strategy)
    assert len(prints) > 3
    for k in range(len(prints) - 1):  # the last entry is the finished game, reached by replaying everything
        assert replay_turns(state, k).fingerprint() == prints[k], f"turn {k}"


def test_a_what_if_with_the_same_stateless_strategy_gives_back_the_same_game(example_scenario):
    state, prints = played_with_fingerprints(example_scenario, "hierarchy")
    for k in (0, 2, 4):
        assert what_if_state(state, k, "hierarchy").fingerprint() == prints[-1]


def test_a_different_strategy_from_turn_k_changes_the_game_and_reports_the_difference(example_scenario):
    state, _ = played_with_fingerprints(example_scenario, "idle")
    alternative = what_if(state, 1, "network")
    assert alternative.team_score == score(state)
    assert alternative.score != alternative.team_score
    assert alternative.difference == round(alternative.score - alternative.team_score, 2)


def test_each_bot_scores_what_it_scores_alone_on_the_same_seed(example_scenario):
    state, _ = played_with_fingerprints(example_scenario, "idle")
    for result in bot_results(state, ("idle", "hierarchy", "mixed")):
        alone = bots.play_game(example_scenario, state.seed, result.strategy)
        assert result.score == score(alone)


def test_the_facilitators_events_are_fired_again_in_the_what_if(example_scenario):
    session = Session.start(example_scenario, ["Red"], mode="solo")
    for turn in range(1, 5):
        if turn == 3:
            session.inject(len(example_scenario.events))  # the rival's push, a built-in event
        session.end_planning()
    state = session.teams[0].state
    assert any(isinstance(a, InjectEvent) for a in state.actions)
    alternative = what_if_state(state, 1, "idle")
    fired = [e.turn for e in alternative.log if e.kind == "event" and e.text == example_scenario_push(example_scenario)]
    assert fired == [3]
    assert alternative.turn == state.turn  # stopped where the team's unfinished game stands


def example_scenario_push(scenario):
    from game.core.events import injectable_events

    return injectable_events(scenario)[len(scenario.events)].text
