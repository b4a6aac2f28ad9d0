"""The optional planning timer of a workshop: how long the active team has left, pure and testable.

The board owns one per team turn: it calls `tick(dt)` from its `update`, shows
`label()` (and `urgent` in a warning colour), and ends the team's planning
when `tick` returns True. A paused game is simply not ticked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

URGENT_SECONDS = 15  # the last seconds are shown in the warning colour


@dataclass
class PlanningTimer:
    seconds: float  # the whole allowance for one team's planning
    remaining: float = field(init=False)

    def __post_init__(self) -> None:
        if self.seconds <= 0:
            raise ValueError(f"a planning timer needs a positive duration, not {self.seconds}")
        self.remaining = float(self.seconds)

    @classmethod
    def for_session(cls, session) -> PlanningTimer | None:  # noqa: ANN001 - a workshop Session
        """A fresh timer for the active team, or None when the session plays without one."""
        return cls(session.turn_seconds) if session.turn_seconds else None

    def tick(self, dt: float) -> bool:
        """Let `dt` seconds pass; True exactly once, on the tick where time runs out."""
        if self.remaining <= 0:
            return False
        self.remaining = max(0.0, self.remaining - max(dt, 0.0))
        return self.remaining == 0

    @property
    def expired(self) -> bool:
        return self.remaining <= 0

    @property
    def urgent(self) -> bool:
        return self.remaining <= URGENT_SECONDS

    def label(self) -> str:
        """Minutes and seconds left, rounded up so "0:00" means the time is really over."""
        whole = int(-(-self.remaining // 1))
        return f"{whole // 60}:{whole % 60:02d}"
