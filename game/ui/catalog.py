"""The shipped scenarios as the menus show them: loaded once, the tutorial first, broken files kept with their problem.

The main menu lists them on the window's first frame, before anyone has asked to play one. Until the catalog
is loaded, `menu_list` glances at each file's id, title and summary (see `game.scenario.glance`); once the
menu shows, it loads the catalog in the background (`load_in_background`, about 150 ms with the loader's
imports, during which the window still answers), and from then on the list comes from it, so a file the
loader refuses shows as broken there, and the set-up screens find the scenarios loaded.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from game.core.errors import ScenarioError
from game.scenario.glance import Glance, glance
from game.scenario.shipped import shipped_scenarios

if TYPE_CHECKING:
    from game.core.model import Scenario

TUTORIAL_ID = "tutorial"


@dataclass(frozen=True)
class CatalogEntry:
    path: Path
    scenario: Scenario | None
    problem: str | None = None  # the loader's located problems when the file cannot be played


@dataclass(frozen=True)
class Listed:
    """A shipped scenario as a list shows it; no glance when the file cannot be played."""

    path: Path
    glance: Glance | None


_loading: threading.Thread | None = None  # the background load started by the menu


def load_in_background() -> None:
    """Start loading the catalog in a background thread, once."""
    global _loading
    if _loading is None and not catalog_loaded():
        _loading = threading.Thread(target=_load, name="scenario-catalog", daemon=True)
        _loading.start()


def shipped_catalog() -> tuple[CatalogEntry, ...]:
    """Every shipped scenario; the tutorial comes first so a newcomer finds it."""
    loading = _loading
    if loading is not None and loading is not threading.current_thread():
        loading.join()  # the background load is under way: wait for it rather than load twice
    return _load()


@cache
def _load() -> tuple[CatalogEntry, ...]:
    from game.scenario.loader import load_scenario

    entries = []
    for path in shipped_scenarios():
        try:
            entries.append(CatalogEntry(path, load_scenario(path)))
        except ScenarioError as error:
            entries.append(CatalogEntry(path, None, str(error)))
    return tuple(sorted(entries, key=lambda e: _menu_order(e.path, _glance_of(e))))


def catalog_loaded() -> bool:
    return _load.cache_info().currsize > 0


def menu_list() -> tuple[Listed, ...]:
    """Every shipped scenario's id, title and summary, the tutorial first: from the catalog once it is loaded."""
    if not catalog_loaded():
        return _glanced()
    return tuple(Listed(entry.path, _glance_of(entry)) for entry in shipped_catalog())


@cache
def _glanced() -> tuple[Listed, ...]:
    listed = [Listed(path, glance(path)) for path in shipped_scenarios()]
    return tuple(sorted(listed, key=lambda e: _menu_order(e.path, e.glance)))


def _glance_of(entry: CatalogEntry) -> Glance | None:
    scenario = entry.scenario
    return None if scenario is None else Glance(scenario.id, scenario.title, scenario.summary)


def _menu_order(path: Path, shown: Glance | None) -> tuple[bool, str]:
    """The tutorial first, so a newcomer finds it; then by file name."""
    return (shown is None or shown.id != TUTORIAL_ID, path.name)


def playable() -> list[Scenario]:
    return [entry.scenario for entry in shipped_catalog() if entry.scenario is not None]


def title_of(app, scenario_id: str) -> str:  # noqa: ANN001 - App
    """A shipped scenario's title in the chosen language, or its id when it is not shipped (any more)."""
    titles = {listed.glance.id: listed.glance.title for listed in menu_list() if listed.glance is not None}
    return app.text(titles[scenario_id]) if scenario_id in titles else scenario_id
