"""Who a broadcast channel's audience holds: by level, department or subtree, for everyone or a few people."""

from __future__ import annotations

import numpy as np

from game.core.hierarchy import Hierarchy
from game.core.model import Audience, Org


def in_audience(spec: Audience, org: Org, hierarchy: Hierarchy, people: np.ndarray) -> np.ndarray:
    """bool per person of `people`: whether the audience holds them."""
    people = np.asarray(people)
    if spec.kind == "all":
        return np.ones(people.shape, dtype=bool)
    if spec.kind == "max_level":
        return hierarchy.level[people] <= spec.value
    if spec.kind == "min_level":
        return hierarchy.level[people] >= spec.value
    if spec.kind == "subtree":
        offset = hierarchy.position[people] - hierarchy.position[spec.value]
        return (offset >= 0) & (offset < hierarchy.subtree_size[spec.value])
    return org.department[people] == spec.value


def broadcast_audience(spec: Audience, org: Org, hierarchy: Hierarchy) -> np.ndarray:
    """Everyone the audience names, sorted (a subtree is read as a pre-order slice)."""
    if spec.kind == "subtree":
        return np.sort(hierarchy.subtree(spec.value))
    if spec.kind == "all":
        return np.arange(org.size)
    return np.flatnonzero(in_audience(spec, org, hierarchy, np.arange(org.size)))
