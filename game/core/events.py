"""Scripted events: the scenario's own, fired on their turn, and the facilitator's built-in ones fired on demand."""

from __future__ import annotations

import numpy as np

from game.core import phrases
from game.core.availability import Availability
from game.core.competitor import rival_gains
from game.core.hierarchy import build_hierarchy
from game.core.model import NO_PERSON, Event, Scenario
from game.core.state import NOT_YET, GameState, LogEntry
from game.core.text import Text

RIVAL_PUSH_TURNS = 2  # turns the rival gains on every open signal when the facilitator announces a rival move
MANAGER_AWAY_TURNS = 3  # how long the busiest manager is away when the facilitator sends them off

RIVAL_PUSH = Text.of(
    en="The rival announces it is moving fast: it gains 2 turns on every open signal.",
    fr="Le concurrent annonce qu'il accélère : il gagne 2 tours sur chaque signal en cours.",
)
MANAGER_AWAY = Text.of(
    en="A crisis elsewhere: the manager with the largest team is away for 3 turns.",
    fr="Une crise ailleurs : le manager à la plus grande équipe est absent 3 tours.",
)
BUZZ = Text.of(
    en="Coffee-machine buzz: everyone who knows something talks about it this turn.",
    fr="Rumeurs à la machine à café : tous ceux qui savent quelque chose en parlent ce tour-ci.",
)
BUILT_IN = ("rival_push", "manager_away", "buzz")  # kinds the facilitator can inject on any scenario


def injectable_events(scenario: Scenario) -> list[Event]:
    """What a facilitator may inject: the scenario's events, then the built-in ones."""
    built_in = [
        Event(turn=0, kind="rival_push", text=RIVAL_PUSH),
        Event(turn=0, kind="manager_away", text=MANAGER_AWAY, duration=MANAGER_AWAY_TURNS),
        Event(turn=0, kind="buzz", text=BUZZ),
    ]
    return list(scenario.events) + built_in


def fire_event(state: GameState, event: Event) -> None:
    """Apply an event's effect now and log it."""
    org = state.scenario.org
    person = event.person
    text = event.text
    if event.kind == "absence":
        _send_away(state, person, event.duration)
        if not text.by_language:
            text = phrases.ABSENCE.format(person=org.names[person], duration=event.duration)
    elif event.kind == "reorg":
        manager = state.hierarchy.manager.copy()
        manager[person] = event.new_manager
        state.hierarchy = build_hierarchy(manager)
        if not text.by_language:
            text = phrases.REORG.format(person=org.names[person], manager=org.names[event.new_manager])
    elif event.kind == "rival_push":
        rival_gains(state, state.competitor_done == NOT_YET, RIVAL_PUSH_TURNS)
    elif event.kind == "manager_away":
        person = busiest_manager(state)
        if person != NO_PERSON:
            _send_away(state, person, event.duration)
            state.available[person] = False
    elif event.kind == "buzz":
        state.spreading |= state.knows & ~state.exposed[:, None]
    state.log.append(LogEntry(state.turn, text, person=person, kind="event"))


def _send_away(state: GameState, person: int, duration: int) -> None:
    """`person` is away from now on; whether they could act this turn was settled when it began."""
    if isinstance(state.available, Availability):  # a list of people drawn lazily (before turn 1: an array)
        state.available.settle(person)
    state.absent_until[person] = state.turn + duration


def busiest_manager(state: GameState) -> int:
    """The present manager with the most direct reports (the root excluded: the company still runs)."""
    reports = np.diff(state.hierarchy.child_ptr)
    reports[state.hierarchy.root] = 0
    reports[state.absent_until > state.turn] = 0
    best = int(np.argmax(reports))
    return best if reports[best] > 0 else NO_PERSON
