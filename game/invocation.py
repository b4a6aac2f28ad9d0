"""How the player started the game, so help and hints quote a command that works for them."""

from __future__ import annotations

import sys
from pathlib import Path

SCRIPT = "python main.py"  # from a clone
MODULE = "python -m game"
COMMAND = "signal-race"  # the installed command and the bundle's executable


def command_name() -> str:
    """'signal-race', 'python -m game' or 'python main.py', from how the program was started (sys.argv[0])."""
    started = Path(
        (sys.argv[0] if sys.argv else "").replace("\\", "/")
    )  # read a Windows path the same way on any system
    if started.stem.lower() == COMMAND:  # the console script, or the bundle (signal-race.exe on Windows)
        return COMMAND
    if started.name == "__main__.py" and started.parent.name == "game":
        return MODULE
    return SCRIPT
