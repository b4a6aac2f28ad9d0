"""Soak test: thousands of seeded bot games across every shipped scenario and every bot, checking invariants.

Run from the repository root: ``python bench/soak.py [--games 2000] [--jobs N]``.
Game i plays scenario i mod S with bot (i // S) mod B and seed ``--seed + i``,
so every run is reproducible and a failure names the game to replay. After
the start and after every move phase and every resolved turn it checks: every
fidelity in [0, 1], someone who knows a signal has fidelity > 0, action
points never negative (now, and at their lowest during the turn), a finite
score with finite points per signal, and an end within the scenario's turns.

Prints one JSON object: games, exceptions, invariant_violations, games per
second (wall time over all jobs), the first failures with their scenario,
bot and seed, and any shipped scenario that did not load (skipped). Exits 1
when any game raised or broke an invariant. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.core import bots, rules, scoring  # noqa: E402
from game.core.errors import ScenarioError  # noqa: E402
from game.core.model import Scenario  # noqa: E402
from game.core.state import GameState  # noqa: E402
from game.scenario.loader import load_scenario  # noqa: E402
from game.scenario.shipped import shipped_scenarios  # noqa: E402

CHUNK = 25  # games per task sent to a worker process
SHOWN = 5  # failures listed in the output


@cache
def scenario_at(path: str) -> Scenario:
    return load_scenario(path)


def violations(state: GameState, when: str) -> list[str]:
    """Every broken invariant of `state`, as sentences."""
    found = []
    if not np.all((state.fidelity >= 0.0) & (state.fidelity <= 1.0)):
        found.append(f"{when}: fidelity outside [0, 1]")
    if not np.all(state.fidelity[state.knows] > 0.0):
        found.append(f"{when}: someone knows a signal with fidelity 0")
    if state.action_points < 0 or state.min_action_points < 0:
        found.append(f"{when}: negative action points")
    if not math.isfinite(scoring.score(state)) or not all(math.isfinite(o.points) for o in scoring.outcomes(state)):
        found.append(f"{when}: score is not finite")
    return found


def play_checked(scenario: Scenario, bot: str, seed: int) -> list[str]:
    """Play one game turn by turn; the invariants it broke (empty when all held)."""
    state = rules.new_game(scenario, seed)
    player = bots.BOTS[bot](state.seed)
    broken = violations(state, "start")
    turns = 0
    while not state.over and not broken:
        if turns >= scenario.turns:
            return [f"did not end after {scenario.turns} turns"]
        player.play_turn(state)
        broken += violations(state, f"turn {state.turn} after the moves")
        rules.end_turn(state)
        turns += 1
        broken += violations(state, f"turn {state.turn} after resolution")
    return broken


def play_chunk(games: list[tuple[str, str, int]]) -> dict:
    """Worker: play a list of (scenario path, bot, seed); count games and keep failures."""
    failures, exceptions, broken = [], 0, 0
    for path, bot, seed in games:
        where = {"scenario": Path(path).name, "bot": bot, "seed": seed}
        try:
            problems = play_checked(scenario_at(path), bot, seed)
        except Exception as error:  # noqa: BLE001 - counting every crash is the point of a soak test
            exceptions += 1
            failures.append(where | {"exception": "".join(traceback.format_exception_only(error)).strip()})
            continue
        if problems:
            broken += 1
            failures.append(where | {"invariants": problems[:3]})
    return {"games": len(games), "exceptions": exceptions, "violations": broken, "failures": failures[:SHOWN]}


def loadable() -> tuple[list[str], dict[str, str]]:
    paths, skipped = [], {}
    for path in shipped_scenarios():
        try:
            load_scenario(path)
        except ScenarioError as error:
            skipped[path.name] = str(error.problems[0])
            continue
        paths.append(str(path))
    return paths, skipped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=2000, help="number of games (default 2000)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the first game (default 0)")
    args = parser.parse_args()
    paths, skipped = loadable()
    if not paths:
        print(json.dumps({"error": "no shipped scenario loads", "skipped": skipped}))
        return 1
    names = list(bots.BOTS)
    plan = [(paths[i % len(paths)], names[(i // len(paths)) % len(names)], args.seed + i) for i in range(args.games)]
    chunks = [plan[i : i + CHUNK] for i in range(0, len(plan), CHUNK)]
    totals = {"games": 0, "exceptions": 0, "violations": 0, "failures": []}
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=max(args.jobs, 1)) as pool:
        for result in pool.map(play_chunk, chunks):
            for key in ("games", "exceptions", "violations"):
                totals[key] += result[key]
            totals["failures"] += result["failures"]
            print(f"\r{totals['games']}/{len(plan)} games", end="", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - start
    print(file=sys.stderr)
    report = {
        "games": totals["games"],
        "exceptions": totals["exceptions"],
        "invariant_violations": totals["violations"],
        "games_per_second": round(totals["games"] / seconds, 1),
        "seconds": round(seconds, 1),
        "jobs": args.jobs,
        "scenarios": [Path(p).name for p in paths],
        "bots": names,
        "first_failures": totals["failures"][:SHOWN],
        "skipped_scenarios": skipped,
    }
    print(json.dumps(report, indent=1))
    return 1 if totals["exceptions"] or totals["violations"] else 0


if __name__ == "__main__":
    sys.exit(main())
