"""Scrolling for content taller than its window.

`ScrollList`: a column of equal rows of widgets in a scrollable pane (the mouse wheel and the scroll bar move
it, and keyboard focus on a row scrolls that row into view). `Scroll`: a scroll position for drawn content
(keys, wheel and a thin scroll bar).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame
from pygame_gui.core import UIElement
from pygame_gui.elements import UIScrollingContainer

LINE_STEP = 40  # design px the arrows and one wheel notch move
PAGE_SHARE = 0.9  # PgUp / PgDn move this share of the visible height, so a line of context stays


class ScrollList:
    """Rows `row_h` high, `gap` apart, inside `area`; widgets go in with `rect(index)` and `container`."""

    def __init__(self, scene, area: pygame.Rect, row_h: int, gap: int, count: int):  # noqa: ANN001 - a FormScene
        self.area, self.row_h, self.gap = pygame.Rect(area), row_h, gap
        self.pane = UIScrollingContainer(area, manager=scene.app.ui, allow_scroll_x=False)
        scene.elements.append(self.pane)
        scene.scroll_lists.append(self)
        self.content_h = max(count * (row_h + gap) - gap, 1)
        self.pane.set_scrollable_area_dimensions((area.width, self.content_h))
        self.rows: list[UIElement] = []

    @property
    def container(self):  # noqa: ANN201 - pygame_gui's container type
        return self.pane.get_container()

    @property
    def scrolls(self) -> bool:
        """True when the rows do not all fit, so a scroll bar takes room at the right."""
        return self.content_h > self.area.height

    def rect(self, index: int, left: int = 0, width: int | None = None) -> pygame.Rect:
        """Where row `index` (or part of it, from `left`) lies, relative to the list's scrolling content."""
        bar = self.pane.scroll_bar_width if self.scrolls else 0
        full = self.area.width - bar
        return pygame.Rect(left, index * (self.row_h + self.gap), full - left if width is None else width, self.row_h)

    def holds(self, element: UIElement | None) -> bool:
        return element is not None and element.ui_container is self.container

    def reveal(self, element: UIElement) -> None:
        """Scroll so that `element`, a widget of this list, is entirely visible."""
        if not self.scrolls:
            return
        offset = -self.container.relative_rect.top
        top, bottom = element.relative_rect.top, element.relative_rect.bottom
        view = self.area.height
        if top < offset:
            offset = top
        elif bottom > offset + view:
            offset = bottom - view
        else:
            return
        self.scroll_to(offset)

    def scroll_to(self, offset: int) -> None:
        """Show the content from `offset` px down."""
        offset = max(0, min(offset, self.content_h - self.area.height))
        self.container.set_relative_position((0, -offset))
        bar = self.pane.vert_scroll_bar
        if bar is not None and bar.sliding_button is not None:
            bar.set_scroll_from_start_percentage(offset / self.content_h)
            bar.has_moved_recently = False  # the content is placed already; the bar only follows

    def visible(self, element: UIElement) -> bool:
        """True when `element` shows in the list's window enough to read and click (its middle is inside)."""
        return self.area.collidepoint(element.rect.center)


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
