"""A message over every screen: the autosave failed (and is tried again after each turn), or it works again.

The game underneath goes on; a warning stays until the situation changes,
good news fades after a few seconds. The text is read in the window's
language of the moment, so switching language re-words it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.i18n import Message
from game.ui.scenes import draw

if TYPE_CHECKING:
    from game.ui.app import App

GOOD_NEWS_SECONDS = 6.0  # how long a banner with good news stays
MARGIN, PADDING, TEXT_PX = 12, 10, 18  # design px


@dataclass
class Banner:
    message: Message
    warning: bool  # bad news: stays until replaced
    seconds_left: float = GOOD_NEWS_SECONDS  # good news only

    def age(self, dt: float) -> bool:
        """Advance by `dt` seconds; False once it should disappear."""
        if self.warning:
            return True
        self.seconds_left -= dt
        return self.seconds_left > 0

    def draw(self, app: App, surface: pygame.Surface) -> None:
        px, palette, font = app.px, app.palette, app.font(TEXT_PX, True)
        width = surface.get_width() - 2 * px(MARGIN)
        lines = draw.wrap(self.message.text(app.translator), font, width - 2 * px(PADDING))[:3]
        height = font.get_linesize() * len(lines) + 2 * px(PADDING)
        box = pygame.Rect(px(MARGIN), px(MARGIN), width, height)
        draw.panel(surface, box, palette.panel, palette.bad if self.warning else palette.good)
        y = box.top + px(PADDING)
        for line in lines:
            draw.line(surface, line, font, palette.text, (box.left + px(PADDING), y))
            y += font.get_linesize()
