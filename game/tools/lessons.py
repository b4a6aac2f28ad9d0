"""Does a scenario teach the article? Seeded bot games measured against the four contrasts.

The figures: how often a hierarchical hop waits for the calendar, when the
network and the line exploit, how faithful their copies are, what distortion
costs the network, how much the team sits idle, and how often simple
challenger policies beat the `mixed` reference. Used by the library test and
by `bench/lessons.py`; every policy here plays through the rules and sees only
the team's view (`insight`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from game.core import insight
from game.core.actions import Escalate, Post
from game.core.bots import BOTS, Bot, HierarchyBot, MixedBot, line_request, play_game, spray, validate
from game.core.model import Scenario
from game.core.scoring import outcomes
from game.core.state import GameState
from game.tools.balance import count_turns


@dataclass(frozen=True)
class GameFacts:
    """What one finished game says about the lessons."""

    bot: str
    seed: int
    score: float
    turns: int
    idle_turns: int
    races: int  # genuine signals
    won: int
    exploit_turns: tuple[int, ...]  # turns after appearance at which genuine signals were exploited
    fidelities: tuple[float, ...]  # fidelity at exploitation of genuine signals
    hops: int  # hierarchical messages delivered
    hops_waited: int  # ... that waited at least a turn for an occasion


def facts(state: GameState, bot: str) -> GameFacts:
    turns, idle = count_turns(state.actions)
    results = outcomes(state)
    genuine = [o for o in results if o.genuine]
    spec = {s.id: s for s in state.scenario.signals}
    exploited = [o for o in genuine if o.exploited_turn is not None]
    arrivals = [e for e in state.log if e.kind == "arrives"]
    return GameFacts(
        bot=bot,
        seed=state.seed,
        score=sum(o.points for o in results),
        turns=turns,
        idle_turns=idle,
        races=len(genuine),
        won=sum(o.won for o in genuine),
        exploit_turns=tuple(o.exploited_turn - spec[o.id].appears_turn for o in exploited),
        fidelities=tuple(o.fidelity for o in exploited),
        hops=len(arrivals),
        hops_waited=sum(e.count > 0 for e in arrivals),
    )


def run(scenario: Scenario, seeds: range, bot: str) -> list[GameFacts]:
    """One game per seed with a reference bot or a challenger, as facts."""
    factory = BOTS.get(bot) or CHALLENGERS[bot]
    return [facts(play_game(scenario, seed, factory(seed)), bot) for seed in seeds]


def without_distortion(scenario: Scenario) -> Scenario:
    """The same scenario where informal hops never distort."""
    signals = tuple(dataclasses.replace(s, distortion=0.0) for s in scenario.signals)
    return dataclasses.replace(scenario, signals=signals)


def median(values: list[float]) -> float | None:
    return float(np.median(values)) if values else None


def summary(games: list[GameFacts]) -> dict:
    """Figures over many games of one bot."""
    turns = sum(g.turns for g in games)
    hops = sum(g.hops for g in games)
    races = sum(g.races for g in games)
    return {
        "median_score": median([g.score for g in games]),
        "race_win_rate": sum(g.won for g in games) / races if races else None,
        "median_exploit_delay": median([t for g in games for t in g.exploit_turns]),
        "median_fidelity": median([f for g in games for f in g.fidelities]),
        "idle_turn_share": sum(g.idle_turns for g in games) / turns if turns else 0.0,
        "hop_wait_share": sum(g.hops_waited for g in games) / hops if hops else None,
    }


def beats(challenger: list[GameFacts], reference: list[GameFacts]) -> float:
    """Share of seeds on which the challenger scores strictly more than the reference."""
    return float(np.mean([c.score > r.score for c, r in zip(challenger, reference)]))


# ------------------------------------------------------------------ challenger policies


class CheckFirstBot(MixedBot):
    """Never spreads a signal before it is validated: escalates to get it checked, then plays `mixed`."""

    name = "check-first"

    def play_signal(self, state: GameState, signal: int) -> bool:
        if state.validated[signal] or not state.scenario.gates:
            return super().play_signal(state, signal)
        if validate(state, signal) or insight.validation_due(state, signal) is not None:
            return False
        holders = insight.climbers(state, signal)
        return any(line_request(state, signal, int(person)) for person in holders[:3])


class PostEverywhereBot(Bot):
    """Posts every signal in every community a holder belongs to, then tells every known contact."""

    name = "post-everywhere"

    def play_signal(self, state: GameState, signal: int) -> bool:
        for c, community in enumerate(state.scenario.communities):
            if (signal, c) in state.posted:
                continue
            members = np.intersect1d(state.holders(signal), community.members)
            if any(Bot.attempt(state, Post(signal, int(p), c)) for p in members[:3]):
                return True
        return spray(state, signal)


class EscalateToTopBot(HierarchyBot):
    """Takes every signal straight to the top, urgently, then lets the line work it down."""

    name = "escalate-to-top"

    def play_signal(self, state: GameState, signal: int) -> bool:
        if not state.knows[signal, state.hierarchy.root]:
            holders = insight.climbers(state, signal)
            if len(holders) and (
                Bot.attempt(state, Escalate(signal, int(holders[0]), urgent=True))
                or line_request(state, signal, int(holders[0]))
            ):
                return True
        return super().play_signal(state, signal)


class BusyMixedBot(MixedBot):
    """`mixed`, then every leftover point on telling contacts who have not heard."""

    name = "mixed-busy"

    def play_turn(self, state: GameState) -> None:
        super().play_turn(state)
        for signal in insight.open_signals(state):
            while state.action_points > 0 and spray(state, signal):
                pass


CHALLENGERS = {cls.name: cls for cls in (CheckFirstBot, PostEverywhereBot, EscalateToTopBot, BusyMixedBot)}
