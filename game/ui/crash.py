"""What happens when a screen fails: the traceback goes to a rotating log file, the players get the error screen.

The log is `errors.log` in the user log folder (game.persistence.storage.log_dir),
rotated at a size cap so a long-running install never fills the disk. Every
warning of the game's modules ("game.*" loggers, e.g. a failed autosave)
lands in the same file.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from game.persistence.storage import log_dir

LOG_FILE = "errors.log"
MAX_LOG_BYTES = 512 * 1024  # bytes per file before it rotates
LOG_BACKUPS = 3  # older files kept: errors.log.1 ... errors.log.3
MAX_SUMMARY = 200  # characters of the error's own message shown on screen
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)


class _QuietLog(RotatingFileHandler):
    """The error log, best effort: on a full or read-only disk a record is dropped, not printed as a traceback."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        pass


def log_file() -> Path:
    return log_dir() / LOG_FILE


def install_log() -> Path:
    """Send the game's warnings and errors to the rotating log file (again, if the log folder changed)."""
    path = log_file()
    logger = logging.getLogger("game")
    handlers = [h for h in logger.handlers if isinstance(h, RotatingFileHandler)]
    if any(Path(h.baseFilename) == path.resolve() for h in handlers):
        return path
    for handler in handlers:
        logger.removeHandler(handler)
        handler.close()
    handler = _QuietLog(path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)
    return path


def record(error: BaseException, where: str) -> Path:
    """Write the error and its traceback to the log; returns the log file's path."""
    path = install_log()
    log.error("unexpected error in %s", where, exc_info=(type(error), error, error.__traceback__))
    for handler in logging.getLogger("game").handlers:
        handler.flush()
    return path


def summary(error: BaseException) -> str:
    """The error in a few words for the screen (the traceback is in the log)."""
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    if len(message) > MAX_SUMMARY:
        message = message[: MAX_SUMMARY - 1] + "…"
    return f"{type(error).__name__}: {message}" if message else type(error).__name__
