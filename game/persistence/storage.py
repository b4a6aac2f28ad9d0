"""Where the game keeps files for the player: the user data folder and the log folder.

Files live in the platform's user data folder (platformdirs), or in the
folder named by SIGNAL_RACE_DATA_DIR (tests and portable installs); the error
log lives in the user log folder, or SIGNAL_RACE_LOG_DIR, or `logs` inside an
overridden data folder. Exported reports go where people look for their files:
a "Signal Race" folder in their Documents (see `reports_dir`). Files are written with
`game.files.write_atomically`.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "signal-race"
DATA_DIR_VARIABLE = "SIGNAL_RACE_DATA_DIR"
LOG_DIR_VARIABLE = "SIGNAL_RACE_LOG_DIR"
REPORTS_DIR_VARIABLE = "SIGNAL_RACE_REPORTS_DIR"
REPORTS_FOLDER = "Signal Race"  # in the user's Documents: a name people recognise when they browse there


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
