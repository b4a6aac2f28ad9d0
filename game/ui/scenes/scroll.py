"""A vertical scroll position for content taller than its window: keys, wheel and a thin scroll bar."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

LINE_STEP = 40  # design px the arrows and one wheel notch move
PAGE_SHARE = 0.9  # PgUp / PgDn move this share of the visible height, so a line of context stays


@dataclass
class Scroll:
    offset: int = 0  # px scrolled from the top of the content
    content: int = 0  # px: height of the content
    visible: int = 0  # px: height of the window onto it

    @property
    def limit(self) -> int:
        return max(self.content - self.visible, 0)

    def move(self, step: int) -> None:
        self.offset = max(0, min(self.offset + step, self.limit))

    def resize(self, content: int, visible: int) -> None:
        self.content, self.visible = content, visible
        self.move(0)

    def wheel(self, event: pygame.event.Event, line: int) -> bool:
        """Scroll for a mouse wheel event (`line` px a notch); False for any other event."""
        if event.type != pygame.MOUSEWHEEL:
            return False
        self.move(-event.y * line)
        return True

    def key(self, key: int, line: int) -> bool:
        """Scroll for an arrow, PgUp / PgDn, Home or End; False for any other key. `line`: px of one step."""
        page = round(self.visible * PAGE_SHARE)
        steps = {
            pygame.K_UP: -line,
            pygame.K_DOWN: line,
            pygame.K_PAGEUP: -page,
            pygame.K_PAGEDOWN: page,
            pygame.K_HOME: -self.content,
            pygame.K_END: self.content,
        }
        if key not in steps:
            return False
        self.move(steps[key])
        return True

    def draw_bar(self, surface: pygame.Surface, area: pygame.Rect, colour: tuple, width: int) -> None:
        """A thumb along the right edge of `area` showing what part of the content is in view (none if it all fits)."""
        if self.limit == 0 or self.content == 0:
            return
        height = max(round(area.height * self.visible / self.content), width * 3)
        top = area.top + round((area.height - height) * self.offset / self.limit)
        pygame.draw.rect(surface, colour, pygame.Rect(area.right - width, top, width, height), border_radius=width // 2)
