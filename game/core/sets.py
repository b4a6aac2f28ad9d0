"""Sorted arrays of people: membership in O(log n), and the first occurrence of each value.

`np.unique` pays for its generality in Python on every call; the engine calls these thousands of times a
game on a few dozen people.
"""

from __future__ import annotations

import numpy as np


def holds(sorted_people: np.ndarray, person: int) -> bool:
    """Whether the sorted array holds `person`."""
    at = int(np.searchsorted(sorted_people, person))
    return at < len(sorted_people) and int(sorted_people[at]) == person


def first_occurrences(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each value once, sorted, with the index of its first occurrence (`np.unique(values, return_index=True)`)."""
    order = values.argsort(kind="stable")
    ordered = values[order]
    first = run_starts(ordered)
    return ordered[first], order[first]


def run_starts(ordered: np.ndarray) -> np.ndarray:
    """bool per element of a sorted array: it differs from the one before (the first of each run of equals)."""
    first = np.empty(len(ordered), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return first


def distinct_count(values: np.ndarray) -> int:
    """How many different values `values` holds (np.unique's length, without building the array)."""
    return int(np.count_nonzero(run_starts(np.sort(values))))
