"""A column of equal rows in a scrollable pane: the mouse wheel and the scroll bar move it, and keyboard focus on
a row scrolls that row into view. Used where a list may hold more rows than the screen has room for."""

from __future__ import annotations

import pygame
from pygame_gui.core import UIElement
from pygame_gui.elements import UIScrollingContainer


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
