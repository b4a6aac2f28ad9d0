"""Saves and replays: (scenario, seed, action log) plus a format version reproduce a game exactly."""

from __future__ import annotations

from game.core import rules
from game.core.actions import action_from_dict
from game.core.competitor import DIFFICULTY
from game.core.errors import IllegalAction
from game.core.model import Scenario
from game.core.state import GameState

SAVE_FORMAT = 1  # bump when the meaning of a save changes


class ReplayError(Exception):
    """A save that cannot be replayed on this scenario; the message says why."""


def save_record(state: GameState) -> dict:
    """What a save file holds: enough to rebuild the game, nothing derived."""
    scenario = state.scenario
    return {
        "format": SAVE_FORMAT,
        "scenario": scenario.source or scenario.id,
        "scenario_id": scenario.id,
        "scenario_digest": scenario.digest,
        "seed": state.seed,
        "difficulty": state.difficulty,
        "actions": [action.to_dict(scenario) for action in state.actions],
    }


def replay(scenario: Scenario, record: dict) -> GameState:
    """Rebuild a game from a save record; raises ReplayError when it does not fit the scenario."""
    if record.get("format") != SAVE_FORMAT:
        raise ReplayError(f"save format {record.get('format')!r} is not supported (expected {SAVE_FORMAT})")
    if record.get("scenario_id") not in (None, scenario.id):
        raise ReplayError(f"this save is for scenario {record['scenario_id']!r}, not {scenario.id!r}")
    difficulty = record.get("difficulty", "normal")
    if difficulty not in DIFFICULTY:
        raise ReplayError(f"difficulty {difficulty!r} is not one of {', '.join(DIFFICULTY)}")
    state = rules.new_game(scenario, int(record["seed"]), difficulty)
    for number, data in enumerate(record.get("actions", []), start=1):
        try:
            rules.apply(state, action_from_dict(data, scenario))
        except (KeyError, ValueError, TypeError) as problem:
            raise ReplayError(f"action {number} ({data!r}) does not fit the scenario: {problem}") from None
        except IllegalAction as refusal:
            raise ReplayError(f"action {number} is no longer legal: {refusal.reason.get('en')}") from None
    return state
