"""Line styles that tell flows apart without colour: solid (hierarchy), dotted (channel), dashed (network)."""

from __future__ import annotations

import math

import pygame

from game.core.state import VIA_CHANNEL, VIA_NETWORK

Colour = tuple[int, int, int]
DASH = 10  # px
GAP = 7  # px
DOT_SPACING = 9  # px


def styled_line(surface: pygame.Surface, colour: Colour, a: tuple, b: tuple, via: int, width: int = 2) -> None:
    """Draw a→b in the style of how information travels that way."""
    if via == VIA_NETWORK:
        dashed_line(surface, colour, a, b, width)
    elif via == VIA_CHANNEL:
        dotted_line(surface, colour, a, b, max(width, 2))
    else:
        pygame.draw.line(surface, colour, a, b, width)


def dashed_line(surface: pygame.Surface, colour: Colour, a: tuple, b: tuple, width: int = 2) -> None:
    length = math.dist(a, b)
    if length < 1:
        return
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    pos = 0.0
    while pos < length:
        end = min(pos + DASH, length)
        pygame.draw.line(surface, colour, (a[0] + ux * pos, a[1] + uy * pos), (a[0] + ux * end, a[1] + uy * end), width)
        pos += DASH + GAP


def dotted_line(surface: pygame.Surface, colour: Colour, a: tuple, b: tuple, radius: int = 2) -> None:
    length = math.dist(a, b)
    steps = max(int(length // DOT_SPACING), 1)
    for i in range(steps + 1):
        t = i / steps
        pygame.draw.circle(surface, colour, (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), radius)


def token(surface: pygame.Surface, colour: Colour, centre: tuple, via: int, size: int = 7) -> None:
    """A moving token: square (hierarchy), diamond (channel) or circle (network), dark-edged to stand out."""
    x, y = centre
    if via == VIA_NETWORK:
        pygame.draw.circle(surface, colour, centre, size)
        pygame.draw.circle(surface, (0, 0, 0), centre, size, 2)
        return
    if via == VIA_CHANNEL:
        points = [(x, y - size - 2), (x + size + 2, y), (x, y + size + 2), (x - size - 2, y)]
    else:
        points = [(x - size, y - size), (x + size, y - size), (x + size, y + size), (x - size, y + size)]
    pygame.draw.polygon(surface, colour, points)
    pygame.draw.polygon(surface, (0, 0, 0), points, 2)
