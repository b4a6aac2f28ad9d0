"""A screen made of pygame_gui widgets that also works from the keyboard.

pygame_gui has little keyboard focus of its own, so a FormScene keeps a list
of focusable widgets: Tab / Down / Right move forward, Shift+Tab / Up / Left
move back, Enter or Space activates, Escape goes back. A yellow ring shows
the focused widget. Clicking a button and activating it with the keyboard
run the same callback.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import pygame
import pygame_gui
from pygame_gui.core import ObjectID, UIElement
from pygame_gui.elements import UIButton, UITextEntryLine

from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes import draw

Action = Callable[[], Transition | None]
FORWARD = {pygame.K_TAB, pygame.K_DOWN, pygame.K_RIGHT}
BACKWARD = {pygame.K_UP, pygame.K_LEFT}
ACTIVATE = {pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE}
BUTTON_FONT_PX = 22  # the largest button font of assets/theme.json, in design px


class FormScene(Scene):
    """Subclasses lay out their widgets in `build` with `button` / `entry`, and draw their text in `draw`."""

    overlay = False  # True: the scene below stays visible (dimmed) behind this one

    def __init__(self, app):  # noqa: ANN001 - App, imported lazily to avoid a cycle
        super().__init__(app)
        self.elements: list[UIElement] = []
        self.focusables: list[UIElement] = []
        self.actions: dict[UIElement, Action] = {}
        self.scroll_lists: list = []  # ScrollList panes of this screen: focus scrolls their rows into view
        self.full_labels: dict[UIElement, str] = {}  # buttons whose label had to be shortened: the whole label
        self.focus = 0
        self.pointer = (0, 0)  # where the mouse was last seen, for the wheel

    # ------------------------------------------------------------ building

    def build(self) -> None:
        """Create the widgets for the current window size and language."""

    def enter(self) -> None:
        self.build()
        self.focus = min(self.focus, max(len(self.focusables) - 1, 0))
        self._sync_text_focus()

    def leave(self) -> None:
        for element in self.elements:
            element.kill()
        self.elements, self.focusables, self.actions, self.scroll_lists, self.full_labels = [], [], {}, [], {}

    def button(
        self,
        rect: pygame.Rect,
        text: str,
        action: Action | None,
        *,
        tooltip: str | None = None,
        enabled: bool = True,
        selected: bool = False,
        object_id: str | None = None,
        container=None,  # noqa: ANN001 - a pygame_gui container (a ScrollList's), `rect` then relative to it
    ) -> UIButton:
        widget = UIButton(
            rect,
            text,
            manager=self.app.ui,
            tool_tip_text=tooltip,
            object_id=ObjectID(object_id=object_id) if object_id else None,
            container=container,
        )
        self._fit_label(widget, text, tooltip)
        if selected:
            widget.select()
        if not enabled:
            widget.disable()
        self.elements.append(widget)
        if enabled and action is not None:
            self.actions[widget] = action
            self.focusables.append(widget)
        return widget

    def _fit_label(self, widget: UIButton, text: str, tooltip: str | None) -> None:
        """Shorten a label too wide for its button; the whole label shows on hover (tooltip) and on focus (the
        button grows over its neighbours while it has the focus)."""
        border = widget.border_width["left"] + widget.border_width["right"]
        room = widget.rect.width - border - 2 * widget.text_horiz_alignment_padding
        if widget.font is None or widget.font.size(text)[0] <= room:
            return
        widget.set_text(draw.fit(text, widget.font, room))
        whole = html.escape(text)
        widget.set_tooltip(f"{whole}<br>{tooltip}" if tooltip else whole)
        self.full_labels[widget] = text

    def row_height(self, preferred: int, room: int, rows: int, gap: int, font_px: int = BUTTON_FONT_PX) -> int:
        """The height of each of `rows` buttons stacked `gap` px apart in `room` px: `preferred` design px when
        they fit, else less, but never below a line of their text (`font_px` design px)."""
        return max(self.least_row(font_px), min(self.app.px(preferred), (room + gap) // max(rows, 1) - gap))

    def least_row(self, font_px: int = BUTTON_FONT_PX) -> int:
        """The lowest button that holds a line of text of `font_px` design px."""
        return self.app.font(font_px, True).get_linesize() + self.app.px(4)

    def entry(self, rect: pygame.Rect, text: str, limit: int = 24) -> UITextEntryLine:
        widget = UITextEntryLine(rect, manager=self.app.ui, initial_text=text)
        widget.set_text_length_limit(limit)
        self.elements.append(widget)
        self.focusables.append(widget)
        return widget

    # ------------------------------------------------------------ events

    def back(self) -> Transition | None:
        """What Escape does: go back one screen."""
        return Pop()

    def wheel(self, pos: tuple[int, int], y: int) -> None:
        """The mouse wheel turned `y` notches (up is positive) with the pointer at `pos`."""

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.actions:
            self._focus_on(event.ui_element)
            return self.actions[event.ui_element]()
        if event.type == pygame.MOUSEMOTION:
            self.pointer = event.pos
        if event.type == pygame.MOUSEWHEEL:
            self.wheel(self.pointer, event.y)
        if event.type == pygame.MOUSEBUTTONDOWN:
            self._focus_on_entry_at(event.pos)
        if event.type == pygame.KEYDOWN:
            return self.handle_key(event)
        return None

    def handle_key(self, event: pygame.event.Event) -> Transition | None:
        focused = self.focused
        typing = isinstance(focused, UITextEntryLine)
        if event.key == pygame.K_ESCAPE:
            return self.back()
        if event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT or (event.key in BACKWARD and not typing):
            self.move_focus(-1)
        elif self._moves_forward(event.key, typing):
            self.move_focus(+1)
        elif event.key in ACTIVATE and focused in self.actions:
            return self.actions[focused]()
        return None

    @staticmethod
    def _moves_forward(key: int, typing: bool) -> bool:
        """Right moves the cursor in a text entry, and Enter there finishes the entry and moves on."""
        if typing:
            return key in FORWARD - {pygame.K_RIGHT} or key in ACTIVATE - {pygame.K_SPACE}
        return key in FORWARD

    # ------------------------------------------------------------ focus

    @property
    def focused(self) -> UIElement | None:
        return self.focusables[self.focus] if self.focusables else None

    def move_focus(self, step: int) -> None:
        if self.focusables:
            self.focus = (self.focus + step) % len(self.focusables)
            self._sync_text_focus()

    def _focus_on(self, element: UIElement) -> None:
        if element in self.focusables:
            self.focus = self.focusables.index(element)

    def _focus_on_entry_at(self, pos: tuple[int, int]) -> None:
        for element in self.focusables:
            if isinstance(element, UITextEntryLine) and element.rect.collidepoint(pos):
                self.focus = self.focusables.index(element)

    def _sync_text_focus(self) -> None:
        """Typing goes to a focused text entry; any other focus takes it away from entries."""
        focused = self.focused
        for pane in self.scroll_lists:
            if pane.holds(focused):
                pane.reveal(focused)
        self.app.ui.set_focus_set(focused if isinstance(focused, UITextEntryLine) else None)

    def draw_focus(self, surface: pygame.Surface) -> None:
        if self.focused is None:
            return
        panes = [pane.area for pane in self.scroll_lists if pane.holds(self.focused)]
        surface.set_clip(panes[0].inflate(8, 8) if panes else None)  # a row scrolled out of its list shows no ring
        draw.focus_ring(surface, self.focused.rect, self.app.palette.focus, max(3, self.app.px(3)))
        surface.set_clip(None)

    def draw_above(self, surface: pygame.Surface) -> None:
        if self.focused in self.full_labels:
            self._draw_whole_label(surface, self.focused.rect, self.full_labels[self.focused])

    def _draw_whole_label(self, surface: pygame.Surface, button: pygame.Rect, text: str) -> None:
        """The whole label of a focused button whose label was shortened: the button grows to show it."""
        app = self.app
        font, pad = app.font(20), app.px(10)
        width = min(max(font.size(text)[0], button.width - 2 * pad), surface.get_width() - 4 * pad)
        lines = draw.wrap(text, font, width)
        box = pygame.Rect(button.topleft, (width + 2 * pad, max(button.height, len(lines) * font.get_linesize() + pad)))
        box.left = max(pad, min(box.left, surface.get_width() - box.width - pad))
        box.top = min(box.top, surface.get_height() - box.height)
        draw.panel(surface, box, app.palette.background, app.palette.focus, radius=6)
        text_top = box.centery - len(lines) * font.get_linesize() // 2
        for index, line in enumerate(lines):
            draw.line(surface, line, font, app.palette.text, (box.left + pad, text_top + index * font.get_linesize()))

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_focus(surface)

    def controls(self) -> list[tuple[str, pygame.Rect]]:
        """Every widget where it can be clicked: rows of a scrolling list only while they show, cut to the list."""
        panes = {id(scroll.pane) for scroll in self.scroll_lists}
        shown = []
        for element in self.elements:
            if id(element) in panes:
                continue  # the list itself: its rows are reported instead
            scroll = next((s for s in self.scroll_lists if s.holds(element)), None)
            if scroll is None:
                shown.append((_name(element), pygame.Rect(element.rect)))
            elif scroll.visible(element):
                shown.append((_name(element), pygame.Rect(element.rect).clip(scroll.area)))
        return shown


def _name(element: UIElement) -> str:
    text = element.get_text() if isinstance(element, UITextEntryLine) else getattr(element, "text", "")
    return f"{type(element).__name__} {text!r}"
