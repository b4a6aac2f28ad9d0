"""How fast hostile scenario files are refused: prints one JSON object of wall times (a script, never a test).

Run from the repository root: ``python bench/hostile.py``. Each case is a
hostile variation of game/scenarios/tutorial.yaml (the same ones
tests/test_hostile_scenarios.py checks for a located refusal and bounded
memory); the figure is the median over a few runs, in milliseconds, with the
peak memory traced during one run, in MiB.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.core.errors import ScenarioError  # noqa: E402
from game.scenario.loader import load_scenario_text  # noqa: E402

RUNS = 5
BASE = (ROOT / "game" / "scenarios" / "tutorial.yaml").read_text(encoding="utf-8")


def with_generated(count: int, blocks: int = 1) -> str:
    data = yaml.safe_load(BASE)
    data["organization"]["generate"] = [{"under": "ceo", "count": count, "id_prefix": f"b{i}_"} for i in range(blocks)]
    return yaml.safe_dump(data, allow_unicode=True)


def alias_bomb() -> str:
    text = "format: 1\nid: lol\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in "bcdefghijklm":
        text += f"{level}: &{level} [" + ", ".join([f"*{chr(ord(level) - 1)}"] * 9) + "]\n"
    return text


CASES = {
    "valid tutorial (for comparison)": lambda: BASE,
    "alias bomb": alias_bomb,
    "python tag": lambda: BASE.replace("turns: 12", "turns: !!python/object/apply:os.system ['id']"),
    "3 MB file": lambda: BASE + "# " + "x" * 3_000_000 + "\n",
    "1000-deep flow nesting": lambda: BASE + "notes: " + "[" * 1000 + "1" + "]" * 1000 + "\n",
    "10^9 generated people": lambda: with_generated(10**9),
    "6 x 199,999 generated people": lambda: with_generated(199_999, 6),
    "NaN value": lambda: BASE.replace("value: 100", "value: .nan"),
}


def measure(text: str) -> tuple[float, float, str]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        outcome = _load(text)
        times.append((time.perf_counter() - start) * 1000)
    tracemalloc.start()
    _load(text)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(times), peak, outcome


def _load(text: str) -> str:
    try:
        load_scenario_text(text, "hostile.yaml")
    except ScenarioError as error:
        return "refused: " + str(error.problems[0])[:120]
    return "accepted"


def main() -> None:
    report = {}
    for name, make in CASES.items():
        print(name, file=sys.stderr)
        ms, peak, outcome = measure(make())
        report[name] = {"median_ms": round(ms, 1), "peak_mib": round(peak, 1), "outcome": outcome}
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
