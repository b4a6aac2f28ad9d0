"""Positions for the informal-network view: department clusters relaxed by a seeded spring layout.

Deterministic: the starting positions come from the scenario's seed, each
department starts in its own sector so colleagues cluster, then a vectorised
Fruchterman–Reingold relaxation separates people and pulls tied colleagues
together. Repulsion acts only between people closer than `REACH` (pairs found
by scipy's k-d tree) plus a weak pull to the centre, so one step costs about
the number of people, not its square; big organisations also get fewer steps.
The board computes it once per scenario (`network_layout` caches it on the
scenario object), and `warm_up` starts that work in the background when the
board opens, so the first switch to the network view finds it ready (2,000
people take about 0.3 s). scipy is imported by that work, not with the board:
its import alone takes longer than opening the board.
"""

from __future__ import annotations

import threading

import numpy as np

from game.core.model import Scenario

SPACING = 90.0  # world units of room per person (a world unit is a pixel at zoom 1)
REACH = 3.0  # repulsion range, in SPACINGs
GRAVITY = 0.02  # pull toward the centre, per world unit of distance (keeps clusters together)
WORK_BUDGET = 40_000  # person-steps allowed for the whole relaxation (bounds time for big orgs)
MAX_ITERATIONS = 250
MIN_ITERATIONS = 40

_warming: dict[int, threading.Thread] = {}  # id(scenario) -> thread computing its layout


def network_layout(scenario: Scenario) -> np.ndarray:
    """float64 (n, 2) world positions for the network view, cached per scenario."""
    thread = _warming.pop(id(scenario), None)
    if thread is not None:
        thread.join()  # the background work is under way: wait for it rather than redo it
    cached = scenario.__dict__.get("_board_network_layout")
    if cached is None:
        cached = compute_network_layout(scenario)
        object.__setattr__(scenario, "_board_network_layout", cached)
    return cached


def warm_up(scenario: Scenario) -> None:
    """Start computing the organisation's layout in the background (no effect once it is cached)."""
    if "_board_network_layout" in scenario.__dict__:
        return
    running = _warming.get(id(scenario))
    if running is not None and running.is_alive():
        return

    def work() -> None:
        object.__setattr__(scenario, "_board_network_layout", compute_network_layout(scenario))

    thread = threading.Thread(target=work, name="network-layout", daemon=True)
    _warming[id(scenario)] = thread
    thread.start()


def compute_network_layout(scenario: Scenario) -> np.ndarray:
    org, net = scenario.org, scenario.network
    n = org.size
    rng = np.random.default_rng(scenario.seed)
    if n == 1:
        return np.zeros((1, 2))
    radius = SPACING * np.sqrt(n) / 2.0
    pos = _department_start(org.department, len(org.departments), radius, rng)
    iterations = int(np.clip(WORK_BUDGET / n, MIN_ITERATIONS, MAX_ITERATIONS))
    source = net.edge_source.astype(np.int64)
    target = net.indices.astype(np.int64)
    weight = net.weight
    k = SPACING
    temperature = radius / 4.0
    for step in range(iterations):
        force = _repulsion(pos, k) - GRAVITY * pos
        delta = pos[source] - pos[target]
        dist = np.maximum(np.sqrt((delta * delta).sum(axis=1)), 1e-3)
        pull = (dist / k * weight)[:, None] * delta
        force -= _scatter(source, pull, len(pos))
        length = np.maximum(np.sqrt((force * force).sum(axis=1)), 1e-6)
        cool = temperature * (1.0 - step / iterations) + 1.0
        pos += force / length[:, None] * np.minimum(length, cool)[:, None]
    return (pos - pos.mean(axis=0)).astype(np.float64)


def _department_start(department: np.ndarray, departments: int, radius: float, rng: np.random.Generator) -> np.ndarray:
    """Each department in its own sector of a disc, people scattered inside it."""
    n = len(department)
    sector = 2 * np.pi / max(departments, 1)
    angle = (department + rng.random(n) * 0.8 + 0.1) * sector
    dist = radius * np.sqrt(rng.uniform(0.15, 1.0, n))
    return np.column_stack((np.cos(angle) * dist, np.sin(angle) * dist)).astype(np.float64)


def _repulsion(pos: np.ndarray, k: float) -> np.ndarray:
    """Sum of k² / d pushes between people closer than REACH·k (one coordinate at a time: no (pairs, 2) temporaries)."""
    from scipy.spatial import cKDTree

    pairs = cKDTree(pos).query_pairs(REACH * k, output_type="ndarray")
    if len(pairs) == 0:
        return np.zeros_like(pos)
    a, b, n = pairs[:, 0], pairs[:, 1], len(pos)
    x, y = pos[:, 0], pos[:, 1]
    dx, dy = x[a] - x[b], y[a] - y[b]
    d2 = dx * dx
    d2 += dy * dy
    np.maximum(d2, 1.0, out=d2)
    push = (k * k) / d2
    dx *= push
    dy *= push
    return np.column_stack((_sum_into(a, dx, n) - _sum_into(b, dx, n), _sum_into(a, dy, n) - _sum_into(b, dy, n)))


def _scatter(rows: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Sum `values` (m, 2) into n rows."""
    return np.column_stack([_sum_into(rows, values[:, i], n) for i in range(2)])


def _sum_into(rows: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Sum `values` (m,) into n slots (np.bincount is far faster than np.add.at)."""
    return np.bincount(rows, weights=values, minlength=n)
