"""Every hop a signal made: who told whom, on which turn, by which means, after how long, at what fidelity.

A hop is one person learning the signal from another (`learned_from`). Its
means is found by matching the team's logged actions: an escalation, a
delegation, a validation, a publication on a channel, a share or a post;
network hops no action explains are spontaneous relays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.core.actions import Delegate, Escalate, Post, Publish, RequestValidation, Share
from game.core.derived import derived
from game.core.model import NO_PERSON
from game.core.state import VIA_CHANNEL, VIA_HIERARCHY, VIA_NETWORK, VIA_ORIGIN
from game.debrief.trace import Trace

OFFICIAL_MEANS = ("escalate", "delegate", "validation", "hierarchy", "channel")
NETWORK_MEANS = ("share", "post", "relay")
VIA_NAMES = {VIA_ORIGIN: "origin", VIA_HIERARCHY: "hierarchy", VIA_CHANNEL: "channel", VIA_NETWORK: "network"}


@dataclass(frozen=True)
class Hop:
    sender: int  # NO_PERSON for the origin
    recipient: int
    turn: int  # turn the recipient learned it
    sent_turn: int  # turn the move was made (for a relay: the turn it happened)
    held: int  # turns the sender kept it beyond the earliest turn they could have passed it on
    means: str  # origin, escalate, delegate, validation, hierarchy, channel, share, post, relay
    via: str  # origin, hierarchy, channel, network (how the state records it)
    channel: int  # channel index for `channel`, community index for `post`, else NO_PERSON
    fidelity: float  # the recipient's first copy
    sender_fidelity: float  # the sender's first copy (1 for the origin)

    @property
    def waiting(self) -> int:
        """Turns between the move and the arrival: calendars and unavailable managers, or network transit."""
        return self.turn - self.sent_turn

    @property
    def official(self) -> bool:
        return self.means in OFFICIAL_MEANS

    @property
    def loss(self) -> float:
        return self.sender_fidelity - self.fidelity


def signal_hops(trace: Trace, signal: int) -> dict[int, Hop]:
    """The hop that brought the signal to each person who knows it, keyed by that person."""
    state = trace.state
    moves = _moves_of(trace, signal)
    hops = {}
    for person in np.flatnonzero(state.knows[signal]):
        hops[int(person)] = _hop(trace, signal, int(person), moves)
    return hops


@dataclass(frozen=True)
class Broadcast:
    """A publication that went out on its channel's slot."""

    turn: int
    publisher: int
    channel: int  # NO_PERSON when the move that queued it is not in the log
    absorbed: int  # people who took it in


def signal_broadcasts(trace: Trace, signal: int) -> list[Broadcast]:
    """Every publication of the signal that fired, with its channel found from the team's Publish move."""
    moves = _moves_of(trace, signal)
    fired = []
    for entry in trace.state.log:
        if entry.signal == signal and entry.kind == "channel":
            _, _, channel = _means(trace, signal, entry.person, NO_PERSON, VIA_CHANNEL, entry.turn, moves)
            fired.append(Broadcast(entry.turn, entry.person, channel, entry.count))
    return fired


def _moves_of(trace: Trace, signal: int) -> list[tuple[int, object]]:
    return [
        (turn, action)
        for turn, action in zip(trace.action_turns, trace.state.actions)
        if getattr(action, "signal", None) == signal
    ]


def _hop(trace: Trace, signal: int, person: int, moves: list) -> Hop:
    state = trace.state
    turn = int(state.learned_turn[signal, person])
    via = int(state.learned_via[signal, person])
    fidelity = float(trace.learned_fidelity[signal, person])
    if via == VIA_ORIGIN:
        return Hop(NO_PERSON, person, turn, turn, 0, "origin", "origin", NO_PERSON, fidelity, 1.0)
    sender = int(state.learned_from[signal, person])
    means, sent, channel = _means(trace, signal, sender, person, via, turn, moves)
    # The origin hears at the start of a turn and may act on it at once; everyone else hears during the
    # turn's resolution, so the next turn is the earliest they can pass it on.
    earliest = int(state.learned_turn[signal, sender]) + (0 if state.learned_via[signal, sender] == VIA_ORIGIN else 1)
    held = max(sent - earliest, 0)
    sender_fidelity = float(trace.learned_fidelity[signal, sender])
    return Hop(sender, person, turn, sent, held, means, VIA_NAMES[via], channel, fidelity, sender_fidelity)


def _managers_of(trace: Trace, person: int) -> set[int]:
    """The person's manager before and after any re-organisation."""
    state = trace.state
    return {int(derived(state.scenario).hierarchy.manager[person]), int(state.hierarchy.manager[person])}


def _means(trace: Trace, signal: int, sender: int, person: int, via: int, turn: int, moves: list):
    """(means, turn the move was made, channel or community) for one hop."""
    scenario = trace.state.scenario
    if via == VIA_HIERARCHY:
        for sent, action in reversed(moves):
            if sent > turn or action.person != sender:
                continue
            if isinstance(action, Delegate) and action.to == person:
                return "delegate", sent, NO_PERSON
            if isinstance(action, Escalate) and person in _managers_of(trace, sender):
                return "escalate", sent, NO_PERSON
            if isinstance(action, RequestValidation) and scenario.gates[action.gate].approver == person:
                return "validation", sent, NO_PERSON
        return "hierarchy", turn, NO_PERSON
    if via == VIA_CHANNEL:
        for sent, action in reversed(moves):
            fired_now = isinstance(action, Publish) and scenario.channels[action.channel].next_slot(sent) == turn
            if fired_now and action.person == sender:
                return "channel", sent, action.channel
        return "channel", turn, NO_PERSON
    for sent, action in moves:
        if sent != turn or action.person != sender:
            continue
        if isinstance(action, Share) and action.to == person:
            return "share", sent, NO_PERSON
        if isinstance(action, Post) and np.isin(person, scenario.communities[action.community].members):
            return "post", sent, action.community
    return "relay", turn, NO_PERSON
