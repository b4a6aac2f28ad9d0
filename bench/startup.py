"""Start-up times, measured in one run: prints one JSON object (a script, never a test).

Run from the repository root: ``python bench/startup.py [--repeats 5]``. Each figure is the median over
fresh processes, in wall seconds (what a player waits) with CPU seconds beside (steady on a shared
machine):

* ``import_numpy_s``: ``python -c "import numpy"``, the yardstick.
* ``headless_play_s``: ``python main.py play tutorial --headless --bot mixed``, start to exit.
* ``first_frame_s``: what ``python main.py`` does up to the first frame of the main menu, drawn on
  SDL's dummy driver (a window that shows nothing cannot run the real command to its end).

The goals: headless play within 4x, and the first frame within 6x, the numpy import.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOALS = {"headless_play_s": 4.0, "first_frame_s": 6.0}  # most multiples of the numpy import

FIRST_FRAME = """
import os
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
import game.cli  # what main.py imports before it opens the window
from game.ui.app import App
from game.ui.scenes.menu import MenuScene
from game.ui.settings import load_settings

settings = load_settings()
app = App((1280, 720), settings.language, settings.fullscreen, settings.text_scale)
app.push(MenuScene(app))
app.step([], 0.0)
"""

COMMANDS = {
    "import_numpy_s": [sys.executable, "-c", "import numpy"],
    "headless_play_s": [sys.executable, "main.py", "play", "tutorial", "--headless", "--bot", "mixed"],
    "first_frame_s": [sys.executable, "-c", FIRST_FRAME],
}


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    env = {**os.environ, "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Time the start-up paths; prints one JSON object.")
    parser.add_argument("--repeats", type=int, default=5, help="fresh processes per figure (median taken)")
    args = parser.parse_args(argv)
    walls: dict[str, list[float]] = {name: [] for name in COMMANDS}
    cpus: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.repeats):  # interleaved, so a busy moment of the machine hits every figure alike
        for name, command in COMMANDS.items():
            wall, cpu = run_once(command)
            walls[name].append(wall)
            cpus[name].append(cpu)
    result = {name: round(statistics.median(walls[name]), 3) for name in COMMANDS}
    result["cpu_s"] = {name: round(statistics.median(cpus[name]), 3) for name in COMMANDS}
    result["times_numpy"] = {
        name: {
            "wall": round(result[name] / result["import_numpy_s"], 2),
            "cpu": round(result["cpu_s"][name] / result["cpu_s"]["import_numpy_s"], 2),
            "goal": f"<= {goal:g}x",
        }
        for name, goal in GOALS.items()
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
