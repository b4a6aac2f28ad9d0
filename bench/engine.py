"""Benchmark of the game engine: prints one JSON object of timings (a script, never a test).

Run from the repository root: ``python bench/engine.py`` (``--quick`` for
fewer samples). Two figures:

* ``turn_ms``: for organisations of about 1,000, 10,000 and 100,000 people
  (a few explicit people plus `generate` blocks with span 8, a small-world
  network of mean degree 10, three signals, one appearing at a leaf and
  needing a skill held by about 1% of staff), the median wall time in
  milliseconds of one full turn played by the `mixed` bot (its `play_turn`
  then `rules.end_turn`), over at least 20 turns from one or more games.
* ``games_per_second``: whole `mixed` games per second on one core on
  game/scenarios/retail-app-outage.yaml, over many seeds, excluding loading.

Progress goes to stderr; stdout holds only the JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.core import bots, rules  # noqa: E402
from game.core.model import Scenario  # noqa: E402
from game.scenario.loader import load_scenario, load_scenario_text  # noqa: E402

SIZES = (1_000, 10_000, 100_000)  # people in the organisation, roughly
EXPLICIT_PEOPLE = 6  # people written out in the scenario text
SPAN = 8  # most direct reports per generated team leader
LEADER_SHARE = 1 / (SPAN - 1)  # extra team leaders per generated person, about
RARE_SKILL_SHARE = 0.01  # share of staff able to exploit the main signal
EXAMPLE = ROOT / "game" / "scenarios" / "retail-app-outage.yaml"

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
    - {{under: head_ops, count: {ops}, span: {span}, department: ops, title: Operations staff,
       skills: {{customer: 0.3, mobile_app: {rare}}}}}
    - {{under: cpo, count: {product}, span: {span}, department: product, title: Engineer,
       skills: {{mobile_app: {rare}, data: 0.2}}}}
  network:
    model: small_world
    mean_degree: 10
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
    return SCENARIO_TEMPLATE.format(size=size, ops=ops, product=generated - ops, span=SPAN, rare=RARE_SKILL_SHARE)


def turn_times(scenario: Scenario, samples: int) -> list[float]:
    """Seconds per full turn (bot moves + resolution), from as many games as needed."""
    times: list[float] = []
    seed = 0
    while len(times) < samples:
        state = rules.new_game(scenario, seed)
        player = bots.BOTS["mixed"](state.seed)
        while not state.over:
            start = time.perf_counter()
            player.play_turn(state)
            rules.end_turn(state)
            times.append(time.perf_counter() - start)
        seed += 1
    return times


def median_turn_ms(size: int, samples: int) -> float:
    start = time.perf_counter()
    scenario = load_scenario_text(scenario_text(size), f"<bench-{size}>")
    loaded = time.perf_counter() - start
    times = turn_times(scenario, samples)
    median = statistics.median(times) * 1000
    progress(
        f"{size:>7} asked: {scenario.org.size} people, {len(scenario.network.indices) // 2} ties, "
        f"loaded in {loaded:.2f} s; {len(times)} turns, median {median:.2f} ms, max {max(times) * 1000:.2f} ms"
    )
    return round(median, 3)


def games_per_second(games: int) -> float:
    scenario = load_scenario(EXAMPLE)
    start = time.perf_counter()
    for seed in range(games):
        bots.play_game(scenario, seed, "mixed")
    elapsed = time.perf_counter() - start
    rate = games / elapsed
    progress(f"{games} mixed games on {scenario.id} in {elapsed:.2f} s: {rate:.1f} games/s")
    return round(rate, 1)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Time the engine; prints one JSON object.")
    parser.add_argument("--quick", action="store_true", help="fewer samples, for a smoke run")
    args = parser.parse_args(argv)
    samples, games = (5, 30) if args.quick else (20, 300)
    turn_ms = {str(size): median_turn_ms(size, samples) for size in SIZES}
    print(json.dumps({"turn_ms": turn_ms, "games_per_second": games_per_second(games)}))


if __name__ == "__main__":
    main()
