"""Choosing a shipped scenario: every scenario in one scrollable list, and its details beside them."""

from __future__ import annotations

from collections.abc import Callable

import pygame
from pygame_gui.elements import UIButton

from game.core.model import Scenario
from game.ui.catalog import playable
from game.ui.scenes import draw
from game.ui.scenes.scroll import ScrollList


class ScenarioPicker:
    """Part of a set-up screen; `scene` is the FormScene that owns the buttons; `on_choose` hears each choice."""

    def __init__(self, scene, on_choose: Callable[[Scenario], None] | None = None):  # noqa: ANN001 - a FormScene
        self.scene = scene
        self.scenarios = playable()
        self.index = 0
        self.on_choose = on_choose
        self.list: ScrollList | None = None
        self.buttons: list[UIButton] = []

    @property
    def scenario(self) -> Scenario:
        return self.scenarios[self.index]

    def build(self, area: pygame.Rect, row_h: int, max_rows: int) -> int:
        """One button per scenario from the top of `area`, in a list `max_rows` rows high that scrolls; returns the y below."""
        app = self.scene.app
        gap = app.px(8)
        shown = min(len(self.scenarios), max(max_rows, 1))
        height = shown * (row_h + gap) - gap
        self.list = ScrollList(
            self.scene, pygame.Rect(area.left, area.top, area.width, height), row_h, gap, len(self.scenarios)
        )
        self.buttons = []
        for index, scenario in enumerate(self.scenarios):
            rect = self.list.rect(index)
            title = draw.fit(app.text(scenario.title), app.font(20), rect.width - app.px(28))
            button = self.scene.button(
                rect,
                title,
                lambda index=index: self.choose(index),
                selected=index == self.index,
                object_id="@choice",
                container=self.list.container,
            )
            self.buttons.append(button)
        self.list.reveal(self.buttons[self.index])
        return area.top + height + gap

    def choose(self, index: int) -> None:
        self.index = index
        for position, button in enumerate(self.buttons):
            (button.select if position == index else button.unselect)()
        if self.on_choose is not None:
            self.on_choose(self.scenario)

    def draw_details(self, surface: pygame.Surface, area: pygame.Rect, objectives: bool = True) -> None:
        app, colours, scenario = self.scene.app, self.scene.app.palette, self.scenario
        draw.panel(surface, area, colours.panel, colours.panel_edge)
        inner = area.inflate(-app.px(36), -app.px(28))
        y = draw.paragraph(surface, app.text(scenario.title), app.font(24, True), colours.text, inner, spacing=1.05)
        facts = app.tr(
            "ui.scenario.facts",
            people=scenario.org.size,
            duration=app.translator.duration(scenario.turns, scenario.turn_unit),
            signals=len(scenario.signals),
            rival=scenario.competitor.name,
        )
        y = draw.paragraph(
            surface,
            facts,
            app.font(18),
            colours.accent,
            pygame.Rect(inner.left, y + app.px(6), inner.width, inner.bottom - y),
        )
        body = pygame.Rect(inner.left, y + app.px(10), inner.width, inner.bottom - y - app.px(10))
        y = draw.paragraph(surface, app.text(scenario.summary), app.font(20), colours.text, body, spacing=1.1)
        goals = scenario.extras.get("objectives") or []
        if objectives and goals and y < inner.bottom - app.px(60):
            y = draw.line(
                surface,
                app.tr("ui.scenario.objectives"),
                app.font(20, True),
                colours.text,
                (inner.left, y + app.px(10)),
            ).bottom
            for goal in goals:
                box = pygame.Rect(inner.left, y + app.px(4), inner.width, inner.bottom - y - app.px(4))
                y = draw.paragraph(surface, "• " + app.text(goal), app.font(18), colours.text_dim, box, spacing=1.0)
