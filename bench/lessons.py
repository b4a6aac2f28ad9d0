"""Does every shipped scenario teach the article? Seeded games per bot, measured by game.tools.lessons.

Prints one JSON object: per scenario, per bot, the figures of `lessons.summary`,
the network bot's median score without distortion, and how often each
challenger policy beats `mixed` on the same seed. Progress goes to stderr.

    python bench/lessons.py [--seeds 200] [--scenarios retail-app-outage ...] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.core.bots import BOTS  # noqa: E402
from game.scenario.loader import load_scenario  # noqa: E402
from game.scenario.shipped import resolve_scenario, shipped_id, shipped_scenarios  # noqa: E402
from game.tools import lessons  # noqa: E402


def measure(job: tuple[str, int]) -> dict:
    scenario_id, seeds = job
    scenario = load_scenario(resolve_scenario(scenario_id))
    seed_range = range(seeds)
    games = {bot: lessons.run(scenario, seed_range, bot) for bot in [*BOTS, *lessons.CHALLENGERS]}
    undistorted = lessons.run(lessons.without_distortion(scenario), seed_range, "network")
    print(f"{scenario_id} done", file=sys.stderr)
    return {
        "scenario": scenario_id,
        "bots": {bot: lessons.summary(g) for bot, g in games.items()},
        "network_without_distortion": lessons.summary(undistorted)["median_score"],
        "beats_mixed": {bot: lessons.beats(games[bot], games["mixed"]) for bot in lessons.CHALLENGERS},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=200)
    parser.add_argument("--scenarios", nargs="+", default=None)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    ids = args.scenarios or [shipped_id(p) or p.stem for p in shipped_scenarios()]
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(measure, [(i, args.seeds) for i in ids]))
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
