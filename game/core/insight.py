"""What the team can see and work out: known exploiters, routes over known ties and down the org chart.

Bots (and later the UI's hints) use only this view of the game: known skills,
known ties, who holds what. They never read hidden skills, hidden ties, the
rival's timetable or whether a signal is genuine.
"""

from __future__ import annotations

import numpy as np

from game.core.calendar import request_occasion
from game.core.competitor import rival_window  # market intelligence: part of the team's view
from game.core.derived import derived
from game.core.model import NO_PERSON
from game.core.sets import first_occurrences
from game.core.state import GameState


def open_signals(state: GameState) -> list[int]:
    """Signals the team can still act on, most valuable first."""
    live = (state.knows.any(axis=1) & (state.exploiter == NO_PERSON) & ~state.out_of_play()).tolist()
    return [s for s in derived(state.scenario).by_value if live[s]]  # a few signals: cheaper in Python


def present_holders(state: GameState, signal: int) -> np.ndarray:
    """Holders of the signal who are not away, sorted."""
    holders = state.holders(signal)
    return holders[state.absent_until[holders] <= state.turn]


def seems_capable(state: GameState, signal: int, people: np.ndarray) -> np.ndarray:
    """bool per person of `people`: the team knows them to have every skill the signal's exploitation needs."""
    skills = state.scenario.signals[signal].exploit.skills
    if len(skills) == 0:
        return np.ones(len(people), dtype=bool)
    if len(skills) == 1:  # the usual case, without the 2-D gather
        return state.known_skill[people, skills[0]]
    return state.known_skill[people[:, None], skills].all(axis=1)


def approver_of(state: GameState, signal: int, person: int) -> int:
    """Whose approval `person` needs to exploit the signal (themselves when none is needed)."""
    level = state.scenario.signals[signal].exploit.approval_level
    if level is None:
        return person
    return int(state.hierarchy.ancestor_at_level(level)[person])


def best_target(state: GameState, signal: int) -> int:
    """The known capable person to aim for: one who already knows, else the nearest to a holder."""
    holders = state.holders(signal)
    knowing = holders[(state.absent_until[holders] <= state.turn) & seems_capable(state, signal, holders)]
    if len(knowing):
        return int(knowing[state.fidelity[signal, knowing].argmax()])
    # The team only ever learns true skills, so whoever seems capable is among the truly capable.
    candidates = derived(state.scenario).capable_people[signal]
    reachable = (state.absent_until[candidates] <= state.turn) & ~state.opposed[signal, candidates]
    candidates = candidates[reachable & seems_capable(state, signal, candidates)]
    if len(candidates) == 0:
        return NO_PERSON
    distance = np.abs(state.hierarchy.level[candidates] - state.hierarchy.level[holders].min())
    return int(candidates[distance.argmin()])


def network_route(state: GameState, signal: int, target: int, max_hops: int = 4) -> list[int]:
    """Shortest chain of known ties from a holder to `target` ([holder, ..., target]), or [].

    A breadth-first search whose cost follows the people it reaches: its per-person arrays are allocated
    zeroed or uninitialised, so the pages nobody is reached in are never touched.
    """
    net = state.scenario.network
    if not _reachable_by_tie(state, signal, target):
        return []
    seen = np.zeros(state.size, dtype=bool)
    told_by = np.empty(state.size, dtype=np.int64)  # read only where `seen`
    frontier = present_holders(state, signal)
    seen[frontier] = True
    told_by[frontier] = NO_PERSON
    for _ in range(max_hops):
        if len(frontier) == 0 or seen[target]:
            break
        edges, source = net.edges_from(frontier)
        reached = net.indices[edges]
        fresh = state.known_edge[edges] & ~seen[reached] & ~state.opposed[signal, reached]
        fresh &= state.absent_until[reached] <= state.turn
        fresh = fresh.nonzero()[0]
        reached, first = first_occurrences(reached[fresh])
        seen[reached] = True
        told_by[reached] = source[fresh[first]]
        frontier = reached
    if not seen[target] or told_by[target] == NO_PERSON:
        return []
    path = [target]
    while told_by[path[-1]] != NO_PERSON:
        path.append(int(told_by[path[-1]]))
    return path[::-1]


