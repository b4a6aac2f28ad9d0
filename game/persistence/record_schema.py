"""The keys and types of the two kinds of save, as pydantic models, and their first problem as a located sentence.

A game save (`play --save`) is the engine's replay record plus the bot's
name; a session save ("kind": "session") is a workshop or solo session with
its teams' moves. Types are strict (no "7" for 7, no true for 1); keys this
version does not know are ignored. The moves themselves are checked when they
are replayed (the rules say which are legal), here only that each is an
object of plain values.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.core.competitor import DIFFICULTY
from game.persistence.problems import SaveProblem, Words, short
from game.workshop.limits import MAX_TEAMS, MODES

MAX_TEXT = 4096  # characters of a path or an id in a save
MAX_NAME = 200  # characters of a team's or a bot's name (the window allows 24)
MAX_MOVES = 100_000  # moves of one team: 500 turns of 50 action points each, with room to spare
MAX_SEED = 2**64 - 1
MAX_TURN_SECONDS = 24 * 3600  # a planning timer longer than a day is a typo
MAX_COLOUR = 63  # team colour index (the palette cycles)
VALUE_WORDS = {  # pydantic error type -> what was expected (ui.save_value.*)
    "string_type": "text",
    "int_type": "whole_number",
    "float_type": "number",
    "bool_type": "true_false",
    "list_type": "list",
    "dict_type": "object",
    "model_type": "object",
    "model_attributes_type": "object",
    "none_required": "nothing",
}

Difficulty = Literal[tuple(DIFFICULTY)]  # type: ignore[valid-type]
Mode = Literal[tuple(MODES)]  # type: ignore[valid-type]
Move = dict[str, str | int | bool]  # {"kind": "share", "person": "ana", "to": "ben"}: checked further by the rules
Pending = Annotated[list[Annotated[int, Field(ge=0)]], Field(min_length=2, max_length=2)]  # [turn, event index]
STARTED_AT = r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?)?$"  # names the autosave: a date, never a path


class _Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")


class GameSave(_Record):
    """What `play --save` writes."""

    format: int
    scenario: str = Field(min_length=1, max_length=MAX_TEXT)
    scenario_id: str | None = Field(None, max_length=MAX_TEXT)
    scenario_digest: str | None = Field(None, max_length=MAX_TEXT)
    seed: int = Field(ge=0, le=MAX_SEED)
    difficulty: Difficulty = "normal"
    actions: list[Move] = Field(max_length=MAX_MOVES)
    bot: str | None = Field(None, max_length=MAX_NAME)


class TeamSave(_Record):
    name: str = Field(min_length=1, max_length=MAX_NAME)
    colour: int = Field(0, ge=0, le=MAX_COLOUR)
    planned: bool = False
    pending: list[Pending] = Field([], max_length=MAX_MOVES)  # injected events waiting for the team's next turn
    actions: list[Move] = Field(max_length=MAX_MOVES)


class SessionSave(_Record):
    """What the window saves and autosaves (and `report` reads)."""

    format: int
    kind: Literal["session"]
    scenario: str = Field(min_length=1, max_length=MAX_TEXT)
    scenario_id: str = Field(min_length=1, max_length=MAX_TEXT)
    scenario_digest: str | None = Field(None, max_length=MAX_TEXT)
    seed: int = Field(ge=0, le=MAX_SEED)
    difficulty: Difficulty = "normal"
    mode: Mode
    turn_seconds: int | None = Field(None, ge=1, le=MAX_TURN_SECONDS)
    active: int = Field(0, ge=0, lt=MAX_TEAMS)
    ended: bool = False
    started_at: str = Field("", pattern=STARTED_AT)  # "" in saves made before each game had its own autosave
    teams: list[TeamSave] = Field(min_length=1, max_length=MAX_TEAMS)
    saved_at: str = Field("", max_length=40)
    turn: int = Field(0, ge=0)
    over: bool = False


def fitted(record: dict, model: type[_Record]) -> tuple[dict | None, SaveProblem | None]:
    """`record` with the defaults of the keys it leaves out, or the first key that does not fit, located."""
    try:
        return model.model_validate(record).model_dump(), None
    except ValidationError as invalid:
        return None, _worded(invalid.errors(), model)


def _worded(errors: list[dict], model: type[_Record]) -> SaveProblem:
    place = _place(errors[0]["loc"])
    same_place = [e for e in errors if _place(e["loc"]) == place]  # a union gives one error per choice
    first, where = same_place[0], short(place)
    kind, found = first["type"], first.get("input")
    if kind == "missing":
        return SaveProblem.of("missing_key", where=where)
    if kind in VALUE_WORDS:
        expected = tuple(dict.fromkeys(VALUE_WORDS[e["type"]] for e in same_place if e["type"] in VALUE_WORDS))
        return SaveProblem.of("wrong_type", where=where, expected=Words(expected), found=Words((_kind_of(found),)))
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return SaveProblem.of("out_of_range", where=where, found=short(found))
    if kind in ("too_long", "string_too_long"):
        return SaveProblem.of("too_long", where=where)
    if kind in ("too_short", "string_too_short"):
        return SaveProblem.of("too_short", where=where)
    if kind == "string_pattern_mismatch":  # only started_at has a pattern
        return SaveProblem.of("not_a_date", where=where, found=short(repr(found)))
    if kind == "literal_error":
        allowed = get_args(model.model_fields[first["loc"][0]].annotation)  # only top-level keys are literals
        return SaveProblem.of("not_one_of", where=where, found=short(found), allowed=Words(allowed, quoted=True))
    return SaveProblem.of("damaged", detail=short(f"{where}: {first['msg']}"))


def _place(loc: tuple) -> str:
    """A location as a reader finds it in the file: teams[0].actions[3].kind."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part not in ("str", "int", "bool", "float", "none"):  # the choices of a union, not keys of the file
            text += f".{part}" if text else str(part)
    return text or "the file"


def _kind_of(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true_false"
    for kind, word in ((str, "text"), (int, "whole_number"), (float, "number"), (list, "list"), (dict, "object")):
        if isinstance(value, kind):
            return word
    return "object"
