"""The end-of-game summary printed by `play` and `replay`: one dict, shown as text or as JSON.

Both commands build the summary with `summarize` and print it with
`render`, so a replay prints exactly what the original game printed. Titles
and names come from files: each is printed on its one line, escaped.
"""

from __future__ import annotations

import json

import numpy as np

from game.cli.terminal import one_line
from game.core import scoring
from game.core.scoring import SignalOutcome
from game.core.state import GameState
from game.core.text import DEFAULT_LANGUAGE
from game.i18n import Translator


def turns_played(state: GameState) -> int:
    """Turns resolved so far (the turn counter already points at the next turn)."""
    return state.turn - 1


def summarize(state: GameState, bot: str | None, language: str = DEFAULT_LANGUAGE) -> dict:
    """Everything the summary shows, as plain JSON-ready data."""
    scenario = state.scenario
    return {
        "scenario": scenario.id,
        "title": scenario.title.get(language),
        "seed": int(state.seed),
        "bot": bot,
        "turns": turns_played(state),
        "max_turns": scenario.turns,
        "over": bool(state.over),
        "score": scoring.score(state),
        "signals": [_signal_entry(state, outcome, language) for outcome in scoring.outcomes(state)],
    }


def _signal_entry(state: GameState, outcome: SignalOutcome, language: str) -> dict:
    entry = outcome.to_dict()
    signal = state.scenario.signals[state.scenario.signal_index(outcome.id)]
    entry["title"] = signal.title.get(language)
    return entry


def render(summary: dict, as_json: bool, language: str = DEFAULT_LANGUAGE) -> str:
    """The summary as one JSON object on one line (ASCII, safe on any console), or as readable lines."""
    if as_json:
        return json.dumps(summary, default=_plain)
    return "\n".join(text_lines(summary, language))


def _plain(value: object) -> object:
    """JSON fallback for numpy scalars that slipped into the summary."""
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def text_lines(summary: dict, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """The summary as readable lines in `language` (titles come from the scenario's texts)."""
    tr = Translator(language).tr
    bot = summary["bot"] or tr("cli.summary.unknown_bot")
    lines = [
        f"{one_line(summary['title'])} ({summary['scenario']})",
        tr(
            "cli.summary.seed",
            seed=str(summary["seed"]),
            bot=one_line(bot),
            turns=summary["turns"],
            max_turns=summary["max_turns"],
        ),
    ]
    for signal in summary["signals"]:
        lines.append(
            tr(
                "cli.summary.signal",
                title=one_line(signal["title"]),
                headline=headline(signal, tr),
                points=signal["points"],
            )
        )
    lines.append(tr("cli.summary.total", score=summary["score"]))
    return lines


def headline(signal: dict, tr) -> str:
    """What a player reads first about a signal: "won by 3 turns", "beaten by 2 turns", ..."""
    exploited, rival, margin = signal["exploited_turn"], signal["competitor_turn"], signal["margin"]
    if exploited is not None and not signal.get("genuine", True):
        return tr("cli.headline.rumour_exploited", turn=exploited)
    if signal.get("exposed"):
        return tr("cli.headline.rumour_exposed")
    if exploited is None:
        return tr("cli.headline.not_exploited") if rival is None else tr("cli.headline.rival_only", turn=rival)
    if margin is None:
        return tr("cli.headline.won_alone", turn=exploited)
    if margin > 0:
        return tr("cli.headline.won_by", turns=margin)
    if margin == 0:
        return tr("cli.headline.tied")
    return tr("cli.headline.beaten_by", turns=-margin)
