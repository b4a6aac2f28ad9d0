"""The player's folders and atomic writes, for the window's modules: see game.persistence.storage, which owns them."""

from game.persistence.storage import (
    DATA_DIR_VARIABLE,
    LOG_DIR_VARIABLE,
    data_dir,
    log_dir,
    reports_dir,
    write_atomically,
)

__all__ = ["DATA_DIR_VARIABLE", "LOG_DIR_VARIABLE", "data_dir", "log_dir", "reports_dir", "write_atomically"]
