"""The goal card: a strip along the bottom of the map saying what the selected signal needs to be exploited.

A checklist of the three conditions (someone with the skills holds it, their
copy is faithful enough, their manager at the approval level knows it) that
ticks as each holds, then a line saying that work starts by itself, or who is
working on it and when it will be done. Built from `game.core.goal`, the
team's view only. G folds it to one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.core.goal import Goal, goal_of
from game.core.model import NO_PERSON
from game.core.state import GameState
from game.ui.board.layout import SMALL_PX, BoardLayout
from game.ui.board.textdraw import text_line
from game.ui.scenes.draw import wrap

if TYPE_CHECKING:
    from game.ui.app import App

LINES_PER_ITEM = {"full": 2, "single": 1, "folded": 1}  # most lines an item takes in each form


@dataclass(frozen=True)
class Item:
    text: str
    met: bool | None  # None: a plain line without a box


def card_items(app: App, state: GameState, signal: int, folded: bool = False) -> tuple[str, list[Item]]:
    """The card's heading and its lines in the chosen language."""
    goal = goal_of(state, signal)
    spec = state.scenario.signals[signal]
    heading = app.tr("goal.heading", signal=spec.title)
    if state.exposed[signal] or state.faded[signal]:
        return heading, [Item(app.tr("goal.rumour"), None)]
    if folded:
        return heading, [Item(app.tr("goal.folded", met=goal.conditions_met), None)]
    items = [
        Item(app.tr("goal.value", now=f"{goal.value_now:.0f}", full=f"{goal.value_full:.0f}"), None),
        Item(_who(app, state, goal), goal.someone_capable_knows),
        Item(_fidelity(app, goal), goal.copy_good_enough),
        Item(_approval(app, state, goal), goal.approved if goal.approval_level is not None else True),
        Item(_work(app, state, goal), goal.exploiter != NO_PERSON),
    ]
    return heading, items


def _name(state: GameState, person: int):  # noqa: ANN202 - a Text
    return state.scenario.org.names[person]


def _who(app: App, state: GameState, goal: Goal) -> str:
    skills = ", ".join(app.text(state.scenario.tag_label(t)) for t in goal.skills) or app.tr("goal.any_skill")
    if goal.capable_holder != NO_PERSON:
        return app.tr("goal.who.holds", skills=skills, person=_name(state, goal.capable_holder))
    if goal.candidates:
        names = ", ".join(app.text(_name(state, p)) for p in goal.candidates)
        if goal.more_candidates:
            names += " " + app.tr("goal.who.more", count=goal.more_candidates)
        return app.tr("goal.who.found", skills=skills, people=names)
    return app.tr("goal.who.unknown", skills=skills)


def _fidelity(app: App, goal: Goal) -> str:
    needed = round(goal.min_fidelity * 100)
    if goal.capable_holder == NO_PERSON:
        return app.tr("goal.fidelity.needed", needed=needed)
    return app.tr("goal.fidelity.best", needed=needed, best=round(goal.best_fidelity * 100))


def _approval(app: App, state: GameState, goal: Goal) -> str:
    if goal.approval_level is None:
        return app.tr("goal.approval.none")
    if goal.approver == NO_PERSON:
        return app.tr("goal.approval.level", level=goal.approval_level)
    if goal.approver == goal.focus:
        return app.tr("goal.approval.self", person=_name(state, goal.focus))
    title = state.scenario.org.titles[goal.approver]
    key = "goal.approval.knows" if goal.approver_knows else "goal.approval.person"
    return app.tr(key, person=_name(state, goal.approver), title=title, level=goal.approval_level)


def _work(app: App, state: GameState, goal: Goal) -> str:
    if goal.done_turn is not None:
        return app.tr("goal.work.done", person=_name(state, goal.exploiter), turn=goal.done_turn)
    if goal.exploiter != NO_PERSON:
        return app.tr("goal.work.started", person=_name(state, goal.exploiter), turn=goal.finish_turn)
    return app.tr("goal.work.by_itself", effort=goal.effort)


DOCKED = ("single", "folded")  # the docked card: one line per condition (a height that does not move), else folded


