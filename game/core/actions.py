"""What a team can do in a turn, as frozen records; people, signals and channels by index.

Actions travel through one door (`rules.apply`), are logged, and are saved by
id (`to_dict` / `from_dict`) so a save stays readable and survives reordering.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import ClassVar

from game.core.model import Scenario
from game.core.text import Text

ACTION_COST = 1  # action points per action; only urgent requests cost more (the scenario's `urgent_cost`)


@dataclass(frozen=True)
class Action:
    """Base of every move; `kind` names it in saves."""

    kind: ClassVar[str] = ""
    vertical: ClassVar[bool] = False  # an official, hierarchical move
    horizontal: ClassVar[bool] = False  # an informal, network move
    cost: ClassVar[int] = ACTION_COST

    def describe(self, scenario: Scenario) -> Text:
        """One sentence saying what the action will do, for the player."""
        key = self.kind + ("_urgent" if getattr(self, "urgent", False) else "")
        return _DESCRIPTIONS[key].format(**action_names(self, scenario), cost=self.price(scenario))

    def price(self, scenario: Scenario) -> int:
        """Action points this move costs in `scenario`."""
        return self.cost

    def to_dict(self, scenario: Scenario) -> dict:
        data: dict = {"kind": self.kind}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "urgent":
                if value:  # saved only when set, so ordinary requests read as before
                    data["urgent"] = True
                continue
            data[f.name] = _id_of(f.name, value, scenario)
        return data


@dataclass(frozen=True)
class LineRequest(Action):
    """A move along the org chart: waits for the next occasion the two people share, unless urgent."""

    vertical: ClassVar[bool] = True

    def price(self, scenario: Scenario) -> int:
        return scenario.pace.urgent_cost if getattr(self, "urgent", False) else self.cost


@dataclass(frozen=True)
class Escalate(LineRequest):
    kind: ClassVar[str] = "escalate"
    signal: int
    person: int
    urgent: bool = False


@dataclass(frozen=True)
class Delegate(LineRequest):
    kind: ClassVar[str] = "delegate"
    signal: int
    person: int
    to: int
    urgent: bool = False


@dataclass(frozen=True)
class RequestValidation(Action):
    kind: ClassVar[str] = "validate"
    vertical: ClassVar[bool] = True
    signal: int
    person: int
    gate: int


@dataclass(frozen=True)
class Publish(Action):
    kind: ClassVar[str] = "publish"
    vertical: ClassVar[bool] = True
    signal: int
    person: int
    channel: int


@dataclass(frozen=True)
class Share(Action):
    kind: ClassVar[str] = "share"
    horizontal: ClassVar[bool] = True
    signal: int
    person: int
    to: int


@dataclass(frozen=True)
class Post(Action):
    kind: ClassVar[str] = "post"
    horizontal: ClassVar[bool] = True
    signal: int
    person: int
    community: int


@dataclass(frozen=True)
class AskNetwork(Action):
    kind: ClassVar[str] = "ask"
    horizontal: ClassVar[bool] = True
    person: int
    topic: int


@dataclass(frozen=True)
class InjectEvent(Action):
    """The facilitator fires an event now: one of the scenario's (by index) or a built-in one after them."""

    kind: ClassVar[str] = "inject"
    cost: ClassVar[int] = 0
    event: int


@dataclass(frozen=True)
class CoachAdvice(Action):
    """A record, not a move: the team's next action is the solo coach's advice (see `game.core.coach`).

    It changes nothing in the game, so a replay with or without it is the same game; it sits in the
    action log so saves and replays keep which moves were coached.
    """

    kind: ClassVar[str] = "coach"
    cost: ClassVar[int] = 0


@dataclass(frozen=True)
class EndTurn(Action):
    kind: ClassVar[str] = "end_turn"
    cost: ClassVar[int] = 0


ACTION_TYPES: dict[str, type[Action]] = {
    cls.kind: cls
    for cls in (
        Escalate,
        Delegate,
        RequestValidation,
        Publish,
        Share,
        Post,
        AskNetwork,
        InjectEvent,
        CoachAdvice,
        EndTurn,
    )
}

_PERSON_FIELDS = ("person", "to")


def _id_of(name: str, value: int, scenario: Scenario) -> str:
    if name in _PERSON_FIELDS:
        return scenario.org.ids[value]
    if name == "signal":
        return scenario.signals[value].id
    if name == "gate":
        return scenario.gates[value].id
    if name == "channel":
        return scenario.channels[value].id
    if name == "community":
        return scenario.communities[value].id
    if name == "topic":
        return scenario.tags[value]
    if name == "event":
        return value  # events have no id: saved by their index in the injectable list
    raise KeyError(name)


