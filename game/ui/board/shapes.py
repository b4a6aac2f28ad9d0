"""Person markers: one shape per department (with its colour) so departments differ without colour,
filled up to the fidelity with which the person knows the selected signal. Pre-rendered sprites, cached.
"""

from __future__ import annotations

import math
from functools import lru_cache

import pygame

Colour = tuple[int, int, int]
SHAPES = ("circle", "square", "diamond", "triangle", "hexagon")
FILL_STEPS = 10  # fidelity is shown in tenths
OUTLINE = 2  # px
HOLLOW = (21, 27, 38)  # inside of someone who does not know (the board's background)


def shape_of(department: int) -> str:
    return SHAPES[department % len(SHAPES)]


def polygon(shape: str, centre: tuple[float, float], radius: float) -> list[tuple[float, float]]:
    """Corner points of a shape (circles are approximated, for clipping and outlines alike)."""
    cx, cy = centre
    corners = {"square": (4, math.pi / 4), "diamond": (4, 0.0), "triangle": (3, -math.pi / 2), "hexagon": (6, 0.0)}
    count, start = corners.get(shape, (24, 0.0))
    scale = {"square": 1.25, "triangle": 1.3}.get(shape, 1.0)  # visually equal areas
    r = radius * scale
    if shape == "diamond":
        r = radius * 1.25
    if shape == "triangle":
        cy += radius * 0.2
    return [
        (cx + r * math.cos(start + 2 * math.pi * i / count), cy + r * math.sin(start + 2 * math.pi * i / count))
        for i in range(count)
    ]


@lru_cache(maxsize=4096)
def sprite(shape: str, colour: Colour, radius: int, fill_tenths: int) -> pygame.Surface:
    """A marker of `radius` px; `fill_tenths` < 0 is hollow (does not know), 0..10 fills from the bottom."""
    size = radius * 3 + 4
    surface = pygame.Surface((size, size), pygame.SRCALPHA)
    centre = (size / 2, size / 2)
    points = polygon(shape, centre, radius)
    pygame.draw.polygon(surface, HOLLOW, points)
    if fill_tenths > 0:
        top = min(p[1] for p in points)
        bottom = max(p[1] for p in points)
        level = bottom - (bottom - top) * fill_tenths / FILL_STEPS
        surface.set_clip(pygame.Rect(0, math.floor(level), size, size))
        pygame.draw.polygon(surface, colour, points)
        surface.set_clip(None)
    if radius >= 3:
        pygame.draw.polygon(surface, colour, points, width=OUTLINE if radius >= 6 else 1)
    return surface


def fill_tenths(knows: bool, fidelity: float) -> int:
    """-1 for hollow, else the fidelity in tenths (at least one tenth, so knowing always shows)."""
    if not knows:
        return -1
    return max(1, round(fidelity * FILL_STEPS))
