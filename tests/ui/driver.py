"""Driving the interface as a player would: posted key presses and mouse clicks through App.step."""

from __future__ import annotations

import pygame
from pygame_gui.elements import UIButton

from game.ui.app import App

FRAME = 1 / 60  # s


def press(app: App, key: int, mod: int = 0, unicode: str = "") -> None:
    down = pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0)
    up = pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode, scancode=0)
    app.step([down, up], FRAME)


def click_at(app: App, pos: tuple[int, int]) -> None:
    app.step(
        [
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
        ],
        FRAME,
    )


def button(app: App, text: str) -> UIButton:
    """The enabled or disabled button of the top screen showing `text`."""
    found = [e for e in app.top.elements if isinstance(e, UIButton) and e.text == text]
    assert found, (
        f"no button {text!r} on {type(app.top).__name__}: {[getattr(e, 'text', '') for e in app.top.elements]}"
    )
    return found[0]


def click(app: App, text: str) -> None:
    """Click the top screen's button labelled with the translation of `text` (a ui. key) or `text` itself."""
    label = app.tr(text) if text.startswith(("ui.", "board.")) else text
    click_at(app, button(app, label).rect.center)


def type_text(app: App, text: str) -> None:
    app.step([pygame.event.Event(pygame.TEXTINPUT, text=text)], FRAME)


def clear_entry(app: App, length: int = 30) -> None:
    for _ in range(length):
        press(app, pygame.K_BACKSPACE)


def top_name(app: App) -> str:
    return type(app.top).__name__
