"""The `play` and `replay` commands: headless bot games, save files, and replays of them.

A save is the engine's `replay.save_record` plus the bot's name, written as
JSON atomically (temporary file, then `os.replace`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from game.cli_errors import EXIT_USAGE, CommandFailed
from game.cli_report import render, summarize
from game.core import bots, replay
from game.core.errors import ScenarioError
from game.core.model import Scenario
from game.core.text import DEFAULT_LANGUAGE
from game.persistence.storage import write_atomically
from game.scenario.loader import load_scenario
from game.scenario.shipped import resolve_scenario

BOT_NEEDS_HEADLESS = "bots play without the window: add --headless (or drop --bot to play in the window yourself)."
SAVE_KEYS = ("format", "scenario", "seed", "actions")  # keys every save must have


# ------------------------------------------------------------------ play


def run_play(
    scenario_ref: str,
    headless: bool,
    bot: str | None,
    seed: int | None,
    as_json: bool,
    save: str | None,
    language: str = DEFAULT_LANGUAGE,
):
    """Play a whole game with a bot and print its summary; without --headless, open the window on it."""
    if not headless:
        if bot is not None:
            raise CommandFailed(BOT_NEEDS_HEADLESS, EXIT_USAGE)
        from game.cli_ui import run_game

        return run_game(open_scenario(scenario_ref), seed)
    if bot is None:
        raise CommandFailed(f"choose a bot with --bot ({', '.join(bots.BOTS)}).", EXIT_USAGE)
    scenario = open_scenario(scenario_ref)
    state = bots.play_game(scenario, seed, bot)
    if save is not None:
        record = replay.save_record(state)
        if not Path(scenario_ref).is_file():
            record["scenario"] = scenario_ref  # played by shipped id: keep the id, not this machine's path
        record["bot"] = bot
        write_save(Path(save), record)
    print(render(summarize(state, bot, language), as_json, language))


def open_scenario(reference: str) -> Scenario:
    """Load a scenario given as a path or a shipped id; problems become a sentence."""
    try:
        return load_scenario(resolve_scenario(reference))
    except ScenarioError as error:
        raise _scenario_failure(reference, error) from None


def _scenario_failure(reference: str, error: ScenarioError) -> CommandFailed:
    problems = error.problems
    if len(problems) == 1 and problems[0].line == 0:
        return CommandFailed(f"cannot open scenario '{reference}': {problems[0].message}.")
    errors = sum(not p.warning for p in problems)
    sentence = f"scenario '{reference}' is not valid ({_count(errors, 'error')}, listed above)."
    return CommandFailed(sentence, details=[str(p) for p in problems])


def write_save(path: Path, record: dict) -> None:
    """Write the save as JSON atomically, so a crash never leaves half a save."""
    try:
        write_atomically(path, json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    except OSError as error:
        raise CommandFailed(f"cannot write the save {path}: {error.strerror or error}.") from None


# ------------------------------------------------------------------ replay


def run_replay(save: str, as_json: bool, language: str = DEFAULT_LANGUAGE) -> None:
    """Replay a save on its scenario and print the same summary as the original game."""
    path = Path(save)
    record = read_save(path)
    scenario = scenario_of_save(path, record)
    digest = record.get("scenario_digest")
    if digest and scenario.digest and digest != scenario.digest:
        print(f"warning: scenario '{scenario.id}' has changed since {path} was saved.", file=sys.stderr)
    try:
        state = replay.replay(scenario, record)
    except replay.ReplayError as error:
        raise CommandFailed(f"{path} cannot be replayed: {error}.") from None
    bot = record.get("bot")
    print(render(summarize(state, bot if isinstance(bot, str) else None, language), as_json, language))


def read_save(path: Path) -> dict:
    """The save's record, checked enough that replaying it can only fail with a ReplayError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandFailed(f"the save {path} does not exist.") from None
    except OSError as error:
        raise CommandFailed(f"cannot read the save {path}: {error.strerror or error}.") from None
    except UnicodeDecodeError:
        raise CommandFailed(f"{path} is not a Signal Race save: it is not UTF-8 text.") from None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise CommandFailed(f"{path} is not a Signal Race save: it is not valid JSON ({where}).") from None
    check_record(path, record)
    return record


def check_record(path: Path, record: object) -> None:
    """Refuse anything that is not a save of this format, saying what is wrong."""
    foreign = f"{path} is not a Signal Race save"
    if not isinstance(record, dict):
        raise CommandFailed(f"{foreign}: it holds a JSON {type(record).__name__} instead of an object.")
    missing = [key for key in SAVE_KEYS if key not in record]
    if missing:
        raise CommandFailed(f"{foreign}: {_keys(missing)} missing.")
    if record["format"] != replay.SAVE_FORMAT:
        raise CommandFailed(f"{path}: {replay.format_problem(record['format'])}.")
    seed = record["seed"]
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise CommandFailed(f"{path} is damaged: its seed {seed!r} is not a whole number of at least 0.")
    if not isinstance(record["actions"], list):
        raise CommandFailed(f"{path} is damaged: its actions are not a list.")
    if not isinstance(record["scenario"], str) or not record["scenario"]:
        raise CommandFailed(f"{path} is damaged: it does not say which scenario it was played on.")


def scenario_of_save(path: Path, record: dict) -> Scenario:
    """The save's scenario: its path as written, next to the save, else the shipped one with its id."""
    for reference in _scenario_candidates(path, record):
        try:
            found = resolve_scenario(reference)
        except ScenarioError:
            continue
        try:
            return load_scenario(found)
        except ScenarioError as error:
            failure = _scenario_failure(str(found), error)
            failure.sentence = f"{path} cannot be replayed because its {failure.sentence}"
            raise failure from None
    raise CommandFailed(
        f"{path} was played on scenario '{record['scenario']}', which is neither a file "
        "nor a shipped scenario any more."
    )


def _scenario_candidates(path: Path, record: dict) -> list[str]:
    reference = record["scenario"]
    candidates = [reference]
    if not Path(reference).is_absolute():
        candidates.append(str(path.parent / reference))
    if isinstance(record.get("scenario_id"), str):
        candidates.append(record["scenario_id"])
    return candidates


def _keys(names: list[str]) -> str:
    quoted = ", ".join(f"'{name}'" for name in names)
    return f"the key {quoted} is" if len(names) == 1 else f"the keys {quoted} are"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
