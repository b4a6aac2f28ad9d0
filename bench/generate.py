"""Benchmark of `game.scenario.generate`: prints one JSON object of timings.

Run from the repository root: ``python bench/generate.py``. For each size it
times `generate_people` (span 8, three skills) and `build_network` for every
model (mean degree 10, rewire 0.1, homophily 0.75, 20 departments), keeping
the best of a few repeats, in seconds. A script, not a test.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.core.text import Text
from game.scenario.generate import build_network, generate_people

SIZES = (1_000, 10_000, 100_000)
REPEATS = 3
MODELS = ("none", "small_world", "scale_free")


def best_time(run: Callable[[np.random.Generator], object]) -> float:
    times = []
    for seed in range(REPEATS):
        rng = np.random.default_rng(seed)
        start = time.perf_counter()
        run(rng)
        times.append(time.perf_counter() - start)
    return round(min(times), 4)


def time_people(n: int) -> float:
    return best_time(
        lambda rng: generate_people(
            under="ceo",
            count=n,
            span=8,
            department="ops",
            title=Text({"en": "Staff", "fr": "Employé"}),
            skill_shares={"customer": 0.5, "payments": 0.1, "mobile_app": 0.2},
            id_prefix="ops",
            taken_ids={"ceo"},
            rng=rng,
        )
    )


def time_network(n: int, model: str) -> float:
    department = np.random.default_rng(99).integers(0, 20, size=n)
    ties = [(0, 1, 0.8), (2, n - 1, 0.5)]
    return best_time(
        lambda rng: build_network(
            model=model,
            department=department,
            mean_degree=10,
            rewire=0.1,
            homophily=0.75,
            explicit_ties=ties,
            rng=rng,
        )
    )


def main() -> None:
    results: dict[str, dict[str, float]] = {}
    for n in SIZES:
        row = {"generate_people": time_people(n)}
        row.update({f"build_network_{model}": time_network(n, model) for model in MODELS})
        results[str(n)] = row
    print(json.dumps({"seconds_best_of": REPEATS, "timings": results}))


if __name__ == "__main__":
    main()
