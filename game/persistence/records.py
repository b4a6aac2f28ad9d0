"""The one reader of save files, for every command and screen: bounded, regular files only, checked to the last type.

Both kinds of save (a game from `play --save`, a session from the window)
go through `read_json`: a regular file of at most MAX_SAVE_BYTES (read no
further), UTF-8 text without NUL, JSON nested at most MAX_DEPTH deep, and
every string real Unicode text (no lone surrogate); then the record's format
and types (record_schema), the keys it leaves out filled with their defaults.
Any failure raises `SaveError` with one sentence naming the file and the
place in it. The pydantic models of record_schema load with the first record
checked, so importing this module (as the window and every command do) stays
light.
"""

from __future__ import annotations

import json
from pathlib import Path

from game.core.replay import SAVE_FORMAT
from game.files import FileRefused, read_regular
from game.persistence.problems import SaveError, SaveProblem, file_problem, short
from game.workshop.limits import SESSION_FORMAT

MAX_SAVE_BYTES = 16 * 1024 * 1024  # bytes; an 8-team workshop of 100 turns is far below this
MAX_DEPTH = 12  # nested objects and lists; a session save is 5 deep
GAME_KEYS = ("format", "scenario", "seed", "actions")  # keys every game save has, whatever its format


def read_json(path: Path) -> object:
    """The JSON value of a save file, checked for size, encoding, nesting and text; SaveError otherwise."""
    try:
        raw = read_regular(path, MAX_SAVE_BYTES)
    except FileRefused as refused:
        raise SaveError(path, file_problem(refused)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SaveError(path, SaveProblem.of("not_text")) from None
    if "\x00" in text:
        raise SaveError(path, SaveProblem.of("not_text"))
    if not text.strip():
        raise SaveError(path, SaveProblem.of("empty"))
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        cut_short = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string")
        detail = f"JSONDecodeError: {error.msg}, line {error.lineno}, column {error.colno}"
        raise SaveError(path, SaveProblem.of("truncated" if cut_short else "not_json", detail=detail)) from None
    except RecursionError:
        raise SaveError(path, SaveProblem.of("too_deep", limit=MAX_DEPTH)) from None
    except ValueError as error:  # a number of more than 4,300 digits
        raise SaveError(path, SaveProblem.of("not_json", detail=short(error))) from None
    _check_shape(path, value)
    return value


def _check_shape(path: Path, value: object) -> None:
    """Nesting at most MAX_DEPTH deep, and no string a text file cannot hold (a lone surrogate, a NUL)."""
    pending: list[tuple[object, str, int]] = [(value, "", 0)]
    while pending:
        item, where, depth = pending.pop()
        if isinstance(item, dict | list) and depth >= MAX_DEPTH:
            raise SaveError(path, SaveProblem.of("too_deep", limit=MAX_DEPTH))
        if isinstance(item, dict):
            for key, inner in item.items():
                place = f"{where}.{key}" if where else str(key)
                _check_text(path, key, place)
                pending.append((inner, place, depth + 1))
        elif isinstance(item, list):
            pending.extend((inner, f"{where}[{i}]", depth + 1) for i, inner in enumerate(item))
        elif isinstance(item, str):
            _check_text(path, item, where or "the file")


def _check_text(path: Path, text: str, where: str) -> None:
    if "\x00" in text:
        raise SaveError(path, SaveProblem.of("bad_text", where=short(repr(where)[1:-1])))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise SaveError(path, SaveProblem.of("bad_text", where=short(repr(where)[1:-1]))) from None


def is_session(record: object) -> bool:
    return isinstance(record, dict) and record.get("kind") == "session"


def read_session_record(path: Path) -> dict:
    """A session save of the format this version reads, every key of the right type; SaveError otherwise."""
    return checked_session(path, read_json(path))


def checked_session(path: Path, record: object) -> dict:
    """A session record found inside another file (a hosted workshop's), checked as a session save is."""
    if not is_session(record):
        raise SaveError(path, SaveProblem.of("foreign"))
    return _checked(path, record, session=True)


def read_game_record(path: Path) -> dict:
    """A game save (`play --save`) of the format this version reads; SaveError otherwise."""
    record = read_json(path)
    if is_session(record):
        raise SaveError(path, SaveProblem.of("session_not_game"))
    return _game(path, record)


def read_any_record(path: Path) -> dict:
    """A session save or a game save, whichever the file holds (for the debrief report)."""
    record = read_json(path)
    return _checked(path, record, session=True) if is_session(record) else _game(path, record)


def _game(path: Path, record: object) -> dict:
    if not _is_game(record):
        raise SaveError(path, SaveProblem.of("foreign"))
    return _checked(path, record, session=False)


def _is_game(record: object) -> bool:
    return isinstance(record, dict) and all(key in record for key in GAME_KEYS)


def _checked(path: Path, record: dict, session: bool) -> dict:
    from game.persistence import record_schema

    expected = SESSION_FORMAT if session else SAVE_FORMAT
    found = record.get("format")
    if found != expected or isinstance(found, bool):
        shown = found if isinstance(found, int | str) and len(str(found)) < 20 else "?"
        older = isinstance(found, int) and not isinstance(found, bool) and 0 < found < expected
        raise SaveError(path, SaveProblem.of("old_format" if older else "format", found=shown, expected=expected))
    checked, problem = record_schema.fitted(record, record_schema.SessionSave if session else record_schema.GameSave)
    if problem is not None:
        raise SaveError(path, problem)
    return checked


def is_save(path: Path) -> bool:
    """Whether `path` holds a save of this game (of any format): a file a new save may replace."""
    try:
        record = read_json(path)
    except SaveError:
        return False
    return is_session(record) or _is_game(record)
