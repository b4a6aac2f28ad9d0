"""Membership in a sorted array of people, in O(log n) instead of a pass over the array."""

from __future__ import annotations

import numpy as np


def holds(sorted_people: np.ndarray, person: int) -> bool:
    """Whether the sorted array holds `person`."""
    at = int(np.searchsorted(sorted_people, person))
    return at < len(sorted_people) and int(sorted_people[at]) == person
