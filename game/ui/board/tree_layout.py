"""Org-chart positions for every person, computed from the pre-order arrays of a Hierarchy.

A compact tidy tree: every manager's individual contributors (reports with no
reports of their own) are stacked in one column under the manager, and
managers are centred over the columns of their subtree. The width of the chart
grows with the number of teams, not of people, so a 2,000-person company stays
a few hundred columns wide. Positions are in world units: one column is
`COLUMN` wide, one level `LEVEL` high; a world unit is a pixel at zoom 1,
so a name label (drawn right of its person) fits in a column. Pure numpy, computed once per
hierarchy (the board caches it).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.core.hierarchy import Hierarchy

COLUMN = 200.0  # world units between two columns of people
LEVEL = 110.0  # world units between two management levels
STACK_ROW = 42.0  # world units between two stacked individual contributors
STACK_INDENT = 26.0  # stacked people sit right of their column's spine (world units)


@dataclass(frozen=True, eq=False)
class TreeLayout:
    """Where each person sits, and the spine x each one hangs from (for elbow connectors)."""

    xy: np.ndarray  # float64 (n, 2): world position of each person
    spine_x: np.ndarray  # float64 (n,): x of the vertical line that reaches a person from their manager
    stacked: np.ndarray  # bool (n,): an individual contributor drawn in a column

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(min x, min y, max x, max y) of every person."""
        lo = self.xy.min(axis=0)
        hi = self.xy.max(axis=0)
        return float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])


def tree_layout(hierarchy: Hierarchy) -> TreeLayout:
    """Lay out the org chart (vectorised over the pre-order)."""
    n = len(hierarchy.manager)
    order, position, size = hierarchy.order, hierarchy.position, hierarchy.subtree_size
    manager = hierarchy.manager
    leaf = size == 1
    has_boss = manager >= 0
    stacked = leaf & has_boss
    owns_column = np.zeros(n, dtype=bool)  # managers with at least one stacked report, plus a lone root
    owns_column[manager[stacked]] = True
    if n == 1:
        owns_column[:] = True
    # column of each owner = owners before it in pre-order (its column sits left of its sub-teams)
    prefix = np.concatenate(([0], np.cumsum(owns_column[order])))
    first = prefix[position]
    last = prefix[position + size] - 1
    x = (first + last) / 2.0 * COLUMN
    y = hierarchy.level.astype(np.float64) * LEVEL
    spine = x.copy()
    if stacked.any():
        people = np.flatnonzero(stacked)
        bosses = manager[people]
        by_boss = np.lexsort((position[people], bosses))
        people, bosses = people[by_boss], bosses[by_boss]
        starts = np.flatnonzero(np.r_[True, bosses[1:] != bosses[:-1]])
        rank = np.arange(len(people)) - np.repeat(starts, np.diff(np.r_[starts, len(people)]))
        column_x = first[bosses] * COLUMN
        spine[people] = column_x
        x[people] = column_x + STACK_INDENT
        y[people] = (hierarchy.level[bosses] + 1) * LEVEL + rank * STACK_ROW
    return TreeLayout(np.column_stack((x, y)), spine, stacked)