def _index_of(name: str, value: str, scenario: Scenario) -> int:
    if name in _PERSON_FIELDS:
        return scenario.org.index_of(value)
    if name == "signal":
        return scenario.signal_index(value)
    if name == "topic":
        return scenario.tag_index(value)
    if name == "event":
        return int(value)
    records = {"gate": scenario.gates, "channel": scenario.channels, "community": scenario.communities}
    for i, record in enumerate(records[name]):
        if record.id == value:
            return i
    raise KeyError(value)


def action_from_dict(data: dict, scenario: Scenario) -> Action:
    """Rebuild a saved action; raises KeyError or ValueError on an unknown id or kind."""
    cls = ACTION_TYPES[data["kind"]]
    values = {f.name: _index_of(f.name, data[f.name], scenario) for f in fields(cls) if f.name != "urgent"}
    if "urgent" in {f.name for f in fields(cls)}:
        urgent = data.get("urgent", False)
        if not isinstance(urgent, bool):
            raise ValueError(f"urgent must be true or false, not {urgent!r}")
        values["urgent"] = urgent
    return cls(**values)


def action_names(action: Action, scenario: Scenario) -> dict[str, Text | str]:
    """The names an action's fields stand for, to fill sentences about it."""
    names: dict[str, Text | str] = {}
    for f in fields(action):
        value = getattr(action, f.name)
        if f.name in _PERSON_FIELDS:
            names[f.name] = scenario.org.names[value]
        elif f.name == "signal":
            names[f.name] = scenario.signals[value].title
        elif f.name == "gate":
            names[f.name] = scenario.org.names[scenario.gates[value].approver]
        elif f.name == "channel":
            names[f.name] = scenario.channels[value].name
        elif f.name == "community":
            names[f.name] = scenario.communities[value].name
        elif f.name == "topic":
            names[f.name] = scenario.tag_label(value)
        elif f.name == "urgent":
            continue
        elif f.name == "event":
            from game.core.events import injectable_events

            names[f.name] = injectable_events(scenario)[value].text
    return names


_DESCRIPTIONS = {
    "escalate": Text.of(
        en="{person} raises “{signal}” with their manager at their next meeting (one-to-one, team meeting or letter); may be shelved.",
        fr="{person} remonte « {signal} » à son manager à leur prochaine rencontre (entretien, réunion d'équipe ou lettre) ; peut être mis de côté.",
    ),
    "escalate_urgent": Text.of(
        en="{person} interrupts their manager about “{signal}” now, outside the calendar ({cost:one=# action point|other=# action points}); may be shelved.",
        fr="{person} interrompt son manager au sujet de « {signal} » tout de suite, hors calendrier ({cost:one=# point d'action|other=# points d'action}) ; peut être mis de côté.",
    ),
    "delegate": Text.of(
        en="{person} passes “{signal}” down to {to} at their next meeting (one-to-one, team meeting or letter).",
        fr="{person} transmet « {signal} » à {to} à leur prochaine rencontre (entretien, réunion d'équipe ou lettre).",
    ),
    "delegate_urgent": Text.of(
        en="{person} calls {to} about “{signal}” now, outside the calendar ({cost:one=# action point|other=# action points}).",
        fr="{person} appelle {to} au sujet de « {signal} » tout de suite, hors calendrier ({cost:one=# point d'action|other=# points d'action}).",
    ),
    "validate": Text.of(
        en="{person} asks {gate} to validate “{signal}”: takes turns, restores fidelity, exposes a rumour.",
        fr="{person} demande à {gate} de valider « {signal} » : prend des tours, rétablit la fidélité, démasque une rumeur.",
    ),
    "publish": Text.of(
        en="{person} publishes “{signal}” on {channel} at its next slot: reaches its audience, few pay attention.",
        fr="{person} publie « {signal} » dans {channel} au prochain créneau : touche son audience, peu y prêtent attention.",
    ),
    "share": Text.of(
        en="{person} tells {to} about “{signal}” directly: fast, may distort or leak.",
        fr="{person} parle de « {signal} » à {to} directement : rapide, peut déformer ou fuiter.",
    ),
    "post": Text.of(
        en="{person} posts “{signal}” in {community}: members who care pick it up; may leak.",
        fr="{person} poste « {signal} » dans {community} : les membres intéressés le reprennent ; peut fuiter.",
    ),
    "ask": Text.of(
        en="{person} asks their contacts who knows about {topic}: reveals skills and ties nearby.",
        fr="{person} demande à ses contacts qui s'y connaît en {topic} : révèle compétences et liens proches.",
    ),
    "inject": Text.of(en="The facilitator announces: {event}", fr="L'animateur annonce : {event}"),
    "coach": Text.of(en="The team follows the coach's advice.", fr="L'équipe suit le conseil du coach."),
    "end_turn": Text.of(en="End the turn.", fr="Finir le tour."),
}
