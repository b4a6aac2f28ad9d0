"""The error screen: what went wrong in a sentence, where the game is autosaved, where the details are, and the way back to the menu."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui.app import Home
from game.ui.scene import Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene

MARGIN = 64  # px at 1280×720
GAP = 18  # px at 1280×720 between paragraphs
BODY_SIZES = (22, 20, 18, 16)  # design px of the text, largest first: the first that shows it all is used


class ErrorScene(FormScene):
    def __init__(self, app, sentence: str, autosave: Path | None = None, log: Path | None = None):  # noqa: ANN001 - App
        super().__init__(app)
        self.sentence = sentence
        self.autosave = autosave  # the autosave of the game that was interrupted, if there is one
        self.log = log  # the file holding the traceback

    @classmethod
    def for_error(cls, app, error: BaseException, log: Path) -> ErrorScene:  # noqa: ANN001 - App
        """The screen for an unexpected exception: its summary, the interrupted game's autosave, the log file."""
        from game.persistence.saves import interrupted_game
        from game.ui.crash import summary

        try:
            entry = interrupted_game()
        except OSError:
            entry = None
        return cls(app, app.tr("ui.crash.summary", error=summary(error)), entry.path if entry else None, log)

    def build(self) -> None:
        px = self.app.px
        width, height = self.app.size
        rect = pygame.Rect(self.app.space(MARGIN), height - self.app.space(MARGIN) - px(56), px(300), px(56))
        self.button(rect, self.app.tr("ui.back_to_menu"), self.back, object_id="#primary")

    def back(self) -> Transition:
        return Home()

    def paragraphs(self) -> list[tuple[str, bool]]:
        """(text, dim) in reading order."""
        app = self.app
        shown = [(self.sentence, False)]
        if self.log is not None:
            if self.autosave is not None:
                shown.append((app.tr("ui.crash.autosave", path=str(self.autosave)), False))
            else:
                shown.append((app.tr("ui.crash.no_autosave"), False))
            shown.append((app.tr("ui.crash.log", log=str(self.log)), True))
        return shown

    def draw(self, surface: pygame.Surface) -> None:
        app, px, colours = self.app, self.app.px, self.app.palette
        width, height = surface.get_size()
        margin = app.space(MARGIN)
        title = draw.line(surface, app.tr("ui.error.title"), app.title_font(40), colours.bad, (margin, margin))
        y, bottom = title.bottom + px(24), height - margin - px(56) - px(GAP)
        font = self._body_font(width - 2 * margin, bottom - y)
        for text, dim in self.paragraphs():
            area = pygame.Rect(margin, y, width - 2 * margin, max(bottom - y, 0))
            y = draw.paragraph(surface, text, font, colours.text_dim if dim else colours.text, area) + px(GAP)
        super().draw(surface)

    def _body_font(self, width: int, height: int) -> pygame.font.Font:
        """The player's text size, or a smaller one if that is what it takes to show every path whole."""
        app = self.app
        for size in BODY_SIZES:
            font = app.font(size)
            lines = sum(len(draw.wrap(text, font, width)) for text, _ in self.paragraphs())
            step = round(font.get_linesize() * 1.25)
            if lines * step + len(self.paragraphs()) * app.px(GAP) <= height:
                return font
        return font
