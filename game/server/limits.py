"""A token bucket per connection: a page may send bursts of clicks, never a flood."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

RATE = 10.0  # messages per second a page may send on average
BURST = 30.0  # messages it may send at once (a player clicking fast stays far below)
STRIKES = 50  # refused messages after which the socket is closed


@dataclass
class RateLimit:
    rate: float = RATE
    burst: float = BURST
    clock: Callable[[], float] = time.monotonic
    tokens: float = field(init=False)
    last: float = field(init=False)
    strikes: int = 0  # messages refused so far

    def __post_init__(self) -> None:
        self.tokens = self.burst
        self.last = self.clock()

    def allow(self) -> bool:
        """Whether one more message may go through now; a refusal counts as a strike."""
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
        self.last = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        self.strikes += 1
        return False

    @property
    def exhausted(self) -> bool:
        """So many refusals that the page is misbehaving: close it."""
        return self.strikes >= STRIKES
