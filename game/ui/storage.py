"""Where the game keeps files for the player (settings, saved games) and how it writes them safely.

Files live in the platform's user data folder (platformdirs), or in the
folder named by SIGNAL_RACE_DATA_DIR (tests and portable installs). Writes are
atomic: a temporary file in the same folder, flushed and fsynced, then
renamed over the target, so a crash never leaves half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import platformdirs

APP_NAME = "signal-race"
DATA_DIR_VARIABLE = "SIGNAL_RACE_DATA_DIR"


def data_dir() -> Path:
    """The folder for the player's files, created on first use."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    folder = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` all at once, or leave it untouched if anything fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
