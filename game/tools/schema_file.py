"""The committed JSON Schema file (game/scenarios/scenario.schema.json) that editors use to complete scenario keys."""

from __future__ import annotations

import json
from pathlib import Path

from game.files import write_atomically
from game.scenario.schema import json_schema
from game.scenario.shipped import SCENARIO_DIR

SCHEMA_PATH = SCENARIO_DIR / "scenario.schema.json"
SCHEMA_COMMENT = "# yaml-language-server: $schema=scenario.schema.json"  # first line of a shipped scenario


def schema_text() -> str:
    """The schema as the committed file holds it: stable key order, two-space indent, final newline."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema(path: Path = SCHEMA_PATH) -> Path:
    """Write the schema file; returns its path."""
    write_atomically(path, schema_text())
    return path
