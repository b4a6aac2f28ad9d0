"""Rebuilding a saved game or session: the scenario its record names, then every move replayed through the rules.

Used by the command line (replay, report) and the window (load screen, resume),
so a save that cannot be rebuilt gets the same sentence everywhere.
"""

from __future__ import annotations

from pathlib import Path

from game.core import replay
from game.core.errors import ScenarioError
from game.core.model import Scenario
from game.core.state import GameState
from game.persistence.problems import SaveError, SaveProblem, short
from game.scenario.loader import load_scenario
from game.scenario.shipped import resolve_scenario
from game.workshop.session import Session, SessionError


def scenario_of(path: Path, record: dict) -> Scenario:
    """The save's scenario: the file it names (as written, then beside the save), else the shipped one with its id.

    A file that now holds another scenario than the one played is passed over.
    """
    wanted = record.get("scenario_id")
    failure: SaveProblem | None = None
    for reference in _candidates(path, record):
        try:
            found = resolve_scenario(reference)
        except ScenarioError:
            continue
        try:
            scenario = load_scenario(found)
        except ScenarioError as error:
            failure = failure or _scenario_problem(reference, error)
            continue
        if wanted is None or scenario.id == wanted:
            return scenario
        failure = failure or SaveProblem.of("wrong_scenario", scenario=short(wanted), found=short(scenario.id))
    raise SaveError(path, failure or SaveProblem.of("no_scenario", scenario=short(wanted or record["scenario"])))


def _candidates(path: Path, record: dict) -> list[str]:
    reference = record["scenario"]
    candidates = [reference]
    if not Path(reference).is_absolute():
        candidates.append(str(path.parent / reference))
    if record.get("scenario_id"):
        candidates.append(record["scenario_id"])
    return list(dict.fromkeys(candidates))


def _scenario_problem(reference: str, error: ScenarioError) -> SaveProblem:
    first = next((p for p in error.problems if not p.warning), error.problems[0])
    return SaveProblem.of("bad_scenario", scenario=short(reference), detail=short(str(first)))


def changed_since_saved(record: dict, scenario: Scenario) -> bool:
    """Whether the scenario file differs from the one the save was played on."""
    saved = record.get("scenario_digest")
    return bool(saved and scenario.digest and saved != scenario.digest)


def replay_game(path: Path, record: dict, scenario: Scenario) -> GameState:
    """The game a checked game record holds, replayed on `scenario`; SaveError when a move does not fit."""
    try:
        return replay.replay(scenario, record)
    except replay.ReplayError as error:
        problem = _replay_problem(scenario, record, str(error))
    except Exception as error:  # noqa: BLE001 - a hand-edited save may break the replay in any way
        problem = _replay_problem(scenario, record, f"{type(error).__name__}: {error}")
    raise SaveError(path, problem)


def rebuild_session(path: Path, record: dict, scenario: Scenario) -> Session:
    """The session a checked session record holds, every team's moves replayed; SaveError when one does not fit."""
    try:
        return Session.from_record(scenario, record)
    except SessionError as error:
        problem = _replay_problem(scenario, record, str(error))
    except Exception as error:  # noqa: BLE001 - a hand-edited save may break the replay in any way
        problem = _replay_problem(scenario, record, f"{type(error).__name__}: {error}")
    raise SaveError(path, problem)


def _replay_problem(scenario: Scenario, record: dict, detail: str) -> SaveProblem:
    if changed_since_saved(record, scenario):
        return SaveProblem.of("scenario_changed", scenario=scenario.id, detail=short(detail))
    return SaveProblem.of("damaged", detail=short(detail))
