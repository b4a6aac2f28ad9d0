"""The board's pause menu (Escape): resume, save the game, or go back to the main menu."""

from __future__ import annotations

import pygame

from game.ui import flow
from game.ui.scene import Pop, Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene
from game.workshop.session import Session

BUTTON_W, BUTTON_H = 360, 58  # design px
TITLE_Y = 120  # design px


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
        rect = pygame.Rect(0, 0, app.px(BUTTON_W), app.px(BUTTON_H))
        rect.midtop = (width // 2, app.px(TITLE_Y) + app.px(90))
        choices = (
            ("board.pause.resume", lambda: Pop(), "#primary"),
            ("board.pause.save", self.save, None),
            ("board.pause.menu", flow.back_to_menu, None),
        )
        for key, action, object_id in choices:
            self.button(rect.copy(), app.tr(key), action, object_id=object_id)
            rect.move_ip(0, app.px(BUTTON_H + 16))

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
            app.font(44, True),
            app.palette.text,
            (surface.get_width() // 2, app.px(TITLE_Y)),
            "midtop",
        )
        if self.message:
            area = pygame.Rect(
                app.px(80), surface.get_height() - app.px(140), surface.get_width() - app.px(160), app.px(100)
            )
            draw.paragraph(surface, self.message, app.font(20), app.palette.text_dim, area)
        super().draw(surface)
