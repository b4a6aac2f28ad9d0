"""The cost of a scenario, estimated from the file's own numbers before anything is built, and refused above a budget.

A few lines can ask for a huge game: 200,000 generated people with
`mean_degree: 1000` are 200 million informal ties, many gigabytes and minutes
of work. The loader asks `within_budget` after the file is valid and before
it builds anything; a refusal is one located sentence naming the keys that
cost most and the limit. Below the budget a scenario builds in a few seconds
(bench/hostile.py measures it) and a game of it fits in memory.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.files import size_text
from game.scenario import schema as sc
from game.scenario.report import Path_, Report

MAX_TIES = 2_000_000  # informal ties (people x mean_degree / 2): generating one costs about two microseconds
MEMORY_BUDGET = 1024 * 2**20  # bytes a scenario and one game of it may need
PERSON_BYTES = 1_200  # records, names and arrays of one person, built
TIE_BYTES = 160  # one tie: both directions in the network arrays, and the temporaries that generate them
SIGNAL_CELL_BYTES = 32  # one person's state for one signal (what they know, when, from whom, how well)
TAG_CELL_BYTES = 2  # one person and one skill or topic tag (their skills, and what a team knows of them)
GROUP_CELL_BYTES = 8  # one person in one community or channel audience


@dataclass(frozen=True)
class Cost:
    """One part of the estimate: its bytes, what it multiplies (for the sentence), and where to change it."""

    bytes: int
    what: str
    path: Path_
    advice: str


def within_budget(spec: sc.ScenarioFile, report: Report) -> bool:
    """Whether the scenario's estimated cost fits; reports a located refusal when it does not."""
    people = count_people(spec)
    network = spec.organization.network
    ties = 0 if network.model == "none" else math.ceil(people * network.mean_degree / 2)
    if ties > MAX_TIES:
        most = math.floor(2 * MAX_TIES / people)
        report.at(
            ("organization", "network", "mean_degree"),
            f"{people:,} people with mean_degree {network.mean_degree:g} would have {ties:,} informal ties, more "
            f"than the {MAX_TIES:,} a scenario may have; lower mean_degree to {most} or less, or generate fewer people",
        )
        return False
    costs = _costs(spec, people, ties + len(network.ties))
    total = sum(cost.bytes for cost in costs)
    if total <= MEMORY_BUDGET:
        return True
    largest = max(costs, key=lambda cost: cost.bytes)
    report.at(
        largest.path,
        f"this scenario would need about {size_text(total)} of memory, more than the "
        f"{size_text(MEMORY_BUDGET)} limit; most of it for {largest.what}: {largest.advice}",
    )
    return False


def count_people(spec: sc.ScenarioFile) -> int:
    """Explicit people, generated people, and the team leaders generated above them."""
    people = len(spec.organization.people)
    for block in spec.organization.generate:
        people += block.count + _leaders(block.count, block.span)
    return people


def _leaders(count: int, span: int | None) -> int:
    total = 0
    while span is not None and count > span:
        count = math.ceil(count / span)
        total += count
    return total


def _costs(spec: sc.ScenarioFile, people: int, ties: int) -> list[Cost]:
    signals = len(spec.signals)
    tags = _tag_count(spec)
    groups = len(spec.organization.network.communities) + len(spec.channels)
    return [
        Cost(people * PERSON_BYTES, f"{people:,} people", ("organization", "generate"), "generate fewer people"),
        Cost(
            ties * TIE_BYTES,
            f"{ties:,} informal ties",
            ("organization", "network", "mean_degree"),
            "lower mean_degree or generate fewer people",
        ),
        Cost(
            signals * people * SIGNAL_CELL_BYTES,
            f"{signals:,} signals x {people:,} people",
            ("signals",),
            "race for fewer signals, or generate fewer people",
        ),
        Cost(
            tags * people * TAG_CELL_BYTES,
            f"{tags:,} skill and topic tags x {people:,} people",
            ("organization", "generate"),
            "use fewer distinct skills and topics, or generate fewer people",
        ),
        Cost(
            groups * people * GROUP_CELL_BYTES,
            f"{groups:,} communities and channels x {people:,} people",
            ("organization", "network", "communities"),
            "use fewer communities and channels, or generate fewer people",
        ),
    ]


def _tag_count(spec: sc.ScenarioFile) -> int:
    tags = {skill for person in spec.organization.people for skill in person.skills}
    tags |= {skill for block in spec.organization.generate for skill in block.skills}
    tags |= {topic for community in spec.organization.network.communities for topic in community.topics}
    tags |= {topic for signal in spec.signals for topic in [*signal.topics, *signal.exploit.skills]}
    return len(tags)
