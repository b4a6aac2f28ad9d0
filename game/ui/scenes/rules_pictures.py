"""Small drawings for the rules screen: each of the article's four contrasts, once for the line, once for the network.

Lines follow the board's code, so the pictures teach it too: solid for the
hierarchy, dashed for the network; people are dots, those who hear are filled.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.core.state import VIA_HIERARCHY, VIA_NETWORK
from game.ui.board.lines import styled_line
from game.ui.theme import Palette

PICTURE_SIZE = (168, 104)  # design px of one picture


def picture(kind: str, side: str, palette: Palette, scale: float) -> pygame.Surface:
    """The drawing for contrast `kind` (who, when, what, where) on `side` (line or network)."""
    w, h = (round(v * scale) for v in PICTURE_SIZE)
    surface = pygame.Surface((w, h), pygame.SRCALPHA)
    pygame.draw.rect(surface, palette.panel, surface.get_rect(), border_radius=round(8 * scale))
    _DRAWINGS[(kind, side)](_Pen(surface, palette, scale))
    return surface


class _Pen:
    """Drawing in design units (the picture is 168×104 at scale 1)."""

    def __init__(self, surface: pygame.Surface, palette: Palette, scale: float):
        self.surface, self.palette, self.scale = surface, palette, scale

    def at(self, x: float, y: float) -> tuple[int, int]:
        return round(x * self.scale), round(y * self.scale)

    def link(self, a: tuple, b: tuple, via: int, colour: tuple | None = None) -> None:
        default = self.palette.hierarchy if via == VIA_HIERARCHY else self.palette.network
        styled_line(self.surface, colour or default, self.at(*a), self.at(*b), via, max(2, round(2 * self.scale)))

    def person(self, xy: tuple, hears: bool, colour: tuple | None = None, ring: bool = False) -> None:
        colour = colour or self.palette.accent
        radius = round(7 * self.scale)
        if hears:
            pygame.draw.circle(self.surface, colour, self.at(*xy), radius)
        else:
            pygame.draw.circle(self.surface, self.palette.text_dim, self.at(*xy), radius, max(1, round(2 * self.scale)))
        if ring:
            pygame.draw.circle(self.surface, self.palette.focus, self.at(*xy), radius + round(4 * self.scale), 2)

    def box(self, x: float, y: float, w: float, h: float, colour: tuple, filled: bool) -> None:
        rect = pygame.Rect(*self.at(x, y), round(w * self.scale), round(h * self.scale))
        pygame.draw.rect(self.surface, colour, rect, 0 if filled else max(1, round(2 * self.scale)), border_radius=3)

    def bar(self, x: float, y: float, share: float, colour: tuple) -> None:
        """A fidelity gauge 30 wide under a person: the filled part is what is left of the message."""
        self.box(x - 15, y, 30, 6, self.palette.panel_edge, True)
        self.box(x - 15, y, 30 * share, 6, colour, True)


def _who_line(pen: _Pen) -> None:
    boss, reports = (84, 20), [(34, 78), (84, 78), (134, 78)]
    for report in reports:
        pen.link(boss, report, VIA_HIERARCHY, pen.palette.panel_edge)
    pen.link(boss, reports[0], VIA_HIERARCHY)
    pen.person(boss, True, ring=True)
    for i, report in enumerate(reports):
        pen.person(report, i == 0)


def _who_network(pen: _Pen) -> None:
    centre = (84, 52)
    around = [(24, 22), (70, 12), (140, 22), (150, 74), (100, 94), (30, 84)]
    interested = {0, 2, 3, 5}
    for i, other in enumerate(around):
        pen.link(centre, other, VIA_NETWORK, None if i in interested else pen.palette.panel_edge)
    pen.person(centre, True)
    for i, other in enumerate(around):
        pen.person(other, i in interested, pen.palette.network)


def _when_line(pen: _Pen) -> None:
    for day in range(7):
        meeting = day % 3 == 2
        pen.box(8 + day * 22, 40, 18, 26, pen.palette.accent if meeting else pen.palette.panel_edge, meeting)
    pen.person((17, 20), True)  # the message now...
    pen.link((17, 20), (61, 20), VIA_HIERARCHY)  # ... waits for the next meeting
    pen.person((61, 20), False)
    pen.box(8, 80, 152, 4, pen.palette.text_dim, True)


def _when_network(pen: _Pen) -> None:
    pen.link((30, 52), (138, 52), VIA_NETWORK)
    pen.person((30, 52), True, pen.palette.network)
    pen.person((138, 52), True, pen.palette.network)
    bolt = [(88, 14), (72, 54), (86, 54), (78, 92), (100, 46), (86, 46), (96, 14)]
    pygame.draw.polygon(pen.surface, pen.palette.warning, [pen.at(x, y) for x, y in bolt])


def _what_line(pen: _Pen) -> None:
    chain = [(28, 30), (84, 30), (140, 30)]
    for a, b in zip(chain, chain[1:]):
        pen.link(a, b, VIA_HIERARCHY)
    for xy in chain:
        pen.person(xy, True)
        pen.bar(xy[0], 50, 1.0, pen.palette.good)
    tick = [(118, 78), (128, 88), (148, 66)]  # validation: back to a faithful copy
    pygame.draw.lines(pen.surface, pen.palette.good, False, [pen.at(x, y) for x, y in tick], round(4 * pen.scale))


def _what_network(pen: _Pen) -> None:
    chain = [(20, 34), (62, 34), (104, 34), (146, 34)]
    for a, b in zip(chain, chain[1:]):
        pen.link(a, b, VIA_NETWORK)
    for xy, share in zip(chain, (1.0, 0.8, 0.65, 0.45)):
        pen.person(xy, True, pen.palette.network)
        pen.bar(xy[0], 54, share, pen.palette.warning)


def _chart(pen: _Pen) -> list[tuple]:
    """Two departments side by side under one boss; returns [boss, left head, left report, right head, right report]."""
    left, right = pen.palette.department(0), pen.palette.department(2)
    pen.box(6, 36, 74, 64, left, False)
    pen.box(88, 36, 74, 64, right, False)
    people = [(84, 14), (43, 50), (43, 84), (125, 50), (125, 84)]
    for boss, report in ((0, 1), (0, 3), (1, 2), (3, 4)):
        pen.link(people[boss], people[report], VIA_HIERARCHY, pen.palette.panel_edge)
    return people


def _where_line(pen: _Pen) -> None:
    people = _chart(pen)
    pen.link(people[2], people[1], VIA_HIERARCHY)
    pen.link(people[1], people[0], VIA_HIERARCHY)
    for i, xy in enumerate(people):
        pen.person(xy, i in (0, 1, 2))


def _where_network(pen: _Pen) -> None:
    people = _chart(pen)
    pen.link(people[2], people[4], VIA_NETWORK)
    for i, xy in enumerate(people):
        pen.person(xy, i in (2, 4), pen.palette.network)


_DRAWINGS: dict[tuple[str, str], Callable[[_Pen], None]] = {
    ("who", "line"): _who_line,
    ("who", "network"): _who_network,
    ("when", "line"): _when_line,
    ("when", "network"): _when_network,
    ("what", "line"): _what_line,
    ("what", "network"): _what_network,
    ("where", "line"): _where_line,
    ("where", "network"): _where_network,
}
