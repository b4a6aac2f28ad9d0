"""When the line meets: the next occasion a manager and one of their reports share.

The hierarchy speaks on the calendar (the article's "when"): a request up or
down the chart waits for the next one-to-one, team meeting, or broadcast whose
audience holds both people. Only an urgent request skips the calendar.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.core.audience import in_audience
from game.core.hierarchy import Hierarchy
from game.core.model import Channel, Org, Scenario


@dataclass(frozen=True)
class Occasion:
    turn: int
    channel: int  # index into Scenario.channels, or ONE_TO_ONE


ONE_TO_ONE = -1  # Occasion.channel for a manager's one-to-one with a report
NO_CALENDAR = -2  # Occasion.channel when the two share no occasion at all: they talk whenever asked


def next_occasion(scenario: Scenario, hierarchy: Hierarchy, sender: int, recipient: int, turn: int) -> Occasion:
    """The first occasion at or after `turn` that `sender` and `recipient` (manager and report) share.

    With no shared occasion at all (no one-to-ones, no meetings) the line has no calendar: the turn itself.
    """
    report = recipient if hierarchy.manager[recipient] == sender else sender
    best: Occasion | None = None
    slot = scenario.pace.one_to_one_slot(report, turn)
    if slot is not None:
        best = Occasion(slot, ONE_TO_ONE)
    for index, channel in enumerate(scenario.channels):
        if not _shared(channel, scenario.org, hierarchy, sender, recipient):
            continue
        slot = channel.next_slot(turn)
        if best is None or slot < best.turn:
            best = Occasion(slot, index)
    return best if best is not None else Occasion(turn, NO_CALENDAR)


def _shared(channel: Channel, org: Org, hierarchy: Hierarchy, a: int, b: int) -> bool:
    """Whether a channel brings both people together: every team meeting does, a broadcast when both are in it."""
    if channel.kind == "team_meeting":
        return True
    return all(in_audience(channel.audience, org, hierarchy, np.array([a, b])).tolist())


def request_occasion(scenario: Scenario, hierarchy: Hierarchy, sender: int, recipient: int, turn: int) -> Occasion:
    """When a request made on `turn` is taken up: at the next shared occasion from the following turn on.

    Today's meetings have their agenda already; the network, not the line, carries news the same day.
    """
    return next_occasion(scenario, hierarchy, sender, recipient, turn + 1)
