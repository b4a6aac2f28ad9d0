"""Saved games and the autosave: sessions written as JSON in the player's data folder, checked when read back.

A save is the session's record (game.workshop.session, which carries the
format version) plus a few facts for the load screen. Files are written
atomically and read by `records` (the one reader of saves); a file that
cannot be used raises `SaveError`, whose problem names what is wrong in
French and English. Such a file is listed with its problem and never
overwritten or deleted.

Each game has its own autosave, named after its scenario and the time it was
set up (`autosave-tutorial-20261129-194512-307.json`; games saved before that
naming keep `autosave.json`): rewritten after every team's turn, it lets a
later launch resume the game, whatever else was started meanwhile. The menu
offers every unfinished game's autosave (resume or delete). An autosave that
cannot be resumed is moved aside (renamed `damaged-autosave-<time>.json`, so
the load screen still lists it) and the player is told. A finished game is
kept as an ordinary save and its autosave is cleared; an autosave found to hold
a finished game is cleared when the autosaves are listed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from game.files import write_atomically
from game.i18n import Message
from game.persistence.problems import SaveError, SaveProblem
from game.persistence.records import read_session_record
from game.persistence.storage import data_dir
from game.workshop.session import Session

SAVE_FOLDER = "saves"
AUTOSAVE_STEM = "autosave"
SET_ASIDE_PREFIX = "damaged-autosave"


@dataclass(frozen=True)
class SaveEntry:
    """One file of the saves folder, as the load screen lists it."""

    path: Path
    saved_at: str  # ISO date and time, or "" when the file is unreadable
    scenario_id: str
    teams: tuple[str, ...]
    turn: int
    mode: str
    problem: str | None = None  # why the file cannot be loaded (English), or None
    over: bool = False  # the game was finished when saved
    issue: SaveProblem | None = None  # the same problem, for a translated sentence

    @property
    def saved_minute(self) -> str:
        """When it was saved, to the minute, as players read it: "2026-11-28 00:42"."""
        return self.saved_at.replace("T", " ")[:16]


def saves_dir() -> Path:
    folder = data_dir() / SAVE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# ------------------------------------------------------------------ writing


def save_session(session: Session, stem: str | None = None) -> Path:
    """Write the session to a new file (or to `stem`.json, unless that file is not ours to replace); returns the path."""
    now = datetime.now().replace(microsecond=0)
    stem = stem or f"{session.scenario.id}-{now:%Y%m%d-%H%M%S}"
    path = _free_path(saves_dir(), stem)
    record = session.to_record()
    record |= {"saved_at": now.isoformat(), "turn": session.turn, "over": session.over}
    write_atomically(path, json.dumps(record, ensure_ascii=False, indent=1))
    return path


def autosave(session: Session) -> Path:
    """Keep the latest state of the game being played, in case the machine stops mid-workshop."""
    return save_session(session, autosave_stem(session))


def autosave_stem(session: Session) -> str:
    """The name of the game's own autosave: its scenario and when it was set up, so no other game replaces it."""
    if not session.started_at:
        return AUTOSAVE_STEM  # a game saved before each game had its own autosave keeps the one it had
    stamp = session.started_at.replace("-", "").replace(":", "").replace("T", "-").replace(".", "-")
    return f"{AUTOSAVE_STEM}-{session.scenario.id}-{stamp}"


def clear_autosave(session: Session | None = None) -> None:
    """Forget the game's autosave (every autosave without a game); a damaged autosave is left for the player to see."""
    paths = _autosaves() if session is None else [_free_path(saves_dir(), autosave_stem(session))]
    for path in paths:
        if path.exists() and _entry(path).problem is None:
            path.unlink(missing_ok=True)


def interrupted_games() -> list[SaveEntry]:
    """Every unfinished game's autosave, newest first: the main menu offers them all.

    An autosave that holds a finished game is no longer needed (the game was kept as an ordinary save when it
    ended): it is deleted here.
    """
    unfinished = []
    for path in _autosaves():
        if not path.exists():
            continue
        entry = _entry(path)
        if entry.problem is None and entry.over:
            path.unlink(missing_ok=True)
        elif entry.problem is None:
            unfinished.append(entry)
    return sorted(unfinished, key=lambda e: (e.saved_at, e.path.name), reverse=True)


