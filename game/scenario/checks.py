"""Semantic warnings: signs that a valid scenario cannot play as its author intends (they never fail a file).

Warned: a signal whose exploit skills nobody has; a signal whose capable people
cannot be reached from its origin; people nobody can reach by a tie, a manager,
a community or a channel; a broadcast channel nobody may publish on; a
validation gate no channel uses.
"""

from __future__ import annotations

import numpy as np

from game.core import model as core
from game.core.audience import broadcast_audience
from game.core.derived import derived
from game.scenario import schema as sc
from game.scenario.report import Report

SHOWN_PEOPLE = 5  # ids listed in a warning about many people


def warn(scenario: core.Scenario, spec: sc.ScenarioFile, report: Report) -> None:
    """Add every semantic warning of a built scenario to `report`."""
    _skills(scenario, report)
    _publishers(scenario, report)
    _unused_gates(scenario, spec, report)
    _reach(scenario, spec, report)


def _skills(scenario: core.Scenario, report: Report) -> None:
    org = scenario.org
    for i, signal in enumerate(scenario.signals):
        need = signal.exploit.skills
        if len(need) and not org.skills[:, need].all(axis=1).any():
            names = ", ".join(scenario.tags[t] for t in need)
            report.at(
                ("signals", i, "exploit", "skills"),
                f"nobody has all of these skills ({names}), so the signal can never be exploited",
                warning=True,
            )


def _publishers(scenario: core.Scenario, report: Report) -> None:
    for i, channel in enumerate(scenario.channels):
        if channel.kind == "broadcast" and not len(channel.publishers) and not scenario.org.spokesperson.any():
            report.at(
                ("channels", i),
                "nobody may publish on this broadcast channel: it lists no publishers and nobody "
                "is a spokesperson; add `publishers:` or make someone `spokesperson: true`",
                warning=True,
            )


def _unused_gates(scenario: core.Scenario, spec: sc.ScenarioFile, report: Report) -> None:
    used = {c.validation for c in scenario.channels}
    for i, gate in enumerate(spec.validation):
        if i not in used:
            report.at(("validation", i, "id"), f"validation gate '{gate.id}' is not used by any channel", warning=True)


def _reach(scenario: core.Scenario, spec: sc.ScenarioFile, report: Report) -> None:
    """Who a signal can travel to from its origin, by any means the rules offer."""
    indptr, targets = passing_graph(scenario)
    n = scenario.org.size
    reached_any = np.zeros(n, dtype=bool)
    capable = derived(scenario).capable
    for i, signal in enumerate(scenario.signals):
        reached = reachable(indptr, targets, signal.origin)[:n]
        reached_any |= reached
        if capable[i].any() and not (capable[i] & reached).any():
            report.at(
                ("signals", i, "appears", "at"),
                "nobody able to exploit this signal can be reached from its origin (no chain of "
                "managers, ties, communities or channels leads there); add a tie or change the origin",
                warning=True,
            )
    _unreachable_people(scenario, spec, np.flatnonzero(~reached_any), report)


def _unreachable_people(scenario: core.Scenario, spec: sc.ScenarioFile, lost: np.ndarray, report: Report) -> None:
    if not len(lost):
        return
    org = scenario.org
    shown = ", ".join(org.ids[p] for p in lost[:SHOWN_PEOPLE]) + (", ..." if len(lost) > SHOWN_PEOPLE else "")
    first = int(lost[0])
    explicit = len(spec.organization.people)
    path = ("organization", "people", first) if first < explicit else ("organization", "generate")
    people = "1 person" if len(lost) == 1 else f"{len(lost)} people"
    report.at(
        path,
        f"{people} can never hear of any signal ({shown}): no manager, tie, community or channel "
        "reaches them (a manager with availability 0 passes nothing down); add ties or raise availability",
        warning=True,
    )


def passing_graph(scenario: core.Scenario) -> tuple[np.ndarray, np.ndarray]:
    """Directed graph as CSR arrays (row pointers, targets): an edge u -> v when a holder at u can pass it to v.

    Nodes 0..n-1 are people; one extra node per community and channel stands
    for "posted there" / "published there", so big groups add edges, not cliques.
    """
    org, net = scenario.org, scenario.network
    hierarchy = derived(scenario).hierarchy
    n = org.size
    has_boss = np.flatnonzero(org.manager != core.NO_PERSON)
    boss = org.manager[has_boss].astype(np.int64)
    sources = [net.edge_source.astype(np.int64), has_boss, boss]  # ties; escalate; delegate
    targets = [net.indices.astype(np.int64), boss, has_boss]
    keep = [np.ones(len(net.indices), dtype=bool), org.availability[boss] > 0, org.availability[has_boss] > 0]
    hub = n
    for community in scenario.communities:
        sources += [community.members.astype(np.int64), np.full(len(community.members), hub)]
        targets += [np.full(len(community.members), hub), community.members.astype(np.int64)]
        keep += [np.ones(len(community.members), dtype=bool)] * 2
        hub += 1
    for channel in scenario.channels:
        if channel.attention <= 0:
            continue
        if channel.kind == "team_meeting":  # anyone with a team speaks; boss, reports and peers hear
            sources += [has_boss, boss]
            targets += [boss, has_boss]
            keep += [np.ones(len(has_boss), dtype=bool)] * 2
            continue
        speakers = channel.publishers if len(channel.publishers) else np.flatnonzero(org.spokesperson)
        audience = broadcast_audience(channel.audience, org, hierarchy)
        sources += [speakers.astype(np.int64), np.full(len(audience), hub)]
        targets += [np.full(len(speakers), hub), audience.astype(np.int64)]
        keep += [np.ones(len(speakers), dtype=bool), np.ones(len(audience), dtype=bool)]
        hub += 1
    mask = np.concatenate(keep)
    rows, cols = np.concatenate(sources)[mask], np.concatenate(targets)[mask]
    indptr = np.zeros(hub + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=hub), out=indptr[1:])
    return indptr, cols[np.argsort(rows, kind="stable")]


def reachable(indptr: np.ndarray, targets: np.ndarray, start: int) -> np.ndarray:
    """bool per node: whether a directed path leads there from `start` (breadth first, one numpy step per level).

    Plain numpy rather than scipy's csgraph, so loading a scenario does not import scipy.sparse.
    """
    reached = np.zeros(len(indptr) - 1, dtype=bool)
    reached[start] = True
    frontier = np.array([start], dtype=np.int64)
    while len(frontier):
        starts = indptr[frontier]
        counts = indptr[frontier + 1] - starts
        edges = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
        fresh = np.unique(targets[edges])
        frontier = fresh[~reached[fresh]]
        reached[frontier] = True
    return reached
