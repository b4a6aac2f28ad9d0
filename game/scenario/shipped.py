"""The scenarios shipped with the game, and finding one by path or by id."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from game.core.errors import Problem, ScenarioError
from game.package_data import data_path

SCENARIO_DIR = data_path("scenarios")  # game/scenarios/, inside the package
_ID_LINE = re.compile(r"""^id:[ \t]*["']?([A-Za-z0-9_-]+)["']?[ \t]*(?:#.*)?$""", re.MULTILINE)


def shipped_scenarios() -> list[Path]:
    """Every shipped scenario file, sorted by name."""
    if not SCENARIO_DIR.is_dir():
        return []
    return sorted(p for p in SCENARIO_DIR.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def shipped_id(path: Path) -> str | None:
    """The top-level `id:` of a shipped file, read without loading it."""
    try:
        match = _ID_LINE.search(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return None
    return match.group(1) if match else None


def resolve_scenario(name_or_path: str) -> Path:
    """A path if it exists, else the shipped scenario with that id (or file stem)."""
    path = Path(name_or_path)
    if path.is_file():
        return path
    by_id: dict[str, Path] = {}
    for shipped in shipped_scenarios():
        by_id.setdefault(shipped_id(shipped) or shipped.stem, shipped)
    if name_or_path in by_id:
        return by_id[name_or_path]
    for shipped in by_id.values():
        if shipped.stem == name_or_path:
            return shipped
    close = difflib.get_close_matches(name_or_path, list(by_id), n=1, cutoff=0.5)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    known = ", ".join(sorted(by_id)) or "none"
    message = f"no scenario file or shipped scenario named '{name_or_path}'{hint} (shipped scenarios: {known})"
    raise ScenarioError([Problem(name_or_path, 0, 0, "", message)])
