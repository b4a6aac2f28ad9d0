"""The route a signal actually took to the person who exploited it (or as far as it got), and the hierarchy's route.

The hierarchy-only route is the org chart's tree path from the origin up to
the lowest common manager and down to the target: the exploiter, or, when
nobody exploited, the capable person nearest the origin on the chart.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.core.derived import derived
from game.core.hierarchy import Hierarchy
from game.core.model import NO_PERSON
from game.core.state import GameState
from game.debrief.hops import Hop


@dataclass(frozen=True)
class Path:
    hops: tuple[Hop, ...]  # origin first; each hop's recipient is the next hop's sender
    end: int  # the exploiter, or the holder nearest the target
    target: int  # where the signal had to go: the exploiter, else the nearest capable person (NO_PERSON if none)
    reached: bool  # the path ends at someone working on or done with the signal
    hierarchy_route: tuple[int, ...]  # origin ... lowest common manager ... target, along the org chart

    @property
    def people(self) -> tuple[int, ...]:
        return tuple(hop.recipient for hop in self.hops)


def signal_path(state: GameState, signal: int, hops: dict[int, Hop]) -> Path:
    hierarchy = state.hierarchy
    origin = state.scenario.signals[signal].origin
    exploiter = int(state.exploiter[signal])
    if exploiter != NO_PERSON:
        target, end = exploiter, exploiter
    else:
        target = nearest(hierarchy, origin, np.flatnonzero(derived(state.scenario).capable[signal]))
        end = nearest(hierarchy, target if target != NO_PERSON else hierarchy.root, np.array(sorted(hops)))
    route = tree_route(hierarchy, origin, target if target != NO_PERSON else hierarchy.root)
    return Path(_back_to_origin(hops, end), end, target, exploiter != NO_PERSON, tuple(route))


def _back_to_origin(hops: dict[int, Hop], end: int) -> tuple[Hop, ...]:
    chain: list[Hop] = []
    person = end
    while person != NO_PERSON and person in hops and len(chain) <= len(hops):
        chain.append(hops[person])
        person = hops[person].sender
    return tuple(reversed(chain))


def tree_distance(hierarchy: Hierarchy, a: int, people: np.ndarray) -> np.ndarray:
    """Org-chart hops between `a` and each of `people` (up to the common manager, then down)."""
    up = [a, *hierarchy.chain_up(a)]
    steps_up_from_a = np.full(len(hierarchy.manager), -1, dtype=np.int64)
    steps_up_from_a[up] = np.arange(len(up))
    current = np.asarray(people, dtype=np.int64).copy()
    climbed = np.zeros(len(current), dtype=np.int64)
    while True:  # everyone climbs together until they meet a's chain (the root is on it)
        off_chain = steps_up_from_a[current] < 0
        if not off_chain.any():
            return climbed + steps_up_from_a[current]
        current[off_chain] = hierarchy.manager[current[off_chain]]
        climbed[off_chain] += 1


def nearest(hierarchy: Hierarchy, a: int, people: np.ndarray) -> int:
    """The person among `people` closest to `a` on the org chart (earliest in pre-order on a tie)."""
    if len(people) == 0:
        return NO_PERSON
    distance = tree_distance(hierarchy, a, people)
    best = np.lexsort((hierarchy.position[people], distance))[0]
    return int(people[best])


def tree_route(hierarchy: Hierarchy, origin: int, target: int) -> list[int]:
    """People on the org chart from `origin` up to the lowest common manager, then down to `target`."""
    up = [origin, *hierarchy.chain_up(origin)]
    down = [target, *hierarchy.chain_up(target)]
    common = next(p for p in up if p in set(down))
    return up[: up.index(common) + 1] + list(reversed(down[: down.index(common)]))
