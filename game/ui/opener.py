"""Opening a folder in the system's file manager (Explorer, Finder, or whatever xdg-open picks)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WAIT = 3.0  # s: how long to wait for xdg-open / open to say whether it could open the folder


def open_folder(folder: Path) -> bool:
    """Show `folder` in the file manager; False when the system has no way to (the caller then names the folder)."""
    try:
        if sys.platform == "win32":
            os.startfile(folder)  # noqa: S606 - a folder the game itself wrote, opened by its association
            return True
        command = ["open" if sys.platform == "darwin" else "xdg-open", str(folder)]
        opener = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    except OSError:
        return False
    try:
        return opener.wait(timeout=WAIT) == 0
    except subprocess.TimeoutExpired:
        return True  # still starting the file manager: it did not fail
