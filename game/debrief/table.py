"""Every event of every team's game as rows: moves, people learning a signal, and what the game logged.

One row per team move (category `action`), per person learning a signal
(`spread`: its `step` is how they learned it, its `means` the move that
carried it), and per logged happening (`event`: shelved, validated, exposed,
opposed, leak, work, exploited, rival, event). `count` is 1 except for
logged happenings that concern several people or leaks, so summing it by
step gives the summary's totals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from game.core.actions import Action, CoachAdvice, EndTurn, Escalate, InjectEvent
from game.core.model import NO_PERSON, Scenario
from game.debrief.build import Debrief, TeamDebrief
from game.i18n import Translator

COLUMNS = (
    "turn",
    "team",
    "signal",
    "category",
    "step",
    "means",
    "person",
    "counterpart",
    "channel",
    "fidelity",
    "count",
    "text",
)
SPREAD_LOG_KINDS = ("appears", "arrives", "channel", "network", "ask")  # already rows of their own
CATEGORY_ORDER = {"action": 0, "spread": 1, "event": 2}


@dataclass(frozen=True)
class Row:
    turn: int
    team: str
    signal: str  # signal id, empty for moves and events about no signal
    category: str  # action, spread or event
    step: str  # the action's kind, the way a person learned (origin, hierarchy, channel, network), or the event
    means: str  # for spread rows: escalate, delegate, validation, channel, share, post, relay, origin
    person: str  # who acted, learned or is concerned (person id)
    counterpart: str  # an action's recipient, or who told the person who learned
    channel: str  # channel, community, gate or topic id
    fidelity: float | None  # the learner's first copy
    count: int
    text: str  # the sentence, in the report's language

    def values(self) -> list[object]:
        values = [getattr(self, f.name) for f in fields(self)]
        return ["" if v is None else (round(v, 3) if isinstance(v, float) else v) for v in values]


def event_rows(debrief: Debrief, language: str) -> list[Row]:
    translator = Translator(language)
    rows = []
    for team in debrief.teams:
        rows_of_team = _action_rows(team, language) + _spread_rows(team, translator) + _log_rows(team, language)
        rows += sorted(rows_of_team, key=lambda r: (r.turn, CATEGORY_ORDER[r.category]))  # stable: game order kept
    return rows


def _person(scenario: Scenario, index: int) -> str:
    return scenario.org.ids[index] if index != NO_PERSON else ""


def _action_rows(team: TeamDebrief, language: str) -> list[Row]:
    scenario = team.state.scenario
    rows = []
    for turn, action in zip(team.trace.action_turns, team.state.actions):
        if isinstance(action, (EndTurn, CoachAdvice)):  # the coach's record is counted in the summary, not a row
            continue
        data = action.to_dict(scenario)
        rows.append(
            Row(
                turn=turn,
                team=team.name,
                signal=data.get("signal", ""),
                category="action",
                step=action.kind,
                means="",
                person=data.get("person", ""),
                counterpart=data.get("to", "") or _recipient(scenario, action),
                channel=str(
                    data.get("channel") or data.get("community") or data.get("gate") or data.get("topic") or ""
                ),
                fidelity=None,
                count=1,
                text=action.describe(scenario).get(language),
            )
        )
    return rows


def _recipient(scenario: Scenario, action: Action) -> str:
    if isinstance(action, Escalate):
        return _person(scenario, int(scenario.org.manager[action.person]))
    if isinstance(action, InjectEvent):
        return ""
    gate = getattr(action, "gate", None)
    return scenario.org.ids[scenario.gates[gate].approver] if gate is not None else ""


def _spread_rows(team: TeamDebrief, translator: Translator) -> list[Row]:
    scenario = team.state.scenario
    rows = []
    for signal in team.signals:
        signal_id = scenario.signals[signal.signal].id
        for hop in sorted(signal.hops.values(), key=lambda h: (h.turn, h.recipient)):
            channel = ""
            if hop.means == "channel" and hop.channel != NO_PERSON:
                channel = scenario.channels[hop.channel].id
            elif hop.means == "post" and hop.channel != NO_PERSON:
                channel = scenario.communities[hop.channel].id
            names = dict(person=scenario.org.names[hop.recipient], means=translator.tr(f"debrief.means.{hop.means}"))
            if hop.sender != NO_PERSON:
                names["sender"] = scenario.org.names[hop.sender]
            key = "debrief.csv.learned_origin" if hop.sender == NO_PERSON else "debrief.csv.learned"
            rows.append(
                Row(
                    turn=hop.turn,
                    team=team.name,
                    signal=signal_id,
                    category="spread",
                    step=hop.via,
                    means=hop.means,
                    person=scenario.org.ids[hop.recipient],
                    counterpart=_person(scenario, hop.sender),
                    channel=channel,
                    fidelity=None if math.isnan(hop.fidelity) else hop.fidelity,
                    count=1,
                    text=translator.tr(key, **names),
                )
            )
    return rows


def _log_rows(team: TeamDebrief, language: str) -> list[Row]:
    scenario = team.state.scenario
    rows = []
    for entry in team.state.log:
        if entry.kind in SPREAD_LOG_KINDS:
            continue
        rows.append(
            Row(
                turn=entry.turn,
                team=team.name,
                signal=scenario.signals[entry.signal].id if entry.signal >= 0 else "",
                category="event",
                step=entry.kind,
                means="",
                person=_person(scenario, entry.person),
                counterpart="",
                channel="",
                fidelity=None,
                count=entry.count if entry.kind in ("leak", "opposed") else 1,
                text=entry.text.get(language),
            )
        )
    return rows
