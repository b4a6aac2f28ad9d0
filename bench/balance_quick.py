"""Quick balance figures for one scenario: per bot, median score and race results over seeds (prints a table)."""

import sys
import time

import numpy as np

from game.core.bots import BOTS, play_game
from game.core.scoring import outcomes, score
from game.scenario.loader import load_scenario

path = sys.argv[1] if len(sys.argv) > 1 else "scenarios/retail-app-outage.yaml"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 200
scenario = load_scenario(path)
for name in BOTS:
    t = time.perf_counter()
    scores, wins, races, turns, margins = [], 0, 0, [], []
    per_signal = {}
    for seed in range(runs):
        state = play_game(scenario, seed, name)
        scores.append(score(state))
        turns.append(state.turn - 1)
        for o in outcomes(state):
            per_signal.setdefault(o.id, []).append(o.points)
            if o.genuine:
                races += 1
                wins += o.won
                if o.margin is not None:
                    margins.append(o.margin)
    dt = time.perf_counter() - t
    sig = " ".join(f"{k}:{np.median(v):.0f}" for k, v in per_signal.items())
    print(
        f"{name:10s} median {np.median(scores):7.1f} mean {np.mean(scores):7.1f} win {wins}/{races} "
        f"margin med {np.median(margins) if margins else float('nan'):.1f} turns {np.mean(turns):.1f} "
        f"| {sig} | {runs / dt:.0f} games/s"
    )
