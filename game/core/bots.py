"""Reference strategies that play through `rules.apply` like a human team.

- idle: ends every turn; measures what happens with no decisions at all.
- random: legal moves picked at random.
- hierarchy: vertical moves only (escalate, delegate, validate, publish).
- network: horizontal moves only (ask, share, post).
- mixed: validates what can wait, finds the exploiter through the network,
  gets approval through the line, and falls back on the hierarchy.

Bots see only what a team sees (`insight`): never hidden skills or ties, the
rival's timetable, or whether a signal is a rumour.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from game.core import insight, legality, rules
from game.core.actions import (
    Action,
    AskNetwork,
    Delegate,
    Escalate,
    Post,
    Publish,
    RequestValidation,
    Share,
)
from game.core.derived import derived
from game.core.model import NO_PERSON, Scenario
from game.core.sets import holds
from game.core.state import GameState

MAX_ATTEMPTS = 8  # candidates tried per kind of move, so a bot's turn never loops over a crowd
URGENT_WAIT = 2  # turns: a request the calendar would hold this long or longer is worth making urgent...
URGENT_HORIZON = 5  # ... when the rival is expected to move within this many turns
CHECK_SLACK = 4  # turns: validation must come back this long before the rival's earliest move to wait for it


class Bot:
    """A strategy: `play_turn` spends the team's action points through the rules."""

    name = ""

    def __init__(self, seed: int = 0):
        self.seed = seed

    def play_turn(self, state: GameState) -> None:
        self.play_signals(state, insight.open_signals(state))

    def play_signals(self, state: GameState, signals: list[int]) -> None:
        """Pass over `signals` (most valuable first) until points run out or nothing helps.

        Moves take effect when the turn ends, so the open signals stay the same for the whole turn.
        """
        moved = True
        while moved and state.action_points > 0:
            moved = False
            for signal in signals:
                if state.action_points > 0 and self.play_signal(state, signal):
                    moved = True

    def play_signal(self, state: GameState, signal: int) -> bool:
        """Play at most a move or two for `signal`; report whether anything was played."""
        raise NotImplementedError

    @staticmethod
    def attempt(state: GameState, action: Action) -> bool:
        """Play `action` if it is legal now; report whether it was played."""
        return rules.apply_if_legal(state, action)


class IdleBot(Bot):
    name = "idle"

    def play_turn(self, state: GameState) -> None:
        return None


class RandomBot(Bot):
    """Spends its points on random legal moves of random holders (its choices are logged: replays need no seed)."""

    name = "random"
    STOP_CHANCE = 0.15  # chance to end the turn early before each move

    def __init__(self, seed: int = 0):
        super().__init__(seed)
        self.rng = np.random.default_rng([seed, 0x5EED])

    def play_turn(self, state: GameState) -> None:
        while state.action_points > 0 and self.rng.random() >= self.STOP_CHANCE:
            holders = np.flatnonzero(state.knows.any(axis=0) & (state.absent_until <= state.turn))
            if len(holders) == 0:
                return
            person = int(holders[self.rng.integers(len(holders))])
            moves = [a for a in rules.actions_for(state, person) if a.cost > 0]
            if not moves:
                return
            rules.apply(state, moves[self.rng.integers(len(moves))])


# ------------------------------------------------------------------ vertical moves


def validate(state: GameState, signal: int) -> bool:
    """Ask the first gate to validate, from a holder, unless done or under way."""
    if not state.scenario.gates or state.validated[signal]:
        return False
    if legality.validation_pending(state, signal):
        return False
    holders = state.holders(signal)
    for holder in holders[rules.entitled_to_validate(state, holders)].tolist():
        if Bot.attempt(state, RequestValidation(signal, holder, 0)):
            return True
    return False


def in_a_hurry(state: GameState, signal: int) -> bool:
    """The rival is expected to move soon (market intelligence, not its real timetable)."""
    return insight.turns_to_rival(state, signal) <= URGENT_HORIZON