def interrupted_game() -> SaveEntry | None:
    """The newest autosave of an unfinished game."""
    return next(iter(interrupted_games()), None)


def delete_autosave(entry: SaveEntry) -> None:
    """The players discard an unfinished game: its autosave goes (only an autosave; other saves are never deleted)."""
    if entry.path.parent == saves_dir() and entry.path in _autosaves():
        entry.path.unlink(missing_ok=True)


@dataclass(frozen=True)
class SetAside:
    """An autosave that could not be resumed, and where it went (None when it could not even be moved)."""

    path: Path
    moved_to: Path | None
    issue: SaveProblem

    def notice(self) -> Message:
        """What the players are told: why it could not be resumed, and where it went."""
        if self.moved_to is None:
            return Message.of("ui.autosave.stuck", file=self.path.name, reason=self.issue)
        return Message.of("ui.autosave.set_aside", file=self.moved_to.name, reason=self.issue)


def set_aside_damaged_autosaves() -> list[SetAside]:
    """Move every autosave that cannot be resumed out of the way (never deleting it), so the game autosaves again."""
    moved = []
    for path in _autosaves():
        entry = _entry(path)
        if entry.issue is not None and entry.issue.key != "ui.save_problem.missing":
            moved.append(set_aside(path, entry.issue))
    return moved


def set_aside(path: Path, issue: SaveProblem) -> SetAside:
    """Rename an autosave that cannot be resumed to damaged-autosave-<time>.json (the load screen still lists it)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target: Path | None = _unused(path.parent, f"{SET_ASIDE_PREFIX}-{stamp}")
    try:
        os.rename(path, target)  # a rename never opens the file, whatever it is
    except OSError:
        target = None
    return SetAside(path, target, issue)


def _autosaves() -> list[Path]:
    folder = saves_dir()
    return [folder / f"{AUTOSAVE_STEM}.json", *folder.glob(f"{AUTOSAVE_STEM}-*.json")]


def _free_path(folder: Path, stem: str) -> Path:
    """`stem`.json, unless it exists and is not one of our readable saves (never overwrite a damaged file)."""
    path, number = folder / f"{stem}.json", 2
    while (path.exists() or path.is_symlink()) and _entry(path).problem is not None:
        path, number = folder / f"{stem}-{number}.json", number + 1
    return path


def _unused(folder: Path, stem: str) -> Path:
    """`stem`.json, or `stem`-2.json, ... whichever does not exist yet."""
    path, number = folder / f"{stem}.json", 2
    while path.exists() or path.is_symlink():
        path, number = folder / f"{stem}-{number}.json", number + 1
    return path


# ------------------------------------------------------------------ reading


def list_saves() -> list[SaveEntry]:
    """Every save, newest first; damaged files are listed too, with their problem."""
    entries = [_entry(path) for path in saves_dir().glob("*.json")]
    return sorted(entries, key=lambda e: (e.saved_at, e.path.name), reverse=True)


def _entry(path: Path) -> SaveEntry:
    try:
        record = read_session_record(path)
    except SaveError as error:
        return SaveEntry(path, "", "", (), 0, "", error.reason, issue=error.problem)
    return SaveEntry(
        path,
        record["saved_at"],
        record["scenario_id"],
        tuple(team["name"] for team in record["teams"]),
        record["turn"],
        record["mode"],
        over=record["over"] or record["ended"],
    )


def load_session(path: Path) -> Session:
    """Rebuild the saved session (replaying every move); SaveError names the file and says what is wrong."""
    from game.persistence.loading import rebuild_session, scenario_of  # the scenario loader: not for the menu's list

    record = read_session_record(path)
    return rebuild_session(path, record, scenario_of(path, record))
