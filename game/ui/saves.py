"""Saved games: sessions written as JSON in the player's data folder, listed and loaded back.

A save is the session's record (game.workshop.session) plus a few facts for
the load screen. Files are written atomically; a file that cannot be read is
listed with a sentence naming it and is never overwritten.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from game.core.errors import ScenarioError
from game.scenario.loader import load_scenario
from game.scenario.shipped import resolve_scenario
from game.ui.storage import data_dir, write_atomically
from game.workshop.session import Session, SessionError

SAVE_FOLDER = "saves"
AUTOSAVE_STEM = "autosave"


class SaveError(Exception):
    """A save that cannot be written or loaded; `sentence` names the file and the reason (in English, for logs)."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class SaveEntry:
    """One file of the saves folder, as the load screen lists it."""

    path: Path
    saved_at: str  # ISO date and time, or "" when the file is unreadable
    scenario_id: str
    teams: tuple[str, ...]
    turn: int
    mode: str
    problem: str | None = None  # why the file cannot be loaded, or None


def saves_dir() -> Path:
    folder = data_dir() / SAVE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_session(session: Session, stem: str | None = None) -> Path:
    """Write the session to a new file (or to `stem`.json, unless that file is unreadable); returns the path."""
    now = datetime.now().replace(microsecond=0)
    stem = stem or f"{session.scenario.id}-{now:%Y%m%d-%H%M%S}"
    path = _free_path(saves_dir(), stem)
    record = session.to_record()
    record["saved_at"] = now.isoformat()
    record["turn"] = session.turn
    write_atomically(path, json.dumps(record, ensure_ascii=False, indent=1))
    return path


def autosave(session: Session) -> Path:
    """Keep the latest state of the game being played, in case the machine stops mid-workshop."""
    return save_session(session, AUTOSAVE_STEM)


def _free_path(folder: Path, stem: str) -> Path:
    """`stem`.json, unless it exists and is not one of our readable saves (never overwrite a damaged file)."""
    path, number = folder / f"{stem}.json", 2
    while path.exists() and _read(path)[1] is not None:
        path, number = folder / f"{stem}-{number}.json", number + 1
    return path


def _read(path: Path) -> tuple[dict | None, str | None]:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as problem:
        return None, f"{type(problem).__name__}: {problem}"
    if not isinstance(record, dict) or record.get("kind") != "session":
        return None, "not a Signal Race saved game"
    return record, None


def list_saves() -> list[SaveEntry]:
    """Every save, newest first; damaged files are listed too, with their problem."""
    entries = [_entry(path) for path in saves_dir().glob("*.json")]
    return sorted(entries, key=lambda e: (e.saved_at, e.path.name), reverse=True)


def _entry(path: Path) -> SaveEntry:
    record, problem = _read(path)
    if record is None:
        return SaveEntry(path, "", "", (), 0, "", problem)
    try:
        teams = tuple(str(team["name"]) for team in record["teams"])
        return SaveEntry(
            path,
            str(record.get("saved_at", "")),
            str(record["scenario_id"]),
            teams,
            int(record.get("turn", 0)),
            str(record["mode"]),
        )
    except (KeyError, TypeError, ValueError) as damage:
        return SaveEntry(path, "", "", (), 0, "", f"damaged ({type(damage).__name__}: {damage})")


def load_session(path: Path) -> Session:
    """Rebuild the saved session (replaying every move); SaveError names the file and says what is wrong."""
    record, problem = _read(path)
    if record is None:
        raise SaveError(path, problem or "unreadable")
    try:
        scenario = load_scenario(_scenario_path(record))
        return Session.from_record(scenario, record)
    except ScenarioError as error:
        raise SaveError(path, f"its scenario cannot be loaded ({error})") from None
    except SessionError as error:
        raise SaveError(path, str(error)) from None


def _scenario_path(record: dict) -> Path:
    """The scenario file the save names, or the shipped scenario with its id if that file has moved."""
    try:
        return resolve_scenario(str(record.get("scenario", "")))
    except ScenarioError:
        return resolve_scenario(str(record.get("scenario_id", "")))
