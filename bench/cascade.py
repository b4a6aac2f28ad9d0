"""One step of word of mouth: the engine against a bare numpy cascade, NDlib and cynetdiff. Prints one JSON object.

Run from the repository root: ``python bench/cascade.py [--repeats 15]`` (install the ``bench`` extra,
``pip install -e ".[bench]"``, to include NDlib and cynetdiff; without them their figures are null).
On the engine benchmark's organisations (bench/engine.py) 1% of staff, drawn at random, heard the main
signal on the network last turn. One step is then timed, in thread CPU milliseconds (median):

* ``engine``: `spread.spread_network`, the rules' whole step (word of mouth, relays, opposition,
  distortion, leaks, the log);
* ``numpy``: a bare independent cascade on the same CSR arrays with the same per-tie chances
  (gather the spreaders' ties, one draw per tie, keep the hits that reach someone new);
* ``ndlib``: NDlib's IndependentCascadesModel, one iteration from the same spreaders and chances;
* ``cynetdiff``: cynetdiff's compiled IndependentCascadeModel, one `advance_model`.

``ratios`` divides the engine's time by each other's: above 1, the engine is slower.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine import HEAVY_SPREADERS, MAIN_SIGNAL, load_size, progress  # noqa: E402

from game.core import rules  # noqa: E402
from game.core.derived import derived  # noqa: E402
from game.core.spread import TOPIC_BOOST, learn, spread_network  # noqa: E402
from game.core.state import VIA_NETWORK, GameState  # noqa: E402

SIZES = (1_000, 10_000, 100_000)
NDLIB_MAX_PEOPLE = 20_000  # NDlib configures every tie in Python: larger graphs take minutes to set up
HAS = {name: importlib.util.find_spec(name) is not None for name in ("ndlib", "cynetdiff")}


def spreading_state(size: int, seed: int = 0) -> tuple[GameState, np.ndarray]:
    """A game on the benchmark organisation where 1% of staff relay the main signal this turn."""
    state = rules.new_game(load_size(size), seed)
    rng = np.random.default_rng(seed)
    spreaders = np.sort(rng.choice(state.size, max(int(state.size * HEAVY_SPREADERS), 1), replace=False))
    learn(state, MAIN_SIGNAL, spreaders, 1.0, VIA_NETWORK, spreaders[0])
    state.spreading[MAIN_SIGNAL, spreaders] = True
    return state, spreaders


def tie_chances(state: GameState) -> np.ndarray:
    """The engine's chance that a relay crosses each tie (float64, one per CSR edge)."""
    scenario, net = state.scenario, state.scenario.network
    interested = derived(scenario).affinity[MAIN_SIGNAL, net.indices]
    return (
        scenario.signals[MAIN_SIGNAL].virality
        * scenario.org.openness[net.edge_source]
        * net.weight
        * (1.0 + TOPIC_BOOST * interested)
    )


def median_ms(step: Callable[[], object], prepare: Callable[[], object], repeats: int) -> float:
    """Median thread-CPU milliseconds of `step`, each run after `prepare` (untimed)."""
    times = []
    for _ in range(repeats):
        prepare()
        start = time.thread_time()
        step()
        times.append(time.thread_time() - start)
    return round(statistics.median(times) * 1000, 3)


def time_engine(state: GameState, repeats: int) -> float:
    fresh: list[GameState] = []

    def prepare() -> None:  # a fresh copy of the game each time; the scenario is shared, as between turns
        fresh.append(copy.deepcopy(state, {id(state.scenario): state.scenario, id(state.hierarchy): state.hierarchy}))

    return median_ms(lambda: spread_network(fresh[-1]), prepare, repeats)


def time_numpy(state: GameState, spreaders: np.ndarray, chances: np.ndarray, repeats: int) -> float:
    net = state.scenario.network
    active = state.knows[MAIN_SIGNAL].copy()
    rng = np.random.default_rng(1)

    def step() -> np.ndarray:
        edges, _ = net.edges_from(spreaders)
        hit = edges[rng.random(len(edges)) < chances[edges]]
        reached = np.unique(net.indices[hit])
        return reached[~active[reached]]

    return median_ms(step, lambda: None, repeats)


def time_cynetdiff(state: GameState, spreaders: np.ndarray, chances: np.ndarray, repeats: int) -> float | None:
    if not HAS["cynetdiff"]:
        return None
    from cynetdiff.models import IndependentCascadeModel

    net = state.scenario.network
    model = IndependentCascadeModel(
        net.indptr.astype(np.uint32), net.indices.astype(np.uint32), activation_probs=chances.astype(np.float32)
    )
    model.set_seeds(spreaders.tolist())

    return median_ms(model.advance_model, model.reset_model, repeats)


def time_ndlib(state: GameState, spreaders: np.ndarray, chances: np.ndarray, repeats: int) -> float | None:
    if not HAS["ndlib"] or state.size > NDLIB_MAX_PEOPLE:
        return None
    import networkx as nx
    from ndlib.models import ModelConfig
    from ndlib.models.epidemics import IndependentCascadesModel

    net = state.scenario.network
    graph = nx.Graph()
    graph.add_nodes_from(range(state.size))
    source = net.edge_source
    one_way = source < net.indices  # each tie is stored both ways in the CSR
    graph.add_edges_from(zip(source[one_way].tolist(), net.indices[one_way].tolist()))
    config = ModelConfig.Configuration()
    config.add_model_initial_configuration("Infected", spreaders.tolist())
    for u, v, chance in zip(source[one_way].tolist(), net.indices[one_way].tolist(), chances[one_way].tolist()):
        config.add_edge_configuration("threshold", (u, v), chance)
    models = []

    def prepare() -> None:
        model = IndependentCascadesModel(graph, seed=1)
        model.set_initial_status(config)
        model.iteration()  # NDlib's first iteration only reports the initial state
        models.append(model)

    return median_ms(lambda: models[-1].iteration(), prepare, min(repeats, 5))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Time one spreading step; prints one JSON object.")
    parser.add_argument("--repeats", type=int, default=15, help="timed steps per figure (median taken)")
    args = parser.parse_args(argv)
    result: dict = {"installed": HAS, "step_ms": {}, "ratios": {}}
    for size in SIZES:
        state, spreaders = spreading_state(size)
        chances = tie_chances(state)
        figures = {
            "engine": time_engine(state, args.repeats),
            "numpy": time_numpy(state, spreaders, chances, args.repeats),
            "cynetdiff": time_cynetdiff(state, spreaders, chances, args.repeats),
            "ndlib": time_ndlib(state, spreaders, chances, args.repeats),
        }
        result["step_ms"][str(state.size)] = figures
        result["ratios"][str(state.size)] = {
            f"engine/{name}": round(figures["engine"] / value, 2) if value else None
            for name, value in figures.items()
            if name != "engine"
        }
        progress(f"{state.size:>7} people: {figures}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
