"""Where the board's regions sit for a window size: top bar, map, side panel, calendar and log.

Everything grows with the window and the player's text size (App.scale, which
also scales App.font) so a 1920×1080 projector shows the same board as
1280×720; body text never drops below 18 px.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

BODY_PX = 20  # design px (App.font scales them)
SMALL_PX = 18
HEADING_PX = 22
SIDE_WIDTH = 420  # px at the design size
SIDE_MAX_SHARE = 0.42  # the map keeps most of the width on narrow windows
FOOT_MAX_SHARE = 0.26  # ... and the calendar and log at most this share of the height, with large text
PAD = 10  # px at the design size


@dataclass(frozen=True)
class BoardLayout:
    size: tuple[int, int]
    scale: float  # text and spacing multiplier
    top: pygame.Rect
    map: pygame.Rect
    side: pygame.Rect
    calendar: pygame.Rect
    log: pygame.Rect

    def px(self, value: float) -> int:
        return round(value * self.scale)


def board_layout(size: tuple[int, int], scale: float, line_height: int) -> BoardLayout:
    """Regions for a window of `size` whose text is `scale` times the design size (App.scale), given the
    height of a line of body text there."""
    w, h = size
    pad = round(PAD * scale)
    top_h = line_height + 2 * pad
    side_w = min(round(SIDE_WIDTH * scale), round(w * SIDE_MAX_SHARE))
    bottom_h = min(round(line_height * 5.4) + pad, round(h * FOOT_MAX_SHARE))  # the calendar and log scroll
    top = pygame.Rect(0, 0, w, top_h)
    side = pygame.Rect(w - side_w, top_h, side_w, h - top_h)
    map_rect = pygame.Rect(0, top_h, w - side_w, h - top_h - bottom_h)
    half = map_rect.width * 7 // 20
    calendar = pygame.Rect(0, map_rect.bottom, half, bottom_h)
    log = pygame.Rect(half, map_rect.bottom, map_rect.width - half, bottom_h)
    return BoardLayout(size, scale, top, map_rect, side, calendar, log)
