"""Membership in sorted arrays of people, in O(log n) per question instead of a pass over the array."""

from __future__ import annotations

import numpy as np


def holds(sorted_people: np.ndarray, person: int) -> bool:
    """Whether the sorted array holds `person`."""
    at = int(np.searchsorted(sorted_people, person))
    return at < len(sorted_people) and int(sorted_people[at]) == person


def holds_each(sorted_people: np.ndarray, people: np.ndarray) -> np.ndarray:
    """bool per person of `people`: whether the sorted array holds them."""
    if len(sorted_people) == 0:
        return np.zeros(len(people), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_people, people), len(sorted_people) - 1)
    return sorted_people[at] == people
