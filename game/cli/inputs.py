"""The files a command is given, opened through the game's one reader of each kind and refused in one sentence.

Scenarios go through `game.scenario.loader` (by path or shipped id), saves
through `game.persistence.records` and `loading`, exactly as the window opens
them, so a file gets the same verdict on the command line and on screen. The
loader (and pydantic with it) is imported when a file is opened: importing
`game.cli`, which the window goes through, stays light.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game.cli.errors import CommandFailed
from game.core.errors import ScenarioError
from game.persistence.problems import SaveError
from game.scenario.shipped import resolve_scenario

if TYPE_CHECKING:
    from game.core.model import Scenario


def open_scenario(reference: str) -> tuple[Path, Scenario]:
    """A scenario given as a path or a shipped id, and where it was found; problems become a sentence."""
    from game.scenario.loader import load_scenario

    try:
        try:
            path = resolve_scenario(reference)
        except ScenarioError:
            if not os.path.lexists(reference):
                raise
            path = Path(reference)  # something is there, only not a file: the loader says what it is
        return path, load_scenario(path)
    except ScenarioError as error:
        raise scenario_failure(reference, error) from None


def scenario_failure(reference: str, error: ScenarioError) -> CommandFailed:
    """One sentence, after the located problems when there are several."""
    problems = error.problems
    if len(problems) == 1 and problems[0].line == 0:
        return CommandFailed(f"cannot open scenario '{reference}': {problems[0].message}.")
    errors = sum(not p.warning for p in problems)
    noun = "error" if errors == 1 else "errors"
    return CommandFailed(
        f"scenario '{reference}' is not valid ({errors} {noun}, listed above).", details=[str(p) for p in problems]
    )


def read_saved(path: Path, reader: Callable[[Path], dict]) -> tuple[dict, Scenario]:
    """A save read by `reader` (records.read_*), and the scenario it was played on; SaveError becomes a sentence."""
    from game.persistence.loading import changed_since_saved, scenario_of

    try:
        record = reader(path)
        scenario = scenario_of(path, record)
    except SaveError as error:
        raise CommandFailed(error.sentence(full_path=True)) from None
    if changed_since_saved(record, scenario):
        print(f"warning: scenario '{scenario.id}' has changed since {path} was saved.", file=sys.stderr)
    return record, scenario


def rebuilt(path: Path, rebuild: Callable, *arguments: object) -> object:
    """The game or session `rebuild` (loading.replay_game or rebuild_session) makes of a save, or a sentence."""
    try:
        return rebuild(path, *arguments)
    except SaveError as error:
        raise CommandFailed(error.sentence(full_path=True)) from None
