"""A scenario file's text: a regular file of at most MAX_FILE_BYTES, read no further, decoded as UTF-8.

The loader's first stage, and all the main menu needs before it glances at a file's title (`glance`), so it
imports nothing heavier than the file reader.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from game.core.errors import Problem, ScenarioError
from game.files import FileRefused, read_regular, size_text

MAX_FILE_BYTES = 2 * 1024 * 1024  # bytes


@dataclass(frozen=True)
class Source:
    """The text of a scenario file and the SHA-256 of its bytes (saves name the scenario they were played on)."""

    text: str
    digest: str


def read_source(path: str | Path) -> Source:
    """The file's text; `ScenarioError` with one problem when it cannot be read, is too big or is not UTF-8."""
    name = str(path)
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except FileRefused as refused:
        message = f"cannot read the file: {refused.reason}"
        if refused.kind == "too_big":
            message = (
                f"the file is larger than {size_text(MAX_FILE_BYTES)}; a scenario that big is refused, "
                "use `generate:` blocks instead of writing every person out"
            )
        raise ScenarioError([Problem(name, 0, 0, "", message)]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = "the file is not valid UTF-8 text; save it with the UTF-8 encoding"
        raise ScenarioError([Problem(name, line, 1, "", message)]) from None
    return Source(text, hashlib.sha256(raw).hexdigest())
