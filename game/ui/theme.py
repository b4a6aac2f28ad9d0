"""Colours and fonts of the interface: the Okabe–Ito colour-blind-safe palette and the pygame_gui theme.

Team and department colours come from Okabe & Ito's palette, which stays
distinguishable under the common colour-vision deficiencies; interface
colours keep text at a high contrast on a dark background so it reads on a
projector. The pygame_gui theme lives in game/assets/theme.json; its font sizes
are scaled here by the player's text size setting.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from functools import cache

import pygame

from game.package_data import data_path

Colour = tuple[int, int, int]

THEME_FILE = data_path("assets", "theme.json")
FONT_DIR = data_path("assets", "fonts")  # Noto Sans (SIL Open Font License, OFL.txt beside it): every French accent
FONT_FILES = {False: FONT_DIR / "NotoSans-Regular.ttf", True: FONT_DIR / "NotoSans-Bold.ttf"}

BODY_PX = 20  # body text at text size 1.0: at least 18 px so it reads on a projector
SMALL_PX = 18
HEADING_PX = 30
TITLE_PX = 56


def _hex(code: str) -> Colour:
    return tuple(int(code[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


# Okabe–Ito, black left out (it vanishes on the dark background); a light grey takes the eighth place.
OKABE_ITO = tuple(
    _hex(c) for c in ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#BBBBBB")
)
OKABE_ITO_NAMES = ("orange", "sky_blue", "green", "yellow", "blue", "vermillion", "purple", "grey")


@dataclass(frozen=True)
class Palette:
    """Named colours: `teams[i]` for team colour index i, `departments[i]` cycles the same hues."""

    teams: tuple[Colour, ...] = OKABE_ITO
    team_names: tuple[str, ...] = OKABE_ITO_NAMES
    background: Colour = _hex("#151B26")
    panel: Colour = _hex("#222B3A")
    panel_edge: Colour = _hex("#3B4860")
    text: Colour = _hex("#F4F4F4")
    text_dim: Colour = _hex("#B9C2CF")
    accent: Colour = _hex("#56B4E9")  # sky blue
    focus: Colour = _hex("#F0E442")  # yellow: the keyboard focus ring
    good: Colour = _hex("#009E73")  # bluish green: races won
    bad: Colour = _hex("#D55E00")  # vermillion: races lost
    warning: Colour = _hex("#E69F00")  # orange
    hierarchy: Colour = _hex("#F4F4F4")
    network: Colour = _hex("#CC79A7")
    channel: Colour = _hex("#E69F00")
    departments: tuple[Colour, ...] = field(default=OKABE_ITO)

    def team(self, index: int) -> Colour:
        return self.teams[index % len(self.teams)]

    def department(self, index: int) -> Colour:
        return self.departments[index % len(self.departments)]


PALETTE = Palette()


@cache
def _theme_file() -> dict:
    return json.loads(THEME_FILE.read_text(encoding="utf-8"))


def scaled_theme(text_scale: float) -> dict:
    """The pygame_gui theme with every font size multiplied by `text_scale`."""
    theme = copy.deepcopy(_theme_file())
    for block in theme.values():
        font = block.get("font") if isinstance(block, dict) else None
        if font and "size" in font:
            font["size"] = str(round(int(font["size"]) * text_scale))
    return theme


@cache
def font(size_px: int, bold: bool = False) -> pygame.font.Font:
    """A Noto Sans font at an exact pixel size (callers apply the text scale)."""
    return pygame.font.Font(str(FONT_FILES[bold]), max(6, size_px))
