"""Hit-testing: which person is under the pointer, and which hand-drawn control was clicked."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pygame

MIN_PICK_RADIUS = 12  # px: a person is easy to hit even when drawn as a dot


def person_at(screen_xy: np.ndarray, point: tuple[float, float], radius: float) -> int | None:
    """The person drawn nearest to `point`, if within `radius` (or MIN_PICK_RADIUS) pixels."""
    if len(screen_xy) == 0:
        return None
    d2 = ((screen_xy - np.asarray(point, dtype=float)) ** 2).sum(axis=1)
    best = int(np.argmin(d2))
    reach = max(radius, MIN_PICK_RADIUS)
    return best if d2[best] <= reach * reach else None


@dataclass
class Hotspots:
    """Rectangles drawn this frame with what a click on each means (last drawn wins), and the readouts that no
    control may cover (the top bar's team, turn, points and timer)."""

    spots: list[tuple[pygame.Rect, Any]] = field(default_factory=list)
    readouts: list[tuple[pygame.Rect, str]] = field(default_factory=list)

    def clear(self) -> None:
        self.spots.clear()
        self.readouts.clear()

    def add(self, rect: pygame.Rect, target: Any) -> None:
        self.spots.append((pygame.Rect(rect), target))

    def readout(self, rect: pygame.Rect, name: str) -> None:
        self.readouts.append((pygame.Rect(rect), name))

    def at(self, point: tuple[int, int]) -> Any:
        for rect, target in reversed(self.spots):
            if rect.collidepoint(point):
                return target
        return None

    def rect_of(self, target: Any) -> pygame.Rect | None:
        for rect, candidate in self.spots:
            if candidate == target:
                return rect
        return None
