"""Small text helpers for the board's panels: one-line fitting, wrapped blocks, progress bars."""

from __future__ import annotations

import pygame

from game.ui.scenes.draw import wrap

Colour = tuple[int, int, int]
ELLIPSIS = "…"


def fit(text: str, font: pygame.font.Font, width: int) -> str:
    """`text`, cut with an ellipsis so it fits in `width` pixels."""
    if font.size(text)[0] <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if font.size(text[:mid] + ELLIPSIS)[0] <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + ELLIPSIS


def text_line(
    surface: pygame.Surface,
    text: str,
    font: pygame.font.Font,
    colour: Colour,
    pos: tuple[int, int],
    width: int | None = None,
) -> int:
    """Draw one line (fitted to `width` if given); returns its right edge."""
    if width is not None:
        text = fit(text, font, width)
    image = font.render(text, True, colour)
    surface.blit(image, pos)
    return pos[0] + image.get_width()


def block(
    surface: pygame.Surface, text: str, font: pygame.font.Font, colour: Colour, rect: pygame.Rect, max_lines: int = 99
) -> int:
    """Wrapped text inside `rect`, at most `max_lines` (the last one ellipsised); returns the y below it."""
    lines = wrap(text, font, rect.width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = fit(lines[-1] + " " + ELLIPSIS, font, rect.width)
    y = rect.top
    for line in lines:
        if y + font.get_linesize() > rect.bottom:
            break
        surface.blit(font.render(line, True, colour), (rect.left, y))
        y += font.get_linesize()
    return y


def bar(surface: pygame.Surface, rect: pygame.Rect, share: float, colour: Colour, back: Colour) -> None:
    pygame.draw.rect(surface, back, rect, border_radius=3)
    filled = int(rect.width * max(0.0, min(share, 1.0)))
    if filled:
        pygame.draw.rect(surface, colour, (rect.left, rect.top, filled, rect.height), border_radius=3)
