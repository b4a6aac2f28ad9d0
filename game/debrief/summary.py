"""The debrief as plain JSON-ready data: what the report's JSON file holds, and what the CSV's rows add up to."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict

from game.core.actions import CoachAdvice, EndTurn
from game.core.model import NO_PERSON, Scenario
from game.debrief.build import Debrief, SignalDebrief, TeamDebrief
from game.debrief.compare import Alternative
from game.debrief.timeline import VIAS

SUMMARY_FORMAT = 1  # bump when the meaning of the summary changes


def summary(debrief: Debrief, language: str) -> dict:
    scenario = debrief.scenario
    return {
        "format": SUMMARY_FORMAT,
        "scenario": scenario.id,
        "title": scenario.title.get(language),
        "language": language,
        "seed": debrief.seed,
        "difficulty": debrief.difficulty,
        "mode": debrief.mode,
        "objectives": [t.get(language) for t in debrief.objectives],
        "questions": [t.get(language) for t in debrief.questions],
        "teams": [_team(team, language) for team in debrief.teams],
        "bots": [_alternative(bot) for bot in debrief.bots],
        "totals": _totals(debrief),
    }


def _team(team: TeamDebrief, language: str) -> dict:
    moves = [a.kind for a in team.state.actions if not isinstance(a, (EndTurn, CoachAdvice))]
    return {
        "name": team.name,
        "colour": team.colour,
        "score": team.score,
        "turns": team.turns,
        "actions": dict(Counter(moves)),
        "moves": team.coaching.moves,
        "coached_moves": team.coaching.coached,
        "signals": [_signal(team, signal, language) for signal in team.signals],
        "what_if": _alternative(team.what_if),
    }


def reached(signal: SignalDebrief) -> dict[str, int]:
    """People who know the signal, by how they learned it."""
    counts = Counter(hop.via for hop in signal.hops.values())
    return {via: counts.get(via, 0) for via in VIAS}


def _signal(team: TeamDebrief, signal: SignalDebrief, language: str) -> dict:
    scenario = team.state.scenario
    spec = scenario.signals[signal.signal]
    moves = [a.kind for a in team.state.actions if getattr(a, "signal", None) == signal.signal]
    timeline = signal.timeline
    return {
        "id": spec.id,
        "title": spec.title.get(language),
        "genuine": spec.genuine,
        "outcome": signal.outcome.to_dict(),
        "reached": reached(signal),
        "actions": dict(Counter(moves)),
        "leaks": int(team.state.leaks[signal.signal]),
        "timeline": {
            "turns": list(timeline.turns),
            **{via: list(series) for via, series in timeline.knowers.items()},
            "work_started": timeline.work_started,
            "exploited": timeline.exploited,
            "rival": timeline.rival,
            "exposed": timeline.exposed,
            "faded": timeline.faded,
        },
        "path": [_hop(scenario, hop) for hop in signal.path.hops],
        "path_end": _id(scenario, signal.path.end),
        "target": _id(scenario, signal.path.target),
        "reached_exploiter": signal.path.reached,
        "hierarchy_route": [_id(scenario, p) for p in signal.path.hierarchy_route],
        "contrasts": asdict(signal.contrasts),
        "incidents": [
            {**asdict(i), "person": _id(scenario, i.person), "other": _id(scenario, i.other)} for i in signal.incidents
        ],
    }


def _id(scenario: Scenario, person: int) -> str | None:
    return None if person == NO_PERSON else scenario.org.ids[person]


def _hop(scenario: Scenario, hop) -> dict:
    return {
        "from": _id(scenario, hop.sender),
        "to": _id(scenario, hop.recipient),
        "turn": hop.turn,
        "sent_turn": hop.sent_turn,
        "held": hop.held,
        "waiting": hop.waiting,
        "means": hop.means,
        "fidelity": round(hop.fidelity, 3),
    }


def _alternative(alternative: Alternative) -> dict:
    return {
        "strategy": alternative.strategy,
        "from_turn": alternative.from_turn,
        "score": alternative.score,
        "team_score": alternative.team_score,
        "difference": alternative.difference,
        "signals": [o.to_dict() for o in alternative.outcomes],
    }


def _totals(debrief: Debrief) -> dict:
    """Grand totals over every team: what the CSV's `count` column sums to, by category."""
    actions = sum(sum(not isinstance(a, (EndTurn, CoachAdvice)) for a in t.state.actions) for t in debrief.teams)
    people = sum(len(s.hops) for t in debrief.teams for s in t.signals)
    leaks = sum(int(t.state.leaks.sum()) for t in debrief.teams)
    return {"actions": actions, "people_reached": people, "leaks": leaks}