def line_request(state: GameState, signal: int, person: int, to: int | None = None) -> bool:
    """Escalate (no `to`) or delegate to `to`; urgently when the calendar is slow and the rival close."""
    recipient = int(state.hierarchy.manager[person]) if to is None else to
    if recipient == NO_PERSON or legality.hierarchy_target_refusal(state, signal, recipient) is not None:
        return False  # the rules would refuse both kinds of request: spare working out the calendar

    def request(urgent: bool) -> Action:
        return Escalate(signal, person, urgent) if to is None else Delegate(signal, person, to, urgent)

    slow = insight.line_wait(state, person, recipient) >= URGENT_WAIT
    if slow and in_a_hurry(state, signal) and Bot.attempt(state, request(True)):
        return True
    return Bot.attempt(state, request(False))


def climb_toward(state: GameState, signal: int, target: int) -> bool:
    """One hierarchical step that brings the signal closer to `target`."""
    step = insight.hierarchy_step(state, signal, target)
    if step is None:
        return False
    kind, person, to = step
    return line_request(state, signal, person, to if kind == "delegate" else None)


def seek_approval(state: GameState, signal: int, person: int) -> bool:
    """Escalate from the highest holder below the approver of `person`."""
    approver = insight.approver_of(state, signal, person)
    if approver == person or state.knows[signal, approver]:
        return False
    return line_request(state, signal, insight.upward_step(state, signal, person, approver))


def search_down_or_up(state: GameState, signal: int) -> bool:
    """No known exploiter: follow what managers know of their teams, else escalate from the top holder."""
    lead = insight.lead_step(state, signal)
    if lead is not None and line_request(state, signal, lead[0], lead[1]):
        return True
    return any(line_request(state, signal, int(person)) for person in insight.climbers(state, signal)[:MAX_ATTEMPTS])


def broadcast(state: GameState, signal: int) -> bool:
    """Publish on an official channel a holder may use, widest audience first."""
    for channel in range(len(state.scenario.channels)):
        if legality.queued(state, signal, channel):  # refused whoever speaks
            continue
        for person in insight.speakers(state, signal, channel)[:MAX_ATTEMPTS]:
            if Bot.attempt(state, Publish(signal, int(person), channel)):
                return True
    return False


def approval_pending(state: GameState, signal: int, target: int) -> int:
    """The best target (`insight.best_target`) when they hold the signal and only lack approval, or NO_PERSON."""
    if target == NO_PERSON or not state.knows[signal, target]:
        return NO_PERSON
    return target


class HierarchyBot(Bot):
    name = "hierarchy"

    def play_signal(self, state: GameState, signal: int) -> bool:
        if validate(state, signal):
            return True
        target = insight.best_target(state, signal)
        waiting = approval_pending(state, signal, target)
        if waiting != NO_PERSON:
            return seek_approval(state, signal, waiting)
        moved = climb_toward(state, signal, target) if target != NO_PERSON else search_down_or_up(state, signal)
        return moved or broadcast(state, signal)


# ------------------------------------------------------------------ horizontal moves


def ask_around(state: GameState, signal: int, asked: set) -> bool:
    """Ask the network who has the skill the exploitation needs, from a holder not asked yet."""
    spec = state.scenario.signals[signal]
    topics = (spec.exploit.skills if len(spec.exploit.skills) else spec.topics).tolist()
    for person in state.holders(signal).tolist():
        for topic in topics:
            if (person, topic) not in asked and not state.is_absent(person):
                asked.add((person, topic))
                return Bot.attempt(state, AskNetwork(person, topic))
    return False


def post_where(state: GameState, signal: int, wanted: int | None = None) -> bool:
    """Post in a community a holder belongs to: one containing the `wanted` person, else the most on-topic one."""
    reach = derived(state.scenario).post_reach[signal]
    for c in np.argsort(-reach, kind="stable"):
        community = state.scenario.communities[c]
        if (signal, int(c)) in state.posted:
            continue
        if wanted is not None and not holds(community.members, wanted):
            continue
        members = np.intersect1d(state.holders(signal), community.members)
        for person in members[:MAX_ATTEMPTS]:
            if Bot.attempt(state, Post(signal, int(person), int(c))):
                return True
    return False


def spray(state: GameState, signal: int) -> bool:
    """Tell a known contact who does not know yet, preferring people interested in the topics."""
    source, target = insight.open_contacts(state, signal)
    if len(target) == 0:
        return False
    interested = derived(state.scenario).affinity[signal, target]
    best = np.lexsort((target, ~interested))[0]
    return Bot.attempt(state, Share(signal, int(source[best]), int(target[best])))