class GoalCard:
    """Lays out and draws the card for a map rectangle; `rect` is where it was drawn (None when not shown).

    Docked, it shows one line per condition (its height does not change as the game goes, so the map fitted
    around it stays clear) or, when the map is short, folds to one line; hovering it shows the whole card, with
    the value and every line wrapped.
    """

    def __init__(self) -> None:
        self.folded = False
        self.rect: pygame.Rect | None = None

    def toggle(self) -> None:
        self.folded = not self.folded

    def height(
        self, app: App, layout: BoardLayout, state: GameState, signal: int | None, width: int, limit: int
    ) -> int:
        """Pixels the card takes at `width` when it may take at most `limit` (0 without a signal)."""
        if signal is None:
            return 0
        return self._pixels(app, layout, len(self._lines(app, layout, state, signal, width, limit)))

    def _pixels(self, app: App, layout: BoardLayout, lines: int) -> int:
        return lines * app.font(SMALL_PX).get_linesize() + layout.px(14)

    def _lines(
        self, app: App, layout: BoardLayout, state: GameState, signal: int, width: int, limit: int | None
    ) -> list[tuple[str, bool | None, bool, bool]]:
        """(text, met, first line of its item, heading) for every line drawn, in the longest form that fits
        `limit` px (None: the whole card)."""
        small = app.font(SMALL_PX)
        text_width = width - self._box_width(app, layout) - layout.px(24)
        modes = ("folded",) if self.folded else ("full",) if limit is None else DOCKED
        for mode in modes:
            heading, items = card_items(app, state, signal, folded=mode == "folded")
            if mode == "single":  # docked: the conditions only (the side panel shows the value)
                items = [item for item in items if item.met is not None] or items
            most = LINES_PER_ITEM[mode]
            rows: list[tuple[str, bool | None, bool, bool]] = [(heading, None, True, True)]
            for item in items:
                wrapped = wrap(item.text, small, text_width)
                if len(wrapped) > most:  # the last line shown ends in an ellipsis (text_line fits it)
                    wrapped = wrapped[: most - 1] + [" ".join(wrapped[most - 1 :])]
                rows += [(text, item.met, i == 0, False) for i, text in enumerate(wrapped)]
            if limit is None or self._pixels(app, layout, len(rows)) <= limit:
                return rows
        return rows

    def _box_width(self, app: App, layout: BoardLayout) -> int:
        return app.font(SMALL_PX).get_linesize() + layout.px(4)

    def draw(
        self,
        surface: pygame.Surface,
        app: App,
        layout: BoardLayout,
        state: GameState,
        signal: int | None,
        rect: pygame.Rect,
        limit: int | None,
    ) -> None:
        """Draw inside `rect` (its height from `height`); with `limit` None, the whole card grown upward from its
        bottom (the hover view)."""
        if limit is not None:
            self.rect = None
        if signal is None or rect.height <= 0:
            return
        lines = self._lines(app, layout, state, signal, rect.width, limit)
        height = self._pixels(app, layout, len(lines))
        rect = pygame.Rect(rect.left, rect.bottom - height, rect.width, height)
        if limit is not None:
            self.rect = rect
        palette, small = app.palette, app.font(SMALL_PX)
        bold = app.font(SMALL_PX, bold=True)
        pygame.draw.rect(surface, palette.panel, rect)
        pygame.draw.line(surface, palette.panel_edge, rect.topleft, rect.topright, 2)
        box = self._box_width(app, layout)
        x, y = rect.left + layout.px(12), rect.top + layout.px(7)
        line_h = small.get_linesize()
        for text, met, first, is_heading in lines:
            if is_heading:
                hint = app.tr("goal.unfold" if self.folded else "goal.fold" if limit is None else "goal.hover")
                hint_w = small.size(hint)[0]
                text_line(surface, text, bold, palette.accent, (x, y), rect.width - hint_w - layout.px(44))
                surface.blit(small.render(hint, True, palette.text_dim), (rect.right - layout.px(12) - hint_w, y))
            else:
                if first and met is not None:
                    tick = pygame.Rect(x, y + layout.px(3), line_h - layout.px(6), line_h - layout.px(6))
                    _checkbox(surface, app, tick, met)
                colour = palette.text if met is not False else palette.text_dim
                text_line(surface, text, small, colour, (x + box, y), rect.width - box - layout.px(24))
            y += line_h


def _checkbox(surface: pygame.Surface, app: App, rect: pygame.Rect, met: bool) -> None:
    """A ticked box in the "good" colour, or an empty one."""
    colour = app.palette.good if met else app.palette.text_dim
    pygame.draw.rect(surface, colour, rect, 2, border_radius=3)
    if met:
        a = (rect.left + rect.width * 0.2, rect.top + rect.height * 0.55)
        b = (rect.left + rect.width * 0.42, rect.top + rect.height * 0.78)
        c = (rect.left + rect.width * 0.82, rect.top + rect.height * 0.25)
        pygame.draw.lines(surface, colour, False, [a, b, c], 3)
