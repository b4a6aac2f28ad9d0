"""Balance throughput: seconds for N runs per bot of a scenario, with 1 and J processes (prints JSON on stdout).

python bench/balance.py [SCENARIO] [--runs 1000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.core.bots import BOTS  # noqa: E402
from game.scenario.shipped import resolve_scenario  # noqa: E402
from game.tools.balance import play_runs  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default="retail-app-outage")
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    path = resolve_scenario(args.scenario)
    figures = {"scenario": args.scenario, "runs_per_bot": args.runs, "jobs": args.jobs}
    for name, bots in (("all_bots", list(BOTS)), ("without_random", [b for b in BOTS if b != "random"])):
        start = time.perf_counter()
        records = play_runs(path, args.runs, args.jobs, 0, sys.stderr, bots=bots)
        seconds = time.perf_counter() - start
        figures[name] = {
            "games": len(records),
            "seconds": round(seconds, 2),
            "games_per_second": round(len(records) / seconds, 1),
        }
        print(f"{name}: {len(records)} games in {seconds:.1f} s", file=sys.stderr)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
