"""What the command line prints reaches a terminal: control characters from files are shown escaped, never obeyed.

Titles, names, ids and paths come from files anyone may have written; an
escape sequence in a scenario title could clear the screen, rewrite the
terminal's title or hide text, and a right-to-left override could make a
name read backwards. `safe_terminal` makes every write to stdout and stderr
show such characters as `\\x1b`, `\\u202e`...; `one_line` also escapes line
breaks and tabs, for a value printed inside a line.
"""

from __future__ import annotations

import contextlib
import sys
import unicodedata
from collections.abc import Iterator
from typing import TextIO

BIDI_AND_SEPARATORS = "\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
KEPT = "\n\t"  # layout the command line itself prints


def _escape(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_CONTROLS = [chr(c) for c in range(0x100) if unicodedata.category(chr(c)) == "Cc"] + list(BIDI_AND_SEPARATORS)
_IN_TEXT = str.maketrans({c: _escape(c) for c in _CONTROLS if c not in KEPT})
_IN_LINE = str.maketrans({c: _escape(c) for c in _CONTROLS})


def printable(text: str) -> str:
    """`text` with every control character escaped, except line breaks and tabs."""
    return text.translate(_IN_TEXT)


def one_line(text: object) -> str:
    """`text` as one line: every control character escaped, line breaks and tabs too."""
    return str(text).translate(_IN_LINE)


class SafeStream:
    """A text stream that escapes control characters in everything written to it."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(printable(text))

    def writelines(self, lines: list[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


@contextlib.contextmanager
def safe_terminal() -> Iterator[None]:
    """Escape control characters in all that is printed on stdout and stderr meanwhile."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
