"""Benchmark of the game engine: prints one JSON object of timings (a script, never a test).

Run from the repository root: ``python bench/engine.py`` (``--quick`` for fewer samples, ``--no-million``
to skip the 1,000,000-person run, which takes minutes to generate). Organisations of about 1,000 to
1,000,000 people are written as `generate` blocks with span 8, a small-world network of mean degree 10,
three signals, one appearing at a leaf and needing a skill held by about 1% of staff. Every time is taken
on two clocks, thread CPU (`time.thread_time`, what the engine itself costs on one core, steady on a
shared machine) and wall (`time.perf_counter`), and summarised as median, p90 and max. Figures:

* ``turn_ms``: one full `mixed` turn (its `play_turn` then `rules.end_turn`), per size.
* ``turn_ms_heavy``: the same, on a forced heavy turn: 1% of staff heard the main signal on the
  network last turn (so they relay it now) and an all-hands broadcast of it goes to everyone.
* ``games_per_second``: whole `mixed` games on game/scenarios/retail-app-outage.yaml, loading excluded.
* ``growth``: the median CPU time of a `mixed` turn from 10,000 to 1,000,000 people, per 100,000
  people (flat when growth is linear), and the peak memory of the 1,000,000-person run (its own process).
* ``targets``: each goal of the engine beside the figure it is judged on.

Progress goes to stderr; stdout holds only the JSON object.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.core import bots, rules  # noqa: E402
from game.core.model import Scenario  # noqa: E402
from game.core.scoring import score  # noqa: E402
from game.core.spread import learn  # noqa: E402
from game.core.state import VIA_NETWORK, GameState, Publication  # noqa: E402
from game.scenario import budget, schema  # noqa: E402
from game.scenario.loader import load_scenario, load_scenario_text  # noqa: E402

SIZES = (1_000, 10_000, 100_000)  # people in the organisation, roughly
GROWTH_SIZES = (10_000, 100_000, 1_000_000)
EXPLICIT_PEOPLE = 6  # people written out in the scenario text
SPAN = 8  # most direct reports per generated team leader
LEADER_SHARE = 1 / (SPAN - 1)  # extra team leaders per generated person, about
RARE_SKILL_SHARE = 0.01  # share of staff able to exploit the main signal
BLOCK = 150_000  # most people per `generate` block (a file allows 200,000)
HEAVY_SPREADERS = 0.01  # share of staff relaying the main signal on a heavy turn
HEAVY_AFTER = 3  # ordinary turns played before the forced heavy one
MAIN_SIGNAL, ALL_HANDS, CEO = 0, 1, 0  # indices in the benchmark scenario
EXAMPLE = ROOT / "game" / "scenarios" / "retail-app-outage.yaml"
GOALS = {  # figure -> (goal, limit): the engine's speed targets
    "mixed turn at 100,000 people, median CPU ms": ("< 1 ms", 1.0),
    "heavy turn at 100,000 people, median CPU ms": ("< 5 ms", 5.0),
    "mixed games per CPU second on the example": (">= 1,000", 1000.0),
    "turn CPU ms per 100,000 people, 1,000,000 vs 10,000 people": ("<= 2x (linear growth)", 2.0),
    "peak memory at 1,000,000 people, MB": ("< 1,536 MB", 1536.0),
}

MEAN_DEGREE = 10  # informal ties per person in the benchmark organisations

SCENARIO_TEMPLATE = """\
format: 1
id: bench-{size}
title: Engine benchmark, {size} people
turns: 30
action_points: 3
seed: 1
visibility: {{network: hidden, skills: hidden}}
organization:
  departments:
    - {{id: exec, name: Executive}}
    - {{id: comms, name: Communication}}
    - {{id: ops, name: Operations}}
    - {{id: product, name: Product}}
  people:
    - {{id: ceo, name: Chief executive, department: exec, spokesperson: true}}
    - {{id: comms_lead, name: Head of communication, department: comms, manager: ceo, spokesperson: true}}
    - {{id: head_ops, name: Head of operations, department: ops, manager: ceo}}
    - {{id: cpo, name: Chief product officer, department: product, manager: ceo}}
    - {{id: store, name: Store manager, department: ops, manager: head_ops}}
    - {{id: associate, name: Sales associate, department: ops, manager: store, skills: [customer]}}
  generate:
{blocks}  network:
    model: small_world
    mean_degree: {mean_degree}
    rewire: 0.1
    homophily: 0.75
    communities:
      - {{id: data_club, name: Data club, topics: [data], members: {{departments: [product]}}}}
validation:
  - {{id: review, by: comms_lead, delay: 2}}
channels:
  - {{id: team_meeting, kind: team_meeting, every: 5, offset: 1, attention: 0.8}}
  - {{id: all_hands, kind: broadcast, audience: all, every: 10, offset: 5, attention: 0.3,
     publishers: [ceo], validation: review}}
