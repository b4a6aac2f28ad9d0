"""The end-of-game summary printed by `play` and `replay`: one dict, shown as text or as JSON.

Both commands build the summary with `summarize` and print it with
`render`, so a replay prints exactly what the original game printed.
"""

from __future__ import annotations

import json

import numpy as np

from game.core import scoring
from game.core.scoring import SignalOutcome
from game.core.state import GameState

LANGUAGE = "en"  # language of the command line's texts


def turns_played(state: GameState) -> int:
    """Turns resolved so far (the turn counter already points at the next turn)."""
    return state.turn - 1


def summarize(state: GameState, bot: str | None) -> dict:
    """Everything the summary shows, as plain JSON-ready data."""
    scenario = state.scenario
    return {
        "scenario": scenario.id,
        "title": scenario.title.get(LANGUAGE),
        "seed": int(state.seed),
        "bot": bot,
        "turns": turns_played(state),
        "max_turns": scenario.turns,
        "over": bool(state.over),
        "score": scoring.score(state),
        "signals": [_signal_entry(state, outcome) for outcome in scoring.outcomes(state)],
    }


def _signal_entry(state: GameState, outcome: SignalOutcome) -> dict:
    entry = outcome.to_dict()
    signal = state.scenario.signals[state.scenario.signal_index(outcome.id)]
    entry["title"] = signal.title.get(LANGUAGE)
    return entry


def render(summary: dict, as_json: bool) -> str:
    """The summary as one JSON object on one line (ASCII, safe on any console), or as readable lines."""
    if as_json:
        return json.dumps(summary, default=_plain)
    return "\n".join(text_lines(summary))


def _plain(value: object) -> object:
    """JSON fallback for numpy scalars that slipped into the summary."""
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def text_lines(summary: dict) -> list[str]:
    lines = [
        f"{summary['title']} ({summary['scenario']})",
        f"Seed {summary['seed']}, bot {summary['bot'] or 'unknown'}: "
        f"{summary['turns']} of {summary['max_turns']} turns played.",
    ]
    for signal in summary["signals"]:
        lines.append(f"  {signal['title']}: {headline(signal)}, {_points(signal['points'])}")
    lines.append(f"Total score: {summary['score']:g}")
    return lines


def headline(signal: dict) -> str:
    """What a player reads first about a signal: "won by 3 turns", "beaten by 2 turns", ..."""
    exploited, rival, margin = signal["exploited_turn"], signal["competitor_turn"], signal["margin"]
    if exploited is not None and not signal.get("genuine", True):
        return f"a rumour was exploited on turn {exploited}"
    if signal.get("exposed"):
        return "rumour exposed"
    if exploited is None:
        return "not exploited" if rival is None else f"not exploited (the competitor did on turn {rival})"
    if margin is None:
        return f"won (exploited on turn {exploited}, the competitor never did)"
    if margin > 0:
        return f"won by {_turns(margin)}"
    if margin == 0:
        return "tied with the competitor (same turn)"
    return f"beaten by {_turns(-margin)}"


def _turns(count: int) -> str:
    return f"{count} turn" if count == 1 else f"{count} turns"


def _points(points: float) -> str:
    return f"{points:g} point" if abs(points) == 1 else f"{points:g} points"
