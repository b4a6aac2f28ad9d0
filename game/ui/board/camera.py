"""Zoom and pan of the map: world positions (layout units) to screen pixels and back, vectorised."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

MIN_SCALE = 0.02  # whole 2,000-person org charts fit on screen
MAX_SCALE = 2.5
ZOOM_STEP = 1.25  # per key press or wheel notch
PAN_STEP = 0.15  # share of the viewport moved per arrow key press
FIT_MARGIN = 24  # px left around the content when fitting it


@dataclass
class Camera:
    """screen = world · scale + offset, inside `viewport`."""

    viewport: pygame.Rect
    scale: float = 1.0
    offset: tuple[float, float] = (0.0, 0.0)

    def to_screen(self, world: np.ndarray) -> np.ndarray:
        """float (n, 2) world positions to screen pixels."""
        return world * self.scale + np.asarray(self.offset)

    def to_world(self, point: tuple[float, float]) -> tuple[float, float]:
        return ((point[0] - self.offset[0]) / self.scale, (point[1] - self.offset[1]) / self.scale)

    def fit(
        self,
        bounds: tuple[float, float, float, float],
        min_scale: float = MIN_SCALE,
        insets: tuple[int, int, int, int] = (0, 0, 0, 0),
    ) -> None:
        """Show the whole of `bounds` (min x, min y, max x, max y), no closer than MAX_SCALE nor farther than
        min_scale, inside the viewport less `insets` (left, top, right, bottom: px covered by panels)."""
        x0, y0, x1, y1 = bounds
        left, top, right, bottom = insets
        room = pygame.Rect(
            self.viewport.left + left,
            self.viewport.top + top,
            max(self.viewport.width - left - right, 1),
            max(self.viewport.height - top - bottom, 1),
        )
        room_w = max(room.width - 2 * FIT_MARGIN, 1)
        room_h = max(room.height - 2 * FIT_MARGIN, 1)
        scale = min(room_w / max(x1 - x0, 1.0), room_h / max(y1 - y0, 1.0))
        self.scale = float(np.clip(scale, max(min_scale, MIN_SCALE), MAX_SCALE))
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        self.offset = (room.centerx - cx * self.scale, room.centery - cy * self.scale)
        if (y1 - y0) * self.scale > room_h:  # too tall to fit: start with the top of the chart
            self.offset = (self.offset[0], room.top + FIT_MARGIN - y0 * self.scale)

    def centre_on(self, world: tuple[float, float]) -> None:
        cx, cy = self.viewport.center
        self.offset = (cx - world[0] * self.scale, cy - world[1] * self.scale)

    def zoom(self, factor: float, anchor: tuple[float, float] | None = None) -> None:
        """Zoom by `factor`, keeping the world point under `anchor` (default: viewport centre) in place."""
        anchor = anchor or self.viewport.center
        world = self.to_world(anchor)
        self.scale = float(np.clip(self.scale * factor, MIN_SCALE, MAX_SCALE))
        self.offset = (anchor[0] - world[0] * self.scale, anchor[1] - world[1] * self.scale)

    def pan(self, dx: float, dy: float) -> None:
        self.offset = (self.offset[0] + dx, self.offset[1] + dy)

    def key_pan(self, right: int, down: int) -> None:
        """Arrow keys: the view moves toward the arrow (content slides the other way)."""
        self.pan(-right * self.viewport.width * PAN_STEP, -down * self.viewport.height * PAN_STEP)

    @property
    def key(self) -> tuple:
        """Changes whenever the picture of the map would change."""
        return (self.scale, self.offset, tuple(self.viewport))
