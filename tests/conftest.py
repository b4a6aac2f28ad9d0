"""Shared test setup: a headless SDL driver and the example scenario."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")  # never open a window, even if a test imports pygame
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SCENARIO = REPO_ROOT / "game" / "scenarios" / "retail-app-outage.yaml"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def example_scenario_path() -> Path:
    """The reference scenario shipped with the game."""
    return EXAMPLE_SCENARIO


@pytest.fixture(scope="session")
def example_scenario(example_scenario_path: Path):
    """The reference scenario, loaded once (scenarios are immutable)."""
    from game.scenario.loader import load_scenario

    return load_scenario(example_scenario_path)