signals:
  - id: app_bug
    appears: {{turn: 1, at: associate}}
    topics: [mobile_app, customer]
    decay: 0.05
    virality: 0.2
    exploit: {{skills: [mobile_app], min_fidelity: 0.5, approval: {{level: 1}}, effort: 2}}
  - id: rumour
    genuine: false
    appears: {{turn: 2, at: store}}
    topics: [customer]
    decay: 0.0
    virality: 0.3
    exploit: {{skills: [customer], min_fidelity: 0.3, effort: 1}}
  - id: data_leak
    appears: {{turn: 3, at: cpo}}
    topics: [data]
    decay: 0.03
    exploit: {{skills: [data], effort: 3}}
competitor:
  style: hierarchical
  reaction: {{app_bug: {{mean: 14, spread: 3}}}}
"""


def scenario_text(size: int) -> str:
    """A scenario whose organisation has about `size` people."""
    generated = max(int((size - EXPLICIT_PEOPLE) / (1 + LEADER_SHARE)), 2)
    ops = generated * 3 // 5
    blocks = _blocks("head_ops", "ops", "Operations staff", f"{{customer: 0.3, mobile_app: {RARE_SKILL_SHARE}}}", ops)
    blocks += _blocks("cpo", "product", "Engineer", f"{{mobile_app: {RARE_SKILL_SHARE}, data: 0.2}}", generated - ops)
    return SCENARIO_TEMPLATE.format(size=size, blocks=blocks, mean_degree=MEAN_DEGREE)


def _blocks(under: str, department: str, title: str, skills: str, count: int) -> str:
    """`generate` entries for `count` people, split into blocks a scenario file accepts."""
    sizes = [BLOCK] * (count // BLOCK) + ([count % BLOCK] if count % BLOCK else [])
    return "".join(
        f"    - {{under: {under}, count: {n}, span: {SPAN}, department: {department}, title: {title},\n"
        f"       skills: {skills}}}\n"
        for n in sizes
    )


def load_size(size: int) -> Scenario:
    """The benchmark scenario of about `size` people (past a file's caps on people, ties and memory when asked).

    The caps protect the game from hostile files; the engine itself is measured beyond them.
    """
    people = size + EXPLICIT_PEOPLE
    schema.MAX_PEOPLE = max(schema.MAX_PEOPLE, people)
    budget.MAX_TIES = max(budget.MAX_TIES, people * MEAN_DEGREE // 2)
    budget.MEMORY_BUDGET = max(budget.MEMORY_BUDGET, people * 4 * budget.PERSON_BYTES)
    return load_scenario_text(scenario_text(size), f"<bench-{size}>")


def summary(seconds: list[float]) -> dict:
    ms = np.array(seconds) * 1000
    return {
        "median": round(float(np.median(ms)), 3),
        "p90": round(float(np.percentile(ms, 90)), 3),
        "max": round(float(ms.max()), 3),
    }


def timed(run: Callable[[], object], cpu: list[float], wall: list[float]) -> None:
    start_cpu, start_wall = time.thread_time(), time.perf_counter()
    run()
    cpu.append(time.thread_time() - start_cpu)
    wall.append(time.perf_counter() - start_wall)


def play_turn(state: GameState, player: bots.Bot) -> None:
    player.play_turn(state)
    rules.end_turn(state)


def turn_times(scenario: Scenario, samples: int) -> tuple[list[float], list[float]]:
    """CPU and wall seconds per full `mixed` turn, from as many games as needed."""
    cpu: list[float] = []
    wall: list[float] = []
    seed = 0
    while len(cpu) < samples:
        state = rules.new_game(scenario, seed)
        player = bots.BOTS["mixed"](state.seed)
        while not state.over:
            timed(lambda: play_turn(state, player), cpu, wall)  # noqa: B023 - called at once
        seed += 1
    return cpu, wall


def force_heavy_turn(state: GameState, rng: np.random.Generator) -> None:
    """1% of staff heard the main signal on the network last turn, and the CEO's all-hands carries it now."""
    spreaders = rng.choice(state.size, max(int(state.size * HEAVY_SPREADERS), 1), replace=False)
    learn(state, MAIN_SIGNAL, spreaders, 0.9, VIA_NETWORK, CEO)
    state.spreading[MAIN_SIGNAL, spreaders] = True
    state.publications.append(Publication(MAIN_SIGNAL, CEO, ALL_HANDS, 1.0, state.turn))


def heavy_turn_times(scenario: Scenario, samples: int) -> tuple[list[float], list[float]]:
    """CPU and wall seconds of one forced heavy turn per game, after a few ordinary ones."""
    cpu: list[float] = []
    wall: list[float] = []
    rng = np.random.default_rng(0)
    for seed in range(samples):
        state = rules.new_game(scenario, seed)
        player = bots.BOTS["mixed"](state.seed)
        for _ in range(HEAVY_AFTER):
            play_turn(state, player)
        if state.over:
            continue
        force_heavy_turn(state, rng)
        timed(lambda: play_turn(state, player), cpu, wall)  # noqa: B023 - called at once
    return cpu, wall


def time_size(size: int, samples: int) -> dict:
    start = time.perf_counter()
    scenario = load_size(size)
    loaded = time.perf_counter() - start
    cpu, wall = turn_times(scenario, samples)
    heavy_cpu, heavy_wall = heavy_turn_times(scenario, samples)
    figures = {
        "people": scenario.org.size,
        "turn_ms": {"cpu": summary(cpu), "wall": summary(wall)},
        "turn_ms_heavy": {"cpu": summary(heavy_cpu), "wall": summary(heavy_wall)},
    }
    progress(
        f"{scenario.org.size:>9} people, {len(scenario.network.indices) // 2} ties, loaded in {loaded:.1f} s: "
        f"turn {figures['turn_ms']['cpu']['median']} ms CPU, heavy {figures['turn_ms_heavy']['cpu']['median']} ms CPU"
    )
    return figures


def play_and_score(scenario: Scenario, games: int) -> list[float]:
    """Play and score whole games, keeping the scores, as `balance` keeps a summary and not the finished state.

    Holding hundreds of finished states alive would time Python's garbage collector walking them too.
    """
    return [score(bots.play_game(scenario, seed, "mixed")) for seed in range(games)]


def games_per_second(games: int, batches: int) -> dict:
    """Whole `mixed` games per second on the example: the median of `batches` batches, per clock."""
    scenario = load_scenario(EXAMPLE)
    cpu: list[float] = []
    wall: list[float] = []
    for _ in range(batches):
        timed(lambda: play_and_score(scenario, games), cpu, wall)
    rates = {"cpu": round(games / statistics.median(cpu), 1), "wall": round(games / statistics.median(wall), 1)}
    progress(f"{games} mixed games x {batches} on {scenario.id}: {rates['cpu']} games per CPU second")
    return rates


def growth(samples: int, million: bool) -> dict:
    """Median CPU ms of a `mixed` turn per size, each in its own process so its peak memory is its own."""
    sizes = GROWTH_SIZES if million else GROWTH_SIZES[:-1]
    runs = {str(size): _child_run(size, samples) for size in sizes}
    per_100k = {size: round(run["turn_ms_cpu"] * 100_000 / run["people"], 3) for size, run in runs.items()}
    return {"runs": runs, "turn_cpu_ms_per_100k_people": per_100k}


def _child_run(size: int, samples: int) -> dict:
    progress(f"growth: {size:,} people in a fresh process...")
    command = [sys.executable, __file__, "--one-size", str(size), "--samples", str(samples)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def one_size(size: int, samples: int) -> dict:
    """The growth figures of one size, measured in this process: people, median CPU ms per turn, peak memory."""
    scenario = load_size(size)
    cpu, _ = turn_times(scenario, samples)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    return {
        "people": scenario.org.size,
        "turn_ms_cpu": round(statistics.median(cpu) * 1000, 3),
        "peak_mb": round(peak_mb),
    }


def targets(result: dict) -> list[dict]:
    """Each goal beside its figure; `met` is None when the figure was not measured."""
    at_100k = result["sizes"].get("100000", {})
    runs = result["growth"]["runs"]
    per_100k = result["growth"]["turn_cpu_ms_per_100k_people"]
    values = {
        "mixed turn at 100,000 people, median CPU ms": at_100k.get("turn_ms", {}).get("cpu", {}).get("median"),
        "heavy turn at 100,000 people, median CPU ms": at_100k.get("turn_ms_heavy", {}).get("cpu", {}).get("median"),
        "mixed games per CPU second on the example": result["games_per_second"]["cpu"],
        "turn CPU ms per 100,000 people, 1,000,000 vs 10,000 people": (
            round(per_100k["1000000"] / per_100k["10000"], 2) if "1000000" in per_100k else None
        ),
        "peak memory at 1,000,000 people, MB": runs.get("1000000", {}).get("peak_mb"),
    }
    rows = []
    for figure, (goal, limit) in GOALS.items():
        value = values[figure]
        met = None if value is None else (value >= limit if goal.startswith(">=") else value <= limit)
        rows.append({"figure": figure, "value": value, "goal": goal, "met": met})
    return rows


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Time the engine; prints one JSON object.")
    parser.add_argument("--quick", action="store_true", help="fewer samples, for a smoke run")
    parser.add_argument("--no-million", action="store_true", help="skip the 1,000,000-person growth run")
    parser.add_argument("--one-size", type=int, help=argparse.SUPPRESS)  # a growth run's own process
    parser.add_argument("--samples", type=int, default=20, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one_size:
        print(json.dumps(one_size(args.one_size, args.samples)))
        return
    samples, games, batches = (5, 30, 3) if args.quick else (20, 200, 7)
    sizes = {str(size): time_size(size, samples) for size in SIZES}
    result = {
        "turn_ms": {size: figures["turn_ms"] for size, figures in sizes.items()},
        "turn_ms_heavy": {size: figures["turn_ms_heavy"] for size, figures in sizes.items()},
        "games_per_second": games_per_second(games, batches),
        "growth": growth(samples, million=not args.no_million),
    }
    result["targets"] = targets({**result, "sizes": sizes})
    print(json.dumps(result))


if __name__ == "__main__":
    main()
