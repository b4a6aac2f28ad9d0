"""Choosing a shipped scenario: one button per scenario (in pages when they do not fit), and its details beside them."""

from __future__ import annotations

import pygame
from pygame_gui.elements import UIButton

from game.core.model import Scenario
from game.ui.catalog import playable
from game.ui.scenes import draw


class ScenarioPicker:
    """Part of a set-up screen; `scene` is the FormScene that owns the buttons."""

    def __init__(self, scene):  # noqa: ANN001 - a FormScene
        self.scene = scene
        self.scenarios = playable()
        self.index = 0
        self.page, self.pages, self.per_page = 0, 1, 1
        self.buttons: list[UIButton] = []

    @property
    def scenario(self) -> Scenario:
        return self.scenarios[self.index]

    def build(self, area: pygame.Rect, row_h: int, max_rows: int) -> int:
        """Buttons from the top of `area`, at most `max_rows` rows (the last one pages on); returns the y below."""
        app = self.scene.app
        count = len(self.scenarios)
        self.per_page = count if count <= max_rows else max(1, max_rows - 1)
        self.pages = -(-count // self.per_page)
        self.page = min(self.page, self.pages - 1)
        first = self.page * self.per_page
        self.buttons = []
        y = area.top
        for index in range(first, min(count, first + self.per_page)):
            rect = pygame.Rect(area.left, y, area.width, row_h)
            button = self.scene.button(
                rect,
                app.text(self.scenarios[index].title),
                lambda index=index: self.choose(index),
                selected=index == self.index,
                object_id="@choice",
            )
            self.buttons.append(button)
            y += row_h + app.px(8)
        if self.pages > 1:
            label = app.tr("ui.scenario.more", page=self.page + 1, pages=self.pages)
            self.scene.button(pygame.Rect(area.left, y, area.width, row_h), label, self.next_page)
            y += row_h + app.px(8)
        return y

    def next_page(self) -> None:
        """Show the next page of scenarios (the chosen one stays chosen)."""
        self.page = (self.page + 1) % self.pages
        focus = self.scene.focus
        self.scene.resize()
        self.scene.focus = focus

    def choose(self, index: int) -> None:
        self.index = index
        first = self.page * self.per_page
        for position, button in enumerate(self.buttons):
            (button.select if first + position == index else button.unselect)()

    def draw_details(self, surface: pygame.Surface, area: pygame.Rect, objectives: bool = True) -> None:
        app, colours, scenario = self.scene.app, self.scene.app.palette, self.scenario
        draw.panel(surface, area, colours.panel, colours.panel_edge)
        inner = area.inflate(-app.px(36), -app.px(28))
        y = draw.paragraph(surface, app.text(scenario.title), app.font(24, True), colours.text, inner, spacing=1.05)
        facts = app.tr(
            "ui.scenario.facts",
            people=scenario.org.size,
            turns=scenario.turns,
            unit=unit_name(app, scenario.turn_unit),
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


def unit_name(app, unit: str) -> str:  # noqa: ANN001 - App
    """The plural of a turn unit in the chosen language ("days", "jours"); an unknown unit is shown as written."""
    key = f"ui.unit.{unit}"
    name = app.tr(key)
    return unit if name == key else name
