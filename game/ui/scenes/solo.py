"""Solo practice set-up: pick a scenario and the rival's speed, then play against the simulated competitor."""

from __future__ import annotations

import pygame

from game.core.competitor import DIFFICULTY
from game.ui import flow
from game.ui.scene import Pop, Transition
from game.ui.scenes import draw
from game.ui.scenes.form import FormScene
from game.ui.scenes.picker import ScenarioPicker
from game.workshop.session import Session

MARGIN = 56  # px at 1280×720
LIST_W, ROW_H, BUTTON_W = 430, 52, 180


class SoloSetupScene(FormScene):
    def __init__(self, app):  # noqa: ANN001 - App
        super().__init__(app)
        self.picker = ScenarioPicker(self)
        self.difficulty = "normal"
        self.difficulty_buttons = []

    def build(self) -> None:
        app, px = self.app, self.app.px
        width, height = app.size
        top = px(MARGIN) + app.font(40, True).get_linesize() + px(10)
        list_area = pygame.Rect(px(MARGIN), top + app.font(22, True).get_linesize() + px(8), px(LIST_W), height)
        bottom = height - px(MARGIN) - px(ROW_H)
        below = px(18) + app.font(22, True).get_linesize() + px(6) + px(ROW_H) + px(24)  # the difficulty block
        max_rows = max(2, (bottom - below - list_area.top) // (px(ROW_H) + px(8)))
        y = self.picker.build(list_area, px(ROW_H), max_rows)
        self.difficulty_top = y + px(18)
        y = self.difficulty_top + app.font(22, True).get_linesize() + px(6)
        self.difficulty_buttons = []
        choice_w = (px(LIST_W) - 2 * px(8)) // 3
        for index, level in enumerate(DIFFICULTY):
            rect = pygame.Rect(px(MARGIN) + index * (choice_w + px(8)), y, choice_w, px(ROW_H))
            self.difficulty_buttons.append(
                self.button(
                    rect,
                    app.tr(f"ui.difficulty.{level}"),
                    lambda level=level: self._difficulty(level),
                    selected=level == self.difficulty,
                    tooltip=app.tr(f"ui.difficulty.{level}.tip"),
                    object_id="@option",
                )
            )
        self.button(pygame.Rect(px(MARGIN), bottom, px(BUTTON_W), px(ROW_H)), app.tr("ui.back"), lambda: Pop())
        start = pygame.Rect(width - px(MARGIN) - px(BUTTON_W + 60), bottom, px(BUTTON_W + 60), px(ROW_H))
        self.button(start, app.tr("ui.solo.start"), self.start, object_id="#primary")
        self.details = pygame.Rect(
            list_area.right + px(32),
            list_area.top,
            width - list_area.right - px(32) - px(MARGIN),
            bottom - list_area.top - px(24),
        )

    def _difficulty(self, level: str) -> None:
        self.difficulty = level
        for name, button in zip(DIFFICULTY, self.difficulty_buttons):
            (button.select if name == level else button.unselect)()

    def start(self) -> Transition:
        session = Session.start(
            self.picker.scenario, [self.app.tr("ui.solo.team")], difficulty=self.difficulty, mode="solo"
        )
        return flow.start_game(self.app, session)

    def draw(self, surface: pygame.Surface) -> None:
        app, px, colours = self.app, self.app.px, self.app.palette
        draw.line(surface, app.tr("ui.solo.title"), app.font(40, True), colours.text, (px(MARGIN), px(MARGIN) - px(20)))
        heading_y = px(MARGIN) + app.font(40, True).get_linesize() + px(10)
        draw.line(surface, app.tr("ui.setup.scenario"), app.font(22, True), colours.accent, (px(MARGIN), heading_y))
        draw.line(
            surface,
            app.tr("ui.setup.difficulty"),
            app.font(22, True),
            colours.accent,
            (px(MARGIN), self.difficulty_top),
        )
        self.picker.draw_details(surface, self.details)
        super().draw(surface)
