"""The error screen: a sentence saying what went wrong, and the way back to the menu."""

from __future__ import annotations

import pygame

from game.ui.app import Home
from game.ui.scene import Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene

MARGIN = 64  # px at 1280×720


class ErrorScene(FormScene):
    def __init__(self, app, sentence: str):  # noqa: ANN001 - App
        super().__init__(app)
        self.sentence = sentence

    def build(self) -> None:
        px = self.app.px
        width, height = self.app.size
        rect = pygame.Rect(px(MARGIN), height - px(MARGIN) - px(56), px(260), px(56))
        self.button(rect, self.app.tr("ui.back_to_menu"), self.back)

    def back(self) -> Transition:
        return Home()

    def draw(self, surface: pygame.Surface) -> None:
        app, px, colours = self.app, self.app.px, self.app.palette
        width, height = surface.get_size()
        title = draw.line(surface, app.tr("ui.error.title"), app.font(40, True), colours.bad, (px(MARGIN), px(MARGIN)))
        area = pygame.Rect(px(MARGIN), title.bottom + px(24), width - 2 * px(MARGIN), height - title.bottom - px(200))
        draw.paragraph(surface, self.sentence, app.font(22), colours.text, area)
        super().draw(surface)
