"""Saved games and the autosave: sessions written as JSON in the player's data folder, checked when read back.

A save is the session's record (game.workshop.session, which carries the
format version) plus a few facts for the load screen. Files are written
atomically. A file that cannot be used (missing, too big, not text, cut
short, not JSON, foreign, of another format, damaged, for a scenario that is
gone or has changed) raises `SaveError`, whose problem names what is wrong in
French and English; such a file is listed with its problem and never
overwritten or deleted.

Each game has its own autosave, named after its scenario and the time it was
set up (`autosave-tutorial-20261129-194512-307.json`; games saved before that
naming keep `autosave.json`): rewritten after every team's turn, it lets a
later launch resume the game, whatever else was started meanwhile. The menu
offers every unfinished game's autosave (resume or delete). A finished game is
kept as an ordinary save and its autosave is cleared; an autosave found to hold
a finished game is cleared when the autosaves are listed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from game.core.errors import ScenarioError
from game.core.model import Scenario
from game.persistence.storage import data_dir, write_atomically
from game.scenario.loader import load_scenario
from game.scenario.shipped import resolve_scenario
from game.ui.i18n import Translator
from game.workshop.session import SESSION_FORMAT, Session, SessionError

SAVE_FOLDER = "saves"
AUTOSAVE_STEM = "autosave"
MAX_SAVE_BYTES = 16 * 1024 * 1024  # bytes; an 8-team workshop of 100 turns is far below this
MAX_DETAIL = 160  # characters of a technical detail kept in a message


@dataclass(frozen=True)
class SaveProblem:
    """What is wrong with a save: a translation key (ui.save_problem.*) and the values its sentence needs."""

    key: str
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, what: str, **values: object) -> SaveProblem:
        return cls(f"ui.save_problem.{what}", tuple(values.items()))

    def text(self, translator: Translator) -> str:
        return translator.tr(self.key, **dict(self.values))

    def english(self) -> str:
        return self.text(Translator("en"))


class SaveError(Exception):
    """A save that cannot be loaded; `problem` says why, `reason` in English (logs), `sentence` names the file."""

    def __init__(self, path: Path, problem: SaveProblem):
        self.path = path
        self.problem = problem
        self.reason = problem.english()
        super().__init__(f"{path}: {self.reason}")

    def sentence(self, translator: Translator | None = None) -> str:
        """One sentence for a player or a facilitator: which file, and what is wrong with it."""
        translator = translator or Translator("en")
        return translator.tr("ui.load.failed", file=self.path.name, reason=self.problem.text(translator))


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


def _autosaves() -> list[Path]:
    folder = saves_dir()
    return [folder / f"{AUTOSAVE_STEM}.json", *folder.glob(f"{AUTOSAVE_STEM}-*.json")]


def _free_path(folder: Path, stem: str) -> Path:
    """`stem`.json, unless it exists and is not one of our readable saves (never overwrite a damaged file)."""
    path, number = folder / f"{stem}.json", 2
    while path.exists() and _entry(path).problem is not None:
        path, number = folder / f"{stem}-{number}.json", number + 1
    return path


# ------------------------------------------------------------------ reading


def read_record(path: Path) -> dict:
    """The save's record, checked to be a session of the format this version reads; SaveError otherwise."""
    text = _read_text(path)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        cut_short = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string")
        what = "truncated" if cut_short else "not_json"
        detail = f"JSONDecodeError: {error.msg}, line {error.lineno}, column {error.colno}"
        raise SaveError(path, SaveProblem.of(what, detail=detail)) from None
    except RecursionError:
        raise SaveError(path, SaveProblem.of("too_deep")) from None
    if not isinstance(record, dict) or record.get("kind") != "session":
        raise SaveError(path, SaveProblem.of("foreign"))
    if record.get("format") != SESSION_FORMAT:
        found = record.get("format")
        shown = found if isinstance(found, int | str) and len(str(found)) < 20 else "?"
        older = isinstance(found, int) and not isinstance(found, bool) and 0 < found < SESSION_FORMAT
        raise SaveError(path, SaveProblem.of("old_format" if older else "format", found=shown, expected=SESSION_FORMAT))
    return record


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_SAVE_BYTES:
            raise SaveError(path, SaveProblem.of("too_big", size=size // (1024 * 1024), limit=MAX_SAVE_BYTES // 2**20))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SaveError(path, SaveProblem.of("missing")) from None
    except OSError as error:
        raise SaveError(path, SaveProblem.of("unreadable", detail=_short(error.strerror or error))) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SaveError(path, SaveProblem.of("not_text")) from None
    if "\x00" in text:
        raise SaveError(path, SaveProblem.of("not_text"))
    if not text.strip():
        raise SaveError(path, SaveProblem.of("empty"))
    return text


def list_saves() -> list[SaveEntry]:
    """Every save, newest first; damaged files are listed too, with their problem."""
    entries = [_entry(path) for path in saves_dir().glob("*.json")]
    return sorted(entries, key=lambda e: (e.saved_at, e.path.name), reverse=True)


def _entry(path: Path) -> SaveEntry:
    try:
        record = read_record(path)
        teams = tuple(str(team["name"]) for team in record["teams"])
        return SaveEntry(
            path,
            str(record.get("saved_at", "")),
            str(record["scenario_id"]),
            teams,
            int(record.get("turn", 0)),
            str(record["mode"]),
            over=bool(record.get("over", record.get("ended", False))),
        )
    except SaveError as error:
        return SaveEntry(path, "", "", (), 0, "", error.reason, issue=error.problem)
    except (KeyError, TypeError, ValueError, AttributeError) as damage:
        issue = SaveProblem.of("damaged", detail=_short(f"{type(damage).__name__}: {damage}"))
        return SaveEntry(path, "", "", (), 0, "", issue.english(), issue=issue)


def load_session(path: Path) -> Session:
    """Rebuild the saved session (replaying every move); SaveError names the file and says what is wrong."""
    record = read_record(path)
    scenario = _scenario_of(path, record)
    try:
        return Session.from_record(scenario, record)
    except SessionError as error:
        problem = _replay_problem(scenario, record, str(error))
    except Exception as error:  # noqa: BLE001 - a hand-edited save may break the replay in any way
        problem = _replay_problem(scenario, record, f"{type(error).__name__}: {error}")
    raise SaveError(path, problem)


def _replay_problem(scenario: Scenario, record: dict, detail: str) -> SaveProblem:
    saved_digest = record.get("scenario_digest")
    if saved_digest and scenario.digest and saved_digest != scenario.digest:
        return SaveProblem.of("scenario_changed", scenario=scenario.id, detail=_short(detail))
    return SaveProblem.of("damaged", detail=_short(detail))


def _scenario_of(path: Path, record: dict) -> Scenario:
    """The scenario the save names: its file if it still holds that scenario, else the shipped one with its id."""
    wanted = str(record.get("scenario_id", ""))
    failure: SaveProblem | None = None
    for reference in dict.fromkeys((str(record.get("scenario", "")), wanted)):
        try:
            scenario = load_scenario(resolve_scenario(reference))
        except ScenarioError as error:
            failure = failure or _scenario_problem(reference, error)
            continue
        if scenario.id == wanted:
            return scenario
        failure = failure or SaveProblem.of("wrong_scenario", scenario=_short(wanted), found=_short(scenario.id))
    raise SaveError(path, failure or SaveProblem.of("no_scenario", scenario=_short(wanted)))


def _scenario_problem(reference: str, error: ScenarioError) -> SaveProblem:
    if len(error.problems) == 1 and error.problems[0].line == 0:
        return SaveProblem.of("no_scenario", scenario=_short(reference))
    first = next((p for p in error.problems if not p.warning), error.problems[0])
    return SaveProblem.of("bad_scenario", scenario=_short(reference), detail=_short(str(first)))


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= MAX_DETAIL else text[: MAX_DETAIL - 1] + "…"
