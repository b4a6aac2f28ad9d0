"""What a page may send, checked before anything acts on it: size, JSON, shape (pydantic, strict), known ids.

A team's messages never name a team: the team is the one whose code opened
the socket, so a team can act only for itself. Facilitator commands are a
separate set, accepted only on the facilitator's socket. A message that fails
a check raises `BadMessage` with the key of the sentence the page shows.
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter, ValidationError

from game.core.actions import ACTION_TYPES, Action, action_from_dict
from game.core.model import Scenario
from game.server.room import BOT_CHOICES

MAX_MESSAGE_BYTES = 4096  # the biggest honest message (an action with long ids) is a few hundred bytes
TEAM_KINDS = ("escalate", "delegate", "validate", "publish", "share", "post", "ask")  # moves a team may send
MAX_INDEX = 1_000_000  # larger than any organisation or event list; bounds integers before any lookup

Index = Annotated[int, Field(ge=0, le=MAX_INDEX)]
Short = Annotated[str, StringConstraints(max_length=200)]


class BadMessage(Exception):
    """A refused message; `key` names the web.refused.* sentence."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Act(_Message):
    type: Literal["act"]
    action: dict[Annotated[str, StringConstraints(max_length=20)], Short | bool] = Field(max_length=8)


class EndTurnMessage(_Message):
    type: Literal["end_turn"]


class Select(_Message):
    """The person (and signal) whose card and moves the page wants."""

    type: Literal["select"]
    person: Index | None = None
    signal: Index | None = None


class Pause(_Message):
    type: Literal["pause"]
    on: bool


class Inject(_Message):
    type: Literal["inject"]
    event: Index


class EndRound(_Message):
    type: Literal["end_round"]


class EndGame(_Message):
    type: Literal["end_game"]


class HandToBot(_Message):
    type: Literal["bot"]
    team: Index
    bot: Literal[BOT_CHOICES] | None  # type: ignore[valid-type]  # None hands the team back to its players


class NewLink(_Message):
    type: Literal["new_link"]
    team: Index


TeamMessage = Act | EndTurnMessage | Select
FacilitatorMessage = Pause | Inject | EndRound | EndGame | HandToBot | NewLink

_TEAM = TypeAdapter(Annotated[TeamMessage, Field(discriminator="type")])
_FACILITATOR = TypeAdapter(Annotated[FacilitatorMessage, Field(discriminator="type")])


def _decode(text: str | bytes | None) -> object:
    if not isinstance(text, str):
        raise BadMessage("web.refused.malformed")
    if len(text.encode("utf-8", errors="replace")) > MAX_MESSAGE_BYTES:
        raise BadMessage("web.refused.too_big")
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise BadMessage("web.refused.malformed") from None


def parse_team(text: str | bytes | None) -> TeamMessage:
    """A team page's message, checked; BadMessage otherwise (a facilitator command included)."""
    try:
        return _TEAM.validate_python(_decode(text))
    except ValidationError:
        raise BadMessage("web.refused.malformed") from None


def parse_facilitator(text: str | bytes | None) -> FacilitatorMessage:
    try:
        return _FACILITATOR.validate_python(_decode(text))
    except ValidationError:
        raise BadMessage("web.refused.malformed") from None


def team_action(message: Act, scenario: Scenario) -> Action:
    """The move a team asks for, rebuilt from ids; only a team's own kinds of move (never an injection)."""
    kind = message.action.get("kind")
    if kind not in TEAM_KINDS or set(message.action) - {"kind", *(f.name for f in fields(ACTION_TYPES[kind]))}:
        raise BadMessage("web.refused.malformed")
    try:
        return action_from_dict(dict(message.action), scenario)
    except (KeyError, ValueError, TypeError, IndexError):
        raise BadMessage("web.refused.malformed") from None
