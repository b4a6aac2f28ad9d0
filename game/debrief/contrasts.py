"""The article's four contrasts, in numbers, for one signal in one game: who, when, what, where.

- who: people informed, grouped by the rank (org-chart level, and a plain rank band) of whoever told them;
- when: turns a move waited for a calendar slot or an available manager, against network transit;
- what: fidelity of the first copy people received, officially or through the network;
- where: people the official channels reached (and their audiences) against people relays reached, and
  how many departments each way reached.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.core.derived import derived
from game.core.spread import audience
from game.core.state import GameState
from game.debrief.hops import Broadcast, Hop
from game.debrief.incidents import DISTORTION_SHOWN
from game.debrief.path import Path

# Plain rank bands of a sender, the words a manager uses (indices of Who.official_bands / network_bands).
BANDS = ("top", "senior", "middle", "staff")  # the top of the company, reports of the top, other managers, no team


@dataclass(frozen=True)
class Who:
    levels: tuple[int, ...]  # org-chart levels of the senders, 0 = the top
    official: tuple[int, ...]  # people informed officially by a sender at each level
    network: tuple[int, ...]  # people informed over the network by a sender at each level
    official_bands: tuple[int, ...] = (0, 0, 0, 0)  # people informed officially by a sender in each of BANDS
    network_bands: tuple[int, ...] = (0, 0, 0, 0)  # ... over the network

    def mean_level(self, official: bool) -> float | None:
        """Mean org-chart level of the senders of official (or network) hops; None without such hops."""
        counts = self.official if official else self.network
        total = sum(counts)
        return sum(level * n for level, n in zip(self.levels, counts)) / total if total else None


@dataclass(frozen=True)
class When:
    official_wait: float  # mean turns an official hop waited (calendar slot, unavailable manager)
    network_wait: float  # mean turns a network hop took between the move and the arrival
    official_hops: int
    network_hops: int
    path_turns: int  # turns from appearance until the end of the path knew it
    path_waiting: int  # ... of which moves waited for calendars and managers
    path_network: int  # ... of which the network was carrying it
    path_held: int  # ... of which someone held it before moving it on (the team's own delay)
    path_handovers: int  # ... and the turn each handover takes (heard during a turn, passed on the next)


@dataclass(frozen=True)
class What:
    official_fidelity: float | None  # mean fidelity of the first copies received officially
    network_fidelity: float | None  # ... received over the network
    end_fidelity: float  # fidelity of the first copy at the end of the path
    path_loss_official: float  # fidelity lost on the path's official hops
    path_loss_network: float  # ... on its network hops (distortion, net of experts' enrichment)
    distorted: int  # network hops that arrived with less fidelity than the sender had


@dataclass(frozen=True)
class Where:
    audience: int  # people in the audiences of the channels that carried it
    channel: int  # people who took it in from a channel
    hierarchy: int  # people told along the org chart
    relays: int  # people reached by spontaneous network relays
    team_network: int  # people reached by the team's own shares and posts
    capable_official: int  # people able to exploit it reached officially
    capable_network: int  # ... reached over the network
    departments_official: int = 0  # departments other than the origin's that official moves reached
    departments_network: int = 0  # ... that network moves reached


@dataclass(frozen=True)
class Contrasts:
    who: Who
    when: When
    what: What
    where: Where


def signal_contrasts(
    state: GameState, signal: int, hops: dict[int, Hop], path: Path, broadcasts: list[Broadcast]
) -> Contrasts:
    moves = [hop for hop in hops.values() if hop.means != "origin"]
    who, when = _who(state, moves), _when(state, signal, moves, path)
    return Contrasts(who, when, _what(moves, path), _where(state, signal, moves, broadcasts))


def _who(state: GameState, moves: list[Hop]) -> Who:
    level = state.hierarchy.level
    levels = tuple(range(int(level.max()) + 1))
    official, network = [0] * len(levels), [0] * len(levels)
    official_bands, network_bands = [0] * len(BANDS), [0] * len(BANDS)
    for hop in moves:
        (official if hop.official else network)[int(level[hop.sender])] += 1
        (official_bands if hop.official else network_bands)[_band(state, hop.sender)] += 1
    return Who(levels, tuple(official), tuple(network), tuple(official_bands), tuple(network_bands))


def _band(state: GameState, person: int) -> int:
    """Index in BANDS of `person`'s rank: the top, a report of the top, another manager, or someone without a team."""
    level = int(state.hierarchy.level[person])
    if level == 0:
        return 0
    if level == 1:
        return 1
    return 2 if len(state.hierarchy.reports(person)) else 3


def _mean(values: list[float]) -> float:
    return float(np.mean(values)) if values else 0.0


def _when(state: GameState, signal: int, moves: list[Hop], path: Path) -> When:
    official = [hop.waiting for hop in moves if hop.official]
    network = [hop.waiting for hop in moves if not hop.official]
    along = path.hops[1:]
    appeared = state.scenario.signals[signal].appears_turn
    path_turns = path.hops[-1].turn - appeared if path.hops else 0
    waiting = sum(hop.waiting for hop in along if hop.official)
    on_network = sum(hop.waiting for hop in along if not hop.official)
    held = sum(hop.held for hop in along)
    return When(
        official_wait=_mean(official),
        network_wait=_mean(network),
        official_hops=len(official),
        network_hops=len(network),
        path_turns=path_turns,
        path_waiting=waiting,
        path_network=on_network,
        path_held=held,
        path_handovers=path_turns - waiting - on_network - held,
    )


def _what(moves: list[Hop], path: Path) -> What:
    official = [hop.fidelity for hop in moves if hop.official]
    network = [hop.fidelity for hop in moves if not hop.official]
    along = path.hops[1:]
    return What(
        official_fidelity=float(np.mean(official)) if official else None,
        network_fidelity=float(np.mean(network)) if network else None,
        end_fidelity=path.hops[-1].fidelity if path.hops else 0.0,
        path_loss_official=sum(hop.loss for hop in along if hop.official),
        path_loss_network=sum(hop.loss for hop in along if not hop.official),
        distorted=sum((not hop.official) and hop.loss > DISTORTION_SHOWN for hop in moves),
    )


def _where(state: GameState, signal: int, moves: list[Hop], broadcasts: list[Broadcast]) -> Where:
    capable = derived(state.scenario).capable[signal]
    channels = state.scenario.channels
    audiences = sum(len(audience(state, channels[b.channel], b.publisher)) for b in broadcasts if b.channel >= 0)
    department = state.scenario.org.department
    origin = int(department[state.scenario.signals[signal].origin])
    official_departments = {int(department[hop.recipient]) for hop in moves if hop.official} - {origin}
    network_departments = {int(department[hop.recipient]) for hop in moves if not hop.official} - {origin}
    return Where(
        audience=audiences,
        channel=sum(hop.means == "channel" for hop in moves),
        hierarchy=sum(hop.official and hop.means != "channel" for hop in moves),
        relays=sum(hop.means == "relay" for hop in moves),
        team_network=sum(hop.means in ("share", "post") for hop in moves),
        capable_official=sum(hop.official and bool(capable[hop.recipient]) for hop in moves),
        capable_network=sum((not hop.official) and bool(capable[hop.recipient]) for hop in moves),
        departments_official=len(official_departments),
        departments_network=len(network_departments),
    )
