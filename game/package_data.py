"""Files shipped inside the `game` package: interface assets, fonts, translations, scenarios and their JSON Schema.

They are found through importlib.resources, never through the repository's
layout, so the same code works from a clone, an installed wheel (pip, pipx)
and a PyInstaller bundle.
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

_extracted = ExitStack()  # files copied out of a zipped install, removed when the process ends
atexit.register(_extracted.close)


@cache
def data_path(*parts: str) -> Path:
    """The file-system path of a file or folder shipped in the game package, e.g. data_path("assets", "theme.json")."""
    return _extracted.enter_context(as_file(files("game").joinpath(*parts)))
