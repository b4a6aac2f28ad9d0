"""The board's pause menu (Escape): resume, save the game, read the rules, or go back to the main menu."""

from __future__ import annotations

import pygame

from game.ui import flow
from game.ui.scene import Pop, Push, Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene
from game.workshop.session import Session

BUTTON_W, BUTTON_H = 360, 58  # design px
TITLE_Y = 120  # design px
MESSAGE_LINES = 3  # the saved message's path may wrap


class PauseMenu(FormScene):
    """An overlay over the board; the board below is not updated meanwhile, so a timer stops too."""

    overlay = True

    def __init__(self, app, session: Session):  # noqa: ANN001 - App
        super().__init__(app)
        self.session = session
        self.message: str | None = None

    def build(self) -> None:
        app = self.app
        width, height = app.size
        top = app.space(TITLE_Y) + app.title_font(44).get_linesize() + app.px(24)
        choices = (
            ("board.pause.resume", lambda: Pop(), "#primary"),
            ("board.pause.save", self.save, None),
            ("help.pause_entry", self.rules, None),
            ("board.pause.menu", flow.back_to_menu, None),
        )
        message_h = round(MESSAGE_LINES * app.font(20).get_linesize() * 1.25)  # room kept for "saved to …"
        room = height - app.space(16) - message_h - top - app.px(24)  # 24: the space between buttons and message
        tight = len(choices) * (self.least_row() + app.px(16)) > room
        gap = app.px(6 if tight else 16)
        button_h = self.row_height(BUTTON_H, room, len(choices), gap)
        rect = pygame.Rect(0, 0, app.px(BUTTON_W), button_h)
        rect.midtop = (width // 2, top)
        for key, action, object_id in choices:
            self.button(rect.copy(), app.tr(key), action, object_id=object_id)
            rect.move_ip(0, button_h + gap)
        top = rect.top + app.px(8)
        self.message_area = pygame.Rect(app.px(80), top, width - app.px(160), height - app.space(16) - top)

    def rules(self) -> Transition:
        from game.ui.scenes.rules import RulesScene

        return Push(RulesScene(self.app, self.session.scenario))

    def save(self) -> Transition | None:
        from game.persistence.saves import save_session

        try:
            path = save_session(self.session)
        except OSError as error:
            self.message = self.app.tr("board.pause.save_failed", reason=error.strerror or str(error))
        else:
            self.message = self.app.tr("board.pause.saved", path=str(path))
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        draw.dim(surface, 215)
        draw.line(
            surface,
            app.tr("board.pause.title"),
            app.title_font(44),
            app.palette.text,
            (surface.get_width() // 2, app.space(TITLE_Y)),
            "midtop",
        )
        if self.message:
            draw.paragraph(surface, self.message, app.font(20), app.palette.text_dim, self.message_area)
        super().draw(surface)

    def controls(self) -> list[tuple[str, pygame.Rect]]:
        if not self.message:
            return super().controls()
        lines = draw.wrap(self.message, self.app.font(20), self.message_area.width)
        height = round(len(lines) * self.app.font(20).get_linesize() * 1.25)
        return [
            *super().controls(),
            ("readout message", pygame.Rect(self.message_area.topleft, (self.message_area.width, height))),
        ]
