"""Screens as a stack: a scene handles events, updates and draws, and answers with a transition.

`draw` never changes game state; the scene decides what a click means and
calls the session (or the rules) itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.ui.app import App


class Transition:
    """What the scene stack should do after an event or an update."""


@dataclass
class Push(Transition):
    scene: Scene


@dataclass
class Pop(Transition):
    pass


@dataclass
class Replace(Transition):
    scene: Scene


@dataclass
class Quit(Transition):
    pass


class Scene:
    """One screen. Widgets are built in `enter` and removed in `leave`."""

    def __init__(self, app: App):
        self.app = app

    def enter(self) -> None:
        """Build the scene's widgets (pygame_gui elements on `app.ui`)."""

    def leave(self) -> None:
        """Remove the scene's widgets."""

    def resize(self) -> None:
        """The window changed size or language or text size: rebuild the layout."""
        self.leave()
        self.enter()

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        return None

    def update(self, dt: float) -> Transition | None:
        """Advance animations and timers by `dt` seconds."""
        return None

    def draw(self, surface: pygame.Surface) -> None:
        """Draw what is not a widget (pygame_gui draws its own after this)."""

    def draw_above(self, surface: pygame.Surface) -> None:
        """Draw what must show over the widgets (after pygame_gui has drawn them)."""

    def controls(self) -> list[tuple[str, pygame.Rect]]:
        """What a player can click (widgets and hand-drawn hotspots) and the readouts they must not cover, by name,
        where the last layout or frame put them: none of them may leave the window or overlap another."""
        return []
