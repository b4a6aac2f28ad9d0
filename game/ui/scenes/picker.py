"""Choosing a shipped scenario: every scenario in one scrollable list, and its details beside them."""

from __future__ import annotations

from collections.abc import Callable

import pygame
from pygame_gui.elements import UIButton

from game.core.model import Scenario
from game.ui.board.network_layout import warm_up
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
        self.detail_scroll = 0  # first line of the details shown
        warm_up(self.scenario)  # its network view is laid out while the players set up the game

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
            button = self.scene.button(  # a title too long is shortened, and shown whole on hover and focus
                rect,
                app.text(scenario.title),
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
        self.detail_scroll = 0
        warm_up(self.scenario)
        for position, button in enumerate(self.buttons):
            (button.select if position == index else button.unselect)()
        if self.on_choose is not None:
            self.on_choose(self.scenario)

    def detail_lines(self, width: int, objectives: bool = True) -> list[tuple[str, pygame.font.Font, tuple, int]]:
        """The chosen scenario's title, facts, summary and objectives wrapped to `width`: (text, font, colour,
        space above in px)."""
        app, colours, scenario = self.scene.app, self.scene.app.palette, self.scenario
        facts = app.tr(
            "ui.scenario.facts",
            people=scenario.org.size,
            duration=app.translator.duration(scenario.turns, scenario.turn_unit),
            signals=len(scenario.signals),
            rival=scenario.competitor.name,
        )
        blocks = [
            (app.text(scenario.title), app.font(24, True), colours.text, 0),
            (facts, app.font(18), colours.accent, app.px(6)),
            (app.text(scenario.summary), app.font(20), colours.text, app.px(10)),
        ]
        goals = scenario.extras.get("objectives") or []
        if objectives and goals:
            blocks.append((app.tr("ui.scenario.objectives"), app.font(20, True), colours.text, app.px(10)))
            blocks += [("• " + app.text(goal), app.font(18), colours.text_dim, app.px(4)) for goal in goals]
        lines = []
        for text, font, colour, space in blocks:
            wrapped = draw.wrap(text, font, width)
            lines += [(line, font, colour, space if i == 0 else 0) for i, line in enumerate(wrapped)]
        return lines

    def scroll_details(self, step: int) -> None:
        """Scroll the details `step` lines down (up when negative); drawing keeps it within the text."""
        self.detail_scroll = max(0, self.detail_scroll + step)

    def draw_details(self, surface: pygame.Surface, area: pygame.Rect, objectives: bool = True) -> None:
        """The details in a panel; when they are longer than it, the wheel over it (or PageUp / PageDown) scrolls
        them and a bar shows where they are."""
        app, colours = self.scene.app, self.scene.app.palette
        draw.panel(surface, area, colours.panel, colours.panel_edge)
        bar_w = app.px(6)
        inner = area.inflate(-app.px(36), -app.px(28))
        lines = self.detail_lines(inner.width - 2 * bar_w, objectives)
        heights = [font.get_linesize() + space for _, font, _, space in lines]
        last_first = next(i for i in range(len(lines) + 1) if sum(heights[i:]) <= inner.height)
        self.detail_scroll = min(self.detail_scroll, last_first)
        y = inner.top
        for (text, font, colour, space), height in zip(lines[self.detail_scroll :], heights[self.detail_scroll :]):
            if y + height > inner.bottom:
                break
            y = draw.line(surface, text, font, colour, (inner.left, y + (space if y > inner.top else 0))).bottom
        if last_first:
            track = pygame.Rect(inner.right - bar_w, inner.top, bar_w, inner.height)
            shown = len(lines) - last_first
            draw.scrollbar(surface, track, len(lines), shown, self.detail_scroll, colours.background, colours.text_dim)
