"""Guards shared by the tests of hostile inputs: failures told in sentences, and reads that end."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator


def told_plainly(text: str) -> bool:
    """True when `text` holds neither a traceback nor "internal error" (game.cli's last barrier)."""
    return "Traceback" not in text and "internal error" not in text


@contextlib.contextmanager
def within_seconds(seconds: int) -> Iterator[None]:
    """Fail, rather than hang the suite, when the block has not returned after `seconds` (a bound, not a timing)."""

    def stop(*_: object) -> None:
        raise AssertionError(f"still running after {seconds} s: it blocked or never ends")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
