"""The main menu: solo practice, workshop, load a saved game, settings, quit; the shipped scenarios beside it."""

from __future__ import annotations

import pygame

from game.ui.catalog import shipped_catalog
from game.ui.scene import Push, Quit, Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene

MARGIN = 64  # px at 1280×720
BUTTON_W, BUTTON_H, GAP = 380, 58, 16


class MenuScene(FormScene):
    """The root of the scene stack: every other screen returns here."""

    def build(self) -> None:
        from game.ui.scenes.load import LoadScene
        from game.ui.scenes.settings import SettingsScene
        from game.ui.scenes.solo import SoloSetupScene
        from game.ui.scenes.workshop import WorkshopSetupScene

        app, px = self.app, self.app.px
        entries = [
            ("ui.menu.solo", lambda: Push(SoloSetupScene(app))),
            ("ui.menu.workshop", lambda: Push(WorkshopSetupScene(app))),
            ("ui.menu.load", lambda: Push(LoadScene(app))),
            ("ui.menu.settings", lambda: Push(SettingsScene(app))),
            ("ui.menu.quit", lambda: Quit()),
        ]
        top = self._buttons_top()
        for index, (key, action) in enumerate(entries):
            rect = pygame.Rect(px(MARGIN), top + index * px(BUTTON_H + GAP), px(BUTTON_W), px(BUTTON_H))
            self.button(rect, app.tr(key), action)

    def _buttons_top(self) -> int:
        return self.app.px(MARGIN) + self.app.font(56, True).get_linesize() + self.app.font(22).get_linesize() * 2

    def back(self) -> Transition | None:
        return None  # Escape on the main menu does nothing: quitting is an explicit choice

    def draw(self, surface: pygame.Surface) -> None:
        app, px, colours = self.app, self.app.px, self.app.palette
        width, height = surface.get_size()
        title = draw.line(
            surface, app.tr("ui.title"), app.font(56, True), colours.text, (px(MARGIN), px(MARGIN) - px(20))
        )
        draw.paragraph(
            surface,
            app.tr("ui.tagline"),
            app.font(22),
            colours.text_dim,
            pygame.Rect(title.left, title.bottom, width - 2 * px(MARGIN), app.font(22).get_linesize() * 2 + 4),
            spacing=1.0,
        )
        left = px(MARGIN + BUTTON_W + 48)
        self._draw_scenarios(surface, pygame.Rect(left, self._buttons_top(), width - left - px(MARGIN), height))
        draw.line(
            surface, app.tr("ui.keys.menu"), app.font(18), colours.text_dim, (px(MARGIN), height - px(24)), "bottomleft"
        )
        super().draw(surface)

    def _draw_scenarios(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        app, colours = self.app, self.app.palette
        if area.width < app.px(200):
            return
        y = draw.line(surface, app.tr("ui.menu.scenarios"), app.font(26, True), colours.accent, area.topleft).bottom
        body = app.font(18)
        for entry in shipped_catalog():
            y += app.px(12)
            if entry.scenario is None:
                text = app.tr("ui.scenario.broken", file=entry.path.name)
                y = draw.paragraph(
                    surface, text, body, colours.bad, pygame.Rect(area.left, y, area.width, body.get_linesize() * 2)
                )
                continue
            name = draw.fit(app.text(entry.scenario.title), app.font(22, True), area.width)
            y = draw.line(surface, name, app.font(22, True), colours.text, (area.left, y)).bottom + app.px(4)
            box = pygame.Rect(area.left, y, area.width, round(body.get_linesize() * 1.1 * 4) + 2)
            y = draw.paragraph(surface, app.text(entry.scenario.summary), body, colours.text_dim, box, spacing=1.1)