class NetworkBot(Bot):
    name = "network"

    def __init__(self, seed: int = 0):
        super().__init__(seed)
        self.asked: set[tuple[int, int]] = set()
        self.routes: dict[tuple[int, int], list[int]] = {}  # (signal, target) -> chain, for `routes_view`
        self.routes_view: tuple[int, int, int] | None = None

    def route(self, state: GameState, signal: int, target: int) -> list[int]:
        """`insight.network_route`, remembered while what it depends on cannot have changed.

        Moves take effect when the turn ends, so during a turn who holds the signal, who is away and who is
        closed to it stay as they were. Only a question to the network (new ties) or an injected event
        changes them, and both write to the log: a chain found since the last log line is still the chain.
        """
        view = (id(state), state.turn, len(state.log))
        if view != self.routes_view:
            self.routes.clear()
            self.routes_view = view
        if (signal, target) not in self.routes:
            self.routes[signal, target] = insight.network_route(state, signal, target)
        return self.routes[signal, target]

    def share_toward(self, state: GameState, signal: int, target: int) -> bool:
        """Share one hop along the shortest known chain of ties toward `target`."""
        route = self.route(state, signal, target)
        return len(route) >= 2 and Bot.attempt(state, Share(signal, route[0], route[1]))

    def play_signal(self, state: GameState, signal: int) -> bool:
        target = insight.best_target(state, signal)
        waiting = approval_pending(state, signal, target)
        if waiting != NO_PERSON:
            approver = insight.approver_of(state, signal, waiting)
            return (
                self.share_toward(state, signal, approver)
                or post_where(state, signal, approver)
                or spray(state, signal)
            )
        if target != NO_PERSON and self.share_toward(state, signal, target):
            return True
        return ask_around(state, signal, self.asked) or post_where(state, signal) or spray(state, signal)


# ------------------------------------------------------------------ both


def time_to_check(state: GameState, signal: int) -> bool:
    """A validation is pending and comes back well before the rival is expected to move."""
    due = insight.validation_due(state, signal)
    return due is not None and due + CHECK_SLACK <= insight.rival_window(state, signal)[0]


class MixedBot(NetworkBot):
    """Network to find and reach the exploiter, hierarchy for approval and for what can wait."""

    name = "mixed"

    def play_turn(self, state: GameState) -> None:
        """The signals first; then leftover points on what costs nothing to wait for: finding people, meetings."""
        signals = insight.open_signals(state)
        self.play_signals(state, signals)
        for signal in signals:
            while state.action_points > 0 and (ask_around(state, signal, self.asked) or broadcast(state, signal)):
                pass

    def play_signal(self, state: GameState, signal: int) -> bool:
        if validate(state, signal):
            return True
        if time_to_check(state, signal):  # the check comes back before the rival moves: search, do not spread
            return ask_around(state, signal, self.asked)
        hurry = in_a_hurry(state, signal)
        target = insight.best_target(state, signal)
        waiting = approval_pending(state, signal, target)
        if waiting != NO_PERSON:
            approver = insight.approver_of(state, signal, waiting)
            if hurry:  # the line is too slow now: tell the approver across the network
                return self.share_toward(state, signal, approver) or seek_approval(state, signal, waiting)
            return seek_approval(state, signal, waiting) or self.share_toward(state, signal, approver)
        if target == NO_PERSON:
            return ask_around(state, signal, self.asked) or search_down_or_up(state, signal)
        return (
            self.share_toward(state, signal, target)
            or ask_around(state, signal, self.asked)
            or climb_toward(state, signal, target)
        )


BOTS: dict[str, Callable[[int], Bot]] = {
    cls.name: cls for cls in (IdleBot, RandomBot, HierarchyBot, NetworkBot, MixedBot)
}


def play_game(scenario: Scenario, seed: int | None, bot: str | Bot, difficulty: str = "normal") -> GameState:
    """Play a whole game with one bot; the state's action log replays it."""
    state = rules.new_game(scenario, seed, difficulty)
    player = BOTS[bot](state.seed) if isinstance(bot, str) else bot
    while not state.over:
        player.play_turn(state)
        rules.end_turn(state)
    return state
