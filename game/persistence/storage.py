"""Where the game keeps files for the player and how it writes them so that a crash never leaves half a file.

Files live in the platform's user data folder (platformdirs), or in the
folder named by SIGNAL_RACE_DATA_DIR (tests and portable installs); the error
log lives in the user log folder, or SIGNAL_RACE_LOG_DIR, or `logs` inside an
overridden data folder. Exported reports go where people look for their files:
a "Signal Race" folder in their Documents (see `reports_dir`). Writes are atomic: a temporary file in the same
folder, flushed and fsynced, then renamed over the target (and the folder
fsynced), so a process killed at any moment leaves either the old file or the
new one, never a mix.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

import platformdirs

APP_NAME = "signal-race"
DATA_DIR_VARIABLE = "SIGNAL_RACE_DATA_DIR"
LOG_DIR_VARIABLE = "SIGNAL_RACE_LOG_DIR"
REPORTS_DIR_VARIABLE = "SIGNAL_RACE_REPORTS_DIR"
REPORTS_FOLDER = "Signal Race"  # in the user's Documents: a name people recognise when they browse there
# Test hook: seconds to wait between writing the temporary file and renaming it, so a test can kill the process
# in the middle of a save. Never set in normal use.
SAVE_PAUSE_VARIABLE = "SIGNAL_RACE_TEST_SAVE_PAUSE"
TEMPORARY_SUFFIX = ".tmp"


def _read_umask() -> int:
    """The process's file-creation mask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


UMASK = _read_umask()  # read once, at import, before any thread could create files


def data_dir() -> Path:
    """The folder for the player's files, created on first use."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    folder = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_dir() -> Path:
    """The folder for the error log, created on first use."""
    override = os.environ.get(LOG_DIR_VARIABLE)
    if override:
        folder = Path(override)
    elif os.environ.get(DATA_DIR_VARIABLE):  # a portable or test install keeps everything in one place
        folder = data_dir() / "logs"
    else:
        folder = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def reports_dir() -> Path:
    """The folder exported reports go to, created on first use: "Signal Race" in the user's Documents.

    SIGNAL_RACE_REPORTS_DIR overrides it; a portable or test install (SIGNAL_RACE_DATA_DIR) keeps its reports in
    `reports` inside its data folder, like everything else.
    """
    override = os.environ.get(REPORTS_DIR_VARIABLE)
    if override:
        folder = Path(override)
    elif os.environ.get(DATA_DIR_VARIABLE):
        folder = data_dir() / "reports"
    else:
        folder = Path(platformdirs.user_documents_dir()) / REPORTS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` all at once, or leave it untouched if anything fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, dir=path.parent)
    try:
        os.chmod(temporary, 0o666 & ~UMASK)  # mkstemp makes 0600; the file should be like any other the user saves
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        _test_pause()
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _test_pause() -> None:
    seconds = os.environ.get(SAVE_PAUSE_VARIABLE)
    if seconds:
        time.sleep(float(seconds))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); folders cannot be opened this way on Windows."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
