"""The org chart as pre-order arrays: a subtree is a slice, levels and ancestors are lookups.

Built once per scenario and again only when a re-organisation moves someone,
so the per-person Python loop in `build_hierarchy` never runs in a turn's hot
path.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import numpy as np

from game.core.model import NO_PERSON


@dataclass(frozen=True, eq=False)
class Hierarchy:
    manager: np.ndarray  # int32 (n,): NO_PERSON for the root
    order: np.ndarray  # int32 (n,): people in pre-order
    position: np.ndarray  # int32 (n,): index of each person in `order`
    subtree_size: np.ndarray  # int32 (n,): people in the subtree, self included
    level: np.ndarray  # int32 (n,): depth, root is 0
    child_ptr: np.ndarray  # int64 (n + 1,): CSR of direct reports
    children: np.ndarray  # int32: direct reports, grouped by manager

    @property
    def root(self) -> int:
        return int(self.order[0])

    def subtree(self, person: int) -> np.ndarray:
        """Everyone in `person`'s subtree (self included), as a slice of the pre-order."""
        start = self.position[person]
        return self.order[start : start + self.subtree_size[person]]

    def reports(self, person: int) -> np.ndarray:
        return self.children[self.child_ptr[person] : self.child_ptr[person + 1]]

    def is_in_subtree(self, person: int, top: int) -> bool:
        offset = self.position[person] - self.position[top]
        return 0 <= offset < self.subtree_size[top]

    def ancestor_at_level(self, level: int) -> np.ndarray:
        """For each person, their line manager at `level`, or themselves when at or above it (cached)."""
        cache = self.__dict__.setdefault("_ancestors", {})
        if level not in cache:
            cache[level] = self._ancestor_at_level(level)
        return cache[level]

    def _ancestor_at_level(self, level: int) -> np.ndarray:
        result = np.arange(len(self.manager), dtype=np.int32)
        tops = np.flatnonzero(self.level == level)
        if len(tops) == 0:
            return result
        starts = self.position[tops]
        sizes = self.subtree_size[tops]
        owners = np.repeat(tops.astype(np.int32), sizes)
        offsets = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        result[self.order[np.repeat(starts, sizes) + offsets]] = owners
        return result

    def count_below(self, people: np.ndarray, mask: np.ndarray, key: Hashable) -> np.ndarray:
        """For each of `people`, how many in their subtree have `mask` set.

        The pre-order prefix sums of `mask` are computed once and cached under `key`, so a call costs only
        its `people`: `mask` must never change for a given key (a re-organisation builds a new Hierarchy).
        """
        cache = self.__dict__.setdefault("_prefix_sums", {})
        prefix = cache.get(key)
        if prefix is None:
            prefix = cache[key] = np.concatenate(([0], np.cumsum(mask[self.order])))
        start = self.position[people]
        return prefix[start + self.subtree_size[people]] - prefix[start]

    def chain_up(self, person: int) -> list[int]:
        """`person`'s managers, nearest first."""
        chain = []
        boss = int(self.manager[person])
        while boss != NO_PERSON:
            chain.append(boss)
            boss = int(self.manager[boss])
        return chain


def build_hierarchy(manager: np.ndarray) -> Hierarchy:
    """Pre-order arrays for a valid forest-free tree given by `manager` (exactly one root)."""
    n = len(manager)
    manager = np.asarray(manager, dtype=np.int32)
    has_boss = manager != NO_PERSON
    bosses = manager[has_boss]
    reports_of = np.flatnonzero(has_boss).astype(np.int32)
    by_boss = np.argsort(bosses, kind="stable")
    children = reports_of[by_boss]
    child_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(bosses, minlength=n), out=child_ptr[1:])

    root = int(np.flatnonzero(~has_boss)[0])
    order = np.empty(n, dtype=np.int32)
    children_list = children.tolist()
    ptr = child_ptr.tolist()
    stack = [root]
    k = 0
    while stack:  # load-time only: iterative DFS producing the pre-order
        person = stack.pop()
        order[k] = person
        k += 1
        kids = children_list[ptr[person] : ptr[person + 1]]
        stack.extend(reversed(kids))
    position = np.empty(n, dtype=np.int32)
    position[order] = np.arange(n, dtype=np.int32)
    boss_of = manager.tolist()
    pre_order = order.tolist()
    depth = [0] * n
    for person in pre_order[1:]:  # parents precede children in pre-order
        depth[person] = depth[boss_of[person]] + 1
    size = [1] * n
    for person in reversed(pre_order[1:]):
        size[boss_of[person]] += size[person]
    level = np.array(depth, dtype=np.int32)
    subtree_size = np.array(size, dtype=np.int32)
    return Hierarchy(manager, order, position, subtree_size, level, child_ptr, children)
