"""The shipped scenarios as the menus show them: loaded once, the tutorial first, broken files kept with their problem."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from game.core.errors import ScenarioError
from game.core.model import Scenario
from game.scenario.loader import load_scenario
from game.scenario.shipped import shipped_scenarios

TUTORIAL_ID = "tutorial"


@dataclass(frozen=True)
class CatalogEntry:
    path: Path
    scenario: Scenario | None
    problem: str | None = None  # the loader's located problems when the file cannot be played


@cache
def shipped_catalog() -> tuple[CatalogEntry, ...]:
    """Every shipped scenario; the tutorial comes first so a newcomer finds it."""
    entries = []
    for path in shipped_scenarios():
        try:
            entries.append(CatalogEntry(path, load_scenario(path)))
        except ScenarioError as error:
            entries.append(CatalogEntry(path, None, str(error)))
    return tuple(sorted(entries, key=lambda e: (e.scenario is None or e.scenario.id != TUTORIAL_ID, e.path.name)))


def playable() -> list[Scenario]:
    return [entry.scenario for entry in shipped_catalog() if entry.scenario is not None]


def title_of(app, scenario_id: str) -> str:  # noqa: ANN001 - App
    """A shipped scenario's title in the chosen language, or its id when it is not shipped (any more)."""
    titles = {scenario.id: scenario.title for scenario in playable()}
    return app.text(titles[scenario_id]) if scenario_id in titles else scenario_id
