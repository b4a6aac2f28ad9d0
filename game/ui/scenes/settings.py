"""The settings screen: language, fullscreen, text size; each choice applies at once and is kept for next time."""

from __future__ import annotations

from dataclasses import replace

import pygame

from game.core.text import LANGUAGES
from game.ui.scene import Pop
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene
from game.ui.settings import TEXT_SCALES

MARGIN = 64  # px at 1280×720
LABEL_W, CHOICE_W, ROW_H, GAP = 300, 200, 56, 22


class SettingsScene(FormScene):
    def build(self) -> None:
        app, px = self.app, self.app.px
        settings = app.settings
        rows = [
            ("ui.settings.language", [(app.tr(f"ui.language.{code}"), {"language": code}) for code in LANGUAGES]),
            (
                "ui.settings.fullscreen",
                [(app.tr("ui.off"), {"fullscreen": False}), (app.tr("ui.on"), {"fullscreen": True})],
            ),
            ("ui.settings.text_size", [(f"{round(scale * 100)} %", {"text_scale": scale}) for scale in TEXT_SCALES]),
        ]
        self.rows = []
        y = self._top()
        margin = app.space(MARGIN)
        label_w = min(px(LABEL_W), max(app.font(22, True).size(app.tr(key))[0] for key, _ in rows) + px(24))
        most = max(len(choices) for _, choices in rows)
        choice_w = min(px(CHOICE_W), (app.size[0] - 2 * margin - label_w) // most - px(12))
        for key, choices in rows:
            x = margin + label_w
            for text, change in choices:
                chosen = all(getattr(settings, k) == v for k, v in change.items())
                rect = pygame.Rect(x, y, choice_w, px(ROW_H))
                self.button(
                    rect, text, lambda change=change: self._change(change), selected=chosen, object_id="@option"
                )
                x += choice_w + px(12)
            self.rows.append((key, y))
            y += px(ROW_H + GAP)
        self.button(pygame.Rect(margin, y + px(24), choice_w, px(ROW_H)), app.tr("ui.back"), lambda: Pop())

    def _top(self) -> int:
        return self.app.space(MARGIN) + self.app.title_font(40).get_linesize() + self.app.px(24)

    def _change(self, change: dict) -> None:
        self.app.change_settings(replace(self.app.settings, **change))

    def draw(self, surface: pygame.Surface) -> None:
        app, px, colours = self.app, self.app.px, self.app.palette
        margin = app.space(MARGIN)
        draw.line(surface, app.tr("ui.settings.title"), app.title_font(40), colours.text, (margin, margin - px(16)))
        for key, y in self.rows:
            draw.line(surface, app.tr(key), app.font(22, True), colours.text, (margin, y + px(ROW_H) // 2), "midleft")
        draw.line(
            surface,
            app.tr("ui.keys.form"),
            app.font(18),
            colours.text_dim,
            (margin, surface.get_height() - app.space(24)),
            "bottomleft",
        )
        super().draw(surface)
