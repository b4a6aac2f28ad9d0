"""Frame times of the board, offscreen: prints ONE JSON object of median and 95th-percentile milliseconds.

Scenes: the org chart and the network view, idle (nothing changes: cached
layers are blitted), animating (tokens of a resolved turn move), and panning
(the map layer is redrawn every frame), on the example scenario and on a
2,000-person version of it built in memory with bigger `generate` blocks;
and the time to lay out each network view (done in the background from the
moment a scenario is chosen, so the longest a switch to that view can wait).

    python bench/render.py [--frames 120]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with contextlib.redirect_stdout(sys.stderr):  # pygame's banner is no part of the JSON on stdout
    import pygame  # noqa: E402

from game.core import bots  # noqa: E402
from game.scenario.loader import load_scenario, load_scenario_text  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.board.animation import Animation, plan_flows  # noqa: E402
from game.ui.board.mapview import NETWORK  # noqa: E402
from game.ui.board.network_layout import compute_network_layout  # noqa: E402
from game.ui.board.scene import BoardScene  # noqa: E402
from game.workshop.session import Session  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[1] / "game" / "scenarios" / "retail-app-outage.yaml"
SIZE = (1280, 720)


def big_scenario():
    text = EXAMPLE.read_text(encoding="utf-8").replace("count: 40", "count: 1150").replace("count: 25", "count: 600")
    return load_scenario_text(text, "big-2000.yaml")


def board_for(app: App, scenario) -> BoardScene:
    session = Session.start(scenario, ["Bench"], mode="solo")
    player = bots.BOTS["mixed"](scenario.seed)
    for _ in range(3):
        player.play_turn(session.active_team().state)
        session.end_planning()
    board = BoardScene(app, session)
    app.home(board)
    board.select_person(int(session.active_team().state.holders(board.signal)[0]))
    return board


def frame_times(app: App, board: BoardScene, frames: int, mode: str) -> list[float]:
    times = []
    state = board.state
    for i in range(frames):
        if mode == "animating" and (board.animation is None or board.animation.done):
            board.animation = Animation(plan_flows(state, state.turn - 1), state.turn - 1)
        if mode == "panning":
            board.map.camera.pan(3 if i % 40 < 20 else -3, 1 if i % 40 < 20 else -1)
        start = time.perf_counter()
        app.step([], 1 / 60)
        times.append((time.perf_counter() - start) * 1000)
    return times


def layout_ms(scenario) -> float:  # noqa: ANN001 - Scenario
    start = time.perf_counter()
    compute_network_layout(scenario)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=120)
    args = parser.parse_args()
    app = App(SIZE, "en")
    results: dict[str, float] = {}
    orgs = (("example", load_scenario(EXAMPLE)), ("2000", big_scenario()))
    for org_name, scenario in orgs:  # done in the background once a scenario is chosen: the longest a switch waits
        results[f"network_layout_{org_name}_compute_ms"] = round(min(layout_ms(scenario) for _ in range(3)), 1)
    for org_name, scenario in orgs:
        results[f"people_{org_name}"] = scenario.org.size
        board = board_for(app, scenario)
        results[f"tokens_{org_name}"] = len(plan_flows(board.state, board.state.turn - 1))
        for view in ("tree", "network"):
            if view == NETWORK:
                start = time.perf_counter()
                board.map.toggle()
                app.step([], 1 / 60)
                results[f"network_layout_{org_name}_first_frame_ms"] = round((time.perf_counter() - start) * 1000, 1)
            for mode in ("idle", "animating", "panning"):
                app.step([], 1 / 60)
                times = sorted(frame_times(app, board, args.frames, mode))
                key = f"board_{view}_{org_name}_{mode}"
                results[f"{key}_median_ms"] = round(statistics.median(times), 2)
                results[f"{key}_p95_ms"] = round(times[int(0.95 * (len(times) - 1))], 2)
    print(json.dumps(results))
    pygame.quit()


if __name__ == "__main__":
    main()
