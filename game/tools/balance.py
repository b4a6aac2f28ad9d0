"""`balance`: play many seeded games with every reference bot, in parallel processes, and keep one record per game.

Each worker process loads the scenario once. Seeds are fixed and results are
gathered in (bot, seed) order, so the figures are the same whatever the
number of processes.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from game.core.actions import Action, EndTurn, InjectEvent
from game.core.bots import BOTS, play_game
from game.core.derived import derived
from game.core.model import Scenario
from game.core.scoring import outcomes
from game.scenario.loader import load_scenario

CHUNK = 25  # games per task: big enough to amortise the hand-off, small enough to share the work
_WORKER_SCENARIO: Scenario | None = None  # the scenario each worker process loaded once


@dataclass(frozen=True)
class SignalRun:
    """One signal in one game."""

    won: bool
    exploited: bool
    margin: int  # rival's turn - team's turn; a side that never exploits counts as turns + 1
    points: float
    reached: bool  # somebody able to exploit it learnt it
    exploit_turn: int | None  # the turn the team exploited it, None when it never did
    fidelity: float | None  # fidelity of what the team exploited, None when it never did


@dataclass(frozen=True)
class GameRun:
    """One game: the bot, the seed, the score, how long it lasted and each signal."""

    bot: str
    seed: int
    score: float
    signals: tuple[SignalRun, ...]
    turns: int  # turns played (the game ends early once every signal is settled)
    idle_turns: int  # turns in which the team made no move


def play_runs(
    path: Path,
    runs: int,
    jobs: int = 1,
    seed_start: int = 0,
    progress: TextIO | None = None,
    bots: list[str] | None = None,
) -> list[GameRun]:
    """`runs` games per bot (default every reference bot) on seeds seed_start.., in (bot, seed) order."""
    bots = list(BOTS) if bots is None else [b for b in BOTS if b in bots]
    tasks = [(bot, list(range(s, min(s + CHUNK, seed_start + runs)))) for bot in bots
             for s in range(seed_start, seed_start + runs, CHUNK)]  # fmt: skip
    bar = Progress(len(bots) * runs, progress)
    results: list[GameRun] = []
    if jobs <= 1:
        scenario = load_scenario(path)
        for bot, seeds in tasks:
            results += bar.advance(_play_chunk(scenario, bot, seeds))
    else:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_load_once, initargs=(str(path),)) as pool:
            for chunk in pool.map(_worker_chunk, tasks):
                results += bar.advance(chunk)
    bar.close()
    return results


def _load_once(path: str) -> None:
    global _WORKER_SCENARIO
    _WORKER_SCENARIO = load_scenario(path)


def _worker_chunk(task: tuple[str, list[int]]) -> list[GameRun]:
    assert _WORKER_SCENARIO is not None, "the worker initializer loads the scenario"
    return _play_chunk(_WORKER_SCENARIO, *task)


def _play_chunk(scenario: Scenario, bot: str, seeds: list[int]) -> list[GameRun]:
    return [play_one(scenario, bot, seed) for seed in seeds]


def play_one(scenario: Scenario, bot: str, seed: int) -> GameRun:
    """Play one game and keep what the balance table needs."""
    state = play_game(scenario, seed, bot)
    capable = derived(scenario).capable
    after_last = scenario.turns + 1
    signals = []
    for s, outcome in enumerate(outcomes(state)):
        team = outcome.exploited_turn if outcome.exploited_turn is not None else after_last
        rival = outcome.competitor_turn if outcome.competitor_turn is not None else after_last
        reached = bool((state.knows[s] & capable[s]).any())
        signals.append(
            SignalRun(
                outcome.won,
                outcome.exploited_turn is not None,
                rival - team,
                outcome.points,
                reached,
                outcome.exploited_turn,
                outcome.fidelity,
            )
        )
    turns, idle = count_turns(state.actions)
    return GameRun(bot, seed, round(sum(r.points for r in signals), 2), tuple(signals), turns, idle)


def count_turns(actions: list[Action]) -> tuple[int, int]:
    """(turns played, turns with no move) from an action log: each EndTurn closes a turn.

    A facilitator's InjectEvent is not a move of the team.
    """
    turns = idle = 0
    moved = False
    for action in actions:
        if isinstance(action, EndTurn):
            turns += 1
            idle += not moved
            moved = False
        elif not isinstance(action, InjectEvent):
            moved = True
    return turns, idle


class Progress:
    """A one-line progress bar on a terminal stream (silent when it is not a terminal)."""

    WIDTH = 30  # characters of the bar

    def __init__(self, total: int, stream: TextIO | None):
        self.total, self.done = total, 0
        self.stream = stream if stream is not None and _is_terminal(stream) else None

    def advance(self, chunk: list[GameRun]) -> list[GameRun]:
        self.done += len(chunk)
        if self.stream is not None:
            filled = self.WIDTH * self.done // max(self.total, 1)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} games")
            self.stream.flush()
        return chunk

    def close(self) -> None:
        if self.stream is not None:
            self.stream.write("\n")


def _is_terminal(stream: TextIO) -> bool:
    isatty: Callable[[], bool] | None = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
