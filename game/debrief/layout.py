"""A small org chart of only the people a signal's story needs: its path and the hierarchy's route.

Rows are org-chart levels (0 at the top); people with nobody of the chart
below them take consecutive columns in the chart's pre-order, and a manager
sits centred over the people of their subtree, so the drawing reads like the
full org chart with the irrelevant branches pruned away.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.hierarchy import Hierarchy
from game.debrief.path import Path


@dataclass(frozen=True)
class ChartLayout:
    position: dict[int, tuple[float, int]]  # person -> (column, level); columns from 0
    links: tuple[tuple[int, int], ...]  # (manager, report) pairs where both are shown
    columns: int
    levels: tuple[int, int]  # (top level, bottom level) shown


def chart_people(path: Path) -> list[int]:
    return sorted(set(path.people) | set(path.hierarchy_route))


def chart_layout(hierarchy: Hierarchy, people: list[int]) -> ChartLayout:
    ordered = sorted(set(people), key=lambda p: int(hierarchy.position[p]))
    below = {p: [q for q in ordered if q != p and hierarchy.is_in_subtree(q, p)] for p in ordered}
    leaves = [p for p in ordered if not below[p]]
    column = {p: float(i) for i, p in enumerate(leaves)}
    for p in ordered:
        if below[p]:
            under = [column_of_leaf for q in below[p] if (column_of_leaf := column.get(q)) is not None]
            column[p] = sum(under) / len(under)
    position = {p: (column[p], int(hierarchy.level[p])) for p in ordered}
    links = tuple((int(hierarchy.manager[p]), p) for p in ordered if int(hierarchy.manager[p]) in position)
    levels = [level for _, level in position.values()] or [0]
    return ChartLayout(position, links, max(len(leaves), 1), (min(levels), max(levels)))