def _reachable_by_tie(state: GameState, signal: int, target: int) -> bool:
    """Whether a route could end at `target`: not a holder, present, open to the signal, with a known tie in."""
    if state.knows[signal, target] or state.opposed[signal, target] or state.is_absent(target):
        return False
    net = state.scenario.network
    ties_in = derived(state.scenario).reverse_edge[net.indptr[target] : net.indptr[target + 1]]
    return np.count_nonzero(state.known_edge[ties_in]) > 0


def hierarchy_step(state: GameState, signal: int, target: int) -> tuple[str, int, int] | None:
    """Next vertical move toward `target`: ("delegate", from, to) or ("escalate", from, -1)."""
    hierarchy = state.hierarchy
    chain = [target] + hierarchy.chain_up(target)
    knows = state.knows[signal]
    for below, person in zip(chain, chain[1:]):
        if knows[person]:
            return ("delegate", person, below)
    holders = state.holders(signal)
    top = int(holders[np.argmin(hierarchy.level[holders])])
    return ("escalate", top, NO_PERSON)


def upward_step(state: GameState, signal: int, person: int, approver: int) -> int:
    """Who should escalate so that `approver` (above `person`) hears: the highest holder below them."""
    climber = person
    for boss in state.hierarchy.chain_up(person):
        if boss == approver:
            return climber
        if state.knows[signal, boss]:
            climber = boss
    return climber


def lead_step(state: GameState, signal: int) -> tuple[int, int] | None:
    """A delegation toward a report whose team the team knows can exploit the signal."""
    hierarchy = state.hierarchy
    leads = np.flatnonzero(state.lead[signal] & ~state.knows[signal])
    for report in leads:
        boss = int(hierarchy.manager[report])
        if boss != NO_PERSON and state.knows[signal, boss]:
            return boss, int(report)
    return None


def climbers(state: GameState, signal: int) -> np.ndarray:
    """Present holders whose manager has not heard yet, highest in the org chart first."""
    holders = present_holders(state, signal)
    boss = state.hierarchy.manager[holders]
    holders = holders[(boss != NO_PERSON) & ~state.knows[signal, np.maximum(boss, 0)]]
    return holders[np.argsort(state.hierarchy.level[holders], kind="stable")]


def speakers(state: GameState, signal: int, channel: int) -> np.ndarray:
    """Present holders allowed to publish on `channel`."""
    spec = state.scenario.channels[channel]
    holders = present_holders(state, signal)
    if spec.kind == "team_meeting":
        return holders
    return holders[derived(state.scenario).speaker[channel, holders]]


def open_contacts(state: GameState, signal: int) -> tuple[np.ndarray, np.ndarray]:
    """Known ties from present holders to people who have not heard and are not closed to it."""
    holders = present_holders(state, signal)
    edges, source = state.scenario.network.edges_from(holders)
    target = state.scenario.network.indices[edges]
    fresh = state.known_edge[edges] & ~state.knows[signal, target] & ~state.opposed[signal, target]
    return source[fresh], target[fresh]


def line_wait(state: GameState, sender: int, recipient: int) -> int:
    """Turns a request from `sender` to `recipient` (manager and report) waits for their next shared occasion."""
    return request_occasion(state.scenario, state.hierarchy, sender, recipient, state.turn).turn - state.turn


def validation_due(state: GameState, signal: int) -> int | None:
    """The turn the pending validation of `signal` comes back, or None when none is pending."""
    turns = [v.done_turn for v in state.validations if v.signal == signal]
    return min(turns) if turns else None


def turns_to_rival(state: GameState, signal: int) -> int:
    """Turns until the earliest turn the rival is expected to move on `signal`."""
    return rival_window(state, signal)[0] - state.turn
