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
PAGE_LINES = 4  # lines of the scenario's details that PageUp / PageDown scroll


class SoloSetupScene(FormScene):
    def __init__(self, app):  # noqa: ANN001 - App
        super().__init__(app)
        self.picker = ScenarioPicker(self)
        self.difficulty = "normal"
        self.difficulty_buttons = []

    def build(self) -> None:
        app, px = self.app, self.app.px
        width, height = app.size
        margin = app.space(MARGIN)
        top = margin + app.title_font(40).get_linesize() + px(10)
        list_w = min(px(LIST_W), (width - 2 * margin) * 2 // 5)
        list_area = pygame.Rect(margin, top + app.font(22, True).get_linesize() + px(8), list_w, height)
        bottom = height - margin - px(ROW_H)
        room = bottom - list_area.top - (px(18) + app.font(22, True).get_linesize() + px(6) + px(24))
        row_h = self.row_height(ROW_H, room, len(self.picker.scenarios) + 1, px(8))
        max_rows = max(2, (room - row_h) // (row_h + px(8)))  # the scenarios' rows above the difficulty's
        y = self.picker.build(list_area, row_h, max_rows)
        self.difficulty_top = y + px(18)
        y = self.difficulty_top + app.font(22, True).get_linesize() + px(6)
        self.difficulty_buttons = []
        choice_w = (list_w - 2 * px(8)) // 3
        for index, level in enumerate(DIFFICULTY):
            rect = pygame.Rect(margin + index * (choice_w + px(8)), y, choice_w, row_h)
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
        self.button(pygame.Rect(margin, bottom, px(BUTTON_W), px(ROW_H)), app.tr("ui.back"), lambda: Pop())
        start = pygame.Rect(width - margin - px(BUTTON_W + 60), bottom, px(BUTTON_W + 60), px(ROW_H))
        self.button(start, app.tr("ui.solo.start"), self.start, object_id="#primary")
        self.details = pygame.Rect(
            list_area.right + px(32),
            list_area.top,
            width - list_area.right - px(32) - margin,
            bottom - list_area.top - px(24),
        )

    def _difficulty(self, level: str) -> None:
        self.difficulty = level
        for name, button in zip(DIFFICULTY, self.difficulty_buttons):
            (button.select if name == level else button.unselect)()

    def wheel(self, pos: tuple[int, int], y: int) -> None:
        if self.details.collidepoint(pos):
            self.picker.scroll_details(-y)

    def handle_key(self, event: pygame.event.Event) -> Transition | None:
        if event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            self.picker.scroll_details(-PAGE_LINES if event.key == pygame.K_PAGEUP else PAGE_LINES)
            return None
        return super().handle_key(event)

    def start(self) -> Transition:
        session = Session.start(
            self.picker.scenario, [self.app.tr("ui.solo.team")], difficulty=self.difficulty, mode="solo"
        )
        return flow.start_game(self.app, session)

    def draw(self, surface: pygame.Surface) -> None:
        app, px, colours = self.app, self.app.px, self.app.palette
        margin = app.space(MARGIN)
        draw.line(surface, app.tr("ui.solo.title"), app.title_font(40), colours.text, (margin, margin - px(20)))
        heading_y = margin + app.title_font(40).get_linesize() + px(10)
        draw.line(surface, app.tr("ui.setup.scenario"), app.font(22, True), colours.accent, (margin, heading_y))
        draw.line(
            surface,
            app.tr("ui.setup.difficulty"),
            app.font(22, True),
            colours.accent,
            (margin, self.difficulty_top),
        )
        self.picker.draw_details(surface, self.details)
        super().draw(surface)
