"""Saves and replays: (scenario, seed, action log) plus a format version reproduce a game exactly."""

from __future__ import annotations

from game.core import rules
from game.core.actions import action_from_dict
from game.core.competitor import DIFFICULTY
from game.core.errors import IllegalAction
from game.core.model import Scenario
from game.core.state import GameState

SAVE_FORMAT = 2  # bump when the meaning of a save changes (2: the line keeps the calendar, urgent requests)


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


def format_problem(found: object) -> str:
    """One sentence on a save of another format: older ones were played under rules that have changed."""
    if isinstance(found, int) and not isinstance(found, bool) and 0 < found < SAVE_FORMAT:
        return (
            f"this save was played under earlier rules (save format {found}); the rules have changed since, "
            "so it cannot be replayed: play the scenario again"
        )
    return f"save format {found!r} is not one this version reads (it reads format {SAVE_FORMAT})"


def replay(scenario: Scenario, record: dict) -> GameState:
    """Rebuild a game from a save record; raises ReplayError when it does not fit the scenario."""
    if record.get("format") != SAVE_FORMAT:
        raise ReplayError(format_problem(record.get("format")))
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
